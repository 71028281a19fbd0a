package interp

import (
	"io"
	"testing"
	"time"
)

// A process kept running by an event source, with no timers and nothing
// queued, sleeps until work is posted rather than spinning; posted work
// wakes it, and the loop ends once the source is done.
func TestSourceWithoutTimersBlocksOnInbox(t *testing.T) {
	in := New(io.Discard, io.Discard)
	in.AddSource()
	done := make(chan int)
	go func() { done <- in.Run() }()
	time.Sleep(200 * time.Millisecond)
	var passes int
	in.Post(func() {
		passes = in.ev.passes
		in.DoneSource()
	})
	select {
	case status := <-done:
		if status != 0 {
			t.Fatalf("Run returned %d, want 0", status)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("posted work did not wake the main loop")
	}
	if passes > 1 {
		t.Fatalf("the idle loop made %d passes before the posted work, want at most 1", passes)
	}
}

// A drain handles two rounds of events: those waiting, then those they
// raise; what these raise waits for the next drain.
func TestDrainHandlesTwoRounds(t *testing.T) {
	in := New(io.Discard, io.Discard)
	rounds := 0
	h := &Handlers{}
	h.add(body{run: func(*Frame) flow {
		rounds++
		in.enqueue(h, nil)
		return flowNormal
	}})
	in.enqueue(h, nil)
	in.drain()
	if rounds != 2 {
		t.Fatalf("one drain ran %d rounds, want 2", rounds)
	}
	in.drain()
	if rounds != 4 {
		t.Fatalf("two drains ran %d rounds, want 4", rounds)
	}
}
