package logging

import (
	"fmt"
	"maps"
	"net/netip"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Logging to and from peers, as Bro 2.6 does it over Broker. A filter's
// $log_local says whether its writers write here, $log_remote whether
// they show themselves to peers: such a writer is announced when it opens
// (Broker's LogCreate: stream, writer, path and columns) and each of its
// rows is handed on (LogWrite). A peer that joins later is told of every
// such writer again, so that it gets the header. A receiver opens a writer
// of its own for each announced stream, writer and path, with the
// sender's columns and its own writer options and rotation, writing
// locally only, and writes the received rows to it.
//
// The communication layer (builtins/broker) sits above this package: it
// installs a Remote to learn what to send, and calls CreateFromRemote and
// WriteFromRemote with what it receives. All of these calls, and the
// Remote's methods, run on the interpreter's goroutine (interp.Post
// brings received messages there).

// Remote is told what the writers of filters with $log_remote set do, so
// that peers can see it.
//
// Write gets a row's values as the script holds them: value.Enum for an
// enum column (whose Type is the *types.EnumType), file and function
// values for file and func columns (ColumnText renders these as the log
// shows them). WriteFromRemote takes them by this rule, per column type
// (the column's Type, as ColumnTypeFromName gives it):
//
//	bool                     value.Bool
//	int                      value.Int
//	count, counter           value.Count
//	double, time, interval   value.Double (seconds)
//	string                   value.String
//	port                     value.Port (number and protocol)
//	addr                     value.Addr
//	subnet                   value.Subnet
//	enum                     value.String of the enum's full name
//	                         ("Notice::ACTION_LOG"), as ColumnText gives it
//	file, func               value.String of what the log shows (the
//	                         file's name, the function's description)
//	set[T]                   a *value.Table (any set type) whose entries
//	                         have one key each, of T's kind by this rule;
//	                         the log lists them in insertion order
//	vector[T]                a *value.Vector whose elements follow this
//	                         rule, value.Unset for a hole
//	no value                 value.Unset
//
// An enum column received from a peer has the type ColumnTypeFromName
// returns for "enum": an anonymous enum with no names, since the sender's
// enum may not exist here. The writers print a string held in an enum
// column as it is, so the receiver's log shows the same name as the
// sender's, in ASCII and in JSON.
type Remote interface {
	// WriterCreated tells that a writer was opened. stream is the Log::ID
	// value's name ("Broker::LOG"), writer the Log::Writer's
	// ("Log::WRITER_ASCII"), cols the columns as the writer receives
	// them (after renaming, extension fields included). cols do not
	// change afterwards and may be kept, but not modified.
	WriterCreated(stream, writer, path string, cols []Column)
	// Write hands on one row of that writer, vals aligned with cols
	// (value.Unset where a field has no value). It is called on the
	// interpreter's goroutine; vals must not be kept after the call
	// (copy them if needed).
	Write(stream, writer, path string, cols []Column, vals []value.Value)
}

// remoteState is the manager's part in remote logging.
type remoteState struct {
	remote Remote
	// announced holds the open writers that log remotely, in creation
	// order; closed ones are dropped as it is walked.
	announced []*writerInfo
	// anon is the call that messages of remote operations are reported
	// at: none in particular, as Bro's reporter has no location there.
	anon *interp.Call
}

// remoteWriter is what a writer needs for remote logging.
type remoteWriter struct {
	cols       []Column // as the writer receives them
	streamName string
	writerName string
	logRemote  bool // announces itself and hands its rows on
	fromRemote bool // opened for a peer's rows
	config     map[string]string
}

// remoteEnum is the type of enum columns received from peers.
var remoteEnum = types.NewEnum("")

// logTargets reads a filter's $log_local and $log_remote, which default
// to Log::enable_local_logging and Log::enable_remote_logging.
func (m *Manager) logTargets(spec FilterSpec) (local, remote bool) {
	local, remote = true, true
	if v, ok := m.orGlobal(spec, "log_local", "Log::enable_local_logging"); ok {
		local = v.AsBool()
	}
	if v, ok := m.orGlobal(spec, "log_remote", "Log::enable_remote_logging"); ok {
		remote = v.AsBool()
	}
	return local, remote
}

// backendName returns the writer type that does a filter's local
// writing: none when it logs only remotely, as Bro then gives the
// writer no back end at all.
func backendName(f *filter) string {
	if !f.local {
		return "Log::WRITER_NONE"
	}
	return f.writerName
}

// conflicts reports whether filter f may not write through writer wi,
// which already has f's path: a writer opened by a filter belongs to it;
// one opened for a peer's rows takes any filter whose columns have the
// same types.
func conflicts(wi *writerInfo, f *filter) bool {
	if !wi.fromRemote {
		return wi.filterName != f.name
	}
	if len(wi.cols) != len(f.cols) {
		return true
	}
	for i, c := range f.cols {
		if wi.cols[i].Type.Kind() != c.Type.Kind() {
			return true
		}
	}
	return false
}

// writerOpened records what remote logging needs of a new writer and
// announces it if its filter logs remotely.
func (m *Manager) writerOpened(st *stream, f *filter, wi *writerInfo, cols []Column) {
	wi.cols = cols
	wi.streamName = st.name
	wi.writerName = f.writerName
	wi.logRemote = f.remote
	wi.config = f.config
	if !f.remote {
		return
	}
	m.announced = append(m.announced, wi)
	if m.remote != nil {
		m.remote.WriterCreated(st.name, f.writerName, wi.key.path, cols)
	}
}

// publishRow hands a row that filter f writes through wi to the Remote.
// A writer opened for a peer's rows is never republished; a local row
// written through it has its enum values turned into names, as that
// writer's columns expect.
func (m *Manager) publishRow(st *stream, f *filter, wi *writerInfo, vals []value.Value) {
	if wi.fromRemote {
		for i, c := range f.cols {
			vals[i] = enumNames(vals[i], c.Type)
		}
		return
	}
	if wi.logRemote && m.remote != nil {
		m.remote.Write(st.name, wi.writerName, wi.key.path, wi.cols, vals)
	}
}

// enumNames returns v with the enum values in it, of type t, replaced
// by their names.
func enumNames(v value.Value, t types.Type) value.Value {
	if v.IsUnset() {
		return v
	}
	switch tt := t.(type) {
	case *types.EnumType:
		if v.IsNumber() {
			return value.String(tt.NameOf(v.AsInt()))
		}
	case *types.TableType:
		et, ok := tableElem(tt).(*types.EnumType)
		tab, _ := v.R.(*value.Table)
		if !ok || tab == nil {
			return v
		}
		out := value.NewTable(&types.TableType{Index: []types.Type{remoteEnum}})
		tab.Each(func(e *value.Entry) bool {
			if len(e.Key) == 1 {
				out.Insert([]value.Value{enumNames(e.Key[0], et)}, value.Value{})
			}
			return true
		})
		return value.Value{R: out}
	case *types.VectorType:
		vec, _ := v.R.(*value.Vector)
		if _, ok := tt.Elem.(*types.EnumType); !ok || vec == nil {
			return v
		}
		out := &value.Vector{Type: &types.VectorType{Elem: remoteEnum}, Elems: make([]value.Value, len(vec.Elems))}
		for i, e := range vec.Elems {
			out.Elems[i] = enumNames(e, tt.Elem)
		}
		return value.Value{R: out}
	}
	return v
}

// SetRemote installs r; nil removes it.
func (m *Manager) SetRemote(r Remote) { m.remote = r }

// EachRemoteWriter calls f for each open writer whose filter logs
// remotely, in creation order.
func (m *Manager) EachRemoteWriter(f func(stream, writer, path string, cols []Column)) {
	open := m.announced[:0]
	for _, wi := range m.announced {
		if !wi.removed {
			open = append(open, wi)
		}
	}
	clear(m.announced[len(open):])
	m.announced = open
	for _, wi := range append([]*writerInfo(nil), open...) {
		f(wi.streamName, wi.writerName, wi.key.path, wi.cols)
	}
}

// WriterConfig returns the $config of the filter that opened the writer
// of stream/writer/path (nil if it has none, or there is no such writer),
// for a Remote that sends it along with the writer's columns. The map is
// not to be modified.
func (m *Manager) WriterConfig(stream, writer, path string) map[string]string {
	id, ok1 := m.enumValue("Log::ID", stream)
	wv, ok2 := m.enumValue("Log::Writer", writer)
	if st := m.streams[id]; ok1 && ok2 && st != nil {
		if wi := st.writers[writerKey{writer: wv, path: path}]; wi != nil {
			return wi.config
		}
	}
	return nil
}

// enumValue returns the value of a name of the enum type declared as
// typeName.
func (m *Manager) enumValue(typeName, name string) (int64, bool) {
	et, _ := m.host.LookupType(typeName).(*types.EnumType)
	if et == nil {
		return 0, false
	}
	return et.Value(name)
}

// remoteWarning reports a warning of a remote operation, which Bro's
// reporter gives without a location.
func (m *Manager) remoteWarning(msg string) {
	if w, ok := m.host.(interface{ RemoteWarning(string) }); ok {
		w.RemoteWarning(msg)
		return
	}
	m.host.Warning(msg)
}

// CreateFromRemote opens, or finds, the writer that rows of
// stream/writer/path received from peers go to. A new writer has the
// sender's columns, the LogAscii:: options of this process (see
// CreateFromRemoteConfig for the sender's $config over them) and the
// rotation of a filter of the stream with the same writer and path (else
// Log::default_rotation_interval); it writes locally only. It reports
// false, with Bro 2.6's warning, when stream or writer are not names of
// Log::ID or Log::Writer here, when the stream was not created here, or
// when a column cannot be logged; and false, with the writer's error, when
// the writer cannot be opened: that writer then stays, without a back end,
// as in Bro, so that later announcements find it and its rows go nowhere.
func (m *Manager) CreateFromRemote(stream, writer, path string, cols []Column) bool {
	return m.CreateFromRemoteConfig(stream, writer, path, cols, nil)
}

// CreateFromRemoteConfig is CreateFromRemote with the sender's $config
// for the writer, which Bro 2.6 sends with the writer's path and applies
// over the receiver's LogAscii:: options.
func (m *Manager) CreateFromRemoteConfig(stream, writer, path string, cols []Column, config map[string]string) bool {
	id, ok := m.enumValue("Log::ID", stream)
	if !ok {
		m.remoteWarning("failed to unpack remote log stream id")
		return false
	}
	wv, ok := m.enumValue("Log::Writer", writer)
	if !ok {
		m.remoteWarning("failed to unpack remote log writer id")
		return false
	}
	for i, c := range cols {
		if c.Type == nil || c.Type.Kind() == types.Record || !Loggable(c.Type) {
			m.remoteWarning(fmt.Sprintf("failed to convert remote log field # %d", i))
			return false
		}
	}
	st := m.streams[id]
	if st == nil {
		m.remoteWarning(fmt.Sprintf("failed to create remote log stream for %s locally", stream))
		return false
	}
	key := writerKey{writer: wv, path: path}
	if wi := st.writers[key]; wi != nil {
		return true
	}
	rf := &filter{writer: wv, writerValue: value.Enum(wv), writerName: writer, local: true,
		cols: append([]Column(nil), cols...), config: maps.Clone(config)}
	matched := false
	for _, f := range st.filters {
		if f.writer == wv && f.path == path {
			rf.interval, rf.postprocessor, rf.hasPost = f.interval, f.postprocessor, f.hasPost
			matched = true
			break
		}
	}
	if !matched {
		if v, _, ok := m.host.Global("Log::default_rotation_interval"); ok {
			rf.interval = v.AsDouble()
		}
	}
	// A writer that cannot be opened stays, turned off, as in Bro: its
	// error is reported once, not at every announcement, and its rows
	// go nowhere.
	wi := m.newWriter(st, rf, key)
	wi.fromRemote = true
	return !wi.disabled
}

// WriteFromRemote writes one row received from a peer to the writer that
// CreateFromRemote opened (or found) for it. It reports false, silently
// as Bro, when the stream does not exist or is disabled, when there is no
// such writer, or when vals do not fit the writer's columns by the rule
// of Remote; and false with Bro 2.6's warning when stream or writer are not
// names of Log::ID or Log::Writer here. vals are not kept.
func (m *Manager) WriteFromRemote(stream, writer, path string, vals []value.Value) bool {
	id, ok := m.enumValue("Log::ID", stream)
	if !ok {
		m.remoteWarning("failed to unpack remote log stream id: " + stream)
		return false
	}
	wv, ok := m.enumValue("Log::Writer", writer)
	if !ok {
		m.remoteWarning("failed to unpack remote log writer id for stream: " + stream)
		return false
	}
	st := m.streams[id]
	if st == nil || !st.enabled {
		return false
	}
	wi := st.writers[writerKey{writer: wv, path: path}]
	if wi == nil || wi.removed || len(vals) != len(wi.cols) {
		return false
	}
	for i, c := range wi.cols {
		if !fitsColumn(vals[i], c.Type) {
			return false
		}
	}
	m.mu.Lock()
	err := wi.w.Write(vals)
	m.mu.Unlock()
	if err != nil {
		m.host.Error(err.Error())
	}
	return true
}

// fitsColumn reports whether v is a value of a column of type t by the
// rule of Remote, so that a writer can print it.
func fitsColumn(v value.Value, t types.Type) bool {
	if v.IsUnset() {
		return true
	}
	return fitsElem(v, t)
}

func fitsElem(v value.Value, t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Counter, types.Double,
		types.Time, types.Port:
		return v.IsNumber()
	case types.Interval:
		return v.IsNumber()
	case types.String, types.File, types.Func:
		_, ok := v.R.(string)
		return ok
	case types.Enum:
		if _, ok := v.R.(string); ok {
			return true
		}
		et, _ := t.(*types.EnumType)
		return v.IsNumber() && et != nil && et.NameOf(v.AsInt()) != ""
	case types.Addr:
		_, ok := v.R.(netip.Addr)
		return ok
	case types.Subnet:
		_, ok := v.R.(netip.Prefix)
		return ok
	case types.Table:
		elem := tableElem(t.(*types.TableType))
		if vec, ok := v.R.(*value.Vector); ok {
			// A set as its elements in the sender's order.
			for _, e := range vec.Elems {
				if e.IsUnset() || elem == nil || !fitsElem(e, elem) {
					return false
				}
			}
			return true
		}
		tab, ok := v.R.(*value.Table)
		if !ok {
			return false
		}
		fits := elem != nil
		tab.Each(func(e *value.Entry) bool {
			fits = len(e.Key) == 1 && !e.Key[0].IsUnset() && fitsElem(e.Key[0], elem)
			return fits
		})
		return fits
	case types.Vector:
		vec, ok := v.R.(*value.Vector)
		if !ok {
			return false
		}
		elem := t.(*types.VectorType).Elem
		for _, e := range vec.Elems {
			if !e.IsUnset() && !fitsElem(e, elem) {
				return false
			}
		}
		return true
	}
	return false
}

