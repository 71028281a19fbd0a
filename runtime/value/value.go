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
	R any    // string, netip.Addr, netip.Prefix, *Pattern, *Record, *Table, *Vector, *Any, functions, files, opaque values
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

// Table is a table or set value. Tables are shared by assignment. Entries
// iterate in insertion order.
type Table struct {
	Type  *types.TableType
	index map[string]int // key encoding -> position in entries
	// strs indexes the keys that are one string, which need no
	// encoding.
	strs strIndex
	// chunks hold the entries in insertion order, deleted ones
	// included: every chunk but the last is full (chunkSize entries),
	// so that a big table grows without copying its entries.
	chunks [][]Entry
	n      int // entries in chunks
	live   int
	// iterating counts the loops running over the table; deletions
	// leave holes rather than compacting while any runs.
	iterating int
	// Default computes the value of a missing index under &default;
	// nil if the table has none.
	Default func(key []Value) Value
	// prefixLens records which prefix lengths were ever inserted into
	// a table indexed by one subnet (bit b of lens4 for IPv4 /b, of
	// lens6 for IPv6 /b), so that a longest-prefix lookup tries only
	// those.
	lens4 uint64
	lens6 [3]uint64
	// expiry is set on a table with &read_expire, &write_expire or
	// &create_expire.
	expiry *Expiry
}

// Entry is one element of a table: its index values and, for a table, its
// yield.
type Entry struct {
	Key     []Value
	Yield   Value
	deleted bool
	// access is the time of the last access that counts for
	// expiration, in whole seconds as Bro keeps it.
	access float64
}

// Expiry is what a table with an expiration attribute keeps: the clock
// its entries are stamped with and which accesses count. The walk that
// expires entries goes over the table in steps; Cursor is where the
// next step begins (0: a new walk).
type Expiry struct {
	// Clock returns the network time.
	Clock func() float64
	// OnRead is set under &read_expire: a lookup counts as an access.
	OnRead bool
	// KeepCreate is set under &create_expire: assigning to an existing
	// index keeps the entry's creation time.
	KeepCreate bool
	// Cursor is the entry position the next step of an expiration walk
	// starts from.
	Cursor int
	// Walking is set while a walk is under way: removed entries then
	// leave their positions in place.
	Walking bool
}

// AccessTime returns the time of the entry's last access that counts
// for expiration, in whole seconds (0 for an entry made before the
// network time was set, which never expires on time alone).
func (e *Entry) AccessTime() float64 { return e.access }

// SetAccessTime sets the entry's access time, dropping the fraction of a
// second as Bro does.
func (e *Entry) SetAccessTime(t float64) { e.access = float64(int64(t)) }

// Deleted reports whether the entry was removed from its table.
func (e *Entry) Deleted() bool { return e.deleted }

// SetExpiry makes the table's entries carry access times for expiration.
func (t *Table) SetExpiry(x *Expiry) { t.expiry = x }

// Expiry returns the table's expiration state, nil if it has none.
func (t *Table) Expiry() *Expiry { return t.expiry }

// Slots returns how many entry positions the table has, removed entries
// included; At returns the entry at one of them.
func (t *Table) Slots() int { return t.n }

// At returns the entry at position i (see Slots), nil if it was removed
// or i is out of range.
func (t *Table) At(i int) *Entry {
	if i < 0 || i >= t.n || t.entry(i).deleted {
		return nil
	}
	return t.entry(i)
}

// Find returns the entry for a key without counting as an access, or nil.
func (t *Table) Find(key []Value) *Entry {
	i, ok := t.find(key)
	if !ok {
		return nil
	}
	return t.entry(i)
}

// chunkSize is how many entries a full chunk holds.
const chunkSize = 1024

// NewTable returns an empty table of type t.
func NewTable(t *types.TableType) *Table {
	return &Table{Type: t}
}

// entry returns the entry at position i.
func (t *Table) entry(i int) *Entry { return &t.chunks[i/chunkSize][i%chunkSize] }

// push appends an entry. The first chunk grows as a slice does, so a
// small table stays small; later ones are made full size at once.
func (t *Table) push(e Entry) {
	last := len(t.chunks) - 1
	if last < 0 || len(t.chunks[last]) == chunkSize {
		var c []Entry
		if last >= 0 {
			c = make([]Entry, 0, chunkSize)
		}
		t.chunks = append(t.chunks, c)
		last++
	}
	t.chunks[last] = append(t.chunks[last], e)
	t.n++
}

// Len returns the number of elements.
func (t *Table) Len() int { return t.live }

// Lookup returns the yield for a key and whether the key is present.
func (t *Table) Lookup(key []Value) (Value, bool) {
	i, ok := t.find(key)
	if !ok {
		return Value{}, false
	}
	e := t.entry(i)
	if t.expiry != nil && t.expiry.OnRead {
		e.SetAccessTime(t.expiry.Clock())
	}
	return e.Yield, true
}

// Insert sets the yield for a key (for a set, yield is ignored).
func (t *Table) Insert(key []Value, yield Value) {
	if i, ok := t.find(key); ok {
		e := t.entry(i)
		e.Yield = yield
		if t.expiry != nil && !t.expiry.KeepCreate {
			e.SetAccessTime(t.expiry.Clock())
		}
		return
	}
	t.place(key, t.n)
	t.push(Entry{Key: append([]Value(nil), key...), Yield: yield})
	if t.expiry != nil {
		t.entry(t.n - 1).SetAccessTime(t.expiry.Clock())
	}
	t.live++
	if len(key) == 1 {
		if p, ok := key[0].R.(netip.Prefix); ok {
			if b := p.Bits(); p.Addr().Is4() {
				t.lens4 |= 1 << uint(b)
			} else if b >= 0 {
				t.lens6[b/64] |= 1 << uint(b%64)
			}
		}
	}
}

