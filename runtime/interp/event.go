package interp

import (
	"fmt"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// queued is an event waiting to be handled.
type queued struct {
	h    *Handlers
	args []value.Value
	// remote marks an event received from a peer.
	remote bool
}

// eventQueue is the FIFO of raised events. It keeps a read index instead
// of reslicing, so that a long burst reuses one backing array.
type eventQueue struct {
	items []queued
	head  int
}

func (q *eventQueue) push(e queued) { q.items = append(q.items, e) }

func (q *eventQueue) empty() bool { return q.head == len(q.items) }

// size is the number of events waiting.
func (q *eventQueue) size() int { return len(q.items) - q.head }

func (q *eventQueue) pop() queued {
	e := q.items[q.head]
	q.items[q.head] = queued{} // let the arguments go
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
	return e
}

// engine is the state of the event engine: the queue, the timers, the
// pending "when" triggers and the clock, with the flags of the process's
// life (terminating, exit status).
type engine struct {
	queue    eventQueue
	timers   timerMgr
	triggers []*trigger // pending, in creation order
	// requeued is set when a pending trigger receives a delayed
	// result, so that it is evaluated again.
	requeued bool
	// evaluating is set while the pending triggers are evaluated.
	evaluating bool
	// beforeTriggers run once, just before the pending triggers are
	// next evaluated (see BeforeTriggers).
	beforeTriggers []func()
	// unwound counts the condition evaluations that a delayed call
	// unwound (tail calls return instead).
	unwound int
	// netTime is Bro's network_time: with no packet source it follows
	// the wall clock, updated at start and at each round of the loop.
	netTime     float64
	terminating bool
	// inbox carries work from other goroutines (asynchronous builtins,
	// signals) into the interpreter's goroutine.
	inbox inbox
	// sources counts event sources that keep the loop running (as Bro's
	// counted IO sources do); none exist yet in a script-only run.
	sources int
	// passes counts the passes of the main loop.
	passes int
	// inErrorHandler counts the &error_handler events being handled.
	inErrorHandler int
	// inEvent is the name of the event being handled, for messages.
	inEvent string
	// draining is true while drain runs, so that a nested drain (an
	// asynchronous result delivered inside a handler) does not recurse.
	draining bool
}

// enqueue queues an event for its handlers. Events without handlers are
// dropped at once, as Bro drops them.
func (in *Interp) enqueue(h *Handlers, args []value.Value) {
	if h == nil || (len(h.bodies) == 0 && h.observer == nil) {
		return
	}
	in.ev.queue.push(queued{h: h, args: args})
}

// raise queues an event by name, if it has handlers.
func (in *Interp) raise(name string, args []value.Value) {
	if g := in.globals[name]; g != nil {
		in.enqueue(g.Handler, args)
	}
}

// Raise queues the event name with args, as the event statement does; it
// reports whether name is an event. Builtins and later the communication
// layer use it to inject events.
func (in *Interp) Raise(name string, args ...value.Value) bool {
	g := in.globals[name]
	if g == nil || g.Handler == nil {
		return false
	}
	in.enqueue(g.Handler, args)
	return true
}

// Dispatch runs the handlers of the event name with args at once, as
// Bro's EventMgr::Dispatch does for an event the core raises inside an
// operation (file_opened): the event is not queued. It reports whether
// name is an event.
func (in *Interp) Dispatch(name string, args ...value.Value) bool {
	g := in.globals[name]
	if g == nil || g.Handler == nil {
		return false
	}
	if len(g.Handler.bodies) > 0 {
		in.dispatch(queued{h: g.Handler, args: args})
	}
	return true
}

// HasHandler reports whether the event name has at least one body.
func (in *Interp) HasHandler(name string) bool {
	g := in.globals[name]
	return g != nil && g.Handler != nil && len(g.Handler.bodies) > 0
}

// drainRounds is how many rounds of events one drain handles: those
// waiting when it starts, then those they raised. Bro 2.6 stops there so
// that an event raising itself again cannot hold the engine in one drain;
// what is left waits for the next pass of the main loop (or is dropped
// when the process ends).
const drainRounds = 2

// drain handles queued events in order, two rounds of them, then it
// evaluates the pending "when" conditions, as Bro 2.6's EventMgr::Drain
// does.
func (in *Interp) drain() {
	if in.ev.draining {
		return
	}
	in.ev.draining = true
	for round := 0; round < drainRounds && !in.ev.queue.empty(); round++ {
		for n := in.ev.queue.size(); n > 0; n-- {
			in.dispatch(in.ev.queue.pop())
		}
	}
	in.ev.draining = false
	in.evaluateTriggers()
}

// dispatch runs every body of one event, highest priority first. A
// run-time error ends the body it happens in; the other bodies still run.
func (in *Interp) dispatch(ev queued) {
	if ev.h.errorHandler {
		in.ev.inErrorHandler++
		defer func() { in.ev.inErrorHandler-- }()
	}
	if ev.h.observer != nil && !ev.remote {
		ev.h.observer(ev.args)
	}
	in.currentRemote = ev.remote
	for i := range ev.h.bodies {
		b := &ev.h.bodies[i]
		fr := &Frame{locals: make([]value.Value, b.slots)}
		copy(fr.locals, ev.args)
		in.runBody(b.run, fr)
	}
	in.currentRemote = false
}

// runBody runs one handler body, reporting a run-time error instead of
// letting it escape.
func (in *Interp) runBody(run stmtFn, fr *Frame) (f flow) {
	defer func() {
		if r := recover(); r != nil {
			in.recovered(r)
			f = flowFailed
		}
	}()
	return run(fr)
}

// signatureClash tells whether a body's parameters differ from the
// declared ones in number or type.
func signatureClash(declared, body *types.FuncType) bool {
	if declared.Flavor != body.Flavor || len(declared.Params) != len(body.Params) {
		return true
	}
	for i := range declared.Params {
		if declared.Params[i].Type == nil || body.Params[i].Type == nil {
			continue // already reported
		}
		if !sameType(declared.Params[i].Type, body.Params[i].Type) {
			return true
		}
	}
	return false
}

// incompatibleSignature reports a body whose signature differs from the
// declaration, as Bro does: both places, then both types.
func (in *Interp) incompatibleSignature(g *Global, declared, body *types.FuncType, pos ast.Pos) {
	in.nerrs++
	where := location(pos)
	if g.Pos.Filename != "" && (g.Pos != pos) {
		where = location(g.Pos) + " and " + where
	}
	fmt.Fprintf(in.errOut, "error in %s: incompatible types (%s and %s)\n", where, declared, body)
}
