// The binary encoding of Broker data on the wire.
//
// Each datum is a kind byte (Kind, in broker::data's variant order)
// followed by its payload:
//
//	none                 nothing
//	bool                 one byte, 0 or 1
//	count                unsigned varint
//	int                  zig-zag varint
//	real                 8 bytes, IEEE 754, little-endian
//	string, enum value   unsigned varint length, then the bytes
//	address              16 bytes, network order (IPv4 mapped into IPv6)
//	subnet               16 bytes of network, then one byte of length (0-128, over 128 bits)
//	port                 unsigned varint number (< 65536), then one byte of protocol (0-3)
//	timestamp, timespan  zig-zag varint of nanoseconds
//	set, vector          unsigned varint count, then the elements
//	table                unsigned varint count, then key and value for each entry
//
// Sets and tables are written in the data order. The encoding carries
// no version of its own: a frame that carries data starts with
// WireVersion, which ReadWireVersion checks.

package broker

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// WireVersion is the version of this encoding. A frame starts with it so
// that a gobro whose encoding has changed refuses a peer of another
// version instead of misreading its data.
const WireVersion byte = 1

// MaxWireDepth is how deeply containers may nest in a decoded datum.
const MaxWireDepth = 64

// Errors of ReadData.
var (
	ErrTruncated = errors.New("broker data: truncated")
	ErrBadKind   = errors.New("broker data: unknown kind")
	ErrTooDeep   = errors.New("broker data: containers nested too deeply")
	ErrBadValue  = errors.New("broker data: invalid value")
)

// AppendWireVersion appends the version byte a frame starts with.
func AppendWireVersion(buf []byte) []byte { return append(buf, WireVersion) }

// ReadWireVersion checks the version byte at the start of a frame and
// returns the rest; the error says which versions disagree.
func ReadWireVersion(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, ErrTruncated
	}
	if b[0] != WireVersion {
		return nil, fmt.Errorf("peer uses data format version %d, this gobro uses version %d", b[0], WireVersion)
	}
	return b[1:], nil
}

// AppendData appends d's encoding to buf.
func AppendData(buf []byte, d Data) []byte {
	buf = append(buf, byte(d.kind))
	switch d.kind {
	case KindBool:
		buf = append(buf, byte(d.n&1))
	case KindCount:
		buf = binary.AppendUvarint(buf, d.n)
	case KindInt, KindTimestamp, KindTimespan:
		buf = binary.AppendVarint(buf, int64(d.n))
	case KindReal:
		buf = binary.LittleEndian.AppendUint64(buf, d.n)
	case KindString, KindEnum:
		buf = binary.AppendUvarint(buf, uint64(len(d.s)))
		buf = append(buf, d.s...)
	case KindAddress:
		buf = binary.BigEndian.AppendUint64(buf, d.n)
		buf = binary.BigEndian.AppendUint64(buf, d.m)
	case KindSubnet:
		buf = binary.BigEndian.AppendUint64(buf, d.n)
		buf = binary.BigEndian.AppendUint64(buf, d.m)
		buf = append(buf, d.x)
	case KindPort:
		buf = binary.AppendUvarint(buf, d.n)
		buf = append(buf, d.x)
	case KindSet, KindVector:
		es := d.Elems()
		buf = binary.AppendUvarint(buf, uint64(len(es)))
		for i := range es {
			buf = AppendData(buf, es[i])
		}
	case KindTable:
		ks, vs := d.Elems(), d.Values()
		buf = binary.AppendUvarint(buf, uint64(len(ks)))
		for i := range ks {
			buf = AppendData(buf, ks[i])
			buf = AppendData(buf, vs[i])
		}
	}
	return buf
}

// ReadData decodes one datum from the start of b and returns it with the
// bytes after it. It never reads past b, allocates at most in proportion
// to len(b), and refuses nesting deeper than MaxWireDepth; bytes left
// over are the caller's to judge. A set or table whose elements arrive
// out of order is put in order, keeping the first of equal keys.
func ReadData(b []byte) (Data, []byte, error) {
	return readData(b, 0)
}

