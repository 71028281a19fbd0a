package scanner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// scan returns "Kind:text" for every token of src.
func scan(src string) []string {
	s := New("t.bro", []byte(src))
	var out []string
	for {
		tok, _ := s.Next()
		if tok.EOF() {
			return out
		}
		out = append(out, KindName(tok.Type)+":"+tok.Value)
	}
}

func TestLiterals(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"42", "Count:42"},
		{"0xff", "Hex:0xff"},
		{"3.", "Double:3."},
		{".03E2", "Double:.03E2"},
		{"1e10", "Double:1e10"},
		{"+3.0E-0", "Punct:+ Double:3.0E-0"},
		{`"a\x41\n\t\"\\"`, `String:"a\x41\n\t\"\\"`},
		{"T F", "Bool:T Bool:F"},
		{"1.2.3.4", "Addr:1.2.3.4"},
		{"[::1]", "Addr:[::1]"},
		{"[::ffff:1.2.3.4]", "Addr:[::ffff:1.2.3.4]"},
		{"[2001:db8:0:0:0:0:0:1]", "Addr:[2001:db8:0:0:0:0:0:1]"},
		{"10.0.0.0/8", "Subnet:10.0.0.0/8"},
		{"10.0.0.0 / 8", "Subnet:10.0.0.0 / 8"},
		{"[fe80::]/64", "Subnet:[fe80::]/64"},
		{"80/tcp 53/udp 8/icmp 0/unknown", "Port:80/tcp Port:53/udp Port:8/icmp Port:0/unknown"},
		{"5min", "Interval:5min"},
		{"1.5 hrs", "Interval:1.5 hrs"},
		{"1usec 2msec 3sec 4secs 5mins 6hr 7day 8days", "Interval:1usec Interval:2msec Interval:3sec Interval:4secs Interval:5mins Interval:6hr Interval:7day Interval:8days"},
		// Bro's interval rule has no trailing context.
		{"5 minutes", "Interval:5 min Ident:utes"},
		{"www.example.com", "Hostname:www.example.com"},
		{"1.2.3", "Hostname:1.2.3"},
		{"1.5", "Double:1.5"},
		{"Foo::bar", "Ident:Foo::bar"},
		{"GLOBAL::x", "Ident:GLOBAL::x"},
		{"event", "Keyword:event"},
		{"events", "Ident:events"},
	}
	for _, tt := range tests {
		got := strings.Join(scan(tt.src), " ")
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestOperatorsAndAttributes(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"a !in b", "Ident:a Punct:!in Ident:b"},
		{"a ! in b", "Ident:a Punct:! in Ident:b"},
		{"!inside", "Punct:! Ident:inside"},
		{"x?$y", "Ident:x Punct:?$ Ident:y"},
		{"a && b || c", "Ident:a Punct:&& Ident:b Punct:|| Ident:c"},
		{"&redef &default=1", "Attr:&redef Attr:&default Punct:= Count:1"},
		{"/a/ & /b/", "Pattern:/a/ Punct:& Pattern:/b/"},
		{"&redefine", "Attr:&redef Ident:ine"},
		{"++i --j += -=", "Punct:++ Ident:i Punct:-- Ident:j Punct:+= Punct:-="},
		{"t[1:2]", "Ident:t Punct:[ Count:1 Punct:: Count:2 Punct:]"},
	}
	for _, tt := range tests {
		got := strings.Join(scan(tt.src), " ")
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

// A '/' divides after an operand and starts a pattern elsewhere.
func TestPatternOrDivision(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"x / 2", "Ident:x Punct:/ Count:2"},
		{"f(x) / y", "Ident:f Punct:( Ident:x Punct:) Punct:/ Ident:y"},
		{"t[1] / 2", "Ident:t Punct:[ Count:1 Punct:] Punct:/ Count:2"},
		{"x = /a\\/b/i;", "Ident:x Punct:= Pattern:/a\\/b/i Punct:;"},
		{"/a/ | /b/", "Pattern:/a/ Punct:| Pattern:/b/"},
		{"return /x/;", "Keyword:return Pattern:/x/ Punct:;"},
		{"s in /x/", "Ident:s Keyword:in Pattern:/x/"},
		{"/x/ in s", "Pattern:/x/ Keyword:in Ident:s"},
	}
	for _, tt := range tests {
		got := strings.Join(scan(tt.src), " ")
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestDirectives(t *testing.T) {
	got := strings.Join(scan("@load base/utils/site\n@load-sigs ./x\n@load-plugin A::B\n@unload foo\n@prefixes += lcl\n@if @ifdef @ifndef @else @endif @DIR @FILENAME @DEBUG\n@deprecated \"no\"\n"), "|")
	want := "Directive:@load base/utils/site|Directive:@load-sigs ./x|Directive:@load-plugin A::B|Directive:@unload foo|Directive:@prefixes += lcl|Directive:@if|Directive:@ifdef|Directive:@ifndef|Directive:@else|Directive:@endif|Directive:@DIR|Directive:@FILENAME|Directive:@DEBUG|Directive:@deprecated \"no\""
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestPositions(t *testing.T) {
	s := New("t.bro", []byte("a\n  bb # comment\n\tc"))
	var got []string
	for {
		tok, _ := s.Next()
		if tok.EOF() {
			got = append(got, fmt.Sprintf("EOF@%d:%d", tok.Pos.Line, tok.Pos.Column))
			break
		}
		got = append(got, fmt.Sprintf("%s@%d:%d", tok.Value, tok.Pos.Line, tok.Pos.Column))
	}
	want := "a@1:1 bb@2:3 c@3:2 EOF@3:3"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestErrors(t *testing.T) {
	s := New("t.bro", []byte("x = 1 `;\ny = \"open\nz = 70000/tcp;\nw = 300/icmp;"))
	for tok, _ := s.Next(); !tok.EOF(); tok, _ = s.Next() {
	}
	var got []string
	for _, e := range s.Errors() {
		got = append(got, e.Error())
	}
	want := []string{
		"error in t.bro, line 1: unrecognized character - `",
		`error in t.bro, line 2: unrecognized character - "`,
		"error in t.bro, line 3: bad port number - 70000/tcp",
		"error in t.bro, line 4: bad port number - 300/icmp",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDocComments(t *testing.T) {
	s := New("t.bro", []byte("##! summary\n## before\nglobal x; ##< after\n# plain\n### rule\n"))
	var toks []lexer.Token
	for tok, _ := s.Next(); !tok.EOF(); tok, _ = s.Next() {
		toks = append(toks, tok)
	}
	cs := s.Comments()
	if len(cs) != 3 {
		t.Fatalf("got %d comments, want 3: %+v", len(cs), cs)
	}
	if cs[0].Kind != DocSummary || cs[0].Text != " summary" {
		t.Errorf("summary: %+v", cs[0])
	}
	if cs[1].Kind != DocBefore || cs[1].Text != " before" || cs[1].Next != toks[0].Pos.Offset {
		t.Errorf("before: %+v", cs[1])
	}
	if cs[2].Kind != DocAfter || cs[2].Text != " after" {
		t.Errorf("after: %+v", cs[2])
	}
}

func TestSkipBranch(t *testing.T) {
	src := "skipped \"unterminated @if nested\n@else also skipped @endif\n@endif after"
	s := New("t.bro", []byte(src))
	if got := s.SkipBranch(); got != "@endif" {
		t.Fatalf("SkipBranch = %q, want @endif", got)
	}
	tok, _ := s.Next()
	if tok.Value != "after" || tok.Pos.Line != 3 {
		t.Errorf("next token %q at line %d, want \"after\" at line 3", tok.Value, tok.Pos.Line)
	}
	if len(s.Errors()) != 0 {
		t.Errorf("skipped text was scanned: %v", s.Errors())
	}
	if got := New("t.bro", []byte("x @else y")).SkipBranch(); got != "@else" {
		t.Errorf("SkipBranch = %q, want @else", got)
	}
}

func TestUnquote(t *testing.T) {
	tests := map[string]string{
		`"plain"`:          "plain",
		`"\x41\x4a"`:       "AJ",
		`"\n\t\r\\\""`:     "\n\t\r\\\"",
		`"\101\7"`:         "A\a",
		`"\q"`:             "q",
		`"\x4"`:            "\x04",
		`"\xg"`:            "xg",
		`"trailing\"`:      "trailing\\",
		`"\0"`:             "\x00",
		`"caf\xc3\xa9"`:    "café",
		`"two\x41\x42end"`: "twoABend",
	}
	for in, want := range tests {
		if got := Unquote(in); got != want {
			t.Errorf("Unquote(%s) = %q, want %q", in, got, want)
		}
	}
}
