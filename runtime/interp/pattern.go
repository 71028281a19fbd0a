package interp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gobro/runtime/value"
)

// Bro patterns are flex-style regular expressions. gobro matches them with
// Go's regexp package after translating the syntax:
//
//   - "..." inside a pattern is a literal string;
//   - escapes are flex's: \n \t \r \f \v \a \b (backspace), octal \123 and
//     hex \x41 give bytes; any other escaped character stands for itself
//     (so \d is the letter d, not a digit class as in Go);
//   - ^ is an anchor only at the start of the pattern or of a group or
//     alternative, $ only at the end of one; elsewhere they are literal;
//     "^?" and "$?", which Bro writes around a pattern's text when it
//     prints or combines patterns, match nothing;
//   - (?i: ... ) (from /.../i, possibly inside combined patterns) is kept;
//   - strings are bytes: a subject or pattern byte above 0x7f is matched as
//     the single character of that code (Latin-1), so "." matches one byte.
//
// Matching is for yes/no answers only (Bro's pattern operators never
// report positions), so flex's longest-match rule and Go's leftmost-first
// rule give the same answers.

// matcher is a compiled pattern: one regexp for exact matching
// (pattern == string) and one for matching anywhere (pattern in string).
type matcher struct {
	exact, anywhere *regexp.Regexp
}

// matchers caches compiled patterns by their text, so that a pattern built
// at run time (p1 | p2) compiles once however often it is used.
var matchers sync.Map // string -> *matcher

// compilePattern returns the matcher for p, compiling it on first use.
func compilePattern(p *value.Pattern) (*matcher, error) {
	key := p.Text
	if p.CaseInsensitive {
		key = "i" + key
	} else {
		key = "s" + key
	}
	if m, ok := matchers.Load(key); ok {
		return m.(*matcher), nil
	}
	re, err := translatePattern(p.Text)
	if err != nil {
		return nil, err
	}
	if p.CaseInsensitive {
		re = "(?i:" + re + ")"
	}
	exact, err := regexp.Compile(`^(?:` + re + `)$`)
	if err != nil {
		return nil, err
	}
	anywhere, err := regexp.Compile(re)
	if err != nil {
		return nil, err
	}
	m := &matcher{exact: exact, anywhere: anywhere}
	matchers.Store(key, m)
	return m, nil
}

// subject returns s as the regexp packages reads it: bytes above 0x7f
// become the characters of the same code.
func subject(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			r := make([]rune, len(s))
			for j := 0; j < len(s); j++ {
				r[j] = rune(s[j])
			}
			return string(r)
		}
	}
	return s
}

// MatchExactly reports whether the whole of s matches (pattern == s).
func (m *matcher) MatchExactly(s string) bool { return m.exact.MatchString(subject(s)) }

// MatchAnywhere reports whether some part of s matches (pattern in s).
func (m *matcher) MatchAnywhere(s string) bool { return m.anywhere.MatchString(subject(s)) }

// patternOf compiles the pattern a value holds; a pattern that does not
// compile matches nothing, which the checker prevents for literals.
func patternOf(v value.Value) *matcher {
	p, _ := v.R.(*value.Pattern)
	if p == nil {
		p = &value.Pattern{}
	}
	m, err := compilePattern(p)
	if err != nil {
		return noMatch
	}
	return m
}

// matcherOf returns code giving the matcher of a pattern expression; a
// literal's is found once, when compiling.
func matcherOf(c compiled) func(fr *Frame) *matcher {
	if c.konst {
		m := patternOf(c.fn(nil))
		return func(*Frame) *matcher { return m }
	}
	return func(fr *Frame) *matcher { return patternOf(c.fn(fr)) }
}

var noMatch = &matcher{exact: regexp.MustCompile(`[^\x00-\x{10FFFF}]`), anywhere: regexp.MustCompile(`[^\x00-\x{10FFFF}]`)}

// combinePatterns builds p1 | p2 (op "|") or p1 & p2 (op ""), as Bro
// does: from the operands' printed texts, "(t1)|(t2)" or "(t1)(t2)".
func combinePatterns(a, b *value.Pattern, op string) *value.Pattern {
	return &value.Pattern{Text: "(" + a.MatcherText() + ")" + op + "(" + b.MatcherText() + ")"}
}

