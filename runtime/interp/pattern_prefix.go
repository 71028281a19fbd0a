package interp

import (
	"regexp"
	"sync"
	"unicode/utf8"

	"gobro/runtime/value"
)

// prefixMatchers caches, per pattern, a regexp anchored at the start
// with leftmost-longest semantics, for the bifs that cut strings at
// matches (split, sub, find_all): flex's DFA finds the longest match
// starting at a position, and so does Go's regexp in Longest mode.
var prefixMatchers sync.Map // key as in matchers -> *regexp.Regexp

// PatternPrefix returns a function giving the length of the longest
// prefix of a string that the pattern matches, 0 for an empty match and
// -1 for none, as Bro's RE_Matcher::MatchPrefix does. A pattern that
// does not compile matches nothing.
func PatternPrefix(p *value.Pattern) func(s string) int {
	if p == nil {
		p = &value.Pattern{}
	}
	key := "s" + p.Text
	if p.CaseInsensitive {
		key = "i" + p.Text
	}
	var re *regexp.Regexp
	if cached, ok := prefixMatchers.Load(key); ok {
		re = cached.(*regexp.Regexp)
	} else {
		src, err := translatePattern(p.Text)
		if err != nil {
			return func(string) int { return -1 }
		}
		if p.CaseInsensitive {
			src = "(?i:" + src + ")"
		}
		re, err = regexp.Compile(`^(?:` + src + `)`)
		if err != nil {
			return func(string) int { return -1 }
		}
		re.Longest()
		prefixMatchers.Store(key, re)
	}
	return func(s string) int {
		subj := subject(s)
		loc := re.FindStringIndex(subj)
		if loc == nil {
			return -1
		}
		if len(subj) == len(s) {
			return loc[1]
		}
		// Bytes above 0x7f became two-byte characters: count characters.
		return utf8.RuneCountInString(subj[:loc[1]])
	}
}
