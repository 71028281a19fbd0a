package logging

import (
	"io"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Host is what the log manager needs from the interpreter that runs it.
// The bifs adapt the interpreter to it; tests use a fake.
type Host interface {
	// Call calls a script function value; ok is false if it failed (its
	// run-time error is already reported).
	Call(f value.Value, args ...value.Value) (result value.Value, ok bool)
	// FuncType returns the type of a function value, nil if f is none.
	FuncType(f value.Value) *types.FuncType
	// QueueEvent raises the event value ev with args.
	QueueEvent(ev value.Value, args ...value.Value)
	// Coerce converts a record to record type t by field names, filling
	// fields the source lacks with their &default, as a record
	// assignment does. It reports what does not fit as an error.
	Coerce(r *value.Record, t *types.RecordType) (*value.Record, error)
	// NetworkTime is Bro's network_time().
	NetworkTime() float64
	// AddTimer calls fire after delay seconds of network time, or with
	// expiring set when the process ends first.
	AddTimer(delay float64, fire func(expiring bool)) (cancel func())
	// Global returns a global's value and type.
	Global(name string) (value.Value, types.Type, bool)
	// LookupType returns a type declared with "type", or nil.
	LookupType(name string) types.Type
	// Error and Warning report as Bro's reporter does.
	Error(msg string)
	// WriterError reports a writer's failure at the script line that
	// called Log::write.
	WriterError(msg string)
	Warning(msg string)
	// Stdout is where /dev/stdout output goes.
	Stdout() io.Writer
}
