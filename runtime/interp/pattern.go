package interp

import (
	"container/list"
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
// (pattern == string), one for matching anywhere (pattern in string) and,
// made on first use, one anchored at the start with leftmost-longest
// semantics for the builtins that cut strings at matches.
type matcher struct {
	src             string // the Go syntax of the pattern
	exact, anywhere *regexp.Regexp
	prefixOnce      sync.Once
	prefix          *regexp.Regexp
}

// patternCacheSize bounds how many compiled patterns are kept. Literal
// patterns hold their matcher in the compiled code, so the cache matters
// only for patterns built at run time (string_to_pattern, p1 | p2), of
// which a long-running node may make any number.
const patternCacheSize = 1024

// patternCache keeps the most recently used compiled patterns by their
// text, so that a pattern built at run time compiles once however often
// it is used, without holding every pattern ever built.
type patternCache struct {
	mu      sync.Mutex
	entries map[string]*list.Element // key -> element holding *cacheEntry
	order   list.List                // most recently used first
	limit   int
}

type cacheEntry struct {
	key string
	m   *matcher
}

var matchers = &patternCache{entries: map[string]*list.Element{}, limit: patternCacheSize}

func (c *patternCache) get(key string) *matcher {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cacheEntry).m
	}
	return nil
}

func (c *patternCache) put(key string, m *matcher) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, m: m})
	for c.order.Len() > c.limit {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
}

