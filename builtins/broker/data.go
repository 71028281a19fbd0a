// Broker's data model: one datum of broker::data, its total order, its
// text and its type names.

package broker

import (
	"math"
	"net/netip"
	"sort"
	"strconv"
	"strings"
)

// Kind is a datum's type, numbered in the order of broker::data's
// variant, which is also the first key of the order between data.
type Kind uint8

// The kinds of datum.
const (
	KindNone Kind = iota
	KindBool
	KindCount
	KindInt
	KindReal
	KindString
	KindAddress
	KindSubnet
	KindPort
	KindTimestamp
	KindTimespan
	KindEnum
	KindSet
	KindTable
	KindVector
)

// kindNames are the names broker::data::get_type_name gives, which Bro
// 2.6 puts in its "got %s" conversion warnings.
var kindNames = [...]string{
	KindNone:      "none",
	KindBool:      "boolean",
	KindCount:     "count",
	KindInt:       "integer",
	KindReal:      "real",
	KindString:    "string",
	KindAddress:   "address",
	KindSubnet:    "subnet",
	KindPort:      "port",
	KindTimestamp: "timestamp",
	KindTimespan:  "timespan",
	KindEnum:      "enum_value",
	KindSet:       "set",
	KindTable:     "table",
	KindVector:    "vector",
}

// String returns the kind's name as broker names it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// PortProto is a Broker port's protocol, in broker::port::protocol's
// order.
type PortProto uint8

// Port protocols.
const (
	ProtoUnknown PortProto = iota
	ProtoTCP
	ProtoUDP
	ProtoICMP
)

// Data is one Broker datum (broker::data): none, bool, count, int, real,
// string, address, subnet, port, timestamp, timespan, enum value, set,
// table or vector. Records travel as vectors, their unset fields as none.
//
// Scalars live in the struct itself, so making and copying them
// allocates nothing. The containers hang off a pointer: copying a Data
// shares its container, and Clone makes an independent copy, as Bro's
// copies of a broker::data are.
type Data struct {
	kind Kind
	x    uint8  // subnet: prefix length over 128 bits; port: protocol
	n    uint64 // bool, count, int, real bits, port number, nanoseconds; address bytes 0-7
	m    uint64 // address bytes 8-15
	s    string // string, enum name
	c    *container
}

// container holds a set's elements, a table's keys (both sorted by the
// data order, without duplicates) and values, or a vector's elements.
type container struct {
	elems []Data
	vals  []Data // table values, by position of their key
}

// None returns the datum nil.
func None() Data { return Data{} }

// Bool returns a boolean datum.
func Bool(b bool) Data {
	d := Data{kind: KindBool}
	if b {
		d.n = 1
	}
	return d
}

// Count returns a count datum.
func Count(n uint64) Data { return Data{kind: KindCount, n: n} }

// Int returns an integer datum.
func Int(i int64) Data { return Data{kind: KindInt, n: uint64(i)} }

// Real returns a real datum.
func Real(f float64) Data { return Data{kind: KindReal, n: math.Float64bits(f)} }

// String returns a string datum.
func String(s string) Data { return Data{kind: KindString, s: s} }

// Enum returns an enum value datum: the enum's name, module included.
func Enum(name string) Data { return Data{kind: KindEnum, s: name} }

// Timestamp returns a timestamp datum, nanoseconds since the epoch.
func Timestamp(ns int64) Data { return Data{kind: KindTimestamp, n: uint64(ns)} }

// Timespan returns a timespan datum in nanoseconds.
func Timespan(ns int64) Data { return Data{kind: KindTimespan, n: uint64(ns)} }

// Port returns a port datum.
func Port(num uint16, p PortProto) Data { return Data{kind: KindPort, n: uint64(num), x: uint8(p)} }

// Address returns an address datum. Broker keeps every address in 16
// bytes, IPv4 ones mapped into IPv6.
func Address(a netip.Addr) Data {
	b := a.As16()
	return Data{kind: KindAddress, n: be64(b[:8]), m: be64(b[8:])}
}

