package interp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gobro/runtime/loader"
	"gobro/runtime/value"
)

// loadTo loads src as t.bro after a minimal init-bare, without running
// it. It returns the interpreter, its output and error streams (the
// loader's errors written to the latter), and the temporary directory.
func loadTo(t testing.TB, src string) (in *Interp, out, errs *bytes.Buffer, dir string) {
	t.Helper()
	dir = t.TempDir()
	bare := "global bro_init: event();\nglobal bro_done: event();\n"
	for name, text := range map[string]string{"init-bare.bro": bare, "t.bro": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs = &bytes.Buffer{}, &bytes.Buffer{}
	in = New(out, errs)
	l := loader.New([]string{dir}, in)
	for _, f := range []string{"init-bare", "t"} {
		if err := l.Load(f); err == ErrParseAborted {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	for _, le := range l.Errors() {
		errs.WriteString(le.Error() + "\n")
	}
	return in, out, errs, dir
}

// load loads src as loadTo does and returns the interpreter, its output
// and what loading reported, with the directory taken out of file names.
func load(t *testing.T, src string) (*Interp, *bytes.Buffer, string) {
	t.Helper()
	in, out, errs, dir := loadTo(t, src)
	return in, out, strings.ReplaceAll(errs.String(), dir+"/", "")
}

// run loads src as loadTo does and, if it loaded without errors, runs
// it; it returns what the script printed and what was reported.
func run(t *testing.T, src string) (out, errs string) {
	t.Helper()
	in, o, e, dir := loadTo(t, src)
	if e.Len() == 0 && in.Errors() == 0 {
		in.Run()
	}
	return o.String(), strings.ReplaceAll(e.String(), dir+"/", "")
}

func TestRunsHandlersAndTopLevel(t *testing.T) {
	out, errs := run(t, `
global n = 1;
event bro_init() { print "init", n; }
event bro_done() { print "done"; }
print "top", n + 1;
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if want := "top, 2\ninit, 1\ndone\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestCheckErrorsStopTheRun(t *testing.T) {
	out, errs := run(t, `
global x: count = "string";
event bro_init() { print "ran"; }
`)
	if out != "" {
		t.Errorf("a program with errors ran: %q", out)
	}
	if want := "error in count and t.bro, line 2: arithmetic mixed with non-arithmetic (count and string)\n"; errs != want {
		t.Errorf("errors %q lack %q", errs, want)
	}
}

func TestUnknownIdentifierEndsParsing(t *testing.T) {
	out, errs := run(t, `
event bro_init() { print nosuch; }
global x: count = "string";
`)
	want := "error in t.bro, line 2: unknown identifier nosuch, at or near \"nosuch\"\n"
	if out != "" || errs != want {
		t.Errorf("out %q, errors %q, want %q", out, errs, want)
	}
}

func TestConditionsSeeGlobals(t *testing.T) {
	out, errs := run(t, `
const verbose = T &redef;
@if ( verbose )
global mode = "verbose";
@else
global mode = "quiet";
@endif
@ifdef ( mode )
event bro_init() { print mode; }
@endif
`)
	if errs != "" || out != "verbose\n" {
		t.Errorf("out %q, errors %q", out, errs)
	}
}

func TestTables(t *testing.T) {
	out, errs := run(t, `
global t: table[string] of count;
event bro_init()
	{
	t["x"] = 1;
	t["y"] = t["x"] + 1;
	print t["y"], |t|, "x" in t, "z" in t;
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if want := "2, 2, T, F\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestRuntimeErrorEndsOnlyItsHandler(t *testing.T) {
	out, errs := run(t, `
global zero = 0;
event bro_init() { print "a"; print 1 / zero; print "b"; }
event bro_init() &priority=-1 { print "c"; }
`)
	if out != "a\nc\n" {
		t.Errorf("out %q", out)
	}
	if want := "expression error in t.bro, line 3: division by zero [1 / zero]\n"; errs != want {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

func TestConstLocalsCannotBeAssigned(t *testing.T) {
	out, errs := run(t, `
event bro_init() { const c = 1; c = 2; print c; }
`)
	if out != "" || !strings.Contains(errs, "line 2: const is not a modifiable lvalue (c)") {
		t.Errorf("out %q, errors %q", out, errs)
	}
}

func TestBuiltinBindsToDeclaration(t *testing.T) {
	Register("test_join", func(c *Call, args []value.Value) value.Value {
		var parts []string
		for _, a := range args {
			x := a.R.(*value.Any)
			parts = append(parts, value.Render(x.Value, x.Type))
		}
		return value.String(strings.Join(parts, "|"))
	})
	out, errs := run(t, `
global test_join: function(va_args: any): string;
print test_join(1, "a", 2.5);
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if out != "1|a|2.5\n" {
		t.Fatalf("got %q", out)
	}
}

func TestRunawayRecursionIsARuntimeError(t *testing.T) {
	out, errs := run(t, `
function f(n: count): count { return f(n + 1); }
function g(n: count): count { if ( n == 0 ) return 0; return 1 + g(n - 1); }
event bro_init() { print g(5000); f(0); print "after"; }
`)
	if want := "5000\nafter\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	if want := "expression error in t.bro, line 2: too many nested function calls [f]\n"; errs != want {
		t.Errorf("reported %q, want %q", errs, want)
	}
}