func readData(b []byte, depth int) (Data, []byte, error) {
	if len(b) == 0 {
		return Data{}, nil, ErrTruncated
	}
	k := Kind(b[0])
	b = b[1:]
	switch k {
	case KindNone:
		return Data{}, b, nil
	case KindBool:
		if len(b) < 1 {
			return Data{}, nil, ErrTruncated
		}
		if b[0] > 1 {
			return Data{}, nil, ErrBadValue
		}
		return Data{kind: KindBool, n: uint64(b[0])}, b[1:], nil
	case KindCount:
		n, w := binary.Uvarint(b)
		if w <= 0 {
			return Data{}, nil, ErrTruncated
		}
		return Data{kind: k, n: n}, b[w:], nil
	case KindInt, KindTimestamp, KindTimespan:
		n, w := binary.Varint(b)
		if w <= 0 {
			return Data{}, nil, ErrTruncated
		}
		return Data{kind: k, n: uint64(n)}, b[w:], nil
	case KindReal:
		if len(b) < 8 {
			return Data{}, nil, ErrTruncated
		}
		return Data{kind: k, n: binary.LittleEndian.Uint64(b)}, b[8:], nil
	case KindString, KindEnum:
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return Data{}, nil, ErrTruncated
		}
		b = b[w:]
		return Data{kind: k, s: string(b[:n])}, b[n:], nil
	case KindAddress:
		if len(b) < 16 {
			return Data{}, nil, ErrTruncated
		}
		return Data{kind: k, n: binary.BigEndian.Uint64(b), m: binary.BigEndian.Uint64(b[8:])}, b[16:], nil
	case KindSubnet:
		if len(b) < 17 {
			return Data{}, nil, ErrTruncated
		}
		if b[16] > 128 {
			return Data{}, nil, ErrBadValue
		}
		d := Data{kind: k, n: binary.BigEndian.Uint64(b), m: binary.BigEndian.Uint64(b[8:]), x: b[16]}
		d.mask()
		return d, b[17:], nil
	case KindPort:
		n, w := binary.Uvarint(b)
		if w <= 0 || len(b) < w+1 {
			return Data{}, nil, ErrTruncated
		}
		if n > math.MaxUint16 || b[w] > byte(ProtoICMP) {
			return Data{}, nil, ErrBadValue
		}
		return Data{kind: k, n: n, x: b[w]}, b[w+1:], nil
	case KindSet, KindVector, KindTable:
		if depth >= MaxWireDepth {
			return Data{}, nil, ErrTooDeep
		}
		n, w := binary.Uvarint(b)
		if w <= 0 {
			return Data{}, nil, ErrTruncated
		}
		b = b[w:]
		per := uint64(1)
		if k == KindTable {
			per = 2
		}
		// Every element takes at least one byte.
		if n > uint64(len(b))/per {
			return Data{}, nil, ErrTruncated
		}
		var c *container
		if k == KindTable {
			c = &container{elems: make([]Data, n), vals: make([]Data, n)}
		} else {
			c = newContainer(int(n))
		}
		var err error
		for i := range c.elems {
			if c.elems[i], b, err = readData(b, depth+1); err != nil {
				return Data{}, nil, err
			}
			if k == KindTable {
				if c.vals[i], b, err = readData(b, depth+1); err != nil {
					return Data{}, nil, err
				}
			}
		}
		if k != KindVector {
			c.order()
		}
		return Data{kind: k, c: c}, b, nil
	}
	return Data{}, nil, ErrBadKind
}

// newContainer makes a container of n elements; a small one comes in
// one allocation with its elements.
func newContainer(n int) *container {
	switch n {
	case 1:
		x := &struct {
			c container
			a [1]Data
		}{}
		x.c.elems = x.a[:]
		return &x.c
	case 2:
		x := &struct {
			c container
			a [2]Data
		}{}
		x.c.elems = x.a[:]
		return &x.c
	case 3:
		x := &struct {
			c container
			a [3]Data
		}{}
		x.c.elems = x.a[:]
		return &x.c
	case 4:
		x := &struct {
			c container
			a [4]Data
		}{}
		x.c.elems = x.a[:]
		return &x.c
	}
	return &container{elems: make([]Data, n)}
}

// order sorts a decoded set's or table's keys (with their values) and
// drops later duplicates. Keys a peer wrote in order cost one pass.
func (c *container) order() {
	es := c.elems
	sorted := true
	for i := 1; i < len(es); i++ {
		if Compare(es[i-1], es[i]) >= 0 {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	sort.Stable(byKey{c})
	out := 0
	for i := range es {
		if out > 0 && Compare(es[out-1], es[i]) == 0 {
			continue
		}
		es[out] = es[i]
		if c.vals != nil {
			c.vals[out] = c.vals[i]
		}
		out++
	}
	c.elems = es[:out]
	if c.vals != nil {
		c.vals = c.vals[:out]
	}
}

// byKey sorts a container's keys with their values.
type byKey struct{ c *container }

func (s byKey) Len() int           { return len(s.c.elems) }
func (s byKey) Less(i, j int) bool { return Compare(s.c.elems[i], s.c.elems[j]) < 0 }
func (s byKey) Swap(i, j int) {
	s.c.elems[i], s.c.elems[j] = s.c.elems[j], s.c.elems[i]
	if s.c.vals != nil {
		s.c.vals[i], s.c.vals[j] = s.c.vals[j], s.c.vals[i]
	}
}
