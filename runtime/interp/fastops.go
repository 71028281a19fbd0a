package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/value"
)

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
func integerOpFast[T integral](op string, a, b compiled, pos ast.Pos, desc describer) exprFn {
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
	sa, aLocal := localSlot(a)
	switch {
	case b.konst && aLocal:
		k := T(b.fn(nil).N)
		return func(fr *Frame) value.Value { return value.Bool(applyCmp(op, T(fr.locals[sa].N), k)) }
	case b.konst:
		k, x := T(b.fn(nil).N), a.fn
		return func(fr *Frame) value.Value { return value.Bool(applyCmp(op, T(x(fr).N), k)) }
	}
	if sb, bLocal := localSlot(b); aLocal && bLocal {
		return func(fr *Frame) value.Value {
			return value.Bool(applyCmp(op, T(fr.locals[sa].N), T(fr.locals[sb].N)))
		}
	}
	x, y := a.fn, b.fn
	return func(fr *Frame) value.Value { return value.Bool(applyCmp(op, T(x(fr).N), T(y(fr).N))) }
}

func applyCmp[T integral](op string, p, q T) bool {
	switch op {
	case "==":
		return p == q
	case "!=":
		return p != q
	case "<":
		return p < q
	case "<=":
		return p <= q
	case ">":
		return p > q
	}
	return p >= q
}
