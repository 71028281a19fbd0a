package interp_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	_ "gobro/builtins/all"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// fuzzBare declares what the fuzzed scripts may lean on: the events of a
// run and a few builtins whose calls the checker treats specially.
const fuzzBare = `
global bro_init: event();
global bro_done: event();
global cat: function(va_args: any): string;
global fmt: function(va_args: any): string;
global to_count: function(str: string): count;
global split_string: function(str: string, re: pattern): vector of string;
type R: record { a: count; b: string &optional; c: set[string] &default=set(); };
`

// FuzzLoadScript loads and checks arbitrary script text, without running
// it: whatever the text, loading must end in errors or success, never in
// a panic.
func FuzzLoadScript(f *testing.F) {
	for _, seed := range []string{
		"event bro_init() { print fmt(\"%s-%d\", \"a\", 1); }",
		"global t: table[count, string] of R = { [1, \"a\"] = [$a=1] };",
		"function f(x: count &default=2): count { return x > 1 ? f(x - 1) : 1; }",
		"type E: enum { A, B }; redef enum E += { C }; global e = C; switch ( e ) { case A: break; default: print e; }",
		"global v: vector of count = vector(1, 2); v[|v|] = 3; for ( i in v ) print v[i] + 1.5;",
		"event bro_init() { local s = set(1, 2); when ( |s| > 3 ) { print s; } timeout 1sec { print cat(s); } }",
		"@if ( 1 > 2 ) global x = 1; @else global x = \"a\"; @endif print x;",
		"module M; export { const c = 5 &redef; } redef c = 6; print M::c, GLOBAL::c;",
		"hook h(r: R) &priority=3 { break; } event bro_init() { if ( hook h([$a=1]) ) print 1; }",
		"global p = /a[bc]+/i; print p in \"xABCx\", 10.0.0.1 in 10.0.0.0/8, 80/tcp < 90/udp;",
		// Constructors with errors, whose checking must leave nothing
		// half-made behind.
		"type M: record { a: port; }; global g = M($a=0); global h: M = M($a=1); global k: M = [$a=3];",
		"global g: R &redef; redef g = [$a=\"x\"]; global t: table[count] of R = { [1] = [$b=1] };",
		"global s: set[R] = set([$a=1, $z=2]); global v = vector(R($a=\"a\"), 1); global w: vector of R = [[$q=1]];",
		"global t = table([1] = R($a=1, $b=2), [2] = 3); global u: table[count] of string = table([R($a=1)] = 2);",
		"function f(r: R): R { return R($c=1); } global x = f(R($a=2)); event bro_init() { local y = R($a=f([$a=1])); }",
		"type M: record { a: port; }; type Q: record { m: M &default=[$a=3]; }; global q: Q; global t: table[count] of M &default=[$a=4]; global u = t[1];",
		// Variables of the error type, and initializers that fail.
		"global x; const b = [$p=x, $q=1]; const c = b; global y: port; global d = [$p=(y)]; global r = R($a=x); redef x = 3;",
		"global x; global t: table[count] of count = { [1] = x }; global s = set(x); event bro_init() { local z; local w = [$a=z]; print x, w; }",
		"global three = 3; global t: table[port] of count = table([three] = 3); global u: table[port, count] of R = table([\"x\", 1] = [$a=1]); global w: table[count] of string = table([1] = 2);",
		// Record constructors whose field values fail their checks.
		"type R: record { a: count; }; global g = [$a=1 + \"x\"]; global h: R = [$a=-\"y\"]; global n = [$a=[$x=T + 1]]; event bro_init() { local r = R($a=1 + \"x\"); print r$a; }",
		// Values copied between variables, fields, elements and keys,
		// which carry their identities along.
		"type E: enum { A }; global a = 5; global b = a; global e = A; global r = R($a=b); global c = r$a; global v = vector(c, +c, |c|); global s: set[R] = { r }; global t: table[count] of count &default=a; global d = t[1];",
	} {
		f.Add(seed)
	}
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "init-bare.bro"), []byte(fuzzBare), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sub := t.TempDir()
		if err := os.WriteFile(filepath.Join(sub, "t.bro"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		in := interp.New(io.Discard, io.Discard)
		l := loader.New([]string{sub, dir}, in)
		for _, name := range []string{"init-bare", "t"} {
			if err := l.Load(name); err != nil {
				break
			}
		}
	})
}
