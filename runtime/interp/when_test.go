package interp

import (
	"fmt"
	"strings"
	"testing"

	"gobro/runtime/value"
)

// registerNow registers test_now(n), which delays its result and
// delivers n*10 at once, as a local store master answers a query,
// test_never(), which delays its result and never delivers it, and
// test_pending(), the number of triggers pending; it returns a function
// that removes them.
func registerNow() func() {
	Register("test_now", func(c *Call, args []value.Value) value.Value {
		p, ok := c.Delay()
		if ok {
			p.DeliverNow(value.Count(args[0].AsCount() * 10))
		}
		return value.Value{}
	})
	Register("test_never", func(c *Call, args []value.Value) value.Value {
		c.Delay()
		return value.Count(99)
	})
	Register("test_pending", func(c *Call, _ []value.Value) value.Value {
		return value.Count(uint64(len(c.Interp.ev.triggers)))
	})
	return func() {
		delete(builtins, "test_now")
		delete(builtins, "test_never")
		delete(builtins, "test_pending")
	}
}

const nowDecls = `
global test_now: function(n: count): count;
global test_pending: function(): count;
global test_never: function(): count;
function via(n: count): count
	{
	return test_now(n);
	}
`

// A delayed call whose value is the whole condition's, directly or
// through the "return" of the functions between, does not unwind the
// evaluation; one inside a larger expression does. Both answer the
// "when" alike.
func TestDelayedTailCallDoesNotUnwind(t *testing.T) {
	defer registerNow()()
	for _, c := range []struct {
		cond   string
		unwind int
	}{
		{"local x = test_now(4)", 0},
		{"local x = via(4)", 0},
		{"via(4) == 40", 1},
		{"local x = via(4) + 0", 1},
	} {
		in, out, errs, _ := loadTo(t, nowDecls+`
event bro_init()
	{
	when ( `+c.cond+` )
		print "answered";
	}
`)
		if errs.Len() > 0 {
			t.Fatal(errs.String())
		}
		in.Run()
		if out.String() != "answered\n" {
			t.Errorf("%s: got %q", c.cond, out.String())
		}
		if in.ev.unwound != c.unwind {
			t.Errorf("%s: %d evaluations unwound, want %d", c.cond, in.ev.unwound, c.unwind)
		}
	}
}

// A delayed tail call leaves the "when" local as it was until the result
// is there, and the function that made the call is not left under way.
func TestDelayedTailCallKeepsLocal(t *testing.T) {
	defer registerNow()()
	out, errs := run(t, nowDecls+`
event bro_init()
	{
	local x = 7;
	when ( local y = via(x) )
		print x, y;
	when ( local z = test_never() )
		print "answered", z;
	timeout 0secs
		{
		print "timeout", z;
		}
	}
`)
	if !strings.Contains(errs, "value used but not set (z)") {
		t.Errorf("errors %q, output %q: z got a value although its call never answered", errs, out)
		return
	}
	if out != "7, 70\n" {
		t.Errorf("got %q", out)
	}
}

