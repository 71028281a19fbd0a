package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The compound assignments "x += e" and "x -= e". Bro 2.6 allows fewer
// operand types here than in "x + e": += takes two numbers, two strings
// or two intervals, or appends to a vector; -= takes two numbers or two
// intervals. Sets and tables have no += or -= outside of redef.

// compoundRHS compiles the value stored by "x += e" or "x -= e".
func (sc *scope) compoundRHS(a *ast.Assign, x, y compiled) compiled {
	kx, ky := x.t.Kind(), y.t.Kind()
	ok := isArith(x.t) && isArith(y.t) || kx == types.Interval && ky == types.Interval
	if a.Op == "+=" {
		ok = ok || kx == types.String && ky == types.String
		if !ok {
			return sc.errorAt(a.Pos, "requires two arithmetic or two string operands (%s)", sc.describe(a))
		}
		return sc.arith("+", x, y, a.Pos, sc.describer(a))
	}
	if !ok {
		return sc.errorAt(a.Pos, "requires two arithmetic operands (%s)", sc.describe(a))
	}
	return sc.arith("-", x, y, a.Pos, sc.describer(a))
}

// vectorAppend compiles "v += e", which appends e to v (Bro 2.6). An
// arithmetic element is converted to the vector's element type; other
// elements must be of the same kind of type. The expression's value is
// the vector.
func (sc *scope) vectorAppend(a *ast.Assign, x, y compiled) compiled {
	vt := x.t.(*types.VectorType)
	pos, desc := a.Pos, sc.describer(a)
	y = sc.copied(y)
	var elem exprFn
	switch {
	case vt.Elem == nil:
		return sc.errorAt(pos, "incompatible vector append (%s)", desc())
	case isArith(vt.Elem):
		if !isArith(y.t) {
			return sc.errorAt(pos, "appending non-arithmetic to arithmetic vector (%s)", desc())
		}
		elem = arithTo(y, vt.Elem)
	case vt.Elem.Kind() == types.Any:
		// A vector of any takes an element of every type.
		elem, _ = sc.coerce(y, vt.Elem)
	case vt.Elem.Kind() != y.t.Kind():
		return sc.errorAt(pos, "incompatible vector append: %s and %s (%s)", vt.Elem.Kind(), y.t.Kind(), desc())
	default:
		// Only the kinds were compared; a value of another type of the
		// same kind fails when it is stored.
		fn, ok := sc.coerce(y, vt.Elem)
		if !ok {
			sc.mayFailSoftly()
			return compiled{t: vt, pos: pos, fn: func(fr *Frame) value.Value {
				v := x.fn(fr)
				asVector(v, pos, desc)
				y.fn(fr)
				softFail(pos, desc, "type-checking failed in vector append")
				return v
			}}
		}
		elem = fn
	}
	return compiled{t: vt, pos: pos, fn: func(fr *Frame) value.Value {
		v := x.fn(fr)
		vec := asVector(v, pos, desc)
		vec.Elems = append(vec.Elems, elem(fr))
		return v
	}}
}

// arithTo returns code converting an arithmetic value to the arithmetic
// type t, truncating as Bro's coercions do.
func arithTo(c compiled, t types.Type) exprFn {
	from, to := c.t.Kind(), t.Kind()
	if from == to || (from == types.Counter && to == types.Count) || (from == types.Count && to == types.Counter) {
		return c.fn
	}
	fn := c.fn
	switch to {
	case types.Double:
		return convert(fn, c.t, t)
	case types.Int:
		if from == types.Double {
			return func(fr *Frame) value.Value { return value.Int(int64(fn(fr).AsDouble())) }
		}
		return convert(fn, c.t, t)
	}
	if from == types.Double {
		return func(fr *Frame) value.Value { return value.Count(uint64(fn(fr).AsDouble())) }
	}
	// An int's bits as a count: a value of its own.
	return func(fr *Frame) value.Value { return fn(fr).WithoutIdent() }
}
