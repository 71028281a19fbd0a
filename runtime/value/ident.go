package value

import (
	"strings"
	"unsafe"
)

// Identity of numbers, bools, times, intervals, enums and ports.
//
// Bro 2.6 allocates every value, and same_object(a, b) tells whether a
// and b are one allocation: after "b = a" they are, for a count as for a
// record, while two equal literals, or two results of arithmetic, are
// not. gobro keeps these scalars in a Value's N with R empty, so that
// arithmetic allocates nothing, and gives one an identity, an *Ident in
// R, only where two places could come to hold it: a literal has its own,
// made when it is compiled, and a value copied as it is from a variable
// into another place (an assignment, an argument, a constructor's
// element) gets one at that copy, written back into the variable so that
// both hold the same. Everything but same_object reads such a value by
// its N alone.

// Ident is a scalar value's identity: only its address counts.
type Ident struct{ _ byte }

// Idents hands out Idents. They come in small blocks, so that one live
// Ident keeps little else alive, and most cost no allocation of their
// own. An Idents is used by one goroutine.
type Idents struct {
	block *[identBlock]Ident
	next  int
}

// identBlock is the number of Idents allocated at once: sixteen bytes,
// one block of Go's allocator for small objects without pointers.
const identBlock = 16

// New returns an Ident that no value has yet.
func (p *Idents) New() *Ident {
	if p.block == nil || p.next == identBlock {
		p.block, p.next = new([identBlock]Ident), 0
	}
	id := &p.block[p.next]
	p.next++
	return id
}

// DistinctEmptyString returns an empty string value that same_object
// tells from every other, as it tells strings by where their bytes are:
// this one's bytes (none) have an address of their own. Go keeps every
// empty string in an interface as one shared value without an address,
// so this one is put into R by hand.
func DistinctEmptyString() Value {
	h := new(string)
	*h = strings.Clone("x")[:0]
	var r any = ""
	(*iface)(unsafe.Pointer(&r)).data = unsafe.Pointer(h)
	return Value{R: r}
}

// iface is Go's layout of an interface value: its type, and where the
// value it holds is kept.
type iface struct{ typ, data unsafe.Pointer }

// BoxOf returns where an interface keeps a value that is not a pointer:
// the copy made when the value was put into it, which every copy of the
// interface shares (same_object compares addresses and subnets by it).
func BoxOf(x any) unsafe.Pointer { return (*iface)(unsafe.Pointer(&x)).data }

// NeedsIdent reports whether v is a scalar without an identity (a plain
// interval keeps its mark instead, and has none).
func (v Value) NeedsIdent() bool { return v.R == nil }

// WithoutIdent returns v without its identity, as a copy of it that Bro
// allocates anew (copy(), a cloned frame) has its own; other values are
// returned as they are.
func (v Value) WithoutIdent() Value {
	if _, ok := v.R.(*Ident); ok {
		v.R = nil
	}
	return v
}
