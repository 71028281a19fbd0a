package interp

import (
	"testing"

	"gobro/runtime/value"
)

func TestPatternPrefix(t *testing.T) {
	cases := []struct {
		pat, s string
		want   int
	}{
		{"a+", "aaab", 3},
		{"a|ab", "abc", 2},
		{"x", "abc", -1},
		{"a*", "bbb", 0},
		{"\\xff+", "\xff\xffa", 2},
		{".", "\xe9x", 1},
		{"(-)+", "--cd", 2},
	}
	for _, c := range cases {
		if got := PatternPrefix(&value.Pattern{Text: c.pat})(c.s); got != c.want {
			t.Errorf("prefix of /%s/ in %q = %d, want %d", c.pat, c.s, got, c.want)
		}
	}
	if got := PatternPrefix(&value.Pattern{Text: "ab", CaseInsensitive: true})("ABc"); got != 2 {
		t.Errorf("case-insensitive prefix = %d", got)
	}
}
