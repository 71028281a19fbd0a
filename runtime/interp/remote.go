package interp

import (
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The two hooks through which a communication layer (builtins/broker)
// joins the event engine: it learns of the events raised here that it
// is to publish, and it queues the events it receives from peers.

// EventObserver is told of one dispatch of an event, with its arguments.
// It runs on the interpreter's goroutine just before the event's
// handlers, and must not keep args beyond the call unless it copies them.
type EventObserver func(args []value.Value)

// ObserveEvent makes fn the observer of event name: fn is called each
// time the event, raised in this process, is dispatched, as Bro 2.6 calls
// an event's auto-publish hook. An observed event is queued even when it
// has no handler bodies. Events received from peers are not observed, so
// a relayed event does not echo back. A nil fn ends the observation. It
// reports whether name is an event.
func (in *Interp) ObserveEvent(name string, fn EventObserver) bool {
	g := in.globals[name]
	if g == nil || g.Handler == nil {
		return false
	}
	g.Handler.observer = fn
	return true
}

// RaiseRemote queues event name with args as an event received from a
// peer: while its handlers run, is_remote_event() is true. Like Raise, it
// must run on the interpreter's goroutine (see Post), and it reports
// whether name is an event.
func (in *Interp) RaiseRemote(name string, args []value.Value) bool {
	g := in.globals[name]
	if g == nil || g.Handler == nil {
		return false
	}
	if len(g.Handler.bodies) > 0 {
		in.ev.queue.push(queued{h: g.Handler, args: args, remote: true})
	}
	return true
}

// EventType returns the declared type of event name, or nil if name is
// not an event.
func (in *Interp) EventType(name string) *types.FuncType {
	g := in.globals[name]
	if g == nil || g.Handler == nil {
		return nil
	}
	ft, _ := g.Type.(*types.FuncType)
	return ft
}
