package interp

import (
	"time"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// timer is one pending action of the timer manager. fire runs when the
// clock passes at, or when the process ends with the timer still pending
// (expiring is then true, as Bro's TimerMgr::Expire dispatches them).
type timer struct {
	at    float64
	seq   uint64 // ties fire in the order they were set
	index int    // in the heap; heldIndex while held; -1 once fired or cancelled
	fire  func(now float64, expiring bool)
	// trig, set instead of fire, is the "when" whose timeout this is.
	trig *trigger
}

// run fires the timer.
func (t *timer) run(now float64, expiring bool) {
	if t.trig != nil {
		t.trig.in.timeoutTrigger(t.trig)
		return
	}
	t.fire(now, expiring)
}

// timerHeap orders timers by time, then by creation. Its operations are
// written out rather than left to container/heap, whose calls through an
// interface cost a "when" with a timeout a noticeable share of its time.
type timerHeap []*timer

func (h timerHeap) less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}

func (h timerHeap) swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}

// up moves the timer at j towards the root while it is due earlier than
// its parent.
func (h timerHeap) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !h.less(j, i) {
			break
		}
		h.swap(i, j)
		j = i
	}
}

// down moves the timer at i towards the leaves while a child is due
// earlier; it reports whether it moved.
func (h timerHeap) down(i int) bool {
	i0 := i
	n := len(h)
	for {
		j := 2*i + 1
		if j >= n || j < 0 {
			break
		}
		if r := j + 1; r < n && h.less(r, j) {
			j = r
		}
		if !h.less(j, i) {
			break
		}
		h.swap(i, j)
		i = j
	}
	return i > i0
}

// push adds t.
func (h *timerHeap) push(t *timer) {
	t.index = len(*h)
	*h = append(*h, t)
	h.up(t.index)
}

// remove takes out the timer at i and returns it.
func (h *timerHeap) remove(i int) *timer {
	old := *h
	n := len(old) - 1
	if n != i {
		old.swap(i, n)
	}
	t := old[n]
	old[n] = nil
	*h = old[:n]
	if n != i {
		if !h.down(i) {
			h.up(i)
		}
	}
	t.index = -1
	return t
}

// timerMgr is Bro's timer manager: a priority queue of timers advanced
// by network time.
type timerMgr struct {
	h   timerHeap
	seq uint64
	// held are timers set with hold and not yet in the heap.
	held []*timer
}

// heldIndex is the index of a timer that hold keeps out of the heap.
const heldIndex = -2

func (m *timerMgr) add(t *timer) {
	m.seq++
	t.seq = m.seq
	m.h.push(t)
}

// hold sets t as add does but keeps it out of the heap until release.
// A "when" waiting for a query's answer holds its timeout timer: nearly
// always the answer comes in the same drain, and the timer is cancelled
// before it ever costs a push and a removal. Its time and its place
// among ties are fixed here, so a timer released later fires exactly
// when and in the order it would have.
func (m *timerMgr) hold(t *timer) {
	m.seq++
	t.seq = m.seq
	t.index = heldIndex
	m.held = append(m.held, t)
}

// release puts the held timers that are still pending into the heap. The
// event loop calls it after each drain; whatever looks at the heap calls
// it first, so no held timer is ever overlooked.
func (m *timerMgr) release() {
	for i, t := range m.held {
		if t.index == heldIndex {
			m.h.push(t)
		}
		m.held[i] = nil
	}
	m.held = m.held[:0]
}

// forgetCancelled drops the held timers cancelled since, so that the
// list keeps no finished "when" alive: a chain of queries answered pass
// after pass in one drain would otherwise hold every trigger of the
// chain until the drain ends.
func (m *timerMgr) forgetCancelled() {
	kept := m.held[:0]
	for _, t := range m.held {
		if t.index == heldIndex {
			kept = append(kept, t)
		}
	}
	clear(m.held[len(kept):])
	m.held = kept
}

// cancel takes t out of the heap where it is there; a timer never added,
// already fired or cancelled is left alone.
func (m *timerMgr) cancel(t *timer) {
	if t.index == heldIndex {
		t.index = -1
		return
	}
	if t.index >= 0 && t.index < len(m.h) && m.h[t.index] == t {
		m.h.remove(t.index)
	}
}

// size is the number of pending timers.
func (m *timerMgr) size() int {
	m.release()
	return len(m.h)
}

// next returns when the soonest timer is due.
func (m *timerMgr) next() (float64, bool) {
	m.release()
	if len(m.h) == 0 {
		return 0, false
	}
	return m.h[0].at, true
}

// advance fires, in time order, every timer due at or before now.
func (m *timerMgr) advance(now float64) int { return m.advanceUpTo(now, 0) }

