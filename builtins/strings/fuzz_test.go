package strings

import (
	"strings"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

// FuzzCutting feeds arbitrary patterns and subjects to the bifs that cut
// strings at matches: they must not panic, split with the separators
// kept must give the subject back, and gsub with an empty replacement
// must never lengthen it.
func FuzzCutting(f *testing.F) {
	for _, s := range [][2]string{
		{"y", strings.Repeat("x", 1000)},
		{"x", "\xff" + strings.Repeat("x", 1000)},
		{"[0-9]+", "a1b22c333"},
		{"a*", "baaab"},
		{"(ab", "ab"},
		{"a{1001}", strings.Repeat("a", 1002)},
		{`"ab"*`, "ababx"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pat, s string) {
		match := interp.PatternPrefix(&value.Pattern{Text: pat})
		if got := strings.Join(Split(s, match, true, 0), ""); got != s {
			t.Errorf("split_all(%q, /%s/) pieces join to %q", s, pat, got)
		}
		if got := Substitute(s, match, "", true); len(got) > len(s) {
			t.Errorf("gsub(%q, /%s/, \"\") = %q", s, pat, got)
		}
	})
}