// Subnet returns a subnet datum for a prefix: the network masked, its
// length counted over 128 bits as Broker keeps it.
func Subnet(p netip.Prefix) Data {
	bits := p.Bits()
	if bits < 0 {
		bits = 0
	}
	a := p.Addr()
	if a.Is4() {
		bits += 96
	}
	d := Address(a)
	d.kind, d.x = KindSubnet, uint8(bits)
	d.mask()
	return d
}

// mask clears a subnet's host bits.
func (d *Data) mask() {
	bits := int(d.x)
	switch {
	case bits >= 128:
	case bits > 64:
		d.m &^= math.MaxUint64 >> uint(bits-64)
	case bits == 64:
		d.m = 0
	default:
		d.m = 0
		d.n &^= math.MaxUint64 >> uint(bits)
		if bits == 0 {
			d.n = 0
		}
	}
}

// NewSet returns a set holding elems (in any order; duplicates count
// once).
func NewSet(elems ...Data) Data {
	d := Data{kind: KindSet, c: &container{}}
	for _, e := range elems {
		d.SetInsert(e)
	}
	return d
}

// NewTable returns an empty table.
func NewTable() Data { return Data{kind: KindTable, c: &container{}} }

// NewVector returns a vector holding elems, which it keeps.
func NewVector(elems ...Data) Data { return Data{kind: KindVector, c: &container{elems: elems}} }

// Kind returns the datum's type.
func (d Data) Kind() Kind { return d.kind }

// AsBool returns a boolean's value.
func (d Data) AsBool() bool { return d.n != 0 }

// AsCount returns a count's value.
func (d Data) AsCount() uint64 { return d.n }

// AsInt returns an integer's value.
func (d Data) AsInt() int64 { return int64(d.n) }

// AsReal returns a real's value.
func (d Data) AsReal() float64 { return math.Float64frombits(d.n) }

// AsString returns a string's bytes or an enum value's name.
func (d Data) AsString() string { return d.s }

// AsNanos returns a timestamp's or timespan's nanoseconds.
func (d Data) AsNanos() int64 { return int64(d.n) }

// AsPort returns a port's number and protocol.
func (d Data) AsPort() (uint16, PortProto) { return uint16(d.n), PortProto(d.x) }

// bytes16 returns an address's or subnet's 16 bytes.
func (d Data) bytes16() [16]byte {
	var b [16]byte
	put64(b[:8], d.n)
	put64(b[8:], d.m)
	return b
}

// AsAddr returns an address as Bro sees it: an IPv4-mapped one as IPv4.
func (d Data) AsAddr() netip.Addr { return netip.AddrFrom16(d.bytes16()).Unmap() }

// AsPrefix returns a subnet as Bro sees it: an IPv4-mapped network with
// a length of at least 96 as an IPv4 prefix.
func (d Data) AsPrefix() netip.Prefix {
	a := netip.AddrFrom16(d.bytes16())
	bits := int(d.x)
	if a.Is4In6() && bits >= 96 {
		a, bits = a.Unmap(), bits-96
	}
	return netip.PrefixFrom(a, bits)
}

// Len returns the number of elements of a set, table or vector.
func (d Data) Len() int {
	if d.c == nil {
		return 0
	}
	return len(d.c.elems)
}

// Elems returns a set's elements in order or a vector's elements; the
// caller must not change them.
func (d Data) Elems() []Data {
	if d.c == nil {
		return nil
	}
	return d.c.elems
}

// Values returns a table's values, by position of their keys in Elems.
func (d Data) Values() []Data {
	if d.c == nil {
		return nil
	}
	return d.c.vals
}

// Clone returns a copy of d that shares no container with it.
func (d Data) Clone() Data {
	if d.c == nil {
		return d
	}
	c := &container{elems: cloneAll(d.c.elems)}
	if d.c.vals != nil {
		c.vals = cloneAll(d.c.vals)
	}
	d.c = c
	return d
}

func cloneAll(xs []Data) []Data {
	if xs == nil {
		return nil
	}
	out := make([]Data, len(xs))
	for i, x := range xs {
		out[i] = x.Clone()
	}
	return out
}

