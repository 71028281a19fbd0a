package broker

import (
	"io"
	"testing"
	"time"

	"gobro/builtins/broker/storage"
	"gobro/runtime/interp"
)

// syncSignal is a persistent backend in memory that tells when it has
// synced.
type syncSignal struct {
	*storage.Memory
	synced chan struct{}
}

func (s syncSignal) Sync() error {
	s.synced <- struct{}{}
	return nil
}

func (s syncSignal) Persistent() bool { return true }

// TestReplyNotAheadOfDelivery: once a sync job has finished, its
// answers are still on their way to the interpreter's goroutine; a
// clone's query answered meanwhile must wait behind them, or the clone
// gets its put_unique answers in the wrong order.
func TestReplyNotAheadOfDelivery(t *testing.T) {
	in := interp.New(io.Discard, io.Discard)
	synced := make(chan struct{}, 1)
	s := newStore(in, "t", syncSignal{storage.NewMemory(), synced})
	var got []string
	s.wrote()
	s.answerReply(func(bool) { got = append(got, "first") })
	s.flush()
	select {
	case <-synced:
	case <-time.After(5 * time.Second):
		t.Fatal("no sync")
	}
	// The syncer posts the first answer to the interpreter right after
	// the sync.
	time.Sleep(50 * time.Millisecond)
	// The first answer is posted, not yet delivered: the second waits.
	s.answerReply(func(bool) { got = append(got, "second") })
	if len(got) != 0 {
		t.Fatalf("answered %v ahead of the first answer", got)
	}
}
