// Conversion between script values and Broker data, as Bro 2.6's
// val_to_data and data_to_val do, and the Broker::Data record that wraps
// a datum for scripts.

package broker

import (
	"math"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// DataVal is the value behind "opaque of Broker::Data": one datum, which
// the Broker::Data functions change in place.
type DataVal struct {
	D Data
}

// Describe writes the opaque value as Bro does: broker::data{TEXT}.
func (v *DataVal) Describe(d *value.Desc) {
	d.Add("broker::data{" + v.D.String() + "}")
}

// dataTypeName is the script-level name of the record that carries a
// datum.
const dataTypeName = "Broker::Data"

// IsDataType reports whether t is the Broker::Data record type (or one
// the same as it: a record whose one field is "data", an opaque of
// Broker::Data).
func IsDataType(t types.Type) bool {
	rt, ok := t.(*types.RecordType)
	if !ok || len(rt.Fields) != 1 || rt.Fields[0].Name != "data" {
		return false
	}
	ot, ok := rt.Fields[0].Type.(*types.OpaqueType)
	return ok && ot.Name == dataTypeName
}

// DataRecord wraps d into a script Broker::Data record with its opaque
// field set. Without the script type declared it returns an unset value.
func DataRecord(in *interp.Interp, d Data) value.Value {
	rt, _ := in.LookupType(dataTypeName).(*types.RecordType)
	if rt == nil {
		return value.Unset
	}
	return value.Value{R: newDataRecord(rt, &DataVal{D: d})}
}

// emptyDataRecord returns a Broker::Data record whose opaque field is
// unset, as the Broker::Data functions return for "no result".
func emptyDataRecord(in *interp.Interp) value.Value {
	rt, _ := in.LookupType(dataTypeName).(*types.RecordType)
	if rt == nil {
		return value.Unset
	}
	return value.Value{R: newDataRecord(rt, nil)}
}

func newDataRecord(rt *types.RecordType, dv *DataVal) *value.Record {
	fields := make([]value.Value, len(rt.Fields))
	for i := range fields {
		fields[i] = value.Unset
	}
	if dv != nil && len(fields) > 0 {
		fields[0] = value.Value{R: dv}
	}
	return &value.Record{Type: rt, Fields: fields}
}

// dataValOf returns the opaque of a Broker::Data record value (passed
// as itself or as an any), nil where it is unset.
func dataValOf(v value.Value) *DataVal {
	if a, ok := v.R.(*value.Any); ok && a != nil {
		v = a.Value
	}
	r, ok := v.R.(*value.Record)
	if !ok || r == nil || len(r.Fields) == 0 {
		return nil
	}
	dv, _ := r.Fields[0].R.(*DataVal)
	return dv
}

// RecordData returns the datum of a Broker::Data record value; ok is
// false where its opaque field is unset. The datum shares its
// containers with the record's: Clone it before changing it.
func RecordData(v value.Value) (Data, bool) {
	dv := dataValOf(v)
	if dv == nil {
		return Data{}, false
	}
	return dv.D, true
}

// secondsToNanos converts seconds as Bro keeps times and intervals to
// Broker's nanoseconds, truncating as std::chrono's duration_cast does.
func secondsToNanos(s float64) int64 {
	x := s * 1e9
	switch {
	case x != x:
		return 0
	case x >= math.MaxInt64:
		return math.MaxInt64
	case x <= math.MinInt64:
		return math.MinInt64
	}
	return int64(x)
}

// nanosToSeconds is the other way, as duration_cast to fractional
// seconds does.
func nanosToSeconds(ns int64) float64 { return float64(ns) / 1e9 }

// ValueToData converts a value of static type t as Bro 2.6's
// val_to_data does: a value of type any by its dynamic type; records as
// vectors of their fields, unset ones as none; a table key of several
// values as a vector of them; files and functions by their names;
// patterns as the vector of their exact and anywhere matcher texts. A
// Broker::Data record converts to its datum (a copy). ok is false for
// what Broker cannot carry: opaque values other than Broker::Data (Bro
// 2.6 sends its internal serialization of them, which nothing but Bro
// reads), types, and a Broker::Data record whose datum is unset.
func ValueToData(v value.Value, t types.Type) (Data, bool) {
	return valueToData(v, t, 0)
}

// maxDepth bounds how deeply a value or datum may nest, so that a value
// that contains itself cannot recurse without end; it is the wire's
// bound, so that what converts also decodes at a peer.
const maxDepth = MaxWireDepth

func valueToData(v value.Value, t types.Type, depth int) (Data, bool) {
	if t == nil || v.IsUnset() || depth > maxDepth {
		return Data{}, false
	}
	switch t.Kind() {
	case types.Any:
		a, ok := v.R.(*value.Any)
		if !ok || a == nil {
			return Data{}, false
		}
		return valueToData(a.Value, a.Type, depth)
	case types.Bool:
		return Bool(v.AsBool()), true
	case types.Int:
		return Int(v.AsInt()), true
	case types.Count, types.Counter:
		return Count(v.AsCount()), true
	case types.Double:
		return Real(v.AsDouble()), true
	case types.Time:
		return Timestamp(secondsToNanos(v.AsDouble())), true
	case types.Interval:
		return Timespan(secondsToNanos(v.AsDouble())), true
	case types.Port:
		num, p := v.AsPort()
		return Port(uint16(num), PortProto(p)), true
	case types.Addr:
		return Address(v.AsAddr()), true
	case types.Subnet:
		return Subnet(v.AsSubnet()), true
	case types.Enum:
		et, _ := t.(*types.EnumType)
		name := ""
		if et != nil {
			name = et.NameOf(v.AsInt())
		}
		if name == "" {
			name = "<unknown enum>"
		}
		return Enum(name), true
	case types.String:
		return String(v.AsString()), true
	case types.File:
		f, ok := v.R.(*value.File)
		if !ok || f == nil {
			return Data{}, false
		}
		return String(f.Name), true
	case types.Func:
		f, ok := v.R.(*interp.Func)
		if !ok || f == nil {
			return Data{}, false
		}
		return String(f.Name), true
	case types.Pattern:
		p, ok := v.R.(*value.Pattern)
		if !ok || p == nil {
			return Data{}, false
		}
		return NewVector(String(p.MatcherText()), String(anywhereText(p))), true
	case types.Table:
		return tableToData(v, t.(*types.TableType), depth)
	case types.Vector:
		vec, ok := v.R.(*value.Vector)
		vt, _ := t.(*types.VectorType)
		if ok && vec != nil && vec.Type != nil {
			// A vector seen through a view of another static type
			// (a vector of count passed as a vector of any) holds
			// elements of its own type.
			vt = vec.Type
		}
		if !ok || vec == nil || vt == nil {
			return Data{}, false
		}
		elems := make([]Data, 0, len(vec.Elems))
		for _, e := range vec.Elems {
			if e.IsUnset() {
				continue // a hole is left out, as Bro does
			}
			d, ok := valueToData(e, vt.Elem, depth+1)
			if !ok {
				return Data{}, false
			}
			elems = append(elems, d)
		}
		return NewVector(elems...), true
	case types.Record:
		if IsDataType(t) {
			d, ok := RecordData(v)
			return d.Clone(), ok
		}
		r, ok := v.R.(*value.Record)
		rt, _ := t.(*types.RecordType)
		if !ok || r == nil || rt == nil {
			return Data{}, false
		}
		elems := make([]Data, len(rt.Fields))
		for i, f := range rt.Fields {
			if i >= len(r.Fields) || r.Fields[i].IsUnset() {
				continue // none
			}
			d, ok := valueToData(r.Fields[i], f.Type, depth+1)
			if !ok {
				return Data{}, false
			}
			elems[i] = d
		}
		return NewVector(elems...), true
	}
	return Data{}, false
}

// anywhereText is the text of Bro's match-anywhere matcher for p.
func anywhereText(p *value.Pattern) string {
	exact := p.MatcherText()
	inner := p.Text
	if p.Raw {
		inner = exact
	}
	t := "^?(.|\\n)*(" + inner + ")"
	if p.CaseInsensitive {
		t = "(?i:" + t + ")"
	}
	return t
}

func tableToData(v value.Value, tt *types.TableType, depth int) (Data, bool) {
	tbl, ok := v.R.(*value.Table)
	if ok && tbl != nil && tbl.Type != nil {
		tt = tbl.Type
	}
	if !ok || tbl == nil || tt == nil {
		return Data{}, false
	}
	out := NewTable()
	if tt.IsSet() {
		out = NewSet()
	}
	good := true
	tbl.Each(func(e *value.Entry) bool {
		var key Data
		if len(e.Key) == 1 && len(tt.Index) == 1 {
			key, good = valueToData(e.Key[0], tt.Index[0], depth+1)
		} else {
			parts := make([]Data, len(e.Key))
			for i, k := range e.Key {
				if i >= len(tt.Index) {
					good = false
					break
				}
				if parts[i], good = valueToData(k, tt.Index[i], depth+1); !good {
					break
				}
			}
			key = NewVector(parts...)
		}
		if !good {
			return false
		}
		if tt.IsSet() {
			out.SetInsert(key)
			return true
		}
		var val Data
		if val, good = valueToData(e.Yield, tt.Yield, depth+1); !good {
			return false
		}
		out.TablePut(key, val)
		return true
	})
	return out, good
}

// DataToValue converts d to a value of type t as Bro 2.6's data_to_val
// does. For a target of type any the result is a Broker::Data record
// holding d (carried as an any), as Bro gives an any-typed event
// parameter; a vector converts to a vector or to a record (none for an
// unset field; too few elements fail); a set or table key that is a
// vector spreads over a composite index. ok is false where d does not
// fit t.
func DataToValue(in *interp.Interp, d Data, t types.Type) (value.Value, bool) {
	return dataToValue(in, d, t, 0)
}

func dataToValue(in *interp.Interp, d Data, t types.Type, depth int) (value.Value, bool) {
	if t == nil || depth > maxDepth {
		return value.Value{}, false
	}
	if t.Kind() == types.Any {
		rec := DataRecord(in, d)
		if rec.IsUnset() {
			return value.Value{}, false
		}
		return value.Value{R: &value.Any{Type: rec.R.(*value.Record).Type, Value: rec}}, true
	}
	k := t.Kind()
	switch d.kind {
	case KindBool:
		if k == types.Bool {
			return value.Bool(d.AsBool()), true
		}
	case KindCount:
		if k == types.Count || k == types.Counter {
			return value.Count(d.n), true
		}
	case KindInt:
		if k == types.Int {
			return value.Int(d.AsInt()), true
		}
	case KindReal:
		if k == types.Double {
			return value.Double(d.AsReal()), true
		}
	case KindString:
		switch k {
		case types.String:
			return value.String(d.s), true
		case types.Func:
			return lookupFunc(in, d.s)
		}
	case KindAddress:
		if k == types.Addr {
			return value.Addr(d.AsAddr()), true
		}
	case KindSubnet:
		if k == types.Subnet {
			return value.Subnet(d.AsPrefix()), true
		}
	case KindPort:
		if k == types.Port {
			num, p := d.AsPort()
			return value.Port(uint32(num), value.Proto(p)), true
		}
	case KindTimestamp:
		if k == types.Time {
			return value.Double(nanosToSeconds(d.AsNanos())), true
		}
	case KindTimespan:
		if k == types.Interval {
			// Data.cc's data_to_val makes new Val(s, TYPE_INTERVAL):
			// a plain value of type interval, which describes itself
			// as its double.
			return value.PlainInterval(nanosToSeconds(d.AsNanos())), true
		}
	case KindEnum:
		if et, ok := t.(*types.EnumType); ok {
			if n, ok := et.Value(d.s); ok {
				return value.Enum(n), true
			}
		}
	case KindSet, KindTable:
		tt, ok := t.(*types.TableType)
		if !ok || tt.IsSet() != (d.kind == KindSet) {
			break
		}
		return dataToTable(in, d, tt, depth)
	case KindVector:
		switch tt := t.(type) {
		case *types.VectorType:
			vec := &value.Vector{Type: tt, Elems: make([]value.Value, 0, d.Len())}
			for _, e := range d.Elems() {
				v, ok := dataToValue(in, e, tt.Elem, depth+1)
				if !ok {
					return value.Value{}, false
				}
				vec.Elems = append(vec.Elems, v)
			}
			return value.Value{R: vec}, true
		case *types.RecordType:
			return dataToRecord(in, d, tt, depth)
		}
		if k == types.Pattern {
			return dataToPattern(d)
		}
	}
	return value.Value{}, false
}

// lookupFunc finds the global function a name designates.
func lookupFunc(in *interp.Interp, name string) (value.Value, bool) {
	g := in.LookupGlobal(name)
	if g == nil || g.Type == nil || g.Type.Kind() != types.Func {
		return value.Value{}, false
	}
	if _, ok := g.Value.R.(*interp.Func); !ok {
		return value.Value{}, false
	}
	return g.Value, true
}

// indexParts returns the parts of a set or table key for an index of
// the given types: a vector key spreads over a composite index, except
// that a one-part index of a record or vector type takes it whole.
func indexParts(key Data, index []types.Type, one *[1]Data) []Data {
	if key.kind == KindVector {
		if len(index) != 1 || (index[0].Kind() != types.Record && index[0].Kind() != types.Vector) {
			return key.Elems()
		}
	}
	one[0] = key
	return one[:]
}

func dataToTable(in *interp.Interp, d Data, tt *types.TableType, depth int) (value.Value, bool) {
	tbl := value.NewTable(tt)
	vals := d.Values()
	var one [1]Data
	for i, key := range d.Elems() {
		parts := indexParts(key, tt.Index, &one)
		if len(parts) != len(tt.Index) {
			return value.Value{}, false
		}
		kv := make([]value.Value, len(parts))
		for j, p := range parts {
			v, ok := dataToValue(in, p, tt.Index[j], depth+1)
			if !ok {
				return value.Value{}, false
			}
			kv[j] = v
		}
		var yield value.Value
		if !tt.IsSet() {
			if i >= len(vals) {
				return value.Value{}, false
			}
			v, ok := dataToValue(in, vals[i], tt.Yield, depth+1)
			if !ok {
				return value.Value{}, false
			}
			yield = v
		}
		tbl.Insert(kv, yield)
	}
	return value.Value{R: tbl}, true
}

func dataToRecord(in *interp.Interp, d Data, rt *types.RecordType, depth int) (value.Value, bool) {
	elems := d.Elems()
	if len(elems) < len(rt.Fields) {
		return value.Value{}, false
	}
	r := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i, f := range rt.Fields {
		if elems[i].kind == KindNone {
			r.Fields[i] = value.Unset
			continue
		}
		v, ok := dataToValue(in, elems[i], f.Type, depth+1)
		if !ok {
			return value.Value{}, false
		}
		r.Fields[i] = v
	}
	return value.Value{R: r}, true
}

// dataToPattern rebuilds a pattern from its exact and anywhere matcher
// texts. The exact text is kept as the pattern's, so that it prints as
// the sender's did.
func dataToPattern(d Data) (value.Value, bool) {
	es := d.Elems()
	if len(es) != 2 || es[0].kind != KindString || es[1].kind != KindString {
		return value.Value{}, false
	}
	text := es[0].s
	p := &value.Pattern{Text: text, Raw: true}
	inner, ci := text, false
	if strings.HasPrefix(inner, "(?i:") && strings.HasSuffix(inner, ")") {
		inner, ci = inner[4:len(inner)-1], true
	}
	if strings.HasPrefix(inner, "^?(") && strings.HasSuffix(inner, ")$?") {
		p = &value.Pattern{Text: inner[3 : len(inner)-3], CaseInsensitive: ci}
	}
	return value.Value{R: p}, true
}

// Fits reports whether d converts to type t, as Bro 2.6's
// data_type_check decides a cast of a Broker::Data ("d as T", "d is T",
// a type case) without converting.
func Fits(in *interp.Interp, d Data, t types.Type) bool {
	return fits(in, d, t, 0)
}

func fits(in *interp.Interp, d Data, t types.Type, depth int) bool {
	if t == nil || depth > maxDepth {
		return false
	}
	k := t.Kind()
	if k == types.Any {
		return true
	}
	switch d.kind {
	case KindNone:
		return false
	case KindString:
		switch k {
		case types.String, types.File:
			return true
		case types.Func:
			_, ok := lookupFunc(in, d.s)
			return ok
		}
		return false
	case KindSet, KindTable:
		tt, ok := t.(*types.TableType)
		if !ok || tt.IsSet() != (d.kind == KindSet) {
			return false
		}
		vals := d.Values()
		var one [1]Data
		for i, key := range d.Elems() {
			parts := indexParts(key, tt.Index, &one)
			if len(parts) != len(tt.Index) {
				return false
			}
			for j, p := range parts {
				if !fits(in, p, tt.Index[j], depth+1) {
					return false
				}
			}
			if !tt.IsSet() && (i >= len(vals) || !fits(in, vals[i], tt.Yield, depth+1)) {
				return false
			}
		}
		return true
	case KindVector:
		switch tt := t.(type) {
		case *types.VectorType:
			for _, e := range d.Elems() {
				if !fits(in, e, tt.Elem, depth+1) {
					return false
				}
			}
			return true
		case *types.RecordType:
			es := d.Elems()
			if len(es) < len(tt.Fields) {
				return false
			}
			for i, f := range tt.Fields {
				if es[i].kind != KindNone && !fits(in, es[i], f.Type, depth+1) {
					return false
				}
			}
			return true
		}
		if k == types.Pattern {
			_, ok := dataToPattern(d)
			return ok
		}
		return false
	}
	// Scalars fit where they convert.
	_, ok := dataToValue(in, d, t, depth)
	return ok
}

// converter lets a Broker::Data convert through "as", "is" and type
// cases.
func installConverter() {
	interp.SetConverter(&interp.Converter{
		Holds: IsDataType,
		Convert: func(in *interp.Interp, v value.Value, t types.Type) (value.Value, bool) {
			dv := dataValOf(v)
			if dv == nil {
				return value.Value{}, false
			}
			return DataToValue(in, dv.D, t)
		},
		Fits: func(in *interp.Interp, v value.Value, t types.Type) bool {
			dv := dataValOf(v)
			return dv != nil && Fits(in, dv.D, t)
		},
		Empty: func(v value.Value) bool { return dataValOf(v) == nil },
	})
}
