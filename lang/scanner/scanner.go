// Package scanner turns Bro 2.6 script text into tokens.
//
// The scanner follows Bro's flex scanner rule for rule: the same literal
// forms (counts, doubles, hex, strings, patterns, IPv4 and IPv6 addresses,
// subnets, ports, intervals, hostnames), the same longest-match outcomes,
// and the same '@' directives. It is stateful in two ways Bro's is: a '/'
// starts a pattern unless it follows an operand (Bro's parser switches the
// scanner into its RE state in exactly those places), and the text of a
// false '@if' branch is skipped raw, without being tokenised.
//
// Doc comments (##, ##! and ##<) are not tokens; the scanner keeps them
// aside with their positions so that the parser can attach them to the
// declarations they document.
package scanner

import (
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// Error is a problem found in script text, reported as Bro reports it.
type Error struct {
	Pos lexer.Position
	Msg string
}

// Error renders the message in Bro's form:
// "error in FILE, line N: MSG".
func (e *Error) Error() string {
	return fmt.Sprintf("error in %s, line %d: %s", e.Pos.Filename, e.Pos.Line, e.Msg)
}

// CommentKind tells which kind of doc comment a Comment is.
type CommentKind byte

// Doc comment kinds.
const (
	DocBefore  CommentKind = '#' // ## documents what follows
	DocAfter   CommentKind = '<' // ##< documents what precedes
	DocSummary CommentKind = '!' // ##! documents the whole file
)

// Comment is one doc comment line.
type Comment struct {
	Kind CommentKind
	Pos  lexer.Position
	Text string // the text after the marker
	// Next is the offset of the first token after the comment, or -1 if
	// none follows. A DocBefore comment documents the node starting there.
	Next int
}

// Scanner produces tokens from one file's text. The zero value is not
// usable; call New.
type Scanner struct {
	src      string
	pos      lexer.Position // position of the next unread byte
	prev     lexer.Token    // the last token returned
	errs     []*Error
	comments []Comment
	waiting  []int // indexes into comments of DocBefore entries awaiting Next
	// noString is where the last unterminated string gave up: a quote
	// before it cannot start a string either, and knowing that keeps a
	// line of stray quotes linear instead of quadratic.
	noString int
}

// New returns a scanner for src, which came from filename.
func New(filename string, src []byte) *Scanner {
	return &Scanner{
		src:  string(src),
		pos:  lexer.Position{Filename: filename, Line: 1, Column: 1},
		prev: lexer.Token{Type: EOF},
	}
}

// Errors returns the scanning errors found so far (unrecognised
// characters, bad port numbers, unterminated patterns).
func (s *Scanner) Errors() []*Error { return s.errs }

// Comments returns the doc comments read so far.
func (s *Scanner) Comments() []Comment { return s.comments }

// Pos returns the position of the next unread byte.
func (s *Scanner) Pos() lexer.Position { return s.pos }

func (s *Scanner) errorf(pos lexer.Position, format string, args ...any) {
	s.errs = append(s.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// advance moves past n bytes, keeping line and column.
func (s *Scanner) advance(n int) {
	text := s.src[s.pos.Offset : s.pos.Offset+n]
	s.pos.Advance(text)
}

func (s *Scanner) peekByte(i int) byte {
	if o := s.pos.Offset + i; o < len(s.src) {
		return s.src[o]
	}
	return 0
}

// Next returns the next token; at the end of the text it returns an EOF
// token, again and again. It never fails: problems are recorded and
// returned by Errors, as Bro reports them and reads on.
func (s *Scanner) Next() (lexer.Token, error) {
	for {
		s.skipSpaceAndComments()
		start := s.pos
		if start.Offset >= len(s.src) {
			s.flushWaiting(-1)
			return lexer.Token{Type: EOF, Pos: start}, nil
		}
		kind, n := s.match()
		if n == 0 {
			s.errorf(start, "unrecognized character - %s", s.src[start.Offset:start.Offset+1])
			s.advance(1)
			continue
		}
		s.advance(n)
		tok := lexer.Token{Type: kind, Value: s.src[start.Offset : start.Offset+n], Pos: start}
		s.check(tok)
		s.flushWaiting(start.Offset)
		s.prev = tok
		return tok, nil
	}
}

// flushWaiting records off as the next-token offset of pending ## comments.
func (s *Scanner) flushWaiting(off int) {
	for _, i := range s.waiting {
		s.comments[i].Next = off
	}
	s.waiting = s.waiting[:0]
}

// check reports what Bro's scanner reports about a well-formed token.
func (s *Scanner) check(tok lexer.Token) {
	if tok.Type != Port {
		return
	}
	num, proto, _ := strings.Cut(tok.Value, "/")
	max := 65535
	if proto == "icmp" || proto == "unknown" {
		max = 255
	}
	if len(strings.TrimLeft(num, "0")) > 6 || atoi(num) > max {
		s.errorf(tok.Pos, "bad port number - %s", tok.Value)
	}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && n < 1<<24; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func (s *Scanner) skipSpaceAndComments() {
	for s.pos.Offset < len(s.src) {
		c := s.src[s.pos.Offset]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			s.advance(1)
		case c == '#':
			end := strings.IndexByte(s.src[s.pos.Offset:], '\n')
			if end < 0 {
				end = len(s.src) - s.pos.Offset
			}
			s.comment(s.src[s.pos.Offset : s.pos.Offset+end])
			s.advance(end)
		default:
			return
		}
	}
}

// comment keeps a doc comment; plain comments are dropped.
func (s *Scanner) comment(text string) {
	if !strings.HasPrefix(text, "##") {
		return
	}
	c := Comment{Pos: s.pos, Next: -1}
	switch {
	case strings.HasPrefix(text, "##!"):
		c.Kind, c.Text = DocSummary, text[3:]
	case strings.HasPrefix(text, "##<"):
		c.Kind, c.Text = DocAfter, text[3:]
	case strings.HasPrefix(text, "###"):
		return // a row of hashes is decoration, as in Bro
	default:
		c.Kind, c.Text = DocBefore, text[2:]
		s.waiting = append(s.waiting, len(s.comments))
	}
	s.comments = append(s.comments, c)
}

// operandEnd reports whether the previous token ends an operand, in which
// case a following '/' divides rather than starting a pattern.
func (s *Scanner) operandEnd() bool {
	switch s.prev.Type {
	case Ident, Count, Hex, Double, String, Pattern, Addr, Subnet, Port,
		Interval, Hostname, Bool:
		return true
	case Punct:
		return s.prev.Value == ")" || s.prev.Value == "]"
	case Directive:
		return s.prev.Value == "@DIR" || s.prev.Value == "@FILENAME"
	}
	return false
}

// match finds the longest token at the current offset, resolving ties the
// way Bro's rule order does. It returns 0 if nothing matches.
func (s *Scanner) match() (lexer.TokenType, int) {
	rest := s.src[s.pos.Offset:]
	c := rest[0]
	switch {
	case c == '"':
		return s.matchString(rest)
	case c == '/' && !s.operandEnd():
		return s.matchPattern(rest)
	case c == '@':
		return matchDirective(rest)
	case c == '&':
		return matchAmpersand(rest)
	case c == '[':
		if k, n := matchIPv6(rest); n > 0 {
			return k, n
		}
		return Punct, 1
	case isDigit(c) || (c == '.' && len(rest) > 1 && isDigit(rest[1])):
		return matchNumber(rest)
	case isIdentStart(c):
		return matchWord(rest)
	}
	return matchPunct(rest)
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool   { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
func isLetter(c byte) bool     { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isIdentStart(c byte) bool { return isLetter(c) || c == '_' }
func isIdentChar(c byte) bool  { return isIdentStart(c) || isDigit(c) }
func isHostChar(c byte) bool   { return isLetter(c) || isDigit(c) || c == '-' }

// digits returns the length of the run of decimal digits at the start of s.
func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// spaces returns the length of the run of blanks and tabs at the start of s.
func spaces(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// matchString matches a double-quoted string: no raw newlines, escapes
// of any character. An unterminated string matches nothing, as in Bro.
func (s *Scanner) matchString(rest string) (lexer.TokenType, int) {
	if s.pos.Offset < s.noString {
		return EOF, 0
	}
	for i := 1; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			if i+1 < len(rest) && rest[i+1] == '\n' {
				s.noString = s.pos.Offset + i
				return EOF, 0
			}
			i++
		case '\n':
			s.noString = s.pos.Offset + i
			return EOF, 0
		case '"':
			return String, i + 1
		}
	}
	s.noString = len(s.src)
	return EOF, 0
}

// matchPattern matches /re/ or /re/i. The body may contain escaped
// slashes but no raw newline.
func (s *Scanner) matchPattern(rest string) (lexer.TokenType, int) {
	for i := 1; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			if i+1 < len(rest) && rest[i+1] != '\n' {
				i++
				continue
			}
			s.errorf(s.pos, "unterminated pattern")
			return Pattern, i
		case '\n':
			s.errorf(s.pos, "unterminated pattern")
			return Pattern, i
		case '/':
			n := i + 1
			if n < len(rest) && rest[n] == 'i' && (n+1 == len(rest) || !isIdentChar(rest[n+1])) {
				n++
			}
			return Pattern, n
		}
	}
	s.errorf(s.pos, "unterminated pattern")
	return Pattern, len(rest)
}

// directives lists the '@' words; those taking an argument on the same
// line list how it is matched.
var directives = []string{
	"@load-sigs", "@load-plugin", "@load", "@unload", "@prefixes",
	"@ifndef", "@ifdef", "@if", "@else", "@endif", "@DIR", "@FILENAME",
	"@DEBUG", "@deprecated",
}

// matchDirective matches an '@' directive. @load, @load-sigs,
// @load-plugin, @unload and @prefixes take their argument into the token,
// as Bro's scanner does; @deprecated takes the rest of the line.
func matchDirective(rest string) (lexer.TokenType, int) {
	for _, d := range directives {
		if !strings.HasPrefix(rest, d) {
			continue
		}
		n := len(d)
		switch d {
		case "@load", "@load-sigs", "@load-plugin", "@unload":
			ws := spaces(rest[n:])
			arg := argLen(rest[n+ws:])
			if ws == 0 || arg == 0 {
				if d == "@load" && ws == 0 && n < len(rest) && rest[n] == '-' {
					continue // "@load-..." that is not a known directive
				}
				return EOF, 0
			}
			return Directive, n + ws + arg
		case "@prefixes":
			ws := spaces(rest[n:])
			i := n + ws
			if ws == 0 {
				return EOF, 0
			}
			if i < len(rest) && rest[i] == '+' {
				i++
			}
			if i >= len(rest) || rest[i] != '=' {
				return EOF, 0
			}
			i++
			ws = spaces(rest[i:])
			arg := argLen(rest[i+ws:])
			if ws == 0 || arg == 0 {
				return EOF, 0
			}
			return Directive, i + ws + arg
		case "@deprecated":
			end := strings.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest)
			}
			return Directive, end
		}
		return Directive, n
	}
	return EOF, 0
}

// argLen is the length of a directive argument: everything up to a blank
// or the end of the line.
func argLen(s string) int {
	n := 0
	for n < len(s) && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' {
		n++
	}
	return n
}