// ColumnTypeFromName turns a #types name back into a type ("count",
// "set[string]", "vector[addr]", "enum", ...), for columns received from
// peers; ok is false for names a log column cannot have. "enum" gives an
// anonymous enum whose values are written as strings (see Remote).
func ColumnTypeFromName(name string) (types.Type, bool) {
	for _, c := range []struct {
		prefix string
		make   func(types.Type) types.Type
	}{
		{"set[", func(e types.Type) types.Type { return &types.TableType{Index: []types.Type{e}} }},
		{"vector[", func(e types.Type) types.Type { return &types.VectorType{Elem: e} }},
	} {
		if inner, ok := strings.CutPrefix(name, c.prefix); ok {
			inner, ok = strings.CutSuffix(inner, "]")
			if !ok {
				return nil, false
			}
			e, ok := atomicColumnType(inner)
			if !ok {
				return nil, false
			}
			return c.make(e), true
		}
	}
	return atomicColumnType(name)
}

// atomicColumnType is ColumnTypeFromName for the types that are not
// containers.
func atomicColumnType(name string) (types.Type, bool) {
	switch name {
	case "enum":
		return remoteEnum, true
	case "file":
		return &types.FileType{Elem: types.StringType}, true
	case "func":
		return &types.FuncType{}, true
	case "pattern", "any", "timer":
		return nil, false
	}
	if b, ok := types.BasicByName[name]; ok {
		return b, true
	}
	return nil, false
}

