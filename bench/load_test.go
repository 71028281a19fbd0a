package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// loadUnit is one block of a generated script: a record type, a table, a
// function and a handler, each naming the ones before it so that the
// checker has real work to do. %[1]d numbers the block.
const loadUnit = `
type R%[1]d: record {
	a: count &default=%[1]d;
	b: string &optional;
	c: set[string] &default=set();
};
global t%[1]d: table[string] of R%[1]d &redef;
function f%[1]d(x: count, s: string): count
	{
	local r = R%[1]d($b=s);
	t%[1]d[s] = r;
	if ( x > 0 )
		return f%[1]d(x - 1, fmt("%%s-%%d", s, x)) + r$a;
	return |t%[1]d| + |r$c|;
	}
event bro_init() &priority=%[1]d
	{
	print f%[1]d(2, "k") > 0;
	}
`

// BenchmarkLoadScaling loads and checks generated scripts of growing size
// without running them. Load time is linear in script size when ns/byte
// stays flat from one size to the next.
func BenchmarkLoadScaling(b *testing.B) {
	scripts, err := filepath.Abs("../scripts")
	if err != nil {
		b.Fatal(err)
	}
	for _, units := range []int{500, 2000, 8000} {
		var src strings.Builder
		for i := 0; i < units; i++ {
			fmt.Fprintf(&src, loadUnit, i)
		}
		b.Run(fmt.Sprintf("units=%d", units), func(b *testing.B) {
			dir := b.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "big.bro"), []byte(src.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(src.Len()))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				in := interp.New(io.Discard, os.Stderr)
				l := loader.New([]string{dir, scripts}, in)
				for _, f := range []string{"base/init-bare", "big"} {
					if err := l.Load(f); err != nil {
						b.Fatal(err)
					}
				}
				if len(l.Errors()) > 0 || in.Errors() > 0 {
					b.Fatalf("script errors: %v", l.Errors())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(src.Len()), "ns/byte")
		})
	}
}