// matchAmpersand matches '&&', an attribute, or a lone '&'.
func matchAmpersand(rest string) (lexer.TokenType, int) {
	if strings.HasPrefix(rest, "&&") {
		return Punct, 2
	}
	n := 1
	for n < len(rest) && isIdentChar(rest[n]) {
		n++
	}
	// Bro's attribute rules have no trailing context: the longest known
	// attribute that is a prefix of the word wins.
	for m := n; m > 1; m-- {
		if IsAttribute(rest[:m]) {
			return Attr, m
		}
	}
	return Punct, 1
}

// matchNumber matches everything that starts with a digit or a '.'
// followed by one: addresses and subnets, ports, intervals, hex counts,
// doubles, counts and hostnames, with Bro's longest-match priorities.
func matchNumber(rest string) (lexer.TokenType, int) {
	best, kind := 0, lexer.TokenType(EOF)
	try := func(k lexer.TokenType, n int) {
		if n > best {
			best, kind = n, k
		}
	}
	if n := ipv4(rest); n > 0 {
		try(Addr, n)
		if m := prefixLen(rest[n:]); m > 0 {
			try(Subnet, n+m)
		}
	}
	d := digits(rest)
	if d > 0 {
		try(Count, d)
		for _, proto := range []string{"/tcp", "/udp", "/icmp", "/unknown"} {
			if strings.HasPrefix(rest[d:], proto) {
				try(Port, d+len(proto))
			}
		}
	}
	if f := floatLen(rest); f > 0 {
		try(Double, f)
		ws := spaces(rest[f:])
		for _, unit := range []string{"day", "hr", "min", "sec", "msec", "usec"} {
			if u := rest[f+ws:]; strings.HasPrefix(u, unit) {
				n := f + ws + len(unit)
				if n < len(rest) && rest[n] == 's' {
					n++
				}
				try(Interval, n)
			}
		}
	}
	if strings.HasPrefix(rest, "0x") || strings.HasPrefix(rest, "0X") {
		if rest[1] == 'x' {
			h := 2
			for h < len(rest) && isHexDigit(rest[h]) {
				h++
			}
			if h > 2 {
				try(Hex, h)
			}
		}
	}
	if rest[0] != '.' {
		try(Hostname, hostnameLen(rest))
	}
	return kind, best
}

