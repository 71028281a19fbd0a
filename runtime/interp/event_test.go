package interp

import (
	"testing"
	"time"

	"gobro/runtime/value"
)

func TestTimersFireInTimeOrderTiesInCreationOrder(t *testing.T) {
	var m timerMgr
	var got []string
	add := func(at float64, name string) {
		m.add(&timer{at: at, fire: func(float64, bool) { got = append(got, name) }})
	}
	add(3, "c")
	add(1, "a1")
	add(2, "b")
	add(1, "a2")
	cancelled := &timer{at: 1.5, fire: func(float64, bool) { got = append(got, "cancelled") }}
	m.add(cancelled)
	m.cancel(cancelled)
	if n := m.advance(2); n != 3 {
		t.Fatalf("advance fired %d timers, want 3", n)
	}
	m.expire(2)
	want := []string{"a1", "a2", "b", "c"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestQueueReusesItsArray(t *testing.T) {
	var q eventQueue
	h := &Handlers{}
	for round := 0; round < 3; round++ {
		for i := 0; i < 10; i++ {
			q.push(queued{h: h})
		}
		for !q.empty() {
			q.pop()
		}
		if q.head != 0 || len(q.items) != 0 {
			t.Fatalf("queue not reset after draining: head %d len %d", q.head, len(q.items))
		}
	}
}

// An asynchronous builtin delivers its result from another goroutine;
// the "when" waiting for it runs its body with the value.
func TestDelayedBuiltinDeliversIntoWhen(t *testing.T) {
	Register("test_later", func(c *Call, args []value.Value) value.Value {
		p, ok := c.Delay()
		if !ok {
			return value.Value{}
		}
		n := args[0].AsCount()
		go func() {
			time.Sleep(10 * time.Millisecond)
			p.Deliver(value.Count(n * 10))
		}()
		return value.Value{}
	})
	Register("test_stop", func(c *Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminate())
	})
	defer delete(builtins, "test_later")
	defer delete(builtins, "test_stop")
	out, errs := run(t, `
global exit_only_after_terminate = T;
global test_stop: function(): bool;
global test_later: function(n: count): count;
event bro_init()
	{
	when ( local x = test_later(4) )
		{
		print "delivered", x;
		test_stop();
		}
	print "waiting";
	test_later(1);
	}
`)
	if want := "waiting\ndelivered, 40\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if want := "error in t.bro, line 13: test_later() can only be called inside a when-condition (test_later(1))\nreceived termination signal\n"; errs != want {
		t.Errorf("got errors %q, want %q", errs, want)
	}
}
