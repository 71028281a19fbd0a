package interp

import (
	"bytes"
	"fmt"
	"math"
	"net/netip"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// This file holds the operators on scalar types other than plain numbers:
// time and interval arithmetic, addr / count, the bitwise operators on
// counts and patterns, and the comparisons and membership tests of
// addresses, subnets, ports and patterns.

// isTemporal reports whether t is time or interval.
func isTemporal(t types.Type) bool {
	k := t.Kind()
	return k == types.Time || k == types.Interval
}

// toDouble returns code giving an arithmetic, time or interval value as a
// float64.
func toDouble(c compiled) func(fr *Frame) float64 {
	fn := c.fn
	switch c.t.Kind() {
	case types.Count, types.Counter:
		return func(fr *Frame) float64 { return float64(fn(fr).AsCount()) }
	case types.Int:
		return func(fr *Frame) float64 { return float64(fn(fr).AsInt()) }
	}
	return func(fr *Frame) float64 { return fn(fr).AsDouble() }
}

// temporalArith compiles + - * / where time, interval or addr take part,
// with Bro's result types: time ± interval is time, time - time and
// interval ± interval are intervals, interval * or / a number is an
// interval, interval / interval is a double, addr / count is a subnet.
// ok is false when no operand is of those types.
func (sc *scope) temporalArith(op string, x, y compiled, pos ast.Pos, desc describer) (c compiled, ok bool) {
	kx, ky := x.t.Kind(), y.t.Kind()
	if kx == types.Addr && op == "/" {
		if ky != types.Count && ky != types.Int && ky != types.Counter {
			return sc.errorAt(pos, "requires arithmetic operands (%s)", desc()), true
		}
		return sc.addrMask(x, y, pos, desc), true
	}
	if !isTemporal(x.t) && !isTemporal(y.t) {
		return bad, false
	}
	var result types.Type
	switch op {
	case "+":
		switch {
		case kx == types.Time && ky == types.Interval, kx == types.Interval && ky == types.Time:
			result = types.TimeType
		case kx == types.Interval && ky == types.Interval:
			result = types.IntervalType
		}
	case "-":
		switch {
		case kx == types.Time && ky == types.Interval:
			result = types.TimeType
		case kx == types.Time && ky == types.Time, kx == types.Interval && ky == types.Interval:
			result = types.IntervalType
		}
	case "*":
		if kx == types.Interval || ky == types.Interval {
			if isArith(x.t) || isArith(y.t) {
				result = types.IntervalType
			} else {
				return sc.errorAt(pos, "multiplication with interval requires arithmetic operand (%s)", desc()), true
			}
		}
	case "/":
		if kx == types.Interval || ky == types.Interval {
			switch {
			case isArith(x.t) || isArith(y.t):
				result = types.IntervalType
			case kx == types.Interval && ky == types.Interval:
				result = types.DoubleType
			default:
				return sc.errorAt(pos, "division of interval requires arithmetic operand (%s)", desc()), true
			}
		}
	case "%":
		return sc.errorAt(pos, "requires integral operands (%s)", desc()), true
	}
	if result == nil {
		return sc.errorAt(pos, "requires arithmetic operands (%s)", desc()), true
	}
	a, b := toDouble(x), toDouble(y)
	out := compiled{t: result, pos: pos}
	switch op {
	case "+":
		out.fn = func(fr *Frame) value.Value { return value.Double(a(fr) + b(fr)) }
	case "-":
		out.fn = func(fr *Frame) value.Value { return value.Double(a(fr) - b(fr)) }
	case "*":
		out.fn = func(fr *Frame) value.Value { return value.Double(a(fr) * b(fr)) }
	case "/":
		out.fn = func(fr *Frame) value.Value {
			p, q := a(fr), b(fr)
			if q == 0 {
				fail(pos, desc, "division by zero")
			}
			return value.Double(p / q)
		}
	}
	return out, true
}

// addrMask compiles addr / n, the subnet of the address's first n bits.
func (sc *scope) addrMask(x, y compiled, pos ast.Pos, desc describer) compiled {
	bits := y.fn
	signed := y.t.Kind() == types.Int
	return compiled{t: types.SubnetType, pos: pos, fn: func(fr *Frame) value.Value {
		a := x.fn(fr).AsAddr()
		n := bits(fr).AsCount()
		if signed {
			n = uint64(uint32(bits(fr).AsInt()))
		}
		max := uint64(128)
		family := "IPv6"
		if a.Is4() || a.Is4In6() {
			a, max, family = a.Unmap(), 32, "IPv4"
		}
		if n > max {
			fail(pos, desc, fmt.Sprintf("bad %s subnet prefix length: %d", family, uint32(n)))
		}
		p, _ := a.Prefix(int(n))
		return value.Subnet(p)
	}}
}

// bitwise compiles &, | and ^: on counts, and & and | on patterns.
func (sc *scope) bitwise(op string, x, y compiled, pos ast.Pos, desc describer) compiled {
	kx, ky := x.t.Kind(), y.t.Kind()
	if kx == types.Pattern || ky == types.Pattern {
		switch {
		case kx != ky:
			return sc.errorAt(pos, "cannot mix pattern and non-pattern operands (%s)", desc())
		case op == "^":
			return sc.errorAt(pos, "'^' operator does not apply to patterns (%s)", desc())
		}
		merge := ""
		if op == "|" {
			merge = "|"
		}
		return compiled{t: types.PatternType, pos: pos, fn: func(fr *Frame) value.Value {
			a, _ := x.fn(fr).R.(*value.Pattern)
			b, _ := y.fn(fr).R.(*value.Pattern)
			if a == nil || b == nil {
				fail(pos, desc, "value used but not set")
			}
			return value.Value{R: combinePatterns(a, b, merge)}
		}}
	}
	isCount := func(k types.Kind) bool { return k == types.Count || k == types.Counter }
	if !isCount(kx) || !isCount(ky) {
		return sc.errorAt(pos, "requires \"count\" or compatible \"set\" operands (%s)", desc())
	}
	if kx == types.Counter && ky == types.Counter {
		return sc.errorAt(pos, "cannot apply a bitwise operator to two \"counter\" operands (%s)", desc())
	}
	var f func(p, q uint64) uint64
	switch op {
	case "&":
		f = func(p, q uint64) uint64 { return p & q }
	case "|":
		f = func(p, q uint64) uint64 { return p | q }
	default:
		f = func(p, q uint64) uint64 { return p ^ q }
	}
	return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value {
		return value.Count(f(x.fn(fr).AsCount(), y.fn(fr).AsCount()))
	}}
}

