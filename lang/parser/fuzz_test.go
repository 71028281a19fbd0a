package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheck checks that no input makes the parser panic or fail to
// return, and that every error names the file and a line in Bro's form.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.bro")
	for _, name := range seeds {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"event e() { if ( x ) { y; } else z; }",
		"global t: table[count] of string = { [1] = \"a\", } &redef;",
		"@if ( a in b ) export { const c = 1; } @endif",
		"function f(): record { a: count; } { return [$a=1]; }",
		"((((((((((((((((((((",
		"}}}}};;;@else@endif",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, e := range Check("fuzz.bro", src) {
			if !strings.HasPrefix(e.Error(), "error in fuzz.bro, line ") {
				t.Fatalf("bad error form: %q", e.Error())
			}
		}
	})
}
