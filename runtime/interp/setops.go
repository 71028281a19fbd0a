package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The set operators of Bro 2.6: union (|), intersection (&) and
// difference (-) of two sets of the same type, and the comparisons, which
// are subset relations. Tables take no part: on two tables the operators
// give the usual operand errors.

// setBinary compiles a binary operator whose operands are both sets;
// handled is false otherwise.
func (sc *scope) setBinary(b *ast.Binary, x, y compiled) (c compiled, handled bool) {
	xt, ok1 := x.t.(*types.TableType)
	yt, ok2 := y.t.(*types.TableType)
	if !ok1 || !ok2 || !xt.IsSet() || !yt.IsSet() {
		return bad, false
	}
	pos, desc := b.Pos, sc.describer(b)
	switch b.Op {
	case "|", "&", "-", "^":
		if !sameType(xt, yt) {
			return sc.errorAt(pos, "incompatible \"set\" operands (%s)", desc()), true
		}
		if b.Op == "^" {
			// Bro 2.6 accepts it at check time and then has no
			// code for it: an internal error ends the process.
			return sc.errorAt(pos, "'^' operator does not apply to sets (%s)", desc()), true
		}
		return compiled{t: xt, pos: pos, fn: setCombine(b.Op, x.fn, y.fn, pos, desc)}, true
	case "==", "!=", "<", "<=", ">", ">=":
		if !sameType(xt, yt) {
			return sc.errorAt(pos, "incompatible sets in comparison (%s)", desc()), true
		}
		return compiled{t: types.BoolType, pos: pos, fn: setCompare(b.Op, x.fn, y.fn, pos, desc)}, true
	}
	return bad, false
}

// setCombine returns the code of s1 | s2, s1 & s2 or s1 - s2. Union and
// difference start from a copy of the left operand, attributes included;
// an intersection is a new set without them.
func setCombine(op string, x, y exprFn, pos ast.Pos, desc describer) exprFn {
	return func(fr *Frame) value.Value {
		a := asTable(x(fr), pos, desc)
		b := asTable(y(fr), pos, desc)
		switch op {
		case "&":
			out := value.NewTable(a.Type)
			// Bro walks the right operand unless it is the larger.
			small, big := b, a
			if b.Len() > a.Len() {
				small, big = a, b
			}
			small.Each(func(e *value.Entry) bool {
				if _, ok := big.Lookup(e.Key); ok {
					out.Insert(e.Key, value.Value{})
				}
				return true
			})
			return value.Value{R: out}
		case "|":
			out := deepCopy(value.Value{R: a}, map[any]any{}).R.(*value.Table)
			b.Each(func(e *value.Entry) bool {
				out.Insert(e.Key, value.Value{})
				return true
			})
			return value.Value{R: out}
		}
		out := deepCopy(value.Value{R: a}, map[any]any{}).R.(*value.Table)
		b.Each(func(e *value.Entry) bool {
			out.Delete(e.Key)
			return true
		})
		return value.Value{R: out}
	}
}

// isSubset reports whether every element of a is in b.
func isSubset(a, b *value.Table) bool {
	if a.Len() > b.Len() {
		return false
	}
	sub := true
	a.Each(func(e *value.Entry) bool {
		_, sub = b.Lookup(e.Key)
		return sub
	})
	return sub
}

// setCompare returns the code of a comparison of two sets: == and != on
// their elements, < and <= as (proper) subset, > and >= as (proper)
// superset.
func setCompare(op string, x, y exprFn, pos ast.Pos, desc describer) exprFn {
	// Bro turns a > b into b < a, and a >= b into b <= a.
	swap := op == ">" || op == ">="
	return func(fr *Frame) value.Value {
		a := asTable(x(fr), pos, desc)
		b := asTable(y(fr), pos, desc)
		if swap {
			a, b = b, a
		}
		var r bool
		switch op {
		case "==":
			r = a.Len() == b.Len() && isSubset(a, b)
		case "!=":
			r = !(a.Len() == b.Len() && isSubset(a, b))
		case "<", ">":
			r = isSubset(a, b) && a.Len() < b.Len()
		default:
			r = isSubset(a, b)
		}
		return value.Bool(r)
	}
}