// ensure gives a container datum made by its zero value a container.
func (d *Data) ensure() {
	if d.c == nil {
		d.c = &container{}
	}
}

// search returns where key is or belongs among a set's or table's keys.
func (d Data) search(key Data) (int, bool) {
	if d.c == nil {
		return 0, false
	}
	es := d.c.elems
	i := sort.Search(len(es), func(i int) bool { return Compare(es[i], key) >= 0 })
	return i, i < len(es) && Compare(es[i], key) == 0
}

// Contains reports whether a set or table has key.
func (d Data) Contains(key Data) bool {
	_, ok := d.search(key)
	return ok
}

// SetInsert adds key to a set; it reports whether it was new.
func (d *Data) SetInsert(key Data) bool {
	d.ensure()
	i, ok := d.search(key)
	if ok {
		return false
	}
	d.c.elems = insertAt(d.c.elems, i, key)
	return true
}

// Remove takes key out of a set or table; it returns the value a table
// held for it and whether it was there.
func (d *Data) Remove(key Data) (Data, bool) {
	i, ok := d.search(key)
	if !ok {
		return Data{}, false
	}
	d.c.elems = append(d.c.elems[:i], d.c.elems[i+1:]...)
	var v Data
	if d.kind == KindTable {
		v = d.c.vals[i]
		d.c.vals = append(d.c.vals[:i], d.c.vals[i+1:]...)
	}
	return v, true
}

// TableLookup returns a table's value for key.
func (d Data) TableLookup(key Data) (Data, bool) {
	i, ok := d.search(key)
	if !ok {
		return Data{}, false
	}
	return d.c.vals[i], true
}

// TablePut sets a table's value for key; it returns the value it
// replaced, if any.
func (d *Data) TablePut(key, val Data) (Data, bool) {
	d.ensure()
	i, ok := d.search(key)
	if ok {
		old := d.c.vals[i]
		d.c.vals[i] = val
		return old, true
	}
	d.c.elems = insertAt(d.c.elems, i, key)
	d.c.vals = insertAt(d.c.vals, i, val)
	return Data{}, false
}

// Clear empties a set, table or vector.
func (d *Data) Clear() {
	if d.c != nil {
		d.c.elems = d.c.elems[:0]
		if d.c.vals != nil {
			d.c.vals = d.c.vals[:0]
		}
	}
}

// VectorInsert puts x before position i of a vector (at its end where i
// is past it).
func (d *Data) VectorInsert(i int, x Data) {
	d.ensure()
	if i > len(d.c.elems) || i < 0 {
		i = len(d.c.elems)
	}
	d.c.elems = insertAt(d.c.elems, i, x)
}

// VectorRemove takes element i out of a vector.
func (d *Data) VectorRemove(i int) {
	d.c.elems = append(d.c.elems[:i], d.c.elems[i+1:]...)
}

// VectorSet replaces element i of a vector.
func (d *Data) VectorSet(i int, x Data) { d.c.elems[i] = x }

// VectorAppend adds x at the end of a vector.
func (d *Data) VectorAppend(x Data) {
	d.ensure()
	d.c.elems = append(d.c.elems, x)
}

func insertAt(xs []Data, i int, x Data) []Data {
	xs = append(xs, Data{})
	copy(xs[i+1:], xs[i:])
	xs[i] = x
	return xs
}

