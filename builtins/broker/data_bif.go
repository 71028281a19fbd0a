// The Broker::__* builtins of Bro 2.6's data.bif: making, inspecting and
// changing Broker::Data values, behind the Broker::data, set_*, table_*,
// vector_* and record_* functions of base/frameworks/broker/store.bro.

package broker

import (
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	installConverter()
	for name, fn := range map[string]interp.Builtin{
		"Broker::__data":                  bifData,
		"Broker::__data_type":             bifDataType,
		"Broker::__set_create":            func(c *interp.Call, _ []value.Value) value.Value { return DataRecord(c.Interp, NewSet()) },
		"Broker::__set_clear":             bifClear(KindSet, "table"),
		"Broker::__set_size":              bifSize(KindSet, "table"),
		"Broker::__set_contains":          bifContains(KindSet),
		"Broker::__set_insert":            bifSetInsert,
		"Broker::__set_remove":            bifSetRemove,
		"Broker::__set_iterator":          bifIterator(KindSet, "table"),
		"Broker::__set_iterator_last":     bifIteratorLast,
		"Broker::__set_iterator_next":     bifIteratorNext,
		"Broker::__set_iterator_value":    bifIteratorValue("set"),
		"Broker::__table_create":          func(c *interp.Call, _ []value.Value) value.Value { return DataRecord(c.Interp, NewTable()) },
		"Broker::__table_clear":           bifClear(KindTable, "table"),
		"Broker::__table_size":            bifSize(KindTable, "table"),
		"Broker::__table_contains":        bifContains(KindTable),
		"Broker::__table_insert":          bifTableInsert,
		"Broker::__table_remove":          bifTableRemove,
		"Broker::__table_lookup":          bifTableLookup,
		"Broker::__table_iterator":        bifIterator(KindTable, "table"),
		"Broker::__table_iterator_last":   bifIteratorLast,
		"Broker::__table_iterator_next":   bifIteratorNext,
		"Broker::__table_iterator_value":  bifTableIteratorValue,
		"Broker::__vector_create":         func(c *interp.Call, _ []value.Value) value.Value { return DataRecord(c.Interp, NewVector()) },
		"Broker::__vector_clear":          bifClear(KindVector, "vector"),
		"Broker::__vector_size":           bifSize(KindVector, "vector"),
		"Broker::__vector_insert":         bifVectorInsert,
		"Broker::__vector_replace":        bifVectorReplace,
		"Broker::__vector_remove":         bifVectorRemove,
		"Broker::__vector_lookup":         bifVectorLookup,
		"Broker::__vector_iterator":       bifIterator(KindVector, "vector"),
		"Broker::__vector_iterator_last":  bifIteratorLast,
		"Broker::__vector_iterator_next":  bifIteratorNext,
		"Broker::__vector_iterator_value": bifIteratorValue("vector"),
		"Broker::__record_create":         bifRecordCreate,
		"Broker::__record_size":           bifSize(KindVector, "record"),
		"Broker::__record_assign":         bifRecordAssign,
		"Broker::__record_lookup":         bifRecordLookup,
		"Broker::__record_iterator":       bifIterator(KindVector, "record"),
		"Broker::__record_iterator_last":  bifIteratorLast,
		"Broker::__record_iterator_next":  bifIteratorNext,
		"Broker::__record_iterator_value": bifIteratorValue("record"),
	} {
		interp.Register(name, fn)
	}
}

// scriptTypeName names a datum's type as Bro 2.6's "data is of type"
// messages do (type_name_getter): a vector passes for a record where a
// record was asked for.
func scriptTypeName(d Data, want string) string {
	switch d.kind {
	case KindNone:
		return "NONE"
	case KindBool:
		return "bool"
	case KindCount:
		return "count"
	case KindInt:
		return "int"
	case KindReal:
		return "double"
	case KindString:
		return "string"
	case KindAddress:
		return "addr"
	case KindSubnet:
		return "subnet"
	case KindPort:
		return "port"
	case KindTimestamp:
		return "time"
	case KindTimespan:
		return "interval"
	case KindEnum:
		return "enum"
	case KindSet:
		return "set"
	case KindTable:
		return "table"
	}
	if want == "vector" {
		return "vector"
	}
	return "record"
}

// opaque returns the datum holder of a Broker::Data argument, ending the
// handler as Bro does where its opaque field is unset.
func opaque(c *interp.Call, arg value.Value) *DataVal {
	dv := dataValOf(arg)
	if dv == nil {
		c.RuntimeError("Broker::Data's opaque field is not set")
	}
	return dv
}