// A result delivered to a "when" stands for its call before the callee
// and the arguments are evaluated again, as in Bro's CallExpr::Eval: an
// argument with a side effect runs once.
func TestDeliveredResultBeforeArguments(t *testing.T) {
	defer registerNow()()
	out, errs := run(t, nowDecls+`
global calls = 0;
function arg(): count
	{
	++calls;
	return 5;
	}
event bro_init()
	{
	when ( local x = test_now(arg()) )
		print x, calls;
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if out != "50, 1\n" {
		t.Errorf("got %q", out)
	}
}

// A chain of queries, each answered at once and starting the next from
// its body, longer than one drain evaluates in its passes, goes on at
// the next pass of the loop rather than waiting for the timeout; each
// pass forgets the triggers that finished, so the list stays short.
func TestLongChainOfDelayedResults(t *testing.T) {
	defer registerNow()()
	Register("test_stop", func(c *Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminate())
	})
	defer delete(builtins, "test_stop")
	n := 3 * maxTriggerPasses
	out, errs := run(t, nowDecls+`
global exit_only_after_terminate = T;
global test_stop: function(): bool;
global most = 0;
function step(i: count)
	{
	when ( local x = test_now(i) )
		{
		if ( test_pending() > most )
			most = test_pending();
		if ( i < `+fmt.Sprint(n)+` )
			step(i + 1);
		else
			{
			print "done", x, most;
			test_stop();
			}
		}
	timeout 10secs
		{
		print "timeout", i;
		test_stop();
		}
	}
event bro_init()
	{
	step(1);
	}
`)
	if errs != "received termination signal\n" {
		t.Fatal(errs)
	}
	if want := fmt.Sprintf("done, %d, 1\n", n*10); out != want {
		t.Errorf("got %q, want %q", strings.TrimSpace(out), want)
	}
}

// BenchmarkWhenDelayedAtOnce measures a "when" whose condition is a
// query answered at once, 1000 under way, each batch started from the
// last answer of the one before, as the store benchmark's script does.
func BenchmarkWhenDelayedAtOnce(b *testing.B) {
	defer registerNow()()
	Register("test_stop", func(c *Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminate())
	})
	defer delete(builtins, "test_stop")
	in, out, errs, _ := loadTo(b, nowDecls+`
global exit_only_after_terminate = T;
global test_stop: function(): bool;
global n = `+fmt.Sprint(b.N)+`;
global done = 0;
global answered = 0;
function batch()
	{
	local i = 0;
	while ( i < 1000 && done < n )
		{
		when ( local r = via(done) )
			{
			if ( ++answered == n )
				{
				print "answered", answered;
				test_stop();
				return;
				}
			if ( answered == done )
				batch();
			}
		timeout 1min
			{
			print "timeout";
			}
		++done;
		++i;
		}
	}
event bro_init()
	{
	batch();
	}
`)
	if errs.Len() > 0 {
		b.Fatal(errs.String())
	}
	b.ReportAllocs()
	b.ResetTimer()
	in.Run()
	b.StopTimer()
	if want := fmt.Sprintf("answered, %d\n", b.N); out.String() != want {
		b.Fatalf("got %.200q, want %q", out.String(), want)
	}
}

// A function that is more than "return f(params)" runs again when its
// delayed result has arrived, as Bro evaluates the condition again; one
// that is nothing more (a pass-through wrapper) needs not, and the
// result it delayed is the same.
// A call of a pass-through wrapper whose arguments have effects, or that
// leaves a parameter to an effectful default, is evaluated again with
// the condition, as in Bro (which keys the result by the wrapper's inner
// call): exactly as often as the same call of a function that does not
// pass through.
func TestWrapperArgumentsEvaluatedAgain(t *testing.T) {
	defer registerNow()()
	out, errs := run(t, nowDecls+`
global a = 0;
global b = 0;
function count_a(): count { ++a; return 1; }
function count_b(): count { ++b; return 1; }
function other(n: count): count
	{
	local m = n;
	return test_now(m);
	}
function via_default(n: count &default=count_a()): count
	{
	return test_now(n);
	}
function other_default(n: count &default=count_b()): count
	{
	local m = n;
	return test_now(m);
	}
event bro_init()
	{
	when ( local x = via(count_a()) )
		when ( local y = other(count_b()) )
			{
			print a == b, a > 1;
			a = 0;
			b = 0;
			when ( local z = via_default() )
				when ( local w = other_default() )
					print a == b, a > 1;
			}
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if out != "T, T\nT, T\n" {
		t.Errorf("got %q", out)
	}
}

func TestWrapperWithEffectRunsAgain(t *testing.T) {
	defer registerNow()()
	out, errs := run(t, nowDecls+`
global calls = 0;
function noisy(n: count): count
	{
	++calls;
	return test_now(n);
	}
function twice(n: count): count
	{
	return via(n);
	}
event bro_init()
	{
	when ( local x = noisy(3) )
		print x, calls;
	when ( local y = twice(2) )
		print y;
	when ( local z = via(1) + twice(1) )
		print z;
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	if out != "30, 2\n20\n20\n" {
		t.Errorf("got %q", out)
	}
}

// A "when" answered in the drain that made it never puts its timeout
// timer into the heap; one still waiting after that drain has it there,
// and it times out (here when the process ends).
func TestWhenTimeoutHeldUntilDrainEnds(t *testing.T) {
	defer registerNow()()
	Register("test_timers", func(c *Call, _ []value.Value) value.Value {
		return value.Count(uint64(len(c.Interp.ev.timers.h)))
	})
	Register("test_stop", func(c *Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminate())
	})
	defer delete(builtins, "test_timers")
	defer delete(builtins, "test_stop")
	in, out, errs, _ := loadTo(t, nowDecls+`
global test_timers: function(): count;
global test_stop: function(): bool;
global exit_only_after_terminate = T;
event check()
	{
	print "after the drain", test_pending(), test_timers();
	test_stop();
	}
event start()
	{
	when ( local r = test_now(1) )
		print "answered", r;
	timeout 1min
		{
		print "timeout 1";
		}
	when ( local s = test_never() )
		print "never";
	timeout 1min
		{
		print "timeout 2";
		}
	print "in the drain", test_pending(), test_timers();
	schedule 1msec { check() };
	}
event bro_init()
	{
	# Network time is 0 until the first pass: a timeout set in
	# bro_init would be due at once.
	schedule 1msec { start() };
	}
`)
	if errs.Len() > 0 {
		t.Fatal(errs.String())
	}
	in.Run()
	want := "in the drain, 2, 0\nanswered, 10\nafter the drain, 1, 1\ntimeout 2\n"
	if out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
}

// A pass-through wrapper of a builtin, called inside a "when" condition,
// makes the builtin's call as its body would: the same arguments, the
// same place and description in the builtin's messages, the same
// result. Where the builtin's name comes to hold a script function, the
// wrapper runs as any function.
func TestPassThroughCallsTheBuiltinAsItsBody(t *testing.T) {
	Register("test_fail", func(c *Call, args []value.Value) value.Value {
		c.BuiltinError(fmt.Sprintf("failed for %d", args[0].AsCount()))
		return value.Count(args[0].AsCount() + 1)
	})
	defer delete(builtins, "test_fail")
	in, out, errs, dir := loadTo(t, `
global test_fail: function(n: count): count;
global fail_fn: function(n: count): count = test_fail;
function through(n: count): count
	{
	return fail_fn(n);
	}
function later(n: count): count
	{
	return n * 100;
	}
event bro_init()
	{
	local k = 3;
	when ( local a = through(k) )
		{
		print "through", a;
		fail_fn = later;
		when ( local b = through(k) )
			print "replaced", b;
		}
	}
`)
	if errs.Len() > 0 {
		t.Fatal(errs.String())
	}
	in.Run()
	wantOut := "through, 4\nreplaced, 300\n"
	wantErr := "error in " + dir + "/t.bro, line 6: failed for 3 (fail_fn(n))\n"
	if out.String() != wantOut || errs.String() != wantErr {
		t.Fatalf("got %q and %q, want %q and %q", out.String(), errs.String(), wantOut, wantErr)
	}
}