// advanceUpTo fires, in time order, the timers due at or before now, at
// most max of them when max is above 0 (the rest wait for the next
// advance, as in Bro's TimerMgr::Advance).
func (m *timerMgr) advanceUpTo(now float64, max int) int {
	n := 0
	for {
		// A timer set by the one before (a "when" started in a
		// timeout block) fires in the same round, as in Bro's
		// TimerMgr, where it is in the queue at once.
		m.release()
		if len(m.h) == 0 || m.h[0].at > now || (max > 0 && n >= max) {
			return n
		}
		t := m.h.remove(0)
		t.run(now, false)
		n++
	}
}

// expire fires every pending timer, as the process ends.
func (m *timerMgr) expire(now float64) {
	for m.release(); len(m.h) > 0; m.release() {
		t := m.h.remove(0)
		t.run(now, true)
	}
}

// wallClock returns the current time as Bro's current_time() does:
// seconds since the epoch, with microseconds.
func wallClock() float64 {
	return float64(time.Now().UnixMicro()) / 1e6
}

// NetworkTime returns Bro's network_time.
func (in *Interp) NetworkTime() float64 { return in.ev.netTime }

// AddTimer calls fire on the interpreter's goroutine after delay seconds
// of network time, or when the process ends with the timer pending
// (expiring is then true). It returns a cancel function. Builtins use it
// for their own deadlines.
func (in *Interp) AddTimer(delay float64, fire func(expiring bool)) (cancel func()) {
	t := &timer{at: in.ev.netTime + delay, fire: func(_ float64, expiring bool) { fire(expiring) }}
	in.ev.timers.add(t)
	return func() { in.ev.timers.cancel(t) }
}

// schedule compiles "schedule t { e(args) }". Its type is timer, as in
// Bro 2.6, and its value is never set: the timer itself is not exposed.
func (sc *scope) schedule(s *ast.Schedule) compiled {
	when := sc.expr(s.When)
	if when.t == nil {
		return bad
	}
	k := when.t.Kind()
	if k != types.Time && k != types.Interval {
		return sc.errorAt(s.Pos, "schedule expression requires a time or time interval")
	}
	ev := sc.eventCall(s.Event, s.Pos)
	if ev == nil {
		return bad
	}
	in := sc.in
	relative := k == types.Interval
	return compiled{t: types.TimerType, pos: s.Pos, fn: func(fr *Frame) value.Value {
		if in.ev.terminating {
			return value.Value{}
		}
		at := when.fn(fr).AsDouble()
		if relative {
			at += in.ev.netTime
		}
		h, args := ev(fr)
		in.ev.timers.add(&timer{at: at, fire: func(float64, bool) { in.enqueue(h, args) }})
		return value.Value{}
	}}
}

// eventCall compiles the "e(args)" of an event statement or a schedule:
// it returns code that computes the handlers and the arguments, or nil
// after reporting an error.
func (sc *scope) eventCall(c *ast.EventCall, pos ast.Pos) func(fr *Frame) (*Handlers, []value.Value) {
	// As Bro's EventExpr: a name that is not a function type is not an
	// event; the arguments are checked as a call's; a function or hook
	// (which yields a value) is not raised either.
	if _, local := sc.locals[c.Name]; local {
		// Bro's parser refuses it and stops.
		sc.in.errorAt(c.Pos, "local identifier \"%s\" cannot be used to reference an event, at or near \")\"", c.Name)
		sc.in.aborted = true
		return nil
	}
	g := sc.in.lookup(c.Name, sc.module)
	sc.in.checkExported(c.Pos, c.Name, sc.module, g)
	var ft *types.FuncType
	if g != nil && !g.IsType {
		ft, _ = g.Type.(*types.FuncType)
	}
	if ft == nil {
		for _, a := range c.Args {
			sc.expr(a)
		}
		sc.in.errorAt(c.Pos, "not an event (%s(%s))", c.Name, sc.describeArgs(c.Args))
		return nil
	}
	if g.Deprecated {
		sc.in.deprecatedUse(c, c.Pos, g.Name)
	}
	checked, ok := sc.checkArgs(c.Args, ft, c.Pos)
	if !ok {
		if !checked.done {
			sc.in.errorAt(c.Pos, "argument type mismatch in event invocation (%s(%s))", c.Name, checked.text())
		}
		return nil
	}
	if ft.Flavor != types.FlavorEvent {
		sc.in.errorAt(c.Pos, "function invoked as an event (%s(%s))", c.Name, checked.text())
		return nil
	}
	args := checked.fns
	if g.Handler == nil {
		g.Handler = &Handlers{}
	}
	g.Handler.used = true
	h := g.Handler
	return func(fr *Frame) (*Handlers, []value.Value) {
		vals := make([]value.Value, len(args))
		for i, a := range args {
			if a != nil {
				vals[i] = a(fr)
			}
		}
		return h, vals
	}
}
