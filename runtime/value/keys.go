package value

import (
	"bytes"
	"encoding/binary"
	"net/netip"

	"gobro/runtime/seed"
	"gobro/runtime/types"
)

// The bytes Bro 2.6 hashes for a table index (CompHash.cc), and their
// hash. A table with one index that is not a record hashes the value
// alone: an int, count, bool, enum or port as its eight-byte number (a
// port's protocol in the bits above its number: tcp 1, udp 2, icmp 3),
// a double, time or interval as its eight-byte IEEE form, a string as
// its bytes, an address as its sixteen bytes (IPv4 mapped into IPv6),
// a subnet as its address followed by its four-byte prefix length.
// Other indices are laid out one value after another, each aligned to
// its size within the key and the gaps zero: numbers on eight bytes,
// strings as a four-byte length and the bytes, addresses and subnets as
// above on four-byte alignment; a record's fields follow one another, an
// &optional field preceded by one byte saying whether it is set.
// Numbers are little-endian, as on the machines Bro runs on.

// keyShape is how one index type's keys become bytes.
type keyShape struct {
	index  []types.Type
	single bool // one index, not a record: the value alone
	port   bool // the single index is a port
}

func shapeOf(t *types.TableType) *keyShape {
	s := &keyShape{}
	if t == nil {
		s.single = true
		return s
	}
	s.index = t.Index
	if len(t.Index) == 1 && t.Index[0] != nil {
		k := t.Index[0].Kind()
		s.single = k != types.Record
		s.port = k == types.Port
	}
	return s
}

// A KeyHasher hashes values of one type as a table indexed by that type
// alone hashes its keys: the hash of their KeyBytes, without making
// them.
type KeyHasher struct{ s *keyShape }

// NewKeyHasher returns the KeyHasher of values of type t.
func NewKeyHasher(t types.Type) KeyHasher {
	return KeyHasher{shapeOf(&types.TableType{Index: []types.Type{t}})}
}

// Hash returns the hash of v under the seeds st.
func (h KeyHasher) Hash(st *seed.State, v Value) uint64 { return h.s.hash(st, []Value{v}) }

// hash returns the hash of key under the seeds st.
func (s *keyShape) hash(st *seed.State, key []Value) uint64 {
	if s.single && len(key) == 1 {
		v := key[0]
		switch r := v.R.(type) {
		case nil, *Ident, plainInterval:
			if s.port {
				return st.HashUint64(v.PortWord())
			}
			return st.HashUint64(v.N)
		case string:
			return st.HashString(r)
		case netip.Addr:
			a := r.As16()
			return st.Hash(a[:])
		case netip.Prefix:
			var b [20]byte
			a, n := prefixKey(r)
			copy(b[:], a[:])
			binary.LittleEndian.PutUint32(b[16:], n)
			return st.Hash(b[:])
		}
	}
	var buf [128]byte
	return st.Hash(s.bytes(buf[:0], key))
}

// bytes appends the composite key of key to b.
func (s *keyShape) bytes(b []byte, key []Value) []byte {
	for j, v := range key {
		var t types.Type
		if j < len(s.index) {
			t = s.index[j]
		}
		b = appendKeyValue(b, v, t)
	}
	return b
}

// prefixKey returns a subnet's address and prefix length as Bro keys
// them: an IPv4 subnet's length counts the IPv4 bits.
func prefixKey(p netip.Prefix) ([16]byte, uint32) {
	a, bits := p.Addr(), p.Bits()
	if a.Is4In6() && bits >= 96 {
		bits -= 96
	}
	if bits < 0 {
		bits = 0
	}
	return a.As16(), uint32(bits)
}

// align pads b with zeros to a multiple of n bytes.
func align(b []byte, n int) []byte {
	for len(b)%n != 0 {
		b = append(b, 0)
	}
	return b
}

func appendU32(b []byte, n uint32) []byte {
	return binary.LittleEndian.AppendUint32(align(b, 4), n)
}