// require returns the datum of a Broker::Data argument, which must be
// of kind k; want is the script type Bro names in its message.
func require(c *interp.Call, arg value.Value, k Kind, want string) *Data {
	dv := opaque(c, arg)
	if dv.D.kind != k {
		c.RuntimeError("data is of type '%s' not of type '%s'", scriptTypeName(dv.D, want), want)
	}
	return &dv.D
}

// toData converts an argument of type any. Bro 2.6 reports the types its
// conversion does not know at all; a caller reports the failure in its
// own words.
func toData(c *interp.Call, arg value.Value) (Data, bool) {
	d, ok := ValueToData(arg, types.AnyType)
	if !ok {
		if a, isAny := arg.R.(*value.Any); isAny && a != nil && a.Type != nil {
			switch a.Type.Kind() {
			case types.Void, types.Timer, types.Union, types.List, types.Error, types.KindType:
				c.ReporterError("unsupported Broker::Data type: %s", a.Type.Kind())
			}
		}
	}
	return d, ok
}

func bifData(c *interp.Call, args []value.Value) value.Value {
	d, ok := toData(c, args[0])
	if !ok {
		return emptyDataRecord(c.Interp)
	}
	return DataRecord(c.Interp, d)
}

// dataTypeNames are the Broker::DataType names by kind.
var dataTypeNames = [...]string{
	KindNone: "NONE", KindBool: "BOOL", KindCount: "COUNT", KindInt: "INT",
	KindReal: "DOUBLE", KindString: "STRING", KindAddress: "ADDR",
	KindSubnet: "SUBNET", KindPort: "PORT", KindTimestamp: "TIME",
	KindTimespan: "INTERVAL", KindEnum: "ENUM", KindSet: "SET",
	KindTable: "TABLE", KindVector: "VECTOR",
}

func bifDataType(c *interp.Call, args []value.Value) value.Value {
	dv := opaque(c, args[0])
	et, _ := c.Interp.LookupType("Broker::DataType").(*types.EnumType)
	if et == nil {
		return value.Enum(0)
	}
	n, _ := et.Value("Broker::" + dataTypeNames[dv.D.kind])
	return value.Enum(n)
}

func bifClear(k Kind, want string) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		require(c, args[0], k, want).Clear()
		return value.Bool(true)
	}
}

func bifSize(k Kind, want string) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		return value.Count(uint64(require(c, args[0], k, want).Len()))
	}
}

func bifContains(k Kind) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		d := require(c, args[0], k, "table")
		key, ok := toData(c, args[1])
		if !ok {
			c.BuiltinError("invalid Broker data conversion for key argument")
			return value.Bool(false)
		}
		return value.Bool(d.Contains(key))
	}
}

func bifSetInsert(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindSet, "table")
	key, ok := toData(c, args[1])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for key argument")
		return value.Bool(false)
	}
	return value.Bool(d.SetInsert(key))
}

func bifSetRemove(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindSet, "table")
	key, ok := toData(c, args[1])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for key argument")
		return value.Bool(false)
	}
	_, found := d.Remove(key)
	return value.Bool(found)
}

func bifTableInsert(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindTable, "table")
	key, ok := toData(c, args[1])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for key argument")
		return emptyDataRecord(c.Interp)
	}
	val, ok := toData(c, args[2])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for value argument")
		return emptyDataRecord(c.Interp)
	}
	if old, had := d.TablePut(key, val); had {
		return DataRecord(c.Interp, old)
	}
	return emptyDataRecord(c.Interp)
}

func bifTableRemove(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindTable, "table")
	key, ok := toData(c, args[1])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for key argument")
		return emptyDataRecord(c.Interp)
	}
	if old, had := d.Remove(key); had {
		return DataRecord(c.Interp, old)
	}
	return emptyDataRecord(c.Interp)
}

func bifTableLookup(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindTable, "table")
	key, ok := toData(c, args[1])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for key argument")
		return emptyDataRecord(c.Interp)
	}
	if v, found := d.TableLookup(key); found {
		return DataRecord(c.Interp, v.Clone())
	}
	return emptyDataRecord(c.Interp)
}

func bifVectorInsert(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "vector")
	item, ok := toData(c, args[2])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for item argument")
		return value.Bool(false)
	}
	idx := args[1].AsCount()
	if idx > uint64(d.Len()) {
		idx = uint64(d.Len())
	}
	d.VectorInsert(int(idx), item)
	return value.Bool(true)
}

