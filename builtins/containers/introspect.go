package containers

import (
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("record_type_to_vector", recordTypeToVector)
	interp.Register("type_name", typeNameBif)
	interp.Register("global_sizes", globalSizes)
	interp.Register("global_ids", globalIDs)
	interp.Register("lookup_ID", lookupID)
	interp.Register("record_fields", recordFields)
	interp.Register("enum_to_int", enumToInt)
}

func typeNameBif(_ *interp.Call, args []value.Value) value.Value {
	t, _ := dynamic(args[0])
	return value.String(types.Describe(t))
}

// containerTypeName names a record field's type as record_fields() does:
// records by "record NAME", containers with their parts, and everything
// else by its kind.
func containerTypeName(t types.Type) string {
	switch t := t.(type) {
	case *types.RecordType:
		return "record " + t.Name()
	case *types.VectorType:
		return "vector of " + containerTypeName(t.Elem)
	case *types.TableType:
		return t.Spell(containerTypeName)
	}
	return kindName(t)
}

// kindName is the short name of a type's kind, as Bro's type_name(tag)
// gives it: "func" for functions, events and hooks.
func kindName(t types.Type) string {
	if t.Kind() == types.Func {
		return "func"
	}
	return t.Kind().String()
}

var stringVec = &types.VectorType{Elem: types.StringType}

// recordTypeToVector returns a record type's field names at positions 1
// to n, position 0 left a hole, as Bro numbers them.
func recordTypeToVector(c *interp.Call, args []value.Value) value.Value {
	vec := &value.Vector{Type: stringVec}
	rt, ok := c.Interp.LookupType(c.CheckString(args[0].AsString())).(*types.RecordType)
	if !ok {
		return value.Value{R: vec}
	}
	vec.Elems = append(vec.Elems, value.Unset)
	for _, f := range rt.Fields {
		vec.Elems = append(vec.Elems, value.String(f.Name))
	}
	return value.Value{R: vec}
}

// hasValue tells whether a global holds a value: not a type, not a
// function or variable never given one.
func hasValue(g *interp.Global) bool {
	if g.IsType {
		return false
	}
	if g.Handler != nil {
		return true
	}
	if g.Value.IsUnset() {
		return false
	}
	return g.Value.R != nil || isScalar(g.Type)
}

func isScalar(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Counter, types.Double, types.Time,
		types.Interval, types.Port, types.Enum:
		return true
	}
	return false
}

// globalSizes maps every global that has a value to its size in bytes.
func globalSizes(c *interp.Call, _ []value.Value) value.Value {
	tt, _ := c.Interp.LookupType("var_sizes").(*types.TableType)
	if tt == nil {
		tt = &types.TableType{Index: []types.Type{types.StringType}, Yield: types.CountType}
	}
	tab := value.NewTable(tt)
	c.Interp.Globals(func(g *interp.Global) {
		if hasValue(g) {
			tab.Insert([]value.Value{value.String(g.Name)}, value.Count(sizeOf(g.Type, g.Value)))
		}
	})
	return value.Value{R: tab}
}

// globalIDs describes every global identifier in a script_id record.
func globalIDs(c *interp.Call, _ []value.Value) value.Value {
	tt, _ := c.Interp.LookupType("id_table").(*types.TableType)
	rt, _ := c.Interp.LookupType("script_id").(*types.RecordType)
	if tt == nil || rt == nil {
		c.ReporterError("global_ids() needs the types id_table and script_id")
		return value.Value{}
	}
	tab := value.NewTable(tt)
	c.Interp.Globals(func(g *interp.Global) {
		r := newRecord(rt)
		_, isEnum := g.Type.(*types.EnumType)
		set(r, "type_name", value.String(kindName(g.Type)))
		set(r, "exported", value.Bool(!strings.Contains(g.Name, "::")))
		set(r, "constant", value.Bool(g.Const))
		set(r, "enum_constant", value.Bool(isEnum && g.Const && !g.IsType))
		set(r, "option_value", value.Bool(g.Option))
		set(r, "redefinable", value.Bool(g.Redef))
		if hasValue(g) {
			set(r, "value", asAny(g.Type, g.Value))
		}
		tab.Insert([]value.Value{value.String(g.Name)}, value.Value{R: r})
	})
	return value.Value{R: tab}
}

// newRecord returns a record of type rt with no field set.
func newRecord(rt *types.RecordType) *value.Record {
	r := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i := range r.Fields {
		r.Fields[i] = value.Unset
	}
	return r
}

// set sets a field by name, if the record type has it.
func set(r *value.Record, field string, v value.Value) {
	if i := r.Type.FieldIndex(field); i >= 0 {
		r.Fields[i] = v
	}
}

// lookupID returns a global's value, or "<unknown id>" or "<no ID value>".
func lookupID(c *interp.Call, args []value.Value) value.Value {
	g := c.Interp.LookupGlobal(c.CheckString(args[0].AsString()))
	if g == nil {
		return asAny(types.StringType, value.String("<unknown id>"))
	}
	if !hasValue(g) {
		return asAny(types.StringType, value.String("<no ID value>"))
	}
	return asAny(g.Type, g.Value)
}

// recordFields describes the fields of a record value, or of a record
// type given by name: each field's type, whether it is logged, and its
// value where set.
func recordFields(c *interp.Call, args []value.Value) value.Value {
	tt, _ := c.Interp.LookupType("record_field_table").(*types.TableType)
	frt, _ := c.Interp.LookupType("record_field").(*types.RecordType)
	if tt == nil || frt == nil {
		c.ReporterError("record_fields() needs the types record_field_table and record_field")
		return value.Value{}
	}
	tab := value.NewTable(tt)
	t, v := dynamic(args[0])
	var rec *value.Record
	rt, _ := t.(*types.RecordType)
	if rt != nil {
		rec, _ = v.R.(*value.Record)
	} else if t.Kind() == types.String {
		rt, _ = c.Interp.LookupType(v.AsString()).(*types.RecordType)
	}
	if rt == nil {
		c.ReporterError("non-record passed to record_fields")
		return value.Value{R: tab}
	}
	// A fresh record of the type holds each field's &default.
	defaults := c.Interp.NewRecord(rt)
	for i, f := range rt.Fields {
		r := newRecord(frt)
		set(r, "type_name", value.String(containerTypeName(f.Type)))
		set(r, "log", value.Bool(f.Log))
		if rec != nil && i < len(rec.Fields) && !rec.Fields[i].IsUnset() {
			set(r, "value", asAny(f.Type, rec.Fields[i]))
		}
		if f.HasDefault && i < len(defaults.Fields) && !defaults.Fields[i].IsUnset() {
			set(r, "default_val", asAny(f.Type, defaults.Fields[i]))
		}
		tab.Insert([]value.Value{value.String(f.Name)}, value.Value{R: r})
	}
	return value.Value{R: tab}
}

// enumToInt returns an enum value's number, or -1 for a value that is not
// an enum.
func enumToInt(c *interp.Call, args []value.Value) value.Value {
	t, v := dynamic(args[0])
	if t.Kind() != types.Enum {
		c.BuiltinError("enum_to_int() requires enum value")
		return value.Int(-1)
	}
	return value.Int(int64(v.N))
}
