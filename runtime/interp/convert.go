package interp

import (
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Converter gives the values of one record type conversions to other
// types through "as", "is" and type cases of a switch, as Bro 2.6 lets a
// Broker::Data convert to whatever type its datum fits. Which types
// those are is known only at run time, so the checker lets any cast
// from such a record type through.
type Converter struct {
	// Holds reports whether values of type t convert.
	Holds func(t types.Type) bool
	// Convert converts v, of a type Holds accepts, to type t; ok is
	// false where its content does not fit t.
	Convert func(in *Interp, v value.Value, t types.Type) (value.Value, bool)
	// Fits reports whether Convert would succeed.
	Fits func(in *Interp, v value.Value, t types.Type) bool
	// Empty reports whether v holds nothing to convert, which a failed
	// cast mentions.
	Empty func(v value.Value) bool
}

var converter *Converter

// SetConverter installs the conversions of a record type (builtins/broker
// installs Broker::Data's). There is one.
func SetConverter(c *Converter) { converter = c }

// converts reports whether values of type t convert through the
// installed Converter.
func converts(t types.Type) bool {
	return converter != nil && t != nil && converter.Holds(t)
}
