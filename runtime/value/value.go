// Package value holds script values and renders them as Bro 2.6 does.
//
// A Value is two words. Scalars (bool, count, int, double, time, interval,
// port, enum) live in N, so computing with them allocates nothing;
// everything else hangs off R. A Value does not know its type: the checker
// knows it statically, and only values of type any carry theirs (Any).
package value

import (
	"math"
	"net/netip"
	"strings"

	"gobro/runtime/types"
)

// Value is one script value.
type Value struct {
	N uint64 // bool, count, int, double/time/interval bits, port, enum value
	R any    // string, netip.Addr, netip.Prefix, *Pattern, *Record, *Table, *Vector, *Any, functions, files, opaque values; a scalar's *Ident (see ident.go)
}

// Proto is a port's transport protocol.
type Proto uint8

// Transport protocols, as get_port_transport_proto names them.
const (
	Unknown Proto = iota
	TCP
	UDP
	ICMP
)

// String returns "tcp", "udp", "icmp" or "unknown".
func (p Proto) String() string {
	switch p {
	case TCP:
		return "tcp"
	case UDP:
		return "udp"
	case ICMP:
		return "icmp"
	}
	return "unknown"
}

// Constructors.

// Bool returns a bool value.
func Bool(b bool) Value {
	if b {
		return Value{N: 1}
	}
	return Value{}
}

// Count returns a count value.
func Count(n uint64) Value { return Value{N: n} }

// Int returns an int value.
func Int(i int64) Value { return Value{N: uint64(i)} }

// Double returns a double value; Time and Interval use the same layout.
func Double(f float64) Value { return Value{N: math.Float64bits(f)} }

// String returns a string value (Bro strings are byte strings).
func String(s string) Value { return Value{R: s} }

// Port returns a port value.
func Port(num uint32, p Proto) Value { return Value{N: uint64(num) | uint64(p)<<32} }

// Enum returns an enum value.
func Enum(v int64) Value { return Value{N: uint64(v)} }

// Addr returns an address value.
func Addr(a netip.Addr) Value { return Value{R: a} }

// Subnet returns a subnet value; the prefix is kept masked.
func Subnet(p netip.Prefix) Value { return Value{R: p.Masked()} }

// Accessors. Each assumes the value has the type it is read as.

// AsBool returns a bool value's bool.
func (v Value) AsBool() bool { return v.N != 0 }

// AsCount returns a count value's number.
func (v Value) AsCount() uint64 { return v.N }

// AsInt returns an int value's number.
func (v Value) AsInt() int64 { return int64(v.N) }

// AsDouble returns a double, time or interval value's number.
func (v Value) AsDouble() float64 { return math.Float64frombits(v.N) }

// AsString returns a string value's bytes.
func (v Value) AsString() string { s, _ := v.R.(string); return s }

// CString returns s as C code sees it through a char pointer, as Bro's
// CheckString hands script strings to C functions: up to its first NUL.
func CString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// AsPort returns a port value's number and protocol.
func (v Value) AsPort() (uint32, Proto) { return uint32(v.N), Proto(v.N >> 32) }

// PortWord returns the number Bro keeps for a port: the port's number,
// with the protocol in the bits above 16 (tcp 1, udp 2, icmp 3). It is
// what |p| shows, what the table hash takes, and what sorting compares.
func (v Value) PortWord() uint64 {
	n, p := v.AsPort()
	return uint64(n) | uint64(p)<<16
}

// PortFromWord returns the port Bro keeps as the number w.
func PortFromWord(w uint64) Value { return Port(uint32(w&0xffff), Proto(w>>16&3)) }

// AsAddr returns an address value's address.
func (v Value) AsAddr() netip.Addr { a, _ := v.R.(netip.Addr); return a }

// AsSubnet returns a subnet value's prefix.
func (v Value) AsSubnet() netip.Prefix { p, _ := v.R.(netip.Prefix); return p }

// unset marks a record field that holds no value.
type unset struct{}

// Unset is the value of a record field that was never set.
var Unset = Value{R: unset{}}

// IsUnset reports whether v is Unset.
func (v Value) IsUnset() bool { _, ok := v.R.(unset); return ok }

// plainInterval marks an interval made the way some of Bro's builtins
// make theirs (double_to_interval, calc_next_rotate): a plain value of
// type interval rather than an interval value, which Bro describes as the
// double it holds.
type plainInterval struct{}

// PlainInterval returns the interval of f seconds as those builtins
// return it: it computes as any interval and prints as a double.
func PlainInterval(f float64) Value {
	return Value{N: math.Float64bits(f), R: plainInterval{}}
}

// IsNumber reports whether v is held in N alone, as numbers, bools,
// times, intervals (plain ones included), enums and ports are (R then
// holds at most their identity or the plain-interval mark).
func (v Value) IsNumber() bool {
	switch v.R.(type) {
	case nil, *Ident, plainInterval:
		return true
	}
	return false
}

// IsPlainInterval reports whether v was made by PlainInterval.
func (v Value) IsPlainInterval() bool { _, ok := v.R.(plainInterval); return ok }

// Pattern is a compiled pattern value.
type Pattern struct {
	Text            string // the pattern as written, without slashes
	CaseInsensitive bool   // /.../i
	// Raw marks a pattern whose Text is already its matcher's full text
	// (see MatcherText), as "redef p += /x/" builds it.
	Raw bool
	// Compiled is the interpreter's compiled form, once made. The value
	// owns it, so it lives exactly as long as the pattern is in use.
	Compiled any
}

// Record is a record value. Records are shared by assignment.
type Record struct {
	Type   *types.RecordType
	Fields []Value // Unset where a field has no value
}

// Vector is a vector value. Vectors are shared by assignment; holes are
// Unset.
type Vector struct {
	Type  *types.VectorType
	Elems []Value
}

// List is the value of an index list, as an &expire_func of a table
// with several indices receives its index: the values in order.
type List struct {
	Elems []Value
}

// Any is a value of type any: the value and its dynamic type.
type Any struct {
	Type  types.Type
	Value Value
}
