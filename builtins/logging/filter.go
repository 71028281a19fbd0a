package logging

import (
	"fmt"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// filter is a Log::Filter as the manager keeps it.
type filter struct {
	name        string
	writer      int64
	writerValue value.Value
	writerName  string // "Log::WRITER_ASCII"

	pred, pathFunc, extFunc value.Value
	hasPred, hasPathFunc    bool
	pathFuncRec             *types.RecordType // the path function's rec parameter, if a record

	path    string
	hasPath bool        // path set, by $path or by the path function's first answer
	pathVal value.Value // path as a script value, kept to pass it without allocating

	interval      float64
	postprocessor value.Value
	hasPost       bool
	config        map[string]string
	fieldNameMap  map[string]string
	scopeSep      string
	extPrefix     string

	numExt  int               // extension fields come first
	extType *types.RecordType // what the extension function returns
	cols    []Column
	plan    [][]int // per column: field indices from the outer (or extension) record
	fromExt []bool
	scratch []value.Value

	local, remote bool // $log_local, $log_remote
}

// FilterSpec is a Log::Filter record, read field by field.
type FilterSpec struct {
	Rec *value.Record
}

// field returns a filter field by name, and whether it is set.
func (f FilterSpec) field(name string) (value.Value, bool) {
	i := f.Rec.Type.FieldIndex(name)
	if i < 0 || i >= len(f.Rec.Fields) || f.Rec.Fields[i].IsUnset() {
		return value.Value{}, false
	}
	return f.Rec.Fields[i], true
}

// fieldType returns the declared type of a filter field.
func (f FilterSpec) fieldType(name string) types.Type {
	i := f.Rec.Type.FieldIndex(name)
	if i < 0 {
		return nil
	}
	return f.Rec.Type.Fields[i].Type
}

// orGlobal returns a filter field, or the global that is its &default
// when the record left it unset.
func (m *Manager) orGlobal(spec FilterSpec, field, global string) (value.Value, bool) {
	if v, ok := spec.field(field); ok {
		return v, true
	}
	v, _, ok := m.host.Global(global)
	return v, ok
}

// AddFilter adds (or replaces, by name) a filter of stream id.
func (m *Manager) AddFilter(id int64, spec FilterSpec) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	f := &filter{scopeSep: ".", extPrefix: "_"}
	if v, ok := spec.field("name"); ok {
		f.name = v.AsString()
	}
	if v, ok := m.orGlobal(spec, "writer", "Log::default_writer"); ok {
		f.writer = v.AsInt()
		f.writerValue = v
		if et, ok := spec.fieldType("writer").(*types.EnumType); ok {
			f.writerName = et.NameOf(f.writer)
		}
	}
	f.local, f.remote = m.logTargets(spec)
	f.pred, f.hasPred = spec.field("pred")
	f.pathFunc, f.hasPathFunc = spec.field("path_func")
	if f.hasPathFunc {
		if ft := m.host.FuncType(f.pathFunc); ft != nil && len(ft.Params) >= 3 {
			f.pathFuncRec, _ = ft.Params[2].Type.(*types.RecordType)
		}
	}
	if v, ok := m.orGlobal(spec, "interv", "Log::default_rotation_interval"); ok {
		f.interval = v.AsDouble()
	}
	f.postprocessor, f.hasPost = spec.field("postprocessor")
	f.config = stringTable(spec.field("config"))
	f.fieldNameMap = stringTable(m.orGlobal(spec, "field_name_map", "Log::default_field_name_map"))
	if v, ok := m.orGlobal(spec, "scope_sep", "Log::default_scope_sep"); ok {
		f.scopeSep = v.AsString()
	}
	if v, ok := m.orGlobal(spec, "ext_prefix", "Log::default_ext_prefix"); ok {
		f.extPrefix = v.AsString()
	}
	if v, ok := m.orGlobal(spec, "ext_func", "Log::default_ext_func"); ok {
		if ft := m.host.FuncType(v); ft != nil {
			switch rt := ft.Result.(type) {
			case *types.RecordType:
				f.extFunc = v
				f.extType = rt
				f.numExt = len(rt.Fields)
			default:
				// A function returning nothing is the marker of "no
				// extensions", as the default is.
				if ft.Result != nil && ft.Result.Kind() != types.Void {
					m.host.Error(fmt.Sprintf("Return value of log_ext is not a record (got %s)", ft.Result.Kind()))
					return false
				}
			}
		}
	}
	include := stringSetOf(spec.field("include"))
	exclude := stringSetOf(spec.field("exclude"))
	if f.extType != nil {
		if !m.traverse(f, f.extType, include, exclude, "", nil, true, nil) {
			return false
		}
	}
	if !m.traverse(f, st.columns, include, exclude, "", nil, false, nil) {
		return false
	}
	if v, ok := spec.field("path"); ok {
		f.path = v.AsString()
		f.hasPath = true
	}
	f.scratch = make([]value.Value, len(f.cols))

	m.removeFilter(st, f.name)
	st.filters = append(st.filters, f)
	return true
}

