package interp

import (
	"io"
	"regexp"
	"unicode/utf8"

	"gobro/runtime/value"
)

// prefixRE returns the regexp anchored at the start with leftmost-longest
// semantics, for the bifs that cut strings at matches (split, sub,
// find_all): flex's DFA finds the longest match starting at a position,
// and so does Go's regexp in Longest mode.
func (m *matcher) prefixRE() *regexp.Regexp {
	m.prefixOnce.Do(func() {
		re, err := regexp.Compile(`^(?:` + m.src + `)`)
		if err != nil {
			return
		}
		re.Longest()
		m.prefix = re
	})
	return m.prefix
}

// byteReader reads a string as the regexp package should see a subject:
// one character per byte, a byte above 0x7f being the character of the
// same code. Reading from a reader rather than from a converted copy
// keeps a match attempt at one position in proportion to the bytes it
// looks at, not to the rest of the subject, so that the bifs that try a
// match at each position stay linear in the subject.
type byteReader struct {
	s string
	i int
}

func (r *byteReader) ReadRune() (rune, int, error) {
	if r.i >= len(r.s) {
		return 0, 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return rune(c), 1, nil
}

// PatternPrefix returns a function giving the length of the longest
// prefix of a string that the pattern matches, 0 for an empty match and
// -1 for none, as Bro's RE_Matcher::MatchPrefix does. A pattern that
// does not compile matches nothing.
func PatternPrefix(p *value.Pattern) func(s string) int {
	if p == nil {
		p = &value.Pattern{}
	}
	m, err := compilePattern(p)
	if err != nil {
		return func(string) int { return -1 }
	}
	re := m.prefixRE()
	if re == nil {
		return func(string) int { return -1 }
	}
	return func(s string) int {
		if len(s) <= shortSubject {
			return prefixOfShort(re, s)
		}
		loc := re.FindReaderIndex(&byteReader{s: s})
		if loc == nil {
			return -1
		}
		return loc[1]
	}
}

// shortSubject is the length up to which a subject is matched as a
// string: the regexp package matches strings faster than readers, and a
// bounded length keeps the cost per position bounded too.
const shortSubject = 256

func prefixOfShort(re *regexp.Regexp, s string) int {
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
