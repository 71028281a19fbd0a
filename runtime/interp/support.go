package interp

import (
	"fmt"
	"sync"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// This file holds what builtins need of the interpreter beyond calling
// functions: naming events as values, building and coercing records,
// queueing events by name, and running work as the process ends.

// eventValue is the value of an event's (or hook's) name used as an
// expression, for example a log stream's $ev: a function value without
// a body that names the event. h, the event's handlers, supplies the
// bodies that describing the value shows.
func eventValue(name string, ft *types.FuncType, h *Handlers) value.Value {
	return value.Value{R: &Func{Name: name, Type: ft, handlers: h}}
}

// NewRecord returns a record of type rt as Bro's RecordVal starts one:
// &default fields set, fields that are neither &optional nor defaulted
// holding an empty record, table or vector where they have such a type,
// the others unset.
func (in *Interp) NewRecord(rt *types.RecordType) *value.Record { return in.newRecord(rt) }

// CoerceRecord converts src to record type to by field names, as
// assigning a record constructor does: fields of to that src lacks take
// their &default, nested records are converted in turn. A field of src
// that to lacks, or a missing field that is neither &optional nor
// defaulted, is an error.
func (in *Interp) CoerceRecord(src *value.Record, to *types.RecordType) (*value.Record, error) {
	if src.Type == to {
		return src, nil
	}
	r := in.newRecord(to)
	for i, f := range src.Type.Fields {
		j := to.FieldIndex(f.Name)
		if j < 0 {
			return nil, fmt.Errorf("orphan field \"%s\" in initialization", f.Name)
		}
		v := fieldValue(src, i)
		if v.IsUnset() {
			continue
		}
		if want, ok := to.Fields[j].Type.(*types.RecordType); ok {
			if nested, ok := v.R.(*value.Record); ok && nested.Type != want {
				c, err := in.CoerceRecord(nested, want)
				if err != nil {
					return nil, err
				}
				v = value.Value{R: c}
			}
		}
		r.Fields[j] = v
	}
	for j, f := range to.Fields {
		if r.Fields[j].IsUnset() && !f.Optional {
			return nil, fmt.Errorf("non-optional field \"%s\" missing", f.Name)
		}
	}
	return r, nil
}

// QueueEvent queues the event called name with args, if it has handlers.
func (in *Interp) QueueEvent(name string, args ...value.Value) { in.raise(name, args) }

var (
	shutdownMu    sync.Mutex
	shutdownHooks = map[*Interp][]func(){}
)

// OnShutdown registers f to run once the process has finished its last
// event (after bro_done), in registration order: the log manager closes
// its files there.
func (in *Interp) OnShutdown(f func()) {
	shutdownMu.Lock()
	defer shutdownMu.Unlock()
	shutdownHooks[in] = append(shutdownHooks[in], f)
}

var forcedExitHooks = map[*Interp][]func(){}

// OnForcedExit registers f to run when the process is about to end at
// once, in the middle of a handler (a second SIGINT or SIGTERM): the log
// manager writes out the whole rows it holds there. f runs on another
// goroutine than the interpreter's and must take its own locks.
func (in *Interp) OnForcedExit(f func()) {
	shutdownMu.Lock()
	defer shutdownMu.Unlock()
	forcedExitHooks[in] = append(forcedExitHooks[in], f)
}

// RunForcedExit runs the work registered with OnForcedExit, giving it at
// most wait to finish (a hook blocked behind the busy handler must not
// keep the process alive). It may be called from any goroutine.
func (in *Interp) RunForcedExit(wait time.Duration) {
	shutdownMu.Lock()
	hooks := forcedExitHooks[in]
	delete(forcedExitHooks, in)
	shutdownMu.Unlock()
	done := make(chan struct{})
	go func() {
		for _, f := range hooks {
			f()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(wait):
	}
}

// runShutdown runs the shutdown work, once.
func (in *Interp) runShutdown() {
	shutdownMu.Lock()
	hooks := shutdownHooks[in]
	delete(shutdownHooks, in)
	delete(forcedExitHooks, in)
	shutdownMu.Unlock()
	for _, f := range hooks {
		f()
	}
}
