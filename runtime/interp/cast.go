package interp

import (
	"fmt"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// canCast reports whether a value of static type from may be cast to to:
// Bro allows a cast to the same type, and from any (checked at run time).
func canCast(from, to types.Type) bool {
	return from.Kind() == types.Any || to.Kind() == types.Any || sameType(from, to) || converts(from)
}

// dynamicType returns the type a value of static type t really has: for
// an any, the type it carries.
func dynamicType(v value.Value, t types.Type) (value.Value, types.Type, bool) {
	if t.Kind() != types.Any {
		return v, t, true
	}
	a, ok := v.R.(*value.Any)
	if !ok || a == nil {
		return value.Value{}, nil, false
	}
	return a.Value, a.Type, true
}

// typeDescription writes a type as Bro's run-time messages do: records
// spelled out field by field, even named ones; a record within its own
// description shows as "<recursion>", as Bro's describer marks a type it
// is already describing.
func typeDescription(t types.Type) string {
	return typeDescriptionIn(t, nil)
}

func typeDescriptionIn(t types.Type, within []*types.RecordType) string {
	if ft, ok := t.(*types.FuncType); ok {
		// A function's parameters are a record to Bro's describer.
		var b strings.Builder
		b.WriteString(ft.Flavor.String() + "(")
		for _, p := range ft.Params {
			b.WriteString(p.Name + ":" + typeDescriptionIn(p.Type, within) + "; ")
		}
		d := strings.TrimSuffix(b.String(), " ") + ")"
		if ft.Flavor == types.FlavorFunction && ft.Result != nil && ft.Result != types.VoidType {
			d += " : " + typeDescriptionIn(ft.Result, within)
		}
		return d
	}
	rt, ok := t.(*types.RecordType)
	if !ok {
		return t.String()
	}
	for _, w := range within {
		if w == rt {
			return "<recursion>"
		}
	}
	within = append(within, rt)
	var b strings.Builder
	b.WriteString("record { ")
	for _, f := range rt.Fields {
		b.WriteString(f.Name + ":" + typeDescriptionIn(f.Type, within) + "; ")
	}
	b.WriteString("}")
	return b.String()
}

// cast compiles "x as T".
func (sc *scope) cast(c *ast.Cast) compiled {
	x := sc.expr(c.X)
	t := sc.resolveType(c.Type)
	if x.t == nil || t == nil {
		return bad
	}
	if !canCast(x.t, t) {
		return sc.errorAt(c.Pos, "cast not supported (%s)", sc.describe(c))
	}
	if x.t.Kind() != types.Any && t.Kind() == types.Any {
		fn, _ := sc.coerce(x, t)
		return compiled{t: t, pos: c.Pos, fn: fn}
	}
	if x.t.Kind() != types.Any && sameType(x.t, t) {
		return compiled{t: t, pos: c.Pos, fn: x.fn}
	}
	pos, desc := c.Pos, sc.describer(c)
	in := sc.in
	return compiled{t: t, pos: pos, fn: func(fr *Frame) value.Value {
		v, vt, ok := dynamicType(x.fn(fr), x.t)
		if !ok {
			fail(pos, desc, "value used but not set")
		}
		if !sameType(vt, t) && t.Kind() != types.Any {
			if converts(vt) {
				if cv, ok := converter.Convert(in, v, t); ok {
					return cv
				}
			}
			msg := fmt.Sprintf("invalid cast of value with type '%s' to type '%s'", typeDescription(vt), typeDescription(t))
			if converts(vt) && converter.Empty(v) {
				msg += " (nil $data field)"
			}
			fail(pos, desc, msg)
		}
		if t.Kind() == types.Any {
			return value.Value{R: &value.Any{Type: vt, Value: v}}
		}
		return v
	}}
}

// typeTest compiles "x is T".
func (sc *scope) typeTest(c *ast.TypeTest) compiled {
	x := sc.expr(c.X)
	t := sc.resolveType(c.Type)
	if x.t == nil || t == nil {
		return bad
	}
	if x.t.Kind() != types.Any && !converts(x.t) {
		is := value.Bool(sameType(x.t, t))
		return compiled{t: types.BoolType, pos: c.Pos, fn: func(*Frame) value.Value { return is }}
	}
	in := sc.in
	return compiled{t: types.BoolType, pos: c.Pos, fn: func(fr *Frame) value.Value {
		v, vt, ok := dynamicType(x.fn(fr), x.t)
		return value.Bool(ok && fits(in, v, vt, t))
	}}
}

// fits reports whether a value v of type vt may be cast to t: it has
// that type, or converts to it.
func fits(in *Interp, v value.Value, vt, t types.Type) bool {
	if sameType(vt, t) || t.Kind() == types.Any {
		return true
	}
	return converts(vt) && converter.Fits(in, v, t)
}

// fromAny unwraps a value of static type any where type t is wanted. A
// value whose real type is not t is a run-time error: Bro would go on
// with a value of the wrong type.
func fromAny(fn exprFn, t types.Type, pos ast.Pos, desc describer) exprFn {
	return func(fr *Frame) value.Value {
		v := fn(fr)
		a, ok := v.R.(*value.Any)
		if !ok {
			return v
		}
		if a.Type != nil && !sameType(a.Type, t) && !sameType(t, a.Type) {
			fail(pos, desc, fmt.Sprintf("invalid cast of value with type '%s' to type '%s'", typeDescription(a.Type), typeDescription(t)))
		}
		return a.Value
	}
}

// toAnyElem wraps an element read from a container through a view of
// static element type any (a vector of count passed as a vector of any):
// the element then carries the container's real element type.
func toAnyElem(v value.Value, real types.Type) value.Value {
	if real == nil || real.Kind() == types.Any || v.IsUnset() {
		return v
	}
	return value.Value{R: &value.Any{Type: real, Value: v}}
}

// fromAnyElem is the other way: an any stored through such a view must
// have the container's real element type.
func fromAnyElem(v value.Value, real types.Type, pos ast.Pos, desc describer, what string) value.Value {
	if real == nil || real.Kind() == types.Any {
		return v
	}
	a, ok := v.R.(*value.Any)
	if !ok {
		return v
	}
	if a.Type != nil && !sameType(a.Type, real) {
		d := value.NewDesc(value.ModeMessage)
		d.AddValue(a.Value, a.Type)
		tn := a.Type.Kind().String()
		if rt, ok := a.Type.(*types.RecordType); ok {
			tn = rt.Name()
		}
		fail(pos, desc, fmt.Sprintf("%s index assignment failed for invalid type '%s', value: %s", what, tn, d.String()))
	}
	return a.Value
}
