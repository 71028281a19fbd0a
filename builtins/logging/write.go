package logging

import (
	"fmt"
	"io"
	"strconv"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Write logs one record to a stream: the record is coerced to the
// stream's columns, the stream's event is raised, and every filter whose
// predicate accepts it sends its columns to the writer for its path.
func (m *Manager) Write(id int64, rec *value.Record) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	if !st.enabled {
		return true
	}
	if rec.Type != st.columns {
		r, err := m.host.Coerce(rec, st.columns)
		if err != nil || r == nil {
			if err != nil {
				m.host.Error(err.Error())
			}
			m.host.Error("incompatible log record type")
			return false
		}
		rec = r
	}
	recVal := value.Value{R: rec}
	if st.hasEvent {
		m.host.QueueEvent(st.event, recVal)
	}
	for _, f := range st.filters {
		if f.hasPred {
			res, ok := m.host.Call(f.pred, recVal)
			if ok && !res.AsBool() {
				continue
			}
		}
		path := f.path
		if f.hasPathFunc {
			pathArg := emptyString
			if f.hasPath {
				if f.pathVal.AsString() != f.path || f.pathVal.R == nil {
					f.pathVal = value.String(f.path)
				}
				pathArg = f.pathVal
			}
			recArg := recVal
			if f.pathFuncRec != nil && f.pathFuncRec != st.columns {
				recArg = value.Value{R: projectRecord(rec, f.pathFuncRec)}
			}
			res, ok := m.host.Call(f.pathFunc, st.idValue, pathArg, recArg)
			if !ok {
				return false
			}
			path = res.AsString()
			if !f.hasPath {
				f.path, f.hasPath = path, true
			}
		}
		key := writerKey{writer: f.writer, path: path}
		wi := st.writers[key]
		if wi != nil && conflicts(wi, f) {
			// Another filter writes this path with this writer: this one
			// moves to path-2, path-3, ... and keeps the new path.
			n := 2
			for {
				key.path = path + "-" + strconv.Itoa(n)
				n++
				wi = st.writers[key]
				if wi == nil || !conflicts(wi, f) {
					break
				}
			}
			m.host.Warning(fmt.Sprintf("Write using filter '%s' on path '%s' changed to use new path '%s' to avoid conflict with filter '%s'",
				f.name, path, key.path, st.writers[writerKey{f.writer, path}].filterName))
			path = key.path
			f.path, f.hasPath = path, true
		}
		var ext *value.Record
		if f.numExt > 0 {
			res, ok := m.host.Call(f.extFunc, value.String(f.path))
			if ok {
				ext, _ = res.R.(*value.Record)
			}
		}
		if wi == nil {
			wi = m.newWriter(st, f, key)
			if wi == nil {
				return false
			}
		}
		vals := f.scratch
		for i, idx := range f.plan {
			src := rec
			if f.fromExt[i] {
				src = ext
			}
			vals[i] = lookupPath(src, idx)
		}
		m.publishRow(st, f, wi, vals)
		m.mu.Lock()
		err := wi.flushErr
		if err == nil && !wi.disabled {
			err = wi.w.Write(vals)
		}
		m.mu.Unlock()
		if err != nil {
			m.disable(wi, err)
		}
	}
	return true
}

var emptyString = value.String("")

// lookupPath follows field indices through nested records; a field
// that is unset, or under an unset record, is Unset.
func lookupPath(r *value.Record, idx []int) value.Value {
	v := value.Unset
	for _, i := range idx {
		if r == nil || i >= len(r.Fields) {
			return value.Unset
		}
		v = r.Fields[i]
		if v.IsUnset() {
			return v
		}
		r, _ = v.R.(*value.Record)
	}
	return v
}

// projectRecord copies the fields of r that t has, by name: a path
// function may take its record argument as a different record type.
func projectRecord(r *value.Record, t *types.RecordType) *value.Record {
	out := &value.Record{Type: t, Fields: make([]value.Value, len(t.Fields))}
	for i, fd := range t.Fields {
		out.Fields[i] = value.Unset
		if j := r.Type.FieldIndex(fd.Name); j >= 0 && j < len(r.Fields) {
			out.Fields[i] = r.Fields[j]
		}
	}
	return out
}

// newWriter creates the writer for a filter's path.
func (m *Manager) newWriter(st *stream, f *filter, key writerKey) *writerInfo {
	cols := f.cols
	if len(f.fieldNameMap) > 0 {
		cols = make([]Column, len(f.cols))
		copy(cols, f.cols)
		for i := range cols {
			if n, ok := f.fieldNameMap[cols[i].Name]; ok {
				cols[i].Name = n
			}
		}
	}
	var w Writer
	failed := false
	switch backendName(f) {
	case "Log::WRITER_NONE":
		w = noneWriter{}
		if v, _, ok := m.host.Global("LogNone::debug"); ok && v.AsBool() {
			if out := m.host.Stdout(); out != nil {
				io.WriteString(out, noneDescription(key.path, f.interval, m.rotationBase(), f.config, cols))
			}
		}
	case "Log::WRITER_ASCII", "":
		opts, err := m.asciiOptions(f.config)
		if err == nil {
			w, err = NewAsciiWriter(key.path, cols, opts, m.host.Stdout())
		}
		if err != nil {
			m.host.Error(err.Error())
			failed = true
		}
	default:
		m.host.Error("unknown writer type requested")
		failed = true
	}
	if failed {
		// A writer that cannot start is kept, turned off, so that
		// the rows that follow do not report the failure again.
		w = noneWriter{}
	}
	wi := &writerInfo{key: key, writerValue: f.writerValue, writerName: f.writerName, w: w, filterName: f.name,
		interval: f.interval, postprocessor: f.postprocessor, hasPost: f.hasPost, disabled: failed}
	m.mu.Lock()
	st.writers[key] = wi
	st.wlist = append(st.wlist, wi)
	m.mu.Unlock()
	m.writerOpened(st, f, wi, cols)
	m.installRotationTimer(wi)
	m.startFlusher()
	return wi
}

// asciiOptions reads the LogAscii:: options and applies a filter's
// $config over them.
func (m *Manager) asciiOptions(config map[string]string) (AsciiOptions, error) {
	o := DefaultAsciiOptions()
	str := func(name string, dst *string) {
		if v, _, ok := m.host.Global(name); ok {
			if s, ok := v.R.(string); ok {
				*dst = s
			}
		}
	}
	boolean := func(name string, dst *bool) {
		if v, _, ok := m.host.Global(name); ok {
			*dst = v.AsBool()
		}
	}
	boolean("LogAscii::output_to_stdout", &o.OutputToStdout)
	boolean("LogAscii::use_json", &o.UseJSON)
	boolean("LogAscii::include_meta", &o.IncludeMeta)
	str("LogAscii::meta_prefix", &o.MetaPrefix)
	str("LogAscii::separator", &o.Separator)
	str("LogAscii::set_separator", &o.SetSeparator)
	str("LogAscii::empty_field", &o.EmptyField)
	str("LogAscii::unset_field", &o.UnsetField)
	if v, _, ok := m.host.Global("LogAscii::gzip_level"); ok {
		// A count: a level above 9 is refused when the file opens.
		o.GzipLevel = int(min(v.AsCount(), 10))
	}
	if v, t, ok := m.host.Global("LogAscii::json_timestamps"); ok {
		if et, ok := t.(*types.EnumType); ok {
			o.JSONTimestamps = et.NameOf(v.AsInt())
		}
	}
	err := o.ApplyConfig(config)
	return o, err
}
