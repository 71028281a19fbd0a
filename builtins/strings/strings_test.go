package strings

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func TestSplit(t *testing.T) {
	dash := interp.PatternPrefix(&value.Pattern{Text: "-+"})
	cases := []struct {
		s      string
		incl   bool
		max    int
		expect []string
	}{
		{"a-b--cd", false, 0, []string{"a", "b", "cd"}},
		{"a-b--cd", true, 0, []string{"a", "-", "b", "--", "cd"}},
		{"a-b--cd", false, 1, []string{"a", "b--cd"}},
		{"a-b--cd", true, 1, []string{"a", "-", "b--cd"}},
		{"", false, 0, []string{""}},
		{"-", false, 0, []string{"", ""}},
		{"abc", false, 0, []string{"abc"}},
	}
	for _, c := range cases {
		if got := Split(c.s, dash, c.incl, c.max); !reflect.DeepEqual(got, c.expect) {
			t.Errorf("Split(%q, incl %v, max %d) = %q, want %q", c.s, c.incl, c.max, got, c.expect)
		}
	}
}

func TestSubstitute(t *testing.T) {
	is := interp.PatternPrefix(&value.Pattern{Text: "is"})
	if got := Substitute("this is", is, "X", false); got != "thX is" {
		t.Errorf("sub = %q", got)
	}
	if got := Substitute("this is", is, "X", true); got != "thX X" {
		t.Errorf("gsub = %q", got)
	}
	empty := interp.PatternPrefix(&value.Pattern{Text: "x*"})
	if got := Substitute("abc", empty, "-", true); got != "abc" {
		t.Errorf("empty matches replaced: %q", got)
	}
}

func TestCompareAndSubstring(t *testing.T) {
	if Compare("abc", "abd") >= 0 || Compare("abcd", "abc") <= 0 || Compare("", "") != 0 {
		t.Error("Compare orders wrongly")
	}
	for _, c := range []struct {
		s        string
		start, n int64
		want     string
		ok       bool
	}{{"hello", 1, 3, "ell", true}, {"hello", 5, 1, "", true}, {"hello", 6, 1, "", false}, {"hello", 2, -1, "llo", true}} {
		if got, ok := Substring(c.s, c.start, c.n); got != c.want || ok != c.ok {
			t.Errorf("Substring(%q, %d, %d) = %q, %v", c.s, c.start, c.n, got, ok)
		}
	}
}

func TestHexdumpLayout(t *testing.T) {
	got := bifHexdump(nil, []value.Value{value.String("ABCDEFGHIJKLMNOPQ")}).AsString()
	want := "0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGH IJKLMNOP\n" +
		"0010  51                                                Q\n"
	if got != want {
		t.Errorf("hexdump:\n%q\nwant\n%q", got, want)
	}
}

// TestCuttingIsLinear guards against the bifs that try a match at each
// position rescanning the rest of the subject at every position: over a
// few megabytes (with a byte above 0x7f, which once made every attempt
// copy the subject) that took hours; linear, it takes well under a second.
func TestCuttingIsLinear(t *testing.T) {
	s := "\xff" + strings.Repeat("x", 4<<20)
	y := interp.PatternPrefix(&value.Pattern{Text: "y"})
	x := interp.PatternPrefix(&value.Pattern{Text: "x"})
	start := time.Now()
	if got := Substitute(s, y, "z", true); got != s {
		t.Errorf("gsub changed a subject without a match")
	}
	if got := Split(s, x, false, 0); len(got) != 4<<20+1 {
		t.Errorf("split gave %d pieces", len(got))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("cutting 4 MB took %v", d)
	}
}