// LookupBest is Lookup as Bro 2.6 indexes a table whose index is one
// subnet: an address, or a subnet, finds the most specific subnet of the
// table that holds it (longest-prefix match). IPv4 addresses and subnets
// also fall within IPv6 subnets that cover the IPv4-mapped range. Other
// tables and keys are looked up exactly.
func (t *Table) LookupBest(key []Value) (Value, bool) {
	if len(key) != 1 || t.Type == nil || len(t.Type.Index) != 1 || t.Type.Index[0].Kind() != types.Subnet {
		return t.Lookup(key)
	}
	var a netip.Addr
	bits := -1
	switch r := key[0].R.(type) {
	case netip.Addr:
		a = r.Unmap()
		bits = a.BitLen()
	case netip.Prefix:
		a = r.Addr()
		bits = r.Bits()
		if a.Is4In6() && bits >= 96 {
			a, bits = a.Unmap(), bits-96
		}
	default:
		return t.Lookup(key)
	}
	if !a.IsValid() || bits < 0 {
		return Value{}, false
	}
	try := func(p netip.Prefix) (Value, bool) { return t.Lookup([]Value{Subnet(p)}) }
	if a.Is4() {
		for b := bits; b >= 0; b-- {
			if t.lens4&(1<<uint(b)) != 0 {
				if p, err := a.Prefix(b); err == nil {
					if v, ok := try(p); ok {
						return v, true
					}
				}
			}
		}
		a, bits = netip.AddrFrom16(a.As16()), 96
	}
	for b := bits; b >= 0; b-- {
		if t.lens6[b/64]&(1<<uint(b%64)) != 0 {
			if p, err := a.Prefix(b); err == nil {
				if v, ok := try(p); ok {
					return v, true
				}
			}
		}
	}
	return Value{}, false
}

// Delete removes a key; it reports whether the key was present.
func (t *Table) Delete(key []Value) bool {
	var i int
	var ok bool
	if s, one := oneString(key); one {
		i, ok = t.strs.find(t, s)
	} else {
		// One encoding serves the lookup and the deletion.
		var buf [64]byte
		k := appendKeys(buf[:0], key)
		if i, ok = t.index[string(k)]; ok {
			delete(t.index, string(k))
		}
	}
	if !ok {
		return false
	}
	e := t.entry(i)
	e.deleted = true
	e.Yield = Value{}
	t.live--
	walking := t.expiry != nil && t.expiry.Walking
	if t.iterating == 0 && !walking && t.n > 32 && t.live < t.n/4 {
		t.compact()
	}
	return true
}

// oneString returns the string of a key that is one string value.
func oneString(key []Value) (string, bool) {
	if len(key) != 1 {
		return "", false
	}
	s, ok := key[0].R.(string)
	return s, ok
}

// find returns the position of key's entry.
func (t *Table) find(key []Value) (int, bool) {
	if s, one := oneString(key); one {
		return t.strs.find(t, s)
	}
	var buf [64]byte
	i, ok := t.index[string(appendKeys(buf[:0], key))]
	return i, ok
}

// place records that key's entry is at position i.
func (t *Table) place(key []Value, i int) {
	if s, one := oneString(key); one {
		t.strs.place(t, s, i)
		return
	}
	if t.index == nil {
		t.index = map[string]int{}
	}
	t.index[t.encode(key)] = i
}

// Each calls f for every element in insertion order until f returns
// false. Elements added or removed by f are seen or skipped as Bro's
// iteration allows: additions may or may not be visited.
func (t *Table) Each(f func(e *Entry) bool) {
	t.iterating++
	defer func() { t.iterating-- }()
	for i := 0; i < t.n; i++ {
		if e := t.entry(i); !e.deleted && !f(e) {
			return
		}
	}
}

func (t *Table) compact() {
	old := t.chunks
	t.chunks, t.n = nil, 0
	t.strs.reset()
	for _, c := range old {
		for _, e := range c {
			if !e.deleted {
				t.place(e.Key, t.n)
				t.push(e)
			}
		}
	}
}

// encode turns an index into a map key. Index values are scalars,
// strings, addresses, subnets, or records and lists of them; their
// encodings are unambiguous within one table type.
func (t *Table) encode(key []Value) string {
	var buf [64]byte
	return string(appendKeys(buf[:0], key))
}

func appendKeys(b []byte, key []Value) []byte {
	for _, v := range key {
		b = appendKey(b, v)
	}
	return b
}

func appendKey(b []byte, v Value) []byte {
	switch r := v.R.(type) {
	case nil:
		b = append(b, 'n')
		for i := 0; i < 8; i++ {
			b = append(b, byte(v.N>>(8*i)))
		}
	case string:
		b = append(b, 's')
		n := len(r)
		b = append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
		b = append(b, r...)
	case netip.Addr:
		b = append(b, 'a')
		a16 := r.As16()
		b = append(b, a16[:]...)
	case netip.Prefix:
		b = append(b, 'p')
		a16 := r.Addr().As16()
		b = append(b, a16[:]...)
		b = append(b, byte(r.Bits()))
	case *Record:
		b = append(b, 'r')
		for _, f := range r.Fields {
			b = appendKey(b, f)
		}
	case unset:
		b = append(b, 'u')
	default:
		// Values that cannot index a table never reach here: the
		// checker refuses such index types.
		b = append(b, '?')
	}
	return b
}
