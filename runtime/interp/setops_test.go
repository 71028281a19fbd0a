package interp

import (
	"testing"

	"gobro/runtime/value"
)

func TestSetOperators(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"|(a | b)|", "4"},
		{"|(a & b)|", "2"},
		{"1 in (a - b)", "T"},
		{"2 in (a - b)", "F"},
		{"a == a", "T"},
		{"a != b", "T"},
		{"(a & b) < a", "T"},
		{"a < a", "F"},
		{"a <= a", "T"},
		{"a > (a & b)", "T"},
		{"a >= b", "F"},
	}
	for _, c := range cases {
		out, errs := run(t, "global a = set(1, 2, 3);\nglobal b = set(2, 3, 4);\nprint "+c.expr+";\n")
		if errs != "" || out != c.want+"\n" {
			t.Errorf("%s: got %q, errors %q; want %q", c.expr, out, errs, c.want)
		}
	}
}

func TestSetUnionCopiesLeftOperand(t *testing.T) {
	out, errs := run(t, `
global a = set(1);
global b = set(2);
global u = a | b;
add u[3];
print |a|, |b|, |u|;
`)
	if errs != "" || out != "1, 1, 3\n" {
		t.Errorf("got %q, errors %q", out, errs)
	}
}

func TestSetOperatorTypeErrors(t *testing.T) {
	_, errs := run(t, "global a = set(1);\nglobal b = set(\"x\");\nprint a | b;\nprint a <= b;\n")
	want := "error in t.bro, line 3: incompatible \"set\" operands (a | b)\n" +
		"error in t.bro, line 4: incompatible sets in comparison (a <= b)\n"
	if errs != want {
		t.Errorf("got %q, want %q", errs, want)
	}
}

func TestVectorAppend(t *testing.T) {
	out, errs := run(t, "global v: vector of double;\nv += 1;\nv += 2.5;\nprint v;\n")
	if errs != "" || out != "[1.0, 2.5]\n" {
		t.Errorf("got %q, errors %q", out, errs)
	}
}

func TestExtendPatternText(t *testing.T) {
	got := extendPattern(&value.Pattern{Text: "foo"}, &value.Pattern{Text: "bar"})
	if want := "/(^?(^?(bar)$?)$?)|(^?(^?(foo)$?)$?)/"; value.FormatPattern(got) != want {
		t.Errorf("got %s, want %s", value.FormatPattern(got), want)
	}
	m, err := compilePattern(got)
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{"foo": true, "bar": true, "foobar": false} {
		if m.MatchExactly(s) != want {
			t.Errorf("%q: got %v", s, !want)
		}
	}
}

func TestLocalWithBadInitializerStaysDeclared(t *testing.T) {
	_, errs := run(t, "event bro_init() { local u = 1 + \"a\"; print u; }\n")
	want := "error in t.bro, line 1: requires arithmetic operands (1 + a)\n"
	if errs != want {
		t.Errorf("got %q, want %q", errs, want)
	}
}
