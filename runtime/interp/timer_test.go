package interp

import (
	"math/rand"
	"sort"
	"testing"
)

// Timers added and cancelled in any order fire by time, ties in the
// order they were added, and a cancelled one never fires: the heap
// keeps its order and its indexes through removals from the middle. A
// timer held back from the heap (hold) keeps its place among them
// whenever it is released, and a cancelled one is never released.
func TestTimerHeapOrderWithCancels(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 50; round++ {
		var m timerMgr
		type rec struct {
			at  float64
			seq int
		}
		var live []*timer
		want := map[*timer]rec{}
		var got []rec
		for i := 0; i < 300; i++ {
			if len(live) > 0 && r.Intn(3) == 0 {
				k := r.Intn(len(live))
				m.cancel(live[k])
				delete(want, live[k])
				live = append(live[:k], live[k+1:]...)
				continue
			}
			x := rec{at: float64(r.Intn(20)), seq: i}
			tm := &timer{at: x.at}
			tm.fire = func(float64, bool) { got = append(got, x) }
			switch r.Intn(4) {
			case 0:
				m.hold(tm)
			case 1:
				m.release()
				fallthrough
			default:
				m.add(tm)
			}
			live = append(live, tm)
			want[tm] = x
		}
		var order []rec
		for _, x := range want {
			order = append(order, x)
		}
		sort.Slice(order, func(i, j int) bool {
			if order[i].at != order[j].at {
				return order[i].at < order[j].at
			}
			return order[i].seq < order[j].seq
		})
		m.advance(9.5)
		m.expire(100)
		if len(got) != len(order) {
			t.Fatalf("round %d: %d timers fired, want %d", round, len(got), len(order))
		}
		for i := range order {
			if got[i] != order[i] {
				t.Fatalf("round %d: timer %d fired %v, want %v", round, i, got[i], order[i])
			}
		}
		if m.size() != 0 {
			t.Fatalf("round %d: %d timers left", round, m.size())
		}
	}
}

// A held timer that is cancelled leaves the held list at the next
// forgetCancelled (so that nothing keeps its finished "when" alive); one
// still pending stays held until release puts it into the heap.
func TestHeldTimersForgottenOnceCancelled(t *testing.T) {
	var m timerMgr
	a, b, c := &timer{at: 1}, &timer{at: 2}, &timer{at: 3}
	m.hold(a)
	m.hold(b)
	m.hold(c)
	m.cancel(a)
	m.cancel(c)
	m.forgetCancelled()
	if len(m.held) != 1 || m.held[0] != b || len(m.h) != 0 {
		t.Fatalf("held %d timers, heap %d", len(m.held), len(m.h))
	}
	m.release()
	if len(m.held) != 0 || len(m.h) != 1 || m.h[0] != b {
		t.Fatalf("after release: held %d, heap %d", len(m.held), len(m.h))
	}
}