func (c *patternCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// compilePattern returns the matcher for p, compiling it on first use.
// The pattern value keeps its matcher; the cache lets values with the
// same text (a pattern built again and again at run time) share one.
func compilePattern(p *value.Pattern) (*matcher, error) {
	if m, ok := p.Compiled.(*matcher); ok {
		return m, nil
	}
	key := p.Text
	if p.CaseInsensitive {
		key = "i" + key
	} else {
		key = "s" + key
	}
	if m := matchers.get(key); m != nil {
		p.Compiled = m
		return m, nil
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
	m := &matcher{src: re, exact: exact, anywhere: anywhere}
	matchers.put(key, m)
	p.Compiled = m
	return m, nil
}

// CheckPattern reports whether a pattern compiles, with Bro's message
// when it does not. Bro compiles a pattern's match-anywhere form first,
// and its message names that form's text: the pattern after
// "^?(.|\n)*(", inside "(?i:...)" when case-insensitive.
func CheckPattern(p *value.Pattern) error {
	if _, err := compilePattern(p); err != nil {
		text := `^?(.|\n)*(` + p.Text + `)`
		if p.CaseInsensitive {
			text = "(?i:" + text + ")"
		}
		return fmt.Errorf("error compiling pattern /%s/", text)
	}
	return nil
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
// Every singleton of Bro's grammar (a character, class, group or quoted
// string, with its repeat operators) becomes one Go atom, so that an
// operator after it applies to all of it: "ab"* repeats the string, and
// a** is a closure of a closure.
func translatePattern(src string) (string, error) {
	var b strings.Builder
	atStart := true // where ^ is an anchor
	atom := -1      // where the last singleton starts in b, -1 for none
	repeated := false
	var groups []int // where each open group starts in b
	for i := 0; i < len(src); {
		c := src[i]
		before := b.Len()
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
			groups = append(groups, before)
			b.WriteString("(?i:")
			i += 4
			atStart, atom = true, -1
			continue
		case c == '(' || c == '|':
			if c == '(' {
				groups = append(groups, before)
			}
			b.WriteByte(c)
			i++
			atStart, atom = true, -1
			continue
		case c == ')':
			if len(groups) == 0 {
				return "", fmt.Errorf("unbalanced ) in pattern")
			}
			b.WriteByte(c)
			i++
			before = groups[len(groups)-1]
			groups = groups[:len(groups)-1]
		case c == '*' || c == '+' || c == '?' || c == '{':
			if atom < 0 {
				return "", fmt.Errorf("repeat of nothing in pattern")
			}
			op := string(c)
			i++
			if c == '{' {
				j := strings.IndexByte(src[i:], '}')
				if j < 0 {
					return "", fmt.Errorf("bad repetition in pattern")
				}
				lo, hi, ok := parseRepeat(src[i : i+j])
				if !ok || lo > maxRepeatTotal || hi > maxRepeatTotal {
					return "", fmt.Errorf("bad repetition in pattern")
				}
				i += j + 1
				if !repeated && lo <= maxRepeat && hi <= maxRepeat {
					b.WriteString(repeatSuffix(lo, hi))
					atStart, repeated = false, true
					continue
				}
				body := b.String()[atom:]
				b2 := b.String()[:atom]
				b.Reset()
				b.WriteString(b2)
				b.WriteString(repeatAtom(body, lo, hi))
				atStart, repeated = false, true
				continue
			}
			if repeated {
				// Go refuses a repeat of a repeat; a group makes it one.
				body := b.String()[atom:]
				b2 := b.String()[:atom]
				b.Reset()
				b.WriteString(b2)
				b.WriteString("(?:" + body + ")")
			}
			b.WriteString(op)
			atStart, repeated = false, true
			continue
		case c == '.':
			b.WriteByte(c)
			i++
		case c == '"':
			// A quoted string matches as written even in a /.../i
			// pattern: Bro's re-parse.y leaves its characters alone,
			// "a way of escaping out of insensitivity".
			i++
			b.WriteString("(?-i:")
			for i < len(src) && src[i] != '"' {
				var ch byte
				ch, i = patternByte(src, i)
				writeLiteral(&b, ch)
			}
			if i >= len(src) {
				return "", fmt.Errorf("unterminated string in pattern")
			}
			b.WriteByte(')')
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
		atStart, atom, repeated = false, before, false
	}
	return b.String(), nil
}

// maxRepeat is the largest count Go's regexp takes in one repeat; Bro's
// has no such limit, so larger counts are built from nested repeats.
const maxRepeat = 1000

// maxRepeatTotal bounds a count, as a pattern's size must be bounded:
// Bro would build a state per repeat.
const maxRepeatTotal = 100000

// repeatAtom returns atom repeated lo to hi times (hi < 0: no upper
// bound) in Go syntax, with no count above maxRepeat.
func repeatAtom(atom string, lo, hi int) string {
	g := "(?:" + atom + ")"
	out := exactly(g, lo)
	switch {
	case hi < 0:
		return out + g + "*"
	case hi > lo:
		return out + atMost(g, hi-lo)
	}
	return out
}

// repeatSuffix is the Go operator for lo to hi repeats (hi < 0: no
// upper bound), each at most maxRepeat.
func repeatSuffix(lo, hi int) string {
	switch {
	case hi < 0:
		return "{" + strconv.Itoa(lo) + ",}"
	case hi == lo:
		return "{" + strconv.Itoa(lo) + "}"
	}
	return "{" + strconv.Itoa(lo) + "," + strconv.Itoa(hi) + "}"
}

// exactly is g repeated n times. Go also refuses nested repeats whose
// counts multiply past its limit, so larger counts are a sequence.
func exactly(g string, n int) string {
	out := strings.Repeat(g+"{"+strconv.Itoa(maxRepeat)+"}", n/maxRepeat)
	if n%maxRepeat > 0 {
		out += g + "{" + strconv.Itoa(n%maxRepeat) + "}"
	}
	return out
}

// atMost is g repeated 0 to n times.
func atMost(g string, n int) string {
	out := strings.Repeat(g+"{0,"+strconv.Itoa(maxRepeat)+"}", n/maxRepeat)
	if n%maxRepeat > 0 {
		out += g + "{0," + strconv.Itoa(n%maxRepeat) + "}"
	}
	return out
}

// endsGroup reports whether position i of src ends the pattern, a group
// or an alternative.
func endsGroup(src string, i int) bool {
	return i >= len(src) || src[i] == ')' || src[i] == '|'
}

// parseRepeat reads the inside of a {n}, {n,} or {n,m}; hi is -1 for
// no upper bound. Bro refuses a lower bound above the upper one.
func parseRepeat(s string) (lo, hi int, ok bool) {
	l, h, comma := strings.Cut(s, ",")
	lo, err := strconv.Atoi(l)
	if err != nil || lo < 0 || strings.HasPrefix(l, "+") {
		return 0, 0, false
	}
	switch {
	case !comma:
		return lo, lo, true
	case h == "":
		return lo, -1, true
	}
	hi, err = strconv.Atoi(h)
	if err != nil || hi < lo || strings.HasPrefix(h, "+") || strings.HasPrefix(h, "-") {
		return 0, 0, false
	}
	return lo, hi, true
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