func bifVectorReplace(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "vector")
	item, ok := toData(c, args[2])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for item argument")
		return emptyDataRecord(c.Interp)
	}
	idx := args[1].AsCount()
	if idx >= uint64(d.Len()) {
		return emptyDataRecord(c.Interp)
	}
	old := d.Elems()[idx]
	d.VectorSet(int(idx), item)
	return DataRecord(c.Interp, old)
}

func bifVectorRemove(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "vector")
	idx := args[1].AsCount()
	if idx >= uint64(d.Len()) {
		return emptyDataRecord(c.Interp)
	}
	old := d.Elems()[idx]
	d.VectorRemove(int(idx))
	return DataRecord(c.Interp, old)
}

func bifVectorLookup(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "vector")
	idx := args[1].AsCount()
	if idx >= uint64(d.Len()) {
		return emptyDataRecord(c.Interp)
	}
	return DataRecord(c.Interp, d.Elems()[idx].Clone())
}

func bifRecordCreate(c *interp.Call, args []value.Value) value.Value {
	n := args[0].AsCount()
	if n > 1<<20 {
		// A record of more fields than any record type has; Bro
		// would try to allocate it all.
		c.BuiltinError("record size too large")
		return emptyDataRecord(c.Interp)
	}
	return DataRecord(c.Interp, NewVector(make([]Data, n)...))
}

func bifRecordAssign(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "record")
	idx := args[1].AsCount()
	if idx >= uint64(d.Len()) {
		return value.Bool(false)
	}
	item, ok := toData(c, args[2])
	if !ok {
		c.BuiltinError("invalid Broker data conversion for item argument")
		return value.Bool(false)
	}
	d.VectorSet(int(idx), item)
	return value.Bool(true)
}

func bifRecordLookup(c *interp.Call, args []value.Value) value.Value {
	d := require(c, args[0], KindVector, "record")
	idx := args[1].AsCount()
	if idx >= uint64(d.Len()) || d.Elems()[idx].kind == KindNone {
		return emptyDataRecord(c.Interp)
	}
	return DataRecord(c.Interp, d.Elems()[idx].Clone())
}

// iterator is the value behind "opaque of Broker::SetIterator",
// TableIterator, VectorIterator and RecordIterator: a copy of the
// container, as Bro's iterators hold, and a position in it.
type iterator struct {
	d   Data
	pos int
}

func bifIterator(k Kind, want string) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		d := require(c, args[0], k, want)
		return value.Value{R: &iterator{d: d.Clone()}}
	}
}

func iteratorOf(v value.Value) *iterator {
	it, _ := v.R.(*iterator)
	if it == nil {
		it = &iterator{}
	}
	return it
}

func bifIteratorLast(_ *interp.Call, args []value.Value) value.Value {
	it := iteratorOf(args[0])
	return value.Bool(it.pos >= it.d.Len())
}

func bifIteratorNext(_ *interp.Call, args []value.Value) value.Value {
	it := iteratorOf(args[0])
	if it.pos >= it.d.Len() {
		return value.Bool(false)
	}
	it.pos++
	return value.Bool(it.pos < it.d.Len())
}

func bifIteratorValue(what string) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		it := iteratorOf(args[0])
		if it.pos >= it.d.Len() {
			c.BuiltinError("attempt to retrieve value of invalid " + what + " iterator")
			return emptyDataRecord(c.Interp)
		}
		e := it.d.Elems()[it.pos]
		if what == "record" && e.kind == KindNone {
			return emptyDataRecord(c.Interp) // the field is not set
		}
		return DataRecord(c.Interp, e.Clone())
	}
}

func bifTableIteratorValue(c *interp.Call, args []value.Value) value.Value {
	it := iteratorOf(args[0])
	rt, _ := c.Interp.LookupType("Broker::TableItem").(*types.RecordType)
	if rt == nil {
		return value.Unset
	}
	item := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i := range item.Fields {
		item.Fields[i] = emptyDataRecord(c.Interp)
	}
	if it.pos >= it.d.Len() {
		c.BuiltinError("attempt to retrieve value of invalid table iterator")
		return value.Value{R: item}
	}
	if len(item.Fields) >= 2 {
		item.Fields[0] = DataRecord(c.Interp, it.d.Elems()[it.pos].Clone())
		item.Fields[1] = DataRecord(c.Interp, it.d.Values()[it.pos].Clone())
	}
	return value.Value{R: item}
}