// translatePattern turns the text of a Bro pattern into Go regexp syntax.
func translatePattern(src string) (string, error) {
	var b strings.Builder
	atStart := true // where ^ is an anchor
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '^' && i+1 < len(src) && src[i+1] == '?' && atStart:
			i += 2
			continue
		case c == '$' && i+1 < len(src) && src[i+1] == '?' && endsGroup(src, i+2):
			i += 2
			continue
		case c == '^':
			if atStart {
				b.WriteByte('^')
			} else {
				b.WriteString(`\^`)
			}
			i++
		case c == '$':
			if endsGroup(src, i+1) {
				b.WriteByte('$')
			} else {
				b.WriteString(`\$`)
			}
			i++
		case c == '(' && strings.HasPrefix(src[i:], "(?i:"):
			b.WriteString("(?i:")
			i += 4
			atStart = true
			continue
		case c == '(' || c == '|':
			b.WriteByte(c)
			i++
			atStart = true
			continue
		case c == ')' || c == '*' || c == '+' || c == '?' || c == '.':
			b.WriteByte(c)
			i++
		case c == '{':
			j := strings.IndexByte(src[i:], '}')
			if j < 0 || !isRepeat(src[i+1:i+j]) {
				return "", fmt.Errorf("bad repetition in pattern")
			}
			b.WriteString(src[i : i+j+1])
			i += j + 1
		case c == '"':
			i++
			for i < len(src) && src[i] != '"' {
				var ch byte
				ch, i = patternByte(src, i)
				writeLiteral(&b, ch)
			}
			if i >= len(src) {
				return "", fmt.Errorf("unterminated string in pattern")
			}
			i++
		case c == '[':
			n, err := translateClass(&b, src[i:])
			if err != nil {
				return "", err
			}
			i += n
		default:
			var ch byte
			ch, i = patternByte(src, i)
			writeLiteral(&b, ch)
		}
		atStart = false
	}
	return b.String(), nil
}

// endsGroup reports whether position i of src ends the pattern, a group
// or an alternative.
func endsGroup(src string, i int) bool {
	return i >= len(src) || src[i] == ')' || src[i] == '|'
}

// isRepeat reports whether s is the inside of a {n}, {n,} or {n,m}.
func isRepeat(s string) bool {
	lo, hi, comma := strings.Cut(s, ",")
	if _, err := strconv.Atoi(lo); err != nil {
		return false
	}
	if comma && hi != "" {
		if _, err := strconv.Atoi(hi); err != nil {
			return false
		}
	}
	return true
}

// patternByte reads one possibly escaped byte at src[i]; it returns the
// byte and the position after it.
func patternByte(src string, i int) (byte, int) {
	if src[i] != '\\' || i+1 >= len(src) {
		return src[i], i + 1
	}
	i++
	c := src[i]
	switch c {
	case 'n':
		return '\n', i + 1
	case 't':
		return '\t', i + 1
	case 'r':
		return '\r', i + 1
	case 'f':
		return '\f', i + 1
	case 'v':
		return '\v', i + 1
	case 'a':
		return '\a', i + 1
	case 'b':
		return '\b', i + 1
	case 'x':
		j := i + 1
		for j < len(src) && j < i+3 && isHex(src[j]) {
			j++
		}
		if j == i+1 {
			return 'x', i + 1
		}
		n, _ := strconv.ParseUint(src[i+1:j], 16, 8)
		return byte(n), j
	}
	if c >= '0' && c <= '7' {
		j := i
		for j < len(src) && j < i+3 && src[j] >= '0' && src[j] <= '7' {
			j++
		}
		n, _ := strconv.ParseUint(src[i:j], 8, 16)
		return byte(n), j
	}
	return c, i + 1
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// writeLiteral writes a byte that must match itself.
func writeLiteral(b *strings.Builder, c byte) {
	switch {
	case c >= 0x80 || c < 0x20 || c == 0x7f:
		fmt.Fprintf(b, `\x{%02x}`, c)
	case strings.IndexByte(`\.+*?()|[]{}^$`, c) >= 0:
		b.WriteByte('\\')
		b.WriteByte(c)
	default:
		b.WriteByte(c)
	}
}

// translateClass translates a bracket expression at the start of src and
// returns how many bytes it used.
func translateClass(b *strings.Builder, src string) (int, error) {
	b.WriteByte('[')
	i := 1
	if i < len(src) && src[i] == '^' {
		b.WriteByte('^')
		i++
	}
	first := true
	for i < len(src) {
		c := src[i]
		switch {
		case c == ']' && !first:
			b.WriteByte(']')
			return i + 1, nil
		case c == '[' && i+1 < len(src) && src[i+1] == ':':
			j := strings.Index(src[i:], ":]")
			if j < 0 {
				return 0, fmt.Errorf("bad character class in pattern")
			}
			b.WriteString(src[i : i+j+2])
			i += j + 2
		case c == '-' && !first && i+1 < len(src) && src[i+1] != ']':
			b.WriteByte('-')
			i++
		default:
			var ch byte
			ch, i = patternByte(src, i)
			if ch >= 0x80 || ch < 0x20 || ch == 0x7f {
				fmt.Fprintf(b, `\x{%02x}`, ch)
			} else if strings.IndexByte(`\[]^-`, ch) >= 0 {
				b.WriteByte('\\')
				b.WriteByte(ch)
			} else {
				b.WriteByte(ch)
			}
		}
		first = false
	}
	return 0, fmt.Errorf("unterminated character class in pattern")
}
