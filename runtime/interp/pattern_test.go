package interp

import (
	"fmt"
	"strings"
	"testing"

	"gobro/runtime/value"
)

func TestPatternMatching(t *testing.T) {
	cases := []struct {
		pat             string
		ci              bool
		subject         string
		exact, anywhere bool
	}{
		{"foo|bar", false, "foo", true, true},
		{"foo|bar", false, "foobar", false, true},
		{"^oob", false, "foobar", false, false},
		{"oob$", false, "xoob", false, true},
		{`\d`, false, "d", true, true}, // flex: \d is the letter d
		{`\d`, false, "1", false, false},
		{`[0-9]{2,3}`, false, "123", true, true},
		{`[0-9]{2,3}`, false, "1", false, false},
		{`"a.b"`, false, "a.b", true, true},
		{`"a.b"`, false, "axb", false, false},
		{`a^b`, false, "a^b", true, true},
		{`a$b`, false, "a$b", true, true},
		{`\x41\101`, false, "AA", true, true},
		{`.`, false, "\n", false, false},
		{`[^a]`, false, "\n", true, true},
		{`\xff.`, false, "\xff\x80", true, true},
		{`[[:digit:]]+`, false, "42", true, true},
		{"foo", true, "FoO", true, true},
		{"foo", false, "FOO", false, false},
		{"", false, "", true, true},
	}
	for _, c := range cases {
		m, err := compilePattern(&value.Pattern{Text: c.pat, CaseInsensitive: c.ci})
		if err != nil {
			t.Errorf("/%s/: %v", c.pat, err)
			continue
		}
		if got := m.MatchExactly(c.subject); got != c.exact {
			t.Errorf("/%s/ == %q: %v, want %v", c.pat, c.subject, got, c.exact)
		}
		if got := m.MatchAnywhere(c.subject); got != c.anywhere {
			t.Errorf("/%s/ in %q: %v, want %v", c.pat, c.subject, got, c.anywhere)
		}
	}
}

func TestCombinedPatterns(t *testing.T) {
	a := &value.Pattern{Text: "a+"}
	b := &value.Pattern{Text: "b", CaseInsensitive: true}
	or := combinePatterns(a, b, "|")
	and := combinePatterns(a, b, "")
	if want := "/^?((^?(a+)$?)|((?i:^?(b)$?)))$?/"; value.FormatPattern(or) != want {
		t.Errorf("got %s, want %s", value.FormatPattern(or), want)
	}
	for s, want := range map[string][2]bool{"aa": {true, false}, "B": {true, false}, "aaB": {false, true}, "ab": {false, true}} {
		mo, err := compilePattern(or)
		if err != nil {
			t.Fatal(err)
		}
		ma, err := compilePattern(and)
		if err != nil {
			t.Fatal(err)
		}
		if mo.MatchExactly(s) != want[0] || ma.MatchExactly(s) != want[1] {
			t.Errorf("%q: or %v and %v, want %v", s, mo.MatchExactly(s), ma.MatchExactly(s), want)
		}
	}
}

func TestBadPatternsAreErrors(t *testing.T) {
	for _, p := range []string{"[abc", `"abc`, "a{x}", "(a"} {
		if _, err := compilePattern(&value.Pattern{Text: p}); err == nil {
			t.Errorf("/%s/ compiled", p)
		}
	}
}

// FuzzStringToPattern feeds arbitrary text to the pattern engine, as
// string_to_pattern does at run time: translating and compiling must
// either fail cleanly or give a matcher that can be used.
func FuzzStringToPattern(f *testing.F) {
	for _, s := range []string{"a(b", "[a-z]+", `"quoted"`, "x{2,3}", "^a$", `\x41`, "[^]]", "(a|)*", "{", "a{1000}"} {
		f.Add(s, "xaby")
	}
	f.Fuzz(func(t *testing.T, text, subjectText string) {
		m, err := compilePattern(&value.Pattern{Text: text})
		if err != nil {
			return
		}
		m.MatchExactly(subjectText)
		m.MatchAnywhere(subjectText)
	})
}

// TestPatternSingletons checks that a repeat applies to the whole of
// Bro's singleton (a quoted string, a repeated atom) and that counts
// above Go's limit of 1000 work as in Bro.
func TestPatternSingletons(t *testing.T) {
	cases := []struct {
		pat, subject string
		exact        bool
	}{
		{`"ab"*`, "abab", true},
		{`"ab"*`, "abb", false},
		{`"ab"{2}`, "abab", true},
		{`a**`, "aaa", true},
		{`a+?`, "", true},
		{`a{2}{3}`, "aaaaaa", true},
		{`a{2}{3}`, "aaaa", false},
		{`a{2000}`, strings.Repeat("a", 2000), true},
		{`a{2000}`, strings.Repeat("a", 1999), false},
		{`a{1500,2500}`, strings.Repeat("a", 2500), true},
		{`a{1500,2500}`, strings.Repeat("a", 2501), false},
		{`a{1500,2500}`, strings.Repeat("a", 1499), false},
		{`(ab){1001,}`, strings.Repeat("ab", 1200), true},
		{`(ab){1001,}`, strings.Repeat("ab", 1000), false},
		{`x{0}y`, "y", true},
	}
	for _, c := range cases {
		m, err := compilePattern(&value.Pattern{Text: c.pat})
		if err != nil {
			t.Errorf("/%s/: %v", c.pat, err)
			continue
		}
		if got := m.MatchExactly(c.subject); got != c.exact {
			t.Errorf("/%s/ == %d bytes: %v, want %v", c.pat, len(c.subject), got, c.exact)
		}
	}
	if got := PatternPrefix(&value.Pattern{Text: "a{1001}"})(strings.Repeat("a", 1005)); got != 1001 {
		t.Errorf("prefix of /a{1001}/ = %d", got)
	}
}

// TestPatternCacheIsBounded builds many distinct patterns, as a node
// calling string_to_pattern on changing text does, and checks that the
// cache keeps only a bounded number of them.
func TestPatternCacheIsBounded(t *testing.T) {
	held := &value.Pattern{Text: "held-[0-9]+"}
	first, err := compilePattern(held)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3*patternCacheSize; i++ {
		p := &value.Pattern{Text: fmt.Sprintf("bounded-%d", i)}
		m, err := compilePattern(p)
		if err != nil || !m.MatchExactly(fmt.Sprintf("bounded-%d", i)) {
			t.Fatalf("pattern %d: %v", i, err)
		}
	}
	if n := matchers.len(); n > patternCacheSize {
		t.Errorf("cache holds %d patterns, limit %d", n, patternCacheSize)
	}
	// A pattern value still in use keeps its matcher after the cache
	// let it go.
	if again, _ := compilePattern(held); again != first {
		t.Error("a held pattern was compiled again")
	}
}

func TestCheckPatternMessage(t *testing.T) {
	for p, want := range map[string]string{
		"(ab":    `error compiling pattern /^?(.|\n)*((ab)/`,
		"a{3,2}": `error compiling pattern /^?(.|\n)*(a{3,2})/`,
	} {
		err := CheckPattern(&value.Pattern{Text: p})
		if err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", p, err, want)
		}
	}
	if err := CheckPattern(&value.Pattern{Text: "a{2000}"}); err != nil {
		t.Errorf("a{2000}: %v", err)
	}
}