// ipv4 matches a dotted quad of decimal runs.
func ipv4(s string) int {
	n := 0
	for part := 0; part < 4; part++ {
		d := digits(s[n:])
		if d == 0 {
			return 0
		}
		n += d
		if part < 3 {
			if n >= len(s) || s[n] != '.' {
				return 0
			}
			n++
		}
	}
	return n
}

// prefixLen matches the "/len" suffix of a subnet, blanks allowed.
func prefixLen(s string) int {
	n := spaces(s)
	if n >= len(s) || s[n] != '/' {
		return 0
	}
	n++
	n += spaces(s[n:])
	d := digits(s[n:])
	if d == 0 {
		return 0
	}
	return n + d
}

// floatLen matches Bro's FLOAT: digits with an optional point, or a point
// with digits, then an optional exponent.
func floatLen(s string) int {
	n := digits(s)
	if n < len(s) && s[n] == '.' {
		m := digits(s[n+1:])
		if n == 0 && m == 0 {
			return 0
		}
		n += 1 + m
	}
	if n == 0 {
		return 0
	}
	if n < len(s) && (s[n] == 'e' || s[n] == 'E') {
		i := n + 1
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if d := digits(s[i:]); d > 0 {
			n = i + d
		}
	}
	return n
}

// hostnameLen matches H("."H)+ where H is [A-Za-z0-9][A-Za-z0-9-]*.
func hostnameLen(s string) int {
	label := func(i int) int {
		if i >= len(s) || !(isLetter(s[i]) || isDigit(s[i])) {
			return 0
		}
		j := i + 1
		for j < len(s) && isHostChar(s[j]) {
			j++
		}
		return j - i
	}
	n := label(0)
	if n == 0 {
		return 0
	}
	labels := 1
	for n < len(s) && s[n] == '.' {
		l := label(n + 1)
		if l == 0 {
			break
		}
		n += 1 + l
		labels++
	}
	if labels < 2 {
		return 0
	}
	return n
}

