package interp

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gobro/runtime/loader"
	"gobro/runtime/types"
)

// TestLargeConstructorsCheckQuickly guards against checking a large
// constructor building its error messages when there is no error: with
// the text built for each element, 200 k elements took minutes.
func TestLargeConstructorsCheckQuickly(t *testing.T) {
	const n = 200000
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprint(i)
	}
	list := strings.Join(items, ", ")
	src := "event bro_init() { local s = set(" + list + "); local v = vector(" + list + "); local t: table[count] of count = table(" +
		"[1] = 2, [3] = 4); print |s|, |v|, |t|; }\n"
	start := time.Now()
	out, errs := run(t, src)
	if errs != "" || out != fmt.Sprintf("%d, %d, 2\n", n, n) {
		t.Errorf("printed %q, reported %q", out, errs)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestRunawayHookRecursionIsARuntimeError checks that a hook calling
// itself meets the same bound as a function doing so, instead of
// exhausting the stack.
func TestRunawayHookRecursionIsARuntimeError(t *testing.T) {
	out, errs := run(t, `
global h: hook(n: count);
hook h(n: count) { hook h(n + 1); }
event bro_init() { hook h(0); print "after"; }
`)
	if want := "after\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	if want := "expression error in t.bro, line 3: too many nested function calls (h)\n"; errs != want {
		t.Errorf("reported %q, want %q", errs, want)
	}
}

// flushRecorder is an output that keeps what was written until flushed,
// as a buffered stdout does.
type flushRecorder struct {
	pending, flushed bytes.Buffer
}

func (w *flushRecorder) Write(p []byte) (int, error) { return w.pending.Write(p) }

func (w *flushRecorder) Flush() error {
	w.flushed.Write(w.pending.Bytes())
	w.pending.Reset()
	return nil
}

// TestOutputFlushedWhenIdle checks that what a script printed is flushed
// when the event loop goes idle, so that it reaches a file a supervisor
// tails even if the process is killed while it waits.
func TestOutputFlushedWhenIdle(t *testing.T) {
	dir := t.TempDir()
	src := `
global exit_only_after_terminate = T;
global terminate: function(): bool;
event later() { print "later"; terminate(); }
event bro_init() { print "started"; schedule 0.2 sec { later() }; }
`
	bare := "global bro_init: event();\nglobal bro_done: event();\n"
	for name, text := range map[string]string{"init-bare.bro": bare, "t.bro": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs := &flushRecorder{}, &bytes.Buffer{}
	in := New(out, errs)
	l := loader.New([]string{dir}, in)
	for _, f := range []string{"init-bare", "t"} {
		if err := l.Load(f); err != nil {
			t.Fatal(err)
		}
	}
	in.Run()
	if strings.Contains(errs.String(), "error") {
		t.Fatal(errs.String())
	}
	if got := out.flushed.String(); !strings.HasPrefix(got, "started\n") {
		t.Errorf("flushed before the end: %q (pending %q)", got, out.pending.String())
	}
}

// TestVectorHolesAreBounded checks that an assignment far past the end
// of a vector is a run-time error rather than an allocation of
// gigabytes, and that ordinary holes still work.
func TestVectorHolesAreBounded(t *testing.T) {
	out, errs := run(t, `
event bro_init() { local v: vector of count = vector(1, 2); v[1000000000] = 1; print "not reached"; }
event bro_init() { local v: vector of count = vector(1, 2); v[18446744073709551615] = 1; print "not reached"; }
event bro_init() { local v: vector of count = vector(1, 2); v[10] = 3; print |v|, v[10], 2 in v; }
`)
	if want := "11, 3, F\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	want := "expression error in t.bro, line 2: vector index assignment leaves too large a hole (v[1000000000])\n" +
		"expression error in t.bro, line 3: vector index assignment leaves too large a hole (v[18446744073709551615])\n"
	if errs != want {
		t.Errorf("reported %q, want %q", errs, want)
	}
}

// TestSelfHoldingValues checks that a record, vector or table that holds
// itself is described with "<recursion>" where it recurs, and refused
// as a table index with a run-time error, instead of recursing without
// end.
func TestSelfHoldingValues(t *testing.T) {
	out, errs := run(t, `
global fmt: function(va_args: any): string;
type R: record { a: count; r: any &optional; };
type S: record { n: count; nxt: S &optional; };
event bro_init()
	{
	local x = R($a=1);
	x$r = x;
	print x, fmt("%s", x);
	local v: vector of any = vector();
	v[0] = 1;
	v[1] = v;
	print v;
	local shared = R($a=2);
	local w = vector(shared, shared);
	print w;
	local s = S($n=1);
	s$nxt = s;
	print s;
	local t: table[S] of count = table();
	t[s] = 1;
	print "not reached";
	}
`)
	want := "[a=1, r=<recursion>], [a=1, r=<recursion>]\n[1, <recursion>]\n[[a=2, r=<uninitialized>], [a=2, r=<uninitialized>]]\n[n=1, nxt=<recursion>]\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
	if want := "expression error in t.bro, line 21: index value holds itself (t[s])\n"; errs != want {
		t.Errorf("reported %q, want %q", errs, want)
	}
}

func TestMayHoldItself(t *testing.T) {
	connID := types.NewRecord("conn_id", []*types.Field{
		{Name: "orig_h", Type: types.AddrType}, {Name: "orig_p", Type: types.PortType},
	})
	self := types.NewRecord("S", []*types.Field{{Name: "n", Type: types.CountType}})
	self.AddField(&types.Field{Name: "next", Type: self, Optional: true})
	withAny := types.NewRecord("A", []*types.Field{{Name: "x", Type: types.AnyType}})
	nested := types.NewRecord("N", []*types.Field{{Name: "id", Type: connID}, {Name: "v", Type: &types.VectorType{Elem: types.CountType}}})
	for _, c := range []struct {
		t    types.Type
		want bool
	}{{connID, false}, {nested, false}, {self, true}, {withAny, true}, {&types.VectorType{Elem: withAny}, true}} {
		if got := mayHoldItself(c.t, nil); got != c.want {
			t.Errorf("%v: got %v, want %v", c.t, got, c.want)
		}
	}
}