// Compare orders data as Broker does (std::set and std::map keep their
// elements in this order): first by kind in variant order, then by
// value; containers compare element by element, shorter first on a tie.
func Compare(a, b Data) int {
	if a.kind != b.kind {
		return cmpU(uint64(a.kind), uint64(b.kind))
	}
	switch a.kind {
	case KindNone:
		return 0
	case KindBool, KindCount:
		return cmpU(a.n, b.n)
	case KindInt, KindTimestamp, KindTimespan:
		return cmpI(int64(a.n), int64(b.n))
	case KindReal:
		x, y := a.AsReal(), b.AsReal()
		switch {
		case x < y:
			return -1
		case y < x:
			return 1
		}
		return 0
	case KindString, KindEnum:
		return strings.Compare(a.s, b.s)
	case KindAddress:
		if c := cmpU(a.n, b.n); c != 0 {
			return c
		}
		return cmpU(a.m, b.m)
	case KindSubnet:
		if c := cmpU(a.n, b.n); c != 0 {
			return c
		}
		if c := cmpU(a.m, b.m); c != 0 {
			return c
		}
		return cmpU(uint64(a.x), uint64(b.x))
	case KindPort:
		if c := cmpU(a.n, b.n); c != 0 {
			return c
		}
		return cmpU(uint64(a.x), uint64(b.x))
	case KindSet, KindVector:
		return compareSeq(a.Elems(), b.Elems(), nil, nil)
	case KindTable:
		return compareSeq(a.Elems(), b.Elems(), a.Values(), b.Values())
	}
	return 0
}

// compareSeq compares sequences lexicographically; for tables, each
// key's value breaks a tie between keys.
func compareSeq(a, b, av, bv []Data) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := Compare(a[i], b[i]); c != 0 {
			return c
		}
		if av != nil && bv != nil {
			if c := Compare(av[i], bv[i]); c != 0 {
				return c
			}
		}
	}
	return cmpI(int64(len(a)), int64(len(b)))
}

func cmpU(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func cmpI(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// Equal reports whether two data are the same.
func Equal(a, b Data) bool { return Compare(a, b) == 0 }

// DataTypeName names a datum's type as Bro 2.6's conversion warnings do
// (broker::data::get_type_name): "count", "integer", "real", "set", ...
func DataTypeName(d Data) string { return d.kind.String() }

// String renders the datum as broker's to_string does, the text Bro
// shows inside "broker::data{...}".
func (d Data) String() string {
	var b strings.Builder
	d.write(&b)
	return b.String()
}

func (d Data) write(b *strings.Builder) {
	switch d.kind {
	case KindNone:
		b.WriteString("nil")
	case KindBool:
		if d.AsBool() {
			b.WriteByte('T')
		} else {
			b.WriteByte('F')
		}
	case KindCount:
		b.WriteString(strconv.FormatUint(d.n, 10))
	case KindInt:
		b.WriteString(strconv.FormatInt(d.AsInt(), 10))
	case KindReal:
		// std::to_string of a double: six decimals.
		b.WriteString(strconv.FormatFloat(d.AsReal(), 'f', 6, 64))
	case KindString, KindEnum:
		b.WriteString(d.s)
	case KindAddress:
		b.WriteString(d.AsAddr().String())
	case KindSubnet:
		p := d.AsPrefix()
		b.WriteString(p.Addr().String())
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(p.Bits()))
	case KindPort:
		num, p := d.AsPort()
		b.WriteString(strconv.FormatUint(uint64(num), 10))
		b.WriteByte('/')
		switch p {
		case ProtoTCP:
			b.WriteString("tcp")
		case ProtoUDP:
			b.WriteString("udp")
		case ProtoICMP:
			b.WriteString("icmp")
		default:
			b.WriteByte('?')
		}
	case KindTimestamp, KindTimespan:
		b.WriteString(strconv.FormatInt(d.AsNanos(), 10))
		b.WriteString("ns")
	case KindSet, KindVector:
		open, close := "{", "}"
		if d.kind == KindVector {
			open, close = "[", "]"
		}
		b.WriteString(open)
		for i, e := range d.Elems() {
			if i > 0 {
				b.WriteString(", ")
			}
			e.write(b)
		}
		b.WriteString(close)
	case KindTable:
		b.WriteByte('{')
		vals := d.Values()
		for i, k := range d.Elems() {
			if i > 0 {
				b.WriteString(", ")
			}
			k.write(b)
			b.WriteString(" -> ")
			vals[i].write(b)
		}
		b.WriteByte('}')
	}
}

func be64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
		uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
}

func put64(b []byte, v uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32)
	b[4], b[5], b[6], b[7] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}