// matchIPv6 matches a bracketed IPv6 address, and a subnet if a prefix
// length follows.
func matchIPv6(rest string) (lexer.TokenType, int) {
	end := 1
	for end < len(rest) && (isHexDigit(rest[end]) || rest[end] == ':' || rest[end] == '.' || rest[end] == 'x') {
		end++
	}
	if end >= len(rest) || rest[end] != ']' || !isIPv6(rest[1:end]) {
		return EOF, 0
	}
	n := end + 1
	if m := prefixLen(rest[n:]); m > 0 {
		return Subnet, n + m
	}
	return Addr, n
}

// isIPv6 accepts the forms of Bro's IP6 rule: eight groups, or a "::"
// form, optionally ending in a dotted quad.
func isIPv6(s string) bool {
	if s == "" {
		return false
	}
	if strings.Contains(s, "::") {
		head, tail, _ := strings.Cut(s, "::")
		head = strings.TrimPrefix(head, "0x")
		if strings.ContainsAny(head, ".x") {
			return false
		}
		if i := strings.LastIndexByte(tail, ':'); strings.Contains(tail, ".") {
			quad := tail[i+1:]
			if ipv4(quad) != len(quad) || strings.ContainsAny(tail[:i+1], ".x") {
				return false
			}
			return true
		}
		return !strings.ContainsAny(tail, ".x")
	}
	groups := strings.Split(s, ":")
	if len(groups) != 8 {
		return false
	}
	for _, g := range groups {
		if g == "" || strings.ContainsAny(g, ".x") {
			return false
		}
	}
	return true
}

