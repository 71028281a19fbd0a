package interp

import "gobro/runtime/value"

// The closures here are shortcuts for the commonest shapes of integer
// arithmetic and comparison: an operand that is a local variable is read
// from its slot and a literal operand is read once, when compiling, so
// that "i < 100" or "n + 1" costs one call rather than three. They
// compute exactly what the general closures compute.

// localSlot returns the slot of an expression that reads a local, and
// whether it is one.
func localSlot(c compiled) (int, bool) { return c.slot - 1, c.slot > 0 }

// integerOpFast returns a shortcut for a op b on counts or ints, or nil
// if the operands have no shape it knows.
func integerOpFast[T integral](op string, a, b compiled) exprFn {
	var o byte
	switch op {
	case "+", "-", "*":
		o = op[0]
	default:
		return nil // division keeps its checks in integerOp
	}
	sa, aLocal := localSlot(a)
	switch {
	case b.konst && aLocal:
		k := T(b.fn(nil).N)
		return func(fr *Frame) value.Value {
			return value.Value{N: uint64(applyInt(o, T(fr.locals[sa].N), k))}
		}
	case b.konst:
		k, x := T(b.fn(nil).N), a.fn
		return func(fr *Frame) value.Value {
			return value.Value{N: uint64(applyInt(o, T(x(fr).N), k))}
		}
	}
	if sb, bLocal := localSlot(b); aLocal && bLocal {
		return func(fr *Frame) value.Value {
			return value.Value{N: uint64(applyInt(o, T(fr.locals[sa].N), T(fr.locals[sb].N)))}
		}
	}
	return nil
}

func applyInt[T integral](o byte, p, q T) T {
	switch o {
	case '+':
		return p + q
	case '-':
		return p - q
	}
	return p * q
}

// compareIntegralFast returns a shortcut for a op b on counts or ints,
// or nil if the operands have no shape it knows.
func compareIntegralFast[T integral](op string, a, b compiled) exprFn {
	c := cmpOpOf(op)
	sa, aLocal := localSlot(a)
	switch {
	case b.konst && aLocal:
		k := T(b.fn(nil).N)
		return func(fr *Frame) value.Value { return value.Bool(applyCmp(c, T(fr.locals[sa].N), k)) }
	case b.konst:
		k, x := T(b.fn(nil).N), a.fn
		return func(fr *Frame) value.Value { return value.Bool(applyCmp(c, T(x(fr).N), k)) }
	}
	if sb, bLocal := localSlot(b); aLocal && bLocal {
		return func(fr *Frame) value.Value {
			return value.Bool(applyCmp(c, T(fr.locals[sa].N), T(fr.locals[sb].N)))
		}
	}
	x, y := a.fn, b.fn
	return func(fr *Frame) value.Value { return value.Bool(applyCmp(c, T(x(fr).N), T(y(fr).N))) }
}

// cmpOp is a comparison operator, decoded once when compiling so that
// evaluating it switches on a small integer rather than on its text.
type cmpOp uint8

const (
	cmpEq cmpOp = iota
	cmpNe
	cmpLt
	cmpLe
	cmpGt
	cmpGe
)

func cmpOpOf(op string) cmpOp {
	return map[string]cmpOp{"==": cmpEq, "!=": cmpNe, "<": cmpLt, "<=": cmpLe, ">": cmpGt, ">=": cmpGe}[op]
}

func applyCmp[T integral](c cmpOp, p, q T) bool {
	switch c {
	case cmpEq:
		return p == q
	case cmpNe:
		return p != q
	case cmpLt:
		return p < q
	case cmpLe:
		return p <= q
	case cmpGt:
		return p > q
	}
	return p >= q
}
