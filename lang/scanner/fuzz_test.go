package scanner

import (
	"testing"
)

// FuzzScanner checks that any input scans to EOF without panicking, that
// every token moves forward, and that skipping a branch terminates.
func FuzzScanner(f *testing.F) {
	for _, seed := range []string{
		"global x = 5min + 1.5 hrs;",
		`print "a\x41\n", /fo\/o/i, 10.0.0.0/8, [fe80::1]/64, 80/tcp;`,
		"@if ( T ) x @else y @endif",
		"a.b.c 0xff .5e3 3. !in ! in &redef &&",
		"\"unterminated\n/unterminated",
		"\x00\xff\r\n@load foo\n@prefixes += bar",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s := New("fuzz.bro", src)
		last := -1
		for i := 0; ; i++ {
			tok, _ := s.Next()
			if tok.EOF() {
				break
			}
			if tok.Pos.Offset <= last || tok.Value == "" {
				t.Fatalf("no progress at %d: %q", tok.Pos.Offset, tok.Value)
			}
			last = tok.Pos.Offset
			if i > len(src) {
				t.Fatalf("more tokens than bytes")
			}
		}
		New("fuzz.bro", src).SkipBranch()
	})
}