// matchWord matches an identifier, keyword, bool constant or hostname.
func matchWord(rest string) (lexer.TokenType, int) {
	n := 0
	for {
		for n < len(rest) && isIdentChar(rest[n]) {
			n++
		}
		if strings.HasPrefix(rest[n:], "::") && len(rest) > n+2 && isIdentStart(rest[n+2]) {
			n += 2
			continue
		}
		break
	}
	word := rest[:n]
	kind := Ident
	switch {
	case word == "T" || word == "F":
		kind = Bool
	case IsKeyword(word):
		kind = Keyword
	}
	if h := hostnameLen(rest); h > n {
		return Hostname, h
	}
	return kind, n
}

// punct lists the operators, longest first.
var punct = []string{
	"++", "--", "+=", "-=", "==", "!=", ">=", "<=", "||", "?$",
	"!", "%", "*", "/", "+", "-", ",", ":", ";", "<", "=", ">", "?",
	"(", ")", "[", "]", "{", "}", "~", "$", "|", "^",
}

// matchPunct matches an operator; "!in" (blanks allowed between) is one
// token when no letter or digit follows it.
func matchPunct(rest string) (lexer.TokenType, int) {
	if rest[0] == '!' {
		ws := spaces(rest[1:])
		if w := rest[1+ws:]; strings.HasPrefix(w, "in") && len(w) > 2 && !isLetter(w[2]) && !isDigit(w[2]) {
			return Punct, 1 + ws + 2
		}
	}
	for _, p := range punct {
		if strings.HasPrefix(rest, p) {
			return Punct, len(p)
		}
	}
	return EOF, 0
}

// SkipBranch skips the text of an '@if' branch that is not taken, the way
// Bro's IGNORE state does: raw text, no tokens, nested @if/@ifdef/@ifndef
// counted. It stops after the @else or @endif that ends the branch and
// returns it; at the end of the text it returns "".
func (s *Scanner) SkipBranch() string {
	depth := 0
	for s.pos.Offset < len(s.src) {
		rest := s.src[s.pos.Offset:]
		at := strings.IndexAny(rest, "@")
		if at < 0 {
			s.advance(len(rest))
			break
		}
		s.advance(at)
		rest = s.src[s.pos.Offset:]
		switch {
		case strings.HasPrefix(rest, "@ifndef"):
			depth++
			s.advance(7)
		case strings.HasPrefix(rest, "@ifdef"):
			depth++
			s.advance(6)
		case strings.HasPrefix(rest, "@if"):
			depth++
			s.advance(3)
		case strings.HasPrefix(rest, "@else"):
			s.advance(5)
			if depth == 0 {
				s.prev = lexer.Token{Type: EOF}
				return "@else"
			}
		case strings.HasPrefix(rest, "@endif"):
			s.advance(6)
			if depth == 0 {
				s.prev = lexer.Token{Type: EOF}
				return "@endif"
			}
			depth--
		default:
			s.advance(1)
		}
	}
	return ""
}