// appendKeyValue appends one value of type t to a composite key.
func appendKeyValue(b []byte, v Value, t types.Type) []byte {
	switch r := v.R.(type) {
	case nil, *Ident, plainInterval:
		n := v.N
		if t != nil && t.Kind() == types.Port {
			n = v.PortWord()
		}
		return binary.LittleEndian.AppendUint64(align(b, 8), n)
	case string:
		b = appendU32(b, uint32(len(r)))
		return append(b, r...)
	case netip.Addr:
		a := r.As16()
		return append(align(b, 4), a[:]...)
	case netip.Prefix:
		a, n := prefixKey(r)
		b = append(align(b, 4), a[:]...)
		return binary.LittleEndian.AppendUint32(b, n)
	case *Record:
		rt, _ := t.(*types.RecordType)
		if rt == nil {
			rt = r.Type
		}
		for i := range rt.Fields {
			f := rt.Fields[i]
			fv := Unset
			if i < len(r.Fields) {
				fv = r.Fields[i]
			}
			if f.Optional {
				set := byte(1)
				if fv.IsUnset() {
					set = 0
				}
				b = append(b, set)
			}
			if !fv.IsUnset() {
				b = appendKeyValue(b, fv, f.Type)
			}
		}
		return b
	case *Table:
		b = appendU32(b, uint32(r.Len()))
		r.Each(func(e *Entry) bool {
			if len(e.Key) == 1 {
				var it types.Type
				if r.Type != nil && len(r.Type.Index) == 1 {
					it = r.Type.Index[0]
				}
				b = appendKeyValue(b, e.Key[0], it)
			} else {
				b = appendU32(b, uint32(len(e.Key)))
				for j, k := range e.Key {
					var it types.Type
					if r.Type != nil && j < len(r.Type.Index) {
						it = r.Type.Index[j]
					}
					b = appendKeyValue(b, k, it)
				}
			}
			if r.Type != nil && !r.Type.IsSet() {
				b = appendKeyValue(b, e.Yield, r.Type.Yield)
			}
			return true
		})
		return b
	case *Vector:
		var et types.Type
		if r.Type != nil {
			et = r.Type.Elem
		}
		b = appendU32(b, uint32(len(r.Elems)))
		for i, e := range r.Elems {
			b = appendU32(b, uint32(i))
			if e.IsUnset() {
				b = appendU32(b, 0)
				continue
			}
			b = appendU32(b, 1)
			b = appendKeyValue(b, e, et)
		}
		return b
	}
	return b
}

// keysEqual reports whether two indices are the same key.
func keysEqual(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !keyValueEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

func keyValueEqual(x, y Value) bool {
	if x.N != y.N {
		return false
	}
	switch xr := x.R.(type) {
	case nil, *Ident, plainInterval:
		// A plain interval is the interval it holds, as Bro hashes
		// either by its double.
		return y.IsNumber()
	case string:
		yr, ok := y.R.(string)
		return ok && xr == yr
	case netip.Addr:
		yr, ok := y.R.(netip.Addr)
		return ok && xr.As16() == yr.As16()
	case netip.Prefix:
		yr, ok := y.R.(netip.Prefix)
		if !ok {
			return false
		}
		xa, xn := prefixKey(xr)
		ya, yn := prefixKey(yr)
		return xa == ya && xn == yn
	case unset:
		return y.IsUnset()
	case *Record:
		yr, ok := y.R.(*Record)
		if !ok {
			return false
		}
		if xr == yr {
			return true
		}
		n := max(len(xr.Fields), len(yr.Fields))
		for i := 0; i < n; i++ {
			xf, yf := Unset, Unset
			if i < len(xr.Fields) {
				xf = xr.Fields[i]
			}
			if i < len(yr.Fields) {
				yf = yr.Fields[i]
			}
			if !keyValueEqual(xf, yf) {
				return false
			}
		}
		return true
	}
	// Containers inside an index compare by their key bytes.
	var t types.Type
	if tr, ok := x.R.(*Table); ok {
		t = tr.Type
	}
	return bytes.Equal(appendKeyValue(nil, x, t), appendKeyValue(nil, y, t))
}

// KeyBytes returns the bytes Bro 2.6 hashes for one value of type t as an
// index of its own (a CompositeHash over a type list of t alone, as a
// Bloom filter keys its elements): a number, string, address or subnet
// alone, as HashKey holds it; a record, set or vector laid out as a
// composite key.
func KeyBytes(t types.Type, v Value) []byte {
	if t != nil && t.Kind() != types.Record {
		switch r := v.R.(type) {
		case nil, *Ident, plainInterval:
			n := v.N
			if t.Kind() == types.Port {
				n = v.PortWord()
			}
			return binary.LittleEndian.AppendUint64(nil, n)
		case string:
			return []byte(r)
		case netip.Addr:
			a := r.As16()
			return a[:]
		case netip.Prefix:
			a, n := prefixKey(r)
			return binary.LittleEndian.AppendUint32(a[:], n)
		}
	}
	return shapeOf(&types.TableType{Index: []types.Type{t}}).bytes(nil, []Value{v})
}
