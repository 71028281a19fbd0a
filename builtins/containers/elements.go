package containers

import (
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The two helpers here let a script walk a table, set or vector it holds
// as an any, each element carrying its real type: the base/utils/json
// script's to_json uses them where Bro 2.6's version relies on values
// knowing their own types.

func init() {
	interp.Register("__container_members", containerMembers)
	interp.Register("__table_yields", tableYields)
}

// anyVector is the type of the vectors the helpers return.
var anyVector = &types.VectorType{Elem: types.AnyType}

// containerMembers returns a vector's elements (holes left out), or a
// table's or set's indices, in iteration order; an index of several
// values comes as a vector of them.
func containerMembers(_ *interp.Call, args []value.Value) value.Value {
	_, v := dynamic(args[0])
	out := &value.Vector{Type: anyVector}
	switch c := v.R.(type) {
	case *value.Vector:
		for _, e := range c.Elems {
			if !e.IsUnset() {
				out.Elems = append(out.Elems, member(c.Type.Elem, e))
			}
		}
	case *value.Table:
		c.Each(func(e *value.Entry) bool {
			out.Elems = append(out.Elems, indexValue(c.Type, e.Key))
			return true
		})
	}
	return value.Value{R: out}
}

// tableYields returns a table's values in the order containerMembers
// gives its indices.
func tableYields(_ *interp.Call, args []value.Value) value.Value {
	_, v := dynamic(args[0])
	out := &value.Vector{Type: anyVector}
	if tab, ok := v.R.(*value.Table); ok && !tab.Type.IsSet() {
		tab.Each(func(e *value.Entry) bool {
			out.Elems = append(out.Elems, member(tab.Type.Yield, e.Yield))
			return true
		})
	}
	return value.Value{R: out}
}

// member wraps an element of static type t as an any, unless it is one.
func member(t types.Type, v value.Value) value.Value {
	if t.Kind() == types.Any {
		return v
	}
	return asAny(t, v)
}

// indexValue is one table index as an any: the value itself, or a vector
// of the values of a composite index.
func indexValue(t *types.TableType, key []value.Value) value.Value {
	if len(key) == 1 && len(t.Index) == 1 {
		return member(t.Index[0], key[0])
	}
	vec := &value.Vector{Type: anyVector}
	for i, k := range key {
		it := types.Type(types.AnyType)
		if i < len(t.Index) {
			it = t.Index[i]
		}
		vec.Elems = append(vec.Elems, member(it, k))
	}
	return asAny(anyVector, value.Value{R: vec})
}