// ColumnText returns the text a log shows for a value of a string, enum,
// file or func column, before escaping: an enum's full name, a file's
// name, a function's description.
func ColumnText(v value.Value, t types.Type) string { return stringOf(v, t) }

// The interpreter's side: the calls builtins/broker makes.

// remoteManager returns the log manager of in, made if need be, with its
// messages reported at no location.
func remoteManager(in *interp.Interp) *Manager {
	managersMu.Lock()
	m := managers[in]
	managersMu.Unlock()
	if m == nil {
		m = managerFor(&interp.Call{Interp: in})
	}
	if m.anon == nil {
		m.anon = &interp.Call{Interp: in}
	}
	if h, ok := m.host.(*interpHost); ok {
		h.call = m.anon
	}
	return m
}

// RemoteWarning reports a warning as Bro's reporter does outside a
// script: "warning: msg".
func (h *interpHost) RemoteWarning(msg string) {
	(&interp.Call{Interp: h.in}).ReporterWarning("%s", msg)
}

// SetRemote installs r for the log manager of in; nil removes it.
func SetRemote(in *interp.Interp, r Remote) { remoteManager(in).SetRemote(r) }

// EachRemoteWriter calls f for each open writer of in whose filter logs
// remotely, in creation order, for a peer that joins late.
func EachRemoteWriter(in *interp.Interp, f func(stream, writer, path string, cols []Column)) {
	remoteManager(in).EachRemoteWriter(f)
}

// CreateFromRemote opens, or finds, the local writer of in that rows of
// stream/writer/path received from peers go to, with the sender's
// columns; see Manager.CreateFromRemote.
func CreateFromRemote(in *interp.Interp, stream, writer, path string, cols []Column) bool {
	return remoteManager(in).CreateFromRemote(stream, writer, path, cols)
}

// CreateFromRemoteConfig is CreateFromRemote with the sender's $config
// for the writer; see Manager.CreateFromRemoteConfig.
func CreateFromRemoteConfig(in *interp.Interp, stream, writer, path string, cols []Column, config map[string]string) bool {
	return remoteManager(in).CreateFromRemoteConfig(stream, writer, path, cols, config)
}

// WriterConfig returns the $config of the writer of stream/writer/path
// of in; see Manager.WriterConfig.
func WriterConfig(in *interp.Interp, stream, writer, path string) map[string]string {
	return remoteManager(in).WriterConfig(stream, writer, path)
}

// WriteFromRemote writes one received row, its values by the rule that
// Remote's comment gives; see Manager.WriteFromRemote.
func WriteFromRemote(in *interp.Interp, stream, writer, path string, vals []value.Value) bool {
	return remoteManager(in).WriteFromRemote(stream, writer, path, vals)
}
