package bench

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	_ "gobro/builtins/all"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// eventWorkloads are scripts that raise and handle one million events in
// one process: "chain" has each handler raise the next event (the queue
// stays short), "burst" raises them all from bro_init before any runs
// (the queue holds a million events at once).
var eventWorkloads = map[string]string{
	"chain": `
global total = 0;
global ping: event(n: count);
event ping(n: count)
	{
	total = total + n;
	if ( n < 1000000 )
		event ping(n + 1);
	}
event bro_init() { event ping(1); }
event bro_done() { if ( total != 500000500000 ) print "wrong total", total; }
`,
	"burst": `
global total = 0;
global ping: event(n: count);
event ping(n: count) { total = total + n; }
event bro_init()
	{
	local i = 1;
	while ( i <= 1000000 )
		{
		event ping(i);
		i = i + 1;
		}
	}
event bro_done() { if ( total != 500000500000 ) print "wrong total", total; }
`,
}

// BenchmarkEvents runs each workload; it reports events handled per
// second and the peak heap in use during the run.
func BenchmarkEvents(b *testing.B) {
	for _, name := range []string{"chain", "burst"} {
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			script := filepath.Join(dir, "events.bro")
			if err := os.WriteFile(script, []byte(eventWorkloads[name]), 0o644); err != nil {
				b.Fatal(err)
			}
			scripts, err := filepath.Abs("../scripts")
			if err != nil {
				b.Fatal(err)
			}
			var peak uint64
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				in := interp.New(io.Discard, os.Stderr)
				l := loader.New([]string{dir, scripts}, in)
				for _, f := range []string{"base/init-bare", "events"} {
					if err := l.Load(f); err != nil {
						b.Fatal(err)
					}
				}
				if len(l.Errors()) > 0 || in.Errors() > 0 {
					b.Fatalf("script errors: %v", l.Errors())
				}
				stop := samplePeakHeap(&peak)
				start := time.Now()
				in.Run()
				elapsed += time.Since(start)
				stop()
			}
			b.ReportMetric(float64(b.N)*1e6/elapsed.Seconds(), "events/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MiB")
			}
		})
	}
}

// samplePeakHeap records the largest HeapInuse seen until stop is called.
func samplePeakHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > *peak {
				*peak = ms.HeapInuse
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
