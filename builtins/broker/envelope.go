package broker

import (
	"encoding/binary"
	"errors"
)

// The kinds of message, the first byte of a payload on the bus.
const (
	msgEvent     byte = 1 // name, argument count, arguments
	msgIDUpdate  byte = 2 // global name, value
	msgLogCreate byte = 3 // stream, writer, path, field count, fields (name, type)
	msgLogWrite  byte = 4 // stream, writer, path, value count, values
)

// errTruncated is what a reader says of a payload that ends too early.
var errTruncated = errors.New("truncated message")

// appendString appends s as a uvarint length and its bytes.
func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendUvarint appends a count.
func appendUvarint(b []byte, n int) []byte {
	return binary.AppendUvarint(b, uint64(n))
}

// reader takes a payload apart; the first error sticks and every later
// read yields zero values, so a caller checks err once at the end.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errTruncated
		return 0
	}
	r.b = r.b[k:]
	return n
}

func (r *reader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errTruncated
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads an element count, which cannot exceed the bytes left
// (every element takes at least one), so a hostile count allocates
// nothing.
func (r *reader) count() int {
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errTruncated
		return 0
	}
	return int(n)
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if len(r.b) == 0 {
		r.err = errTruncated
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// length reads a four-byte length.
func (r *reader) length() int {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 4 {
		r.err = errTruncated
		return 0
	}
	n := int(r.b[0])<<24 | int(r.b[1])<<16 | int(r.b[2])<<8 | int(r.b[3])
	r.b = r.b[4:]
	return n
}

func (r *reader) data() Data {
	if r.err != nil {
		return Data{}
	}
	d, rest, err := ReadData(r.b)
	if err != nil {
		r.err = err
		return Data{}
	}
	r.b = rest
	return d
}
