package containers

import (
	"sort"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

var indexVec = &types.VectorType{Elem: types.CountType}

// less orders two vector elements, holes last.
type less func(a, b value.Value) bool

// comparator checks sort's and order's arguments and returns how to
// order the elements, or false where the vector is to be left alone
// (with the vector itself when the comparison function was unusable,
// which Bro hands back even from order).
// Without a comparison function, elements are compared as 64-bit
// numbers, unsigned for counts, as Bro coerces them, after an error for
// types that are not integral.
func comparator(c *interp.Call, name string, args []value.Value) (*value.Vector, less, bool) {
	t, v := dynamic(args[0])
	vec, ok := v.R.(*value.Vector)
	vt, ok2 := t.(*types.VectorType)
	if !ok || !ok2 {
		c.BuiltinError(name + "() requires vector")
		return nil, nil, false
	}
	if len(args) > 2 {
		c.BuiltinError(name + "() called with extraneous argument")
	}
	if len(args) < 2 {
		kind := types.Void
		if vt.Elem != nil {
			kind = vt.Elem.Kind()
		}
		switch kind {
		case types.Int, types.Count, types.Counter:
		default:
			c.BuiltinError("comparison function required for " + name + "() with non-integral types")
		}
		elem := vt.Elem
		unsigned := types.Internal(elem) == types.InternalUnsigned // compared unsigned
		return vec, func(a, b value.Value) bool {
			if a.IsUnset() {
				return false
			}
			if b.IsUnset() {
				return true
			}
			if unsigned {
				return uint64(coerceToInt(elem, a)) < uint64(coerceToInt(elem, b))
			}
			return coerceToInt(elem, a) < coerceToInt(elem, b)
		}, true
	}
	ft, fv := dynamic(args[1])
	fnType, ok := ft.(*types.FuncType)
	if !ok {
		c.BuiltinError("second argument to " + name + "() needs to be comparison function")
		return vec, nil, false
	}
	if fnType.Result == nil || fnType.Result.Kind() != types.Int || len(fnType.Params) != 2 ||
		!interp.SameType(fnType.Params[0].Type, vt.Elem) || !interp.SameType(fnType.Params[1].Type, vt.Elem) {
		c.BuiltinError("invalid comparison function in call to " + name + "()")
		return vec, nil, false
	}
	in := c.Interp
	return vec, func(a, b value.Value) bool {
		if a.IsUnset() {
			return false
		}
		if b.IsUnset() {
			return true
		}
		return in.CallFunc(fv, a, b).AsInt() < 0
	}, true
}

// coerceToInt gives an element's number as Bro's comparison sees it: the
// value as a 64-bit integer (ports with their protocol in the bits above
// the number, doubles truncated). Values with no number (addresses,
// strings) all count as 0.
func coerceToInt(t types.Type, v value.Value) int64 {
	var n int64
	switch t.Kind() {
	case types.Int, types.Count, types.Counter, types.Bool, types.Enum:
		n = int64(v.N)
	case types.Double, types.Time, types.Interval:
		n = int64(v.AsDouble())
	case types.Port:
		n = int64(v.PortWord())
	}
	return n
}

// sortVector sorts a vector in place and returns it.
func sortVector(c *interp.Call, args []value.Value) value.Value {
	vec, lt, ok := comparator(c, "sort", args)
	if ok && lt != nil {
		sort.SliceStable(vec.Elems, func(i, j int) bool { return lt(vec.Elems[i], vec.Elems[j]) })
	}
	return args[0]
}

// order returns the positions of a vector's elements in sorted order,
// leaving the vector as it is.
func order(c *interp.Call, args []value.Value) value.Value {
	out := &value.Vector{Type: indexVec}
	vec, lt, ok := comparator(c, "order", args)
	if !ok {
		if vec != nil {
			return value.Value{R: vec}
		}
		return value.Value{R: out}
	}
	idx := make([]int, len(vec.Elems))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return lt(vec.Elems[idx[i]], vec.Elems[idx[j]]) })
	for _, i := range idx {
		out.Elems = append(out.Elems, value.Count(uint64(i)))
	}
	return value.Value{R: out}
}
