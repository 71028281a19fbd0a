package bench

import (
	"testing"
)

// TestWorkloadsAgree runs every comparison workload in every engine once
// and checks that they print the same result.
func TestWorkloadsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every workload")
	}
	for _, w := range append([]string{"empty"}, Workloads...) {
		var want string
		for _, e := range Engines {
			r, err := Run(e, w)
			if err != nil {
				t.Fatal(err)
			}
			if e == Engines[0] {
				want = r.Output
			} else if r.Output != want {
				t.Errorf("%s: %s printed %q, gobro %q", w, e, r.Output, want)
			}
		}
	}
}

// BenchmarkCompare runs each workload in each engine in this process
// (cmd/ratios runs them in child processes, for memory figures).
func BenchmarkCompare(b *testing.B) {
	for _, w := range Workloads {
		for _, e := range Engines {
			b.Run(w+"/"+e, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := Run(e, w); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
