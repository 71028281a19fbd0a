package interp

import (
	"runtime"
	"strings"
	"testing"

	"gobro/runtime/value"
)

// call calls the script function name with no arguments.
func call(t *testing.T, in *Interp, name string) {
	t.Helper()
	g := in.LookupGlobal(name)
	if g == nil {
		t.Fatalf("no function %s", name)
	}
	in.CallFunc(g.Value)
}

// tableLen returns the number of entries of the global table name.
func tableLen(t *testing.T, in *Interp, name string) int {
	t.Helper()
	tab, ok := in.LookupGlobal(name).Value.R.(*value.Table)
	if !ok {
		t.Fatalf("%s is not a table", name)
	}
	return tab.Len()
}

// advanceTo sets the network time and fires the timers due.
func advanceTo(in *Interp, now float64) {
	in.ev.netTime = now
	in.ev.timers.advance(now)
}

// Bro 2.6 aborts on an &expire_func that is no function and passes a
// list where a function of a table with several indices declares a
// typed index; gobro reports both when it checks the script.
func TestExpireFuncChecksBeyondBro(t *testing.T) {
	_, _, errs := load(t, `
global e: event(t: table[count] of string, c: count);
function typed(t: table[count, string] of string, c: count): interval { return 0sec; }
function wrong(t: table[count] of string, s: string): interval { return 0sec; }
global t1: table[count] of string &create_expire=1sec &expire_func=5;
global t2: table[count] of string &create_expire=1sec &expire_func=e;
global t3: table[count, string] of string &create_expire=1sec &expire_func=typed;
global t4: table[count] of string &create_expire=1sec &expire_func=wrong;
`)
	want := []string{
		"error in t.bro, line 5: &expire_func attribute is not a function (&create_expire=1.0 sec, &expire_func=5)",
		"error in t.bro, line 6: &expire_func attribute is not a function (&create_expire=1.0 sec, &expire_func=e)",
		"error in t.bro, line 7: &expire_func argument type clash (&create_expire=1.0 sec, &expire_func=typed)",
		"error in t.bro, line 8: &expire_func argument type clash (&create_expire=1.0 sec, &expire_func=wrong)",
	}
	if got := strings.TrimSpace(errs); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// A walk removes the entries whose stamp (whole seconds) plus the
// interval lies before the current time; the function's interval
// extends an entry; the walk goes in steps of table_incremental_step
// entries, table_expire_delay apart, and starts again after
// table_expire_interval.
func TestExpiryWalk(t *testing.T) {
	in, out, errs := load(t, `
const table_incremental_step = 2 &redef;
const table_expire_delay = 0.5 secs &redef;
const table_expire_interval = 10 secs &redef;
global extended = F;
function f(t: table[count] of string, c: count): interval
	{
	print "expire", c;
	if ( c != 3 || extended )
		return 0sec;
	extended = T;
	return 4sec;
	}
global tab: table[count] of string &create_expire=5sec &expire_func=f;
function fill() { tab[1] = "a"; tab[2] = "b"; tab[3] = "c"; tab[4] = "d"; tab[5] = "e"; }
`)
	if errs != "" {
		t.Fatal(errs)
	}
	in.ev.netTime = 1000.7
	call(t, in, "fill")
	// The first walk, in three steps: nothing is old enough.
	for _, now := range []float64{1000.8, 1001.3, 1001.8} {
		advanceTo(in, now)
	}
	// The next walk starts 10 seconds later: 1000 + 5 < 1011.9.
	for _, step := range []struct {
		now  float64
		left int
	}{
		{1011.9, 4}, // 3 lives on, stamped 1011.9 - 5 + 4, truncated to 1010
		{1012.4, 2},
		{1012.9, 1},
		{1022.9, 0}, // 1011 + 5 < 1022.9
	} {
		advanceTo(in, step.now)
		if n := tableLen(t, in, "tab"); n != step.left {
			t.Fatalf("at %v: %d entries, want %d", step.now, n, step.left)
		}
	}
	// The walk visits 3, 5, 2, 1, 4 (the order of TestSmallOrdersOfModel
	// in runtime/value).
	if want := "expire, 3\nexpire, 5\nexpire, 2\nexpire, 1\nexpire, 4\nexpire, 3\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// &read_expire counts lookups and membership tests; &create_expire
// keeps the creation time across assignments; &write_expire does not.
func TestExpiryAccesses(t *testing.T) {
	in2, _, errs := load(t, `
const table_expire_interval = 1 secs &redef;
global r: table[count] of string &read_expire=2sec;
global c: table[count] of string &create_expire=2sec;
global w: table[count] of string &write_expire=2sec;
function fill() { r[1] = "a"; r[2] = "b"; c[1] = "a"; w[1] = "a"; }
function touch() { local x = 1 in r; c[1] = "b"; w[1] = "b"; }
`)
	if errs != "" {
		t.Fatal(errs)
	}
	in2.ev.netTime = 100.2
	call(t, in2, "fill")
	advanceTo(in2, 100.3)
	in2.ev.netTime = 101.5
	call(t, in2, "touch")
	advanceTo(in2, 102.4) // stamps: 100, except the touched ones at 101
	for name, want := range map[string]int{"r": 1, "c": 0, "w": 1} {
		if n := tableLen(t, in2, name); n != want {
			t.Errorf("%s: %d entries, want %d", name, n, want)
		}
	}
}

// Entries made by a global's initializer are stamped before the network
// time is set and never expire; a negative interval ends expiration;
// timers left at shutdown do nothing.
func TestExpiryEdges(t *testing.T) {
	in, _, errs := load(t, `
const iv = 1sec &redef;
global early: set[count] = { 1, 2 } &create_expire=1sec;
global off: set[count] &create_expire=iv;
function fill() { add off[1]; }
`)
	if errs != "" {
		t.Fatal(errs)
	}
	in.ev.netTime = 100.5
	call(t, in, "fill")
	advanceTo(in, 100.6)
	g := in.LookupGlobal("iv")
	g.Value = value.Double(-1)
	advanceTo(in, 200)
	if n := tableLen(t, in, "early"); n != 2 {
		t.Errorf("early: %d entries, want 2", n)
	}
	if n := tableLen(t, in, "off"); n != 1 {
		t.Errorf("off: %d entries, want 1", n)
	}
	in.ev.timers.expire(1000)
	if n := tableLen(t, in, "early") + tableLen(t, in, "off"); n != 3 {
		t.Errorf("shutdown expired entries: %d left", n)
	}
}

// A table that nothing refers to any more stops its timer.
func TestExpiryLetsUnreachableTablesGo(t *testing.T) {
	in, _, errs := load(t, `
function make() { local t: table[count] of string &create_expire=1sec; t[1] = "x"; }
`)
	if errs != "" {
		t.Fatal(errs)
	}
	in.ev.netTime = 100
	call(t, in, "make")
	if in.ev.timers.size() != 1 {
		t.Fatalf("%d timers, want 1", in.ev.timers.size())
	}
	runtime.GC()
	advanceTo(in, 101)
	if in.ev.timers.size() != 0 {
		t.Errorf("%d timers left for an unreachable table", in.ev.timers.size())
	}
}

// Entries removed by expiration give their memory back: over many
// rounds of filling a table and letting the entries expire, the table's
// storage and the heap stay as they were after the first rounds.
func TestExpiryFreesEntries(t *testing.T) {
	in, _, errs := load(t, `
const table_expire_interval = 1 secs &redef;
const table_incremental_step = 100000 &redef;
global tab: table[count] of string &create_expire=1sec;
global serial = 0;
function fill()
	{
	local i = 0;
	while ( i < 20000 )
		{
		tab[serial] = "value";
		++serial;
		++i;
		}
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	tab := in.LookupGlobal("tab").Value.R.(*value.Table)
	now := 1000.0
	in.ev.netTime = now
	var base runtime.MemStats
	for round := 0; round < 25; round++ {
		call(t, in, "fill")
		now += 3
		advanceTo(in, now)
		if n := tab.Len(); n != 0 {
			t.Fatalf("round %d: %d entries left", round, n)
		}
		if s := tab.Slots(); s > 20000 {
			t.Fatalf("round %d: %d entry positions for 20000 entries at most", round, s)
		}
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		switch {
		case round == 4:
			base = m
		case round > 4 && m.HeapAlloc > base.HeapAlloc+4<<20:
			t.Fatalf("round %d: heap %d bytes, was %d", round, m.HeapAlloc, base.HeapAlloc)
		}
	}
}