// traverse flattens a record type into the filter's columns: fields with
// &log only, nested records unrolled with the scope separator, and the
// include and exclude sets matched against the flattened names. outer
// are the record types being unrolled around rt: a record type that
// holds itself through logged fields would unroll without end, so it is
// an error.
func (m *Manager) traverse(f *filter, rt *types.RecordType, include, exclude map[string]bool, prefix string, indices []int, ext bool, outer []*types.RecordType) bool {
	for _, o := range outer {
		if o == rt {
			m.host.Error(fmt.Sprintf("unsupported field type for log column: %s contains itself (%s)", rt.Name(), prefix))
			return false
		}
	}
	outer = append(outer[:len(outer):len(outer)], rt)
	for i, fd := range rt.Fields {
		if !fd.Log {
			continue
		}
		idx := append(indices[:len(indices):len(indices)], i)
		name := fd.Name
		if prefix != "" {
			name = prefix + f.scopeSep + fd.Name
		} else if ext {
			name = f.extPrefix + name
		}
		if rec, ok := fd.Type.(*types.RecordType); ok {
			if !m.traverse(f, rec, include, exclude, name, idx, ext, outer) {
				return false
			}
			continue
		}
		if !Loggable(fd.Type) {
			m.host.Error("unsupported field type for log column")
			return false
		}
		full := name
		if include != nil && !include[full] {
			continue
		}
		if exclude != nil && exclude[full] {
			continue
		}
		f.cols = append(f.cols, Column{Name: full, Type: fd.Type, Optional: fd.Optional})
		f.plan = append(f.plan, idx)
		f.fromExt = append(f.fromExt, ext)
	}
	return true
}

// RemoveFilter removes a stream's filter by name; a missing filter is
// not an error.
func (m *Manager) RemoveFilter(id int64, name string) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	m.removeFilter(st, name)
	return true
}

func (m *Manager) removeFilter(st *stream, name string) {
	for i, f := range st.filters {
		if f.name == name {
			st.filters = append(st.filters[:i:i], st.filters[i+1:]...)
			return
		}
	}
}

// stringTable reads a table[string] of string.
func stringTable(v value.Value, ok bool) map[string]string {
	if !ok {
		return nil
	}
	tab, _ := v.R.(*value.Table)
	if tab == nil || tab.Len() == 0 {
		return nil
	}
	out := make(map[string]string, tab.Len())
	tab.Each(func(e *value.Entry) bool {
		if len(e.Key) == 1 {
			out[e.Key[0].AsString()] = e.Yield.AsString()
		}
		return true
	})
	return out
}

// stringSetOf reads a set[string]; nil when unset.
func stringSetOf(v value.Value, ok bool) map[string]bool {
	if !ok {
		return nil
	}
	out := map[string]bool{}
	if tab, _ := v.R.(*value.Table); tab != nil {
		tab.Each(func(e *value.Entry) bool {
			if len(e.Key) == 1 {
				out[e.Key[0].AsString()] = true
			}
			return true
		})
	}
	return out
}
