package interp

import (
	"strings"
	"testing"
)

// TestDescribeStatementLines checks single statements of a function body
// as print describes them, each case giving declarations, the statement
// and the line Bro 2.6 writes for it.
func TestDescribeStatementLines(t *testing.T) {
	cases := []struct{ decls, stmt, want string }{
		{"", "return x + 1;", "return (x + 1);"},
		{"", "return x * 2;", "return (2 * x);"},
		{"", "return 2 * x;", "return (2 * x);"},
		{"", "print x > 1, x >= y, x < 1;", "print 1 < x, y <= x, x < 1;"},
		{"", "print x == 1, 1 == x, x != y;", "print 1 == x, 1 == x, x != y;"},
		{"", "print x + 1.5, x + i;", "print (coerce x to double) + 1.5, (coerce x to int) + i;"},
		{"", "print s == /a/, /a/ in s, s + \"x\";", "print /^?(a)$?/ == s, /^?(a)$?/ in s, s + x;"},
		{"", "print s[1], s[1:], s[:2];", "print s[(coerce 1 to int)], s[(coerce 1 to int), (coerce sizeofs to int)], s[(coerce 0 to int), (coerce 2 to int)];"},
		{"", "print |s|, copy(s), -i, !T;", "print sizeofs, (*)s, -i, !T;"},
		{"", "print x > 1 ? x : 2.5;", "print 1 < x ? (coerce x to double) : 2.5;"},
		{"", "print 2 sec * x, 3 sec / x;", "print 2.0 secs * (coerce x to interval), 3.0 secs / (coerce x to interval);"},
		{"global t: table[count, string] of count;", "print [x, s] in t, t[x, s];", "print x, s in t, t[x, s];"},
		{"global v: vector of count;", "print x !in v, v[x];", "print !x in v, v[x];"},
		{"type R: record { a: count; b: string &optional; };", "print R($a=1), [$a=x];", "print (coerce [$a=1] to record { a:count; b:string; }), [$a=x];"},
		{"global f: function(a: count, b: double &default=1);", "f(x);", "f(x, (coerce 1 to double));"},
		{"global e: event(a: count);", "event e(x);", "event e(x);"},
		{"", "i = x;", "i = (coerce x to int);"},
		{"", "local d: double = 1;", "d = (coerce 1 to double);"},
		{"", "local u: count;", ";"},
		{"", "local tb: table[count] of string = table();", "tb = (coerce table() to table[count] of string);"},
		{"", "local st: set[string] = { \"a\" };", "st = set(a);"},
		{"", "next;", "next ;"},
		{"", ";", ";"},
		{"global ss: set[string];", "add ss[s];", "add ss[s];"},
		{"", "print s as string, s is string;", "print s as string, s is string;"},
	}
	for _, c := range cases {
		src := c.decls + "\nfunction g(x: count, y: count, s: string, i: int): count\n\t{\n\t" + c.stmt + "\n\t}\nprint g;\n"
		out, errs := run(t, src)
		if errs != "" {
			t.Errorf("%s: %s", c.stmt, errs)
			continue
		}
		lines := strings.Split(out, "\n")
		got := ""
		for i, l := range lines {
			if l == "{ " && i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "<init>") {
				got = lines[i+1]
				break
			}
		}
		if got == "" && len(lines) > 4 && strings.HasPrefix(lines[2], "<init>") {
			got = lines[4]
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q (output %q)", c.stmt, got, c.want, out)
		}
	}
}

// TestDescribeFunctionLayout checks a whole description: the name line,
// the "<init>" statement, branches, and the tabs a raw description
// indents them with.
func TestDescribeFunctionLayout(t *testing.T) {
	src := `
function f(n: count): count
	{
	local r: count;
	if ( n > 1 )
		r = n;
	else
		r = 1;
	return r;
	}
function empty() { }
print f;
print empty;
`
	out, errs := run(t, src)
	if errs != "" {
		t.Fatal(errs)
	}
	want := "f\n{ \n<init> r;\n{ \n;\nif (1 < n) \nr = n;\nelse\nr = 1;\n\nreturn (r);\n}\n}\nempty\n;\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
