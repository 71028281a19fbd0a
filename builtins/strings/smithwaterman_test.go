package strings

import (
	"fmt"
	"testing"
)

func TestSmithWaterman(t *testing.T) {
	cases := []struct {
		s1, s2   string
		min      uint32
		multiple bool
		want     string
	}{
		{"xABCy", "zABCw", 2, false, "[ABC@1/1+]"},
		{"xABCy", "zABCw", 3, false, "[ABC@1/1+]"},
		{"xABy", "zABw", 3, false, "[]"},
		{"ABxCD", "AByCD", 2, false, "[AB@0/0+ CD@3/3]"},
		{"ABxAB", "AB", 2, true, "[AB@0/0+ AB@3/0+]"},
		{"AAA", "AA", 2, true, "[AA@0/0+ AA@1/0+]"},
		{"AAB", "AB", 1, true, "[A@0/0+ AB@1/0+]"},
		{"abc", "xyz", 2, false, "[]"},
		{"a", "a", 2, false, "[]"},
	}
	for _, c := range cases {
		got := "["
		for i, m := range smithWaterman(c.s1, c.s2, c.min, c.multiple) {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%s@%d/%d", m.text, m.off1, m.off2)
			if m.newAlign {
				got += "+"
			}
		}
		got += "]"
		if got != c.want {
			t.Errorf("%q/%q min %d: got %s, want %s", c.s1, c.s2, c.min, got, c.want)
		}
	}
}

// TestCppSortLessOrEqual checks the order libstdc++'s insertion sort
// leaves with a "less or equal" comparison: an element equal to the first
// moves in front of it, one equal to an earlier element moves before it.
func TestCppSortLessOrEqual(t *testing.T) {
	v := []swMatch{{text: "a", off1: 2}, {text: "b", off1: 1}, {text: "c", off1: 2}, {text: "d", off1: 1}}
	cppSort(v, func(a, b *swMatch) bool { return a.off1 <= b.off1 })
	got := ""
	for _, m := range v {
		got += m.text
	}
	if got != "dbca" {
		t.Errorf("got %s, want dbca", got)
	}
	// Longer input goes through the introsort partitioning.
	var long []swMatch
	for i := 0; i < 40; i++ {
		long = append(long, swMatch{off1: (i * 7) % 13})
	}
	cppSort(long, func(a, b *swMatch) bool { return a.off1 <= b.off1 })
	for i := 1; i < len(long); i++ {
		if long[i-1].off1 > long[i].off1 {
			t.Fatalf("not sorted at %d: %v", i, long)
		}
	}
}