// addr16 returns an address in Bro's layout: IPv4 addresses as
// IPv4-mapped IPv6, so that comparisons order them as Bro does.
func addr16(a netip.Addr) [16]byte { return a.As16() }

// compareAddrs orders addresses as Bro does: by their 16-byte form.
func compareAddrs(a, b netip.Addr) int {
	x, y := addr16(a), addr16(b)
	return bytes.Compare(x[:], y[:])
}

// prefix16 returns a subnet's 16-byte network and its length in the
// 128-bit space, as Bro keeps subnets.
func prefix16(p netip.Prefix) ([16]byte, int) {
	bits := p.Bits()
	if p.Addr().Is4() {
		bits += 96
	}
	return p.Masked().Addr().As16(), bits
}

// subnetContains reports whether a is in p, IPv4-mapped addresses and
// subnets included.
func subnetContains(p netip.Prefix, a netip.Addr) bool {
	if !p.IsValid() || !a.IsValid() {
		return false
	}
	net, bits := prefix16(p)
	pa, err := netip.AddrFrom16(addr16(a)).Prefix(bits)
	if err != nil {
		return false
	}
	return pa.Addr().As16() == net
}

// sameSubnet reports whether two subnets are equal.
func sameSubnet(p, q netip.Prefix) bool {
	a, m := prefix16(p)
	b, n := prefix16(q)
	return a == b && m == n
}

// scalarCompare compiles comparisons that compare.go's numeric and string
// cases do not cover: patterns against strings, subnets, time against
// zero. ok is false when none applies.
func (sc *scope) scalarCompare(op string, x, y compiled, pos ast.Pos, desc describer) (c compiled, ok bool) {
	kx, ky := x.t.Kind(), y.t.Kind()
	eq := op == "==" || op == "!="
	neg := op == "!="
	switch {
	case kx == types.Pattern && ky == types.String, kx == types.String && ky == types.Pattern:
		if !eq {
			return sc.errorAt(pos, "operands must be of the same type (%s)", desc()), true
		}
		p, s := x, y
		if kx == types.String {
			p, s = y, x
		}
		m := matcherOf(p)
		return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value {
			return value.Bool(m(fr).MatchExactly(s.fn(fr).AsString()) != neg)
		}}, true
	case kx == types.Subnet && ky == types.Subnet:
		if !eq {
			return sc.errorAt(pos, "illegal comparison (%s)", desc()), true
		}
		return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value {
			return value.Bool(sameSubnet(x.fn(fr).AsSubnet(), y.fn(fr).AsSubnet()) != neg)
		}}, true
	case kx == types.Pattern && ky == types.Pattern:
		return sc.errorAt(pos, "illegal comparison (%s)", desc()), true
	}
	return bad, false
}

// scalarSize compiles |x| for the scalar types compare.go's size does not
// cover: an address's width in bits, a subnet's number of addresses (a
// double), a port's internal number, a bool's or enum's number, a
// function's number of parameters.
func (sc *scope) scalarSize(x compiled, pos ast.Pos) (compiled, bool) {
	switch x.t.Kind() {
	case types.Addr:
		return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value {
			if a := x.fn(fr).AsAddr(); a.Is4() || a.Is4In6() {
				return value.Count(32)
			}
			return value.Count(128)
		}}, true
	case types.Subnet:
		return compiled{t: types.DoubleType, pos: pos, fn: func(fr *Frame) value.Value {
			_, bits := prefix16(x.fn(fr).AsSubnet())
			return value.Double(math.Pow(2, float64(128-bits)))
		}}, true
	case types.Port:
		// |p| shows the number Bro keeps for the port.
		return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value {
			return value.Count(x.fn(fr).PortWord())
		}}, true
	case types.Bool, types.Enum:
		return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value {
			i := x.fn(fr).AsInt()
			if i < 0 {
				i = -i
			}
			return value.Count(uint64(i))
		}}, true
	case types.File:
		// The size in bytes, as a double.
		return compiled{t: types.DoubleType, pos: pos, fn: func(fr *Frame) value.Value {
			f, _ := x.fn(fr).R.(*value.File)
			return value.Double(f.Size())
		}}, true
	case types.Record:
		// The number of fields of the record's type.
		n := uint64(len(x.t.(*types.RecordType).Fields))
		return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value {
			if r, ok := x.fn(fr).R.(*value.Record); ok {
				return value.Count(uint64(len(r.Type.Fields)))
			}
			return value.Count(n)
		}}, true
	case types.Func:
		n := uint64(len(x.t.(*types.FuncType).Params))
		return compiled{t: types.CountType, pos: pos, fn: func(*Frame) value.Value { return value.Count(n) }}, true
	}
	return bad, false
}
