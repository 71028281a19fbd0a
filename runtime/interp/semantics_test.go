package interp

import (
	"strings"
	"testing"
)

// Each case is a script and what Bro 2.6 prints for it.
func TestBroSemantics(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"enum names are constants for case labels", `
type color: enum { Red, Blue };
function f(c: color): string
	{
	switch ( c ) {
	case Red:
		return "red";
	case Blue:
		return "blue";
	}
	return "none";
	}
event bro_init() { print f(Blue), f(Red); }
`, "blue, red\n"},
		{"a table of subnets finds the longest prefix holding an address or subnet", `
global t: table[subnet] of string = { [10.0.0.0/8] = "eight", [10.1.0.0/16] = "sixteen", [[::]/0] = "all" };
global s: set[subnet] = { 192.168.0.0/16 };
event bro_init()
	{
	print t[10.1.2.3], t[10.2.0.1], t[11.0.0.1], t[[2001:db8::1]];
	print t[10.1.2.0/24], 10.1.0.0/12 in t;
	print 192.168.3.4 in s, 192.169.0.1 in s, 192.169.0.1 !in s;
	print 192.168.0.0/24 in s, 192.0.0.0/8 in s;
	}
`, "sixteen, eight, all, all\nsixteen, T\nT, F, T\nT, F\n"},
		{"a vector of count stands for a vector of any", `
function first(v: vector of any): any { return v[0]; }
function fill(v: vector of any, x: any) { v[|v|] = x; }
event bro_init()
	{
	local v: vector of count = vector(3, 4);
	print first(v), first(v) is count;
	fill(v, 5);
	print v;
	}
`, "3, T\n[3, 4, 5]\n"},
		{"a value of type any stands for a non-arithmetic type", `
function s(x: any): string { local r: string = x; return r; }
event bro_init() { print s("abc"); }
`, "abc\n"},
		{"[] is an empty record constructor", `
type R: record { a: count &default=5; b: string &optional; };
function f(r: R) { print r; }
event bro_init() { f([]); local x: R = []; print x; }
`, "[a=5, b=<uninitialized>]\n[a=5, b=<uninitialized>]\n"},
		{"parameter defaults come from the declaration", `
type R: record { a: count &default=5; };
global f: function(r: R &default=[], n: count &default=3);
function f(r: R, n: count) { print r, n; }
event bro_init() { f(); f([$a=1]); }
`, "[a=5], 3\n[a=1], 3\n"},
		{"record variables start with their defaults and empty containers", `
type I: record { x: count &optional; };
type R: record { a: count &default=5; i: I; s: set[string]; v: vector of count; o: I &optional; };
global g: R;
event bro_init()
	{
	local r: R;
	print r$a, r$i, |r$s|, |r$v|, r?$o;
	print g$a, g?$i;
	}
`, "5, [x=<uninitialized>], 0, 0, F\n5, T\n"},
	}
	for _, c := range cases {
		out, errs := run(t, c.src)
		if errs != "" || out != c.want {
			t.Errorf("%s: got %q (errors %q), want %q", c.name, out, errs, c.want)
		}
	}
}

// A value of type any whose real type is not the one wanted is a run-time
// error in gobro (Bro would go on with a value of the wrong type).
func TestAnyOfTheWrongTypeIsARuntimeError(t *testing.T) {
	out, errs := run(t, `
function s(x: any): string { local r: string = x; return r; }
event bro_init() { print s(5); print "on"; }
`)
	if !strings.HasSuffix(out, "on\n") || !strings.Contains(errs, "invalid cast of value with type 'count' to type 'string'") {
		t.Errorf("out %q, errors %q", out, errs)
	}
}
