package interp

import (
	"fmt"
	"strings"
	"testing"
	"time"
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
