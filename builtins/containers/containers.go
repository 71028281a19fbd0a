// Package containers holds the bifs that work on tables, sets and vectors
// as wholes (clearing, resizing, sorting, subnet lookups) and those that
// look at types and identifiers (type_name, global_ids, record_fields).
package containers

import (
	"net/netip"
	"reflect"
	"unsafe"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("clear_table", clearTable)
	interp.Register("resize", resize)
	interp.Register("any_set", anySet)
	interp.Register("all_set", allSet)
	interp.Register("same_object", sameObject)
	interp.Register("val_size", valSize)
	interp.Register("matching_subnets", matchingSubnets)
	interp.Register("filter_subnet_table", filterSubnetTable)
	interp.Register("check_subnet", checkSubnet)
	interp.Register("sort", sortVector)
	interp.Register("order", order)
}

// dynamic returns the type and value an argument of type any carries,
// looking through anys held in anys.
func dynamic(v value.Value) (types.Type, value.Value) {
	var t types.Type = types.AnyType
	for {
		a, ok := v.R.(*value.Any)
		if !ok {
			return t, v
		}
		t, v = a.Type, a.Value
	}
}

// asAny wraps a value with its type, as a bif returning any hands it back.
func asAny(t types.Type, v value.Value) value.Value {
	return value.Value{R: &value.Any{Type: t, Value: v}}
}

// clearTable removes every element of a table or set.
func clearTable(c *interp.Call, args []value.Value) value.Value {
	_, v := dynamic(args[0])
	tab, ok := v.R.(*value.Table)
	if !ok {
		c.BuiltinError("clear_table() requires a table/set argument")
		return value.Value{}
	}
	tab.Clear()
	return value.Value{}
}

// resize sets a vector's length, cutting it or adding holes, and returns
// the length it had.
func resize(c *interp.Call, args []value.Value) value.Value {
	_, v := dynamic(args[0])
	vec, ok := v.R.(*value.Vector)
	if !ok {
		c.BuiltinError("resize() operates on vectors")
		return value.Count(0)
	}
	old := len(vec.Elems)
	n := args[1].AsCount()
	if n <= uint64(old) {
		vec.Elems = vec.Elems[:n]
	} else if !interp.GrowVector(vec, n) {
		c.BuiltinError("resize() leaves too large a hole")
	}
	return value.Count(uint64(old))
}

// boolVector returns the elements of a vector of bool, or false.
func boolVector(args []value.Value) ([]value.Value, bool) {
	t, v := dynamic(args[0])
	vt, ok := t.(*types.VectorType)
	vec, ok2 := v.R.(*value.Vector)
	if !ok || !ok2 || vt.Elem == nil || vt.Elem.Kind() != types.Bool {
		return nil, false
	}
	return vec.Elems, true
}

// anySet tells whether some element of a vector of bool is true.
func anySet(c *interp.Call, args []value.Value) value.Value {
	elems, ok := boolVector(args)
	if !ok {
		c.BuiltinError("any_set() requires vector of bool")
		return value.Bool(false)
	}
	for _, e := range elems {
		if !e.IsUnset() && e.AsBool() {
			return value.Bool(true)
		}
	}
	return value.Bool(false)
}

// allSet tells whether every element of a vector of bool is true; a hole
// counts as false.
func allSet(c *interp.Call, args []value.Value) value.Value {
	elems, ok := boolVector(args)
	if !ok {
		c.BuiltinError("all_set() requires vector of bool")
		return value.Bool(false)
	}
	for _, e := range elems {
		if e.IsUnset() || !e.AsBool() {
			return value.Bool(false)
		}
	}
	return value.Bool(true)
}

// sameObject tells whether two values are one object: the same table,
// set, vector, record, function, file or opaque value, or a string,
// address, subnet, number, bool, time, interval, enum or port that one
// was assigned from the other (two equal ones made apart, such as two
// literals or two sums, are different objects, as in Bro). A number and
// the other scalars are one object when they carry the same identity
// (see value.Ident), which the pointer comparison below covers.
func sameObject(_ *interp.Call, args []value.Value) value.Value {
	_, a := dynamic(args[0])
	_, b := dynamic(args[1])
	if sa, ok := a.R.(string); ok {
		sb, ok := b.R.(string)
		// An empty string has bytes of its own only where it is a
		// literal (see the interpreter's constant); one without any
		// is no object that another could be.
		p := unsafe.StringData(sa)
		return value.Bool(ok && p != nil && len(sa) == len(sb) && p == unsafe.StringData(sb))
	}
	switch a.R.(type) {
	case netip.Addr, netip.Prefix:
		// An address or subnet is boxed once, where it is made;
		// every copy of the value shares that box.
		// (Go keeps no box for a zero value, which stands for no
		// address or subnet gobro makes.)
		return value.Bool(reflect.TypeOf(a.R) == reflect.TypeOf(b.R) && value.BoxOf(a.R) == value.BoxOf(b.R))
	}
	if a.R == nil || b.R == nil {
		return value.Bool(false)
	}
	ra, rb := reflect.ValueOf(a.R), reflect.ValueOf(b.R)
	if ra.Kind() != reflect.Pointer || rb.Kind() != reflect.Pointer || ra.Type() != rb.Type() {
		return value.Bool(false)
	}
	return value.Bool(ra.Pointer() == rb.Pointer())
}

// valSize estimates the bytes a value occupies: the value itself plus
// what it holds.
func valSize(_ *interp.Call, args []value.Value) value.Value {
	t, v := dynamic(args[0])
	return value.Count(sizeOf(t, v))
}

const valueBytes = 16 // a value.Value: one word of scalar, one interface

func sizeOf(t types.Type, v value.Value) uint64 {
	n := uint64(valueBytes)
	switch r := v.R.(type) {
	case string:
		n += uint64(len(r))
	case netip.Addr, netip.Prefix:
		n += 24
	case *value.Pattern:
		n += uint64(len(r.Text)) + 16
	case *value.Record:
		for i, f := range r.Fields {
			var ft types.Type = types.AnyType
			if i < len(r.Type.Fields) {
				ft = r.Type.Fields[i].Type
			}
			n += sizeOf(ft, f)
		}
	case *value.Vector:
		for _, e := range r.Elems {
			n += sizeOf(r.Type.Elem, e)
		}
	case *value.Table:
		r.Each(func(e *value.Entry) bool {
			for i, k := range e.Key {
				n += sizeOf(r.Type.Index[i], k)
			}
			if r.Type.Yield != nil {
				n += sizeOf(r.Type.Yield, e.Yield)
			}
			return true
		})
	case *value.Any:
		n += sizeOf(r.Type, r.Value)
	}
	return n
}
