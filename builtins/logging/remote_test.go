package logging

import (
	"bytes"
	"net/netip"
	"os"
	"strings"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// remoteEvent is one call a Remote received, its values copied.
type remoteEvent struct {
	created                    bool
	stream, writer, path, cols string
	colTypes                   []Column
	vals                       []value.Value
}

// recordingRemote keeps what it is told, converting values to what a
// peer receives by the rule of Remote.
type recordingRemote struct{ events []remoteEvent }

func colNames(cols []Column) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, c.Name+":"+TypeName(c.Type))
	}
	return strings.Join(parts, ",")
}

func (r *recordingRemote) WriterCreated(stream, writer, path string, cols []Column) {
	r.events = append(r.events, remoteEvent{created: true, stream: stream, writer: writer, path: path,
		cols: colNames(cols), colTypes: cols})
}

func (r *recordingRemote) Write(stream, writer, path string, cols []Column, vals []value.Value) {
	conv := make([]value.Value, len(vals))
	for i, v := range vals {
		conv[i] = toWire(v, cols[i].Type)
	}
	r.events = append(r.events, remoteEvent{stream: stream, writer: writer, path: path, cols: colNames(cols), vals: conv})
}

// toWire converts a value of a locally written row as the Broker side
// does before sending it, by the rule of Remote; containers are copied.
func toWire(v value.Value, t types.Type) value.Value {
	if v.IsUnset() {
		return v
	}
	switch t.Kind() {
	case types.Enum, types.File, types.Func:
		return value.String(ColumnText(v, t))
	case types.Table:
		// A set travels as its elements in the sender's order.
		elem := tableElem(t.(*types.TableType))
		out := &value.Vector{}
		v.R.(*value.Table).Each(func(e *value.Entry) bool {
			out.Elems = append(out.Elems, toWire(e.Key[0], elem))
			return true
		})
		return value.Value{R: out}
	case types.Vector:
		vec := v.R.(*value.Vector)
		out := &value.Vector{Type: vec.Type, Elems: make([]value.Value, len(vec.Elems))}
		for i, e := range vec.Elems {
			out.Elems[i] = toWire(e, vec.Type.Elem)
		}
		return value.Value{R: out}
	}
	return v
}

// fromWire turns the sender's columns into what a receiver has of them:
// names, the types their #types names give, and optionality.
func fromWire(t *testing.T, cols []Column) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		ct, ok := ColumnTypeFromName(TypeName(c.Type))
		if !ok {
			t.Fatalf("column %s: no type for %q", c.Name, TypeName(c.Type))
		}
		out[i] = Column{Name: c.Name, Type: ct, Optional: c.Optional}
	}
	return out
}

// remoteSetup is a fake host with Log::ID (Test::LOG, Other::LOG),
// Log::Writer and a Log::Filter type that has $log_local and $log_remote.
type remoteSetup struct {
	h       *fakeHost
	m       *Manager
	info    *types.RecordType
	filterT *types.RecordType
	logID   *types.EnumType
}

func newRemoteSetup() *remoteSetup {
	info, logID, filterT := testTypes()
	logID.Add("Other::LOG", 0, false)
	fields := append([]*types.Field(nil), filterT.Fields...)
	fields = append(fields,
		&types.Field{Name: "log_local", Type: types.BoolType},
		&types.Field{Name: "log_remote", Type: types.BoolType},
		&types.Field{Name: "config", Type: &types.TableType{Index: []types.Type{types.StringType}, Yield: types.StringType}},
		&types.Field{Name: "field_name_map", Type: &types.TableType{Index: []types.Type{types.StringType}, Yield: types.StringType}})
	ft := types.NewRecord("Log::Filter", fields)
	h := newFakeHost()
	h.typesBy["Log::ID"] = logID
	h.typesBy["Log::Writer"] = filterT.Fields[1].Type
	return &remoteSetup{h: h, m: NewManager(h), info: info, filterT: ft, logID: logID}
}

func (s *remoteSetup) filter(fields map[string]value.Value) FilterSpec {
	if _, ok := fields["writer"]; !ok {
		fields["writer"] = value.Enum(0) // Log::WRITER_ASCII
	}
	return FilterSpec{filterRec(s.filterT, fields)}
}

func TestRemoteFiltersFeedRemote(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	r := &recordingRemote{}
	s.m.SetRemote(r)
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	renames := value.NewTable(&types.TableType{Index: []types.Type{types.StringType}, Yield: types.StringType})
	renames.Insert([]value.Value{value.String("id.orig_h")}, value.String("orig"))
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("default"), "path": value.String("test"),
		"field_name_map": {R: renames}}))
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("here"), "path": value.String("here"),
		"log_remote": value.Bool(false)}))
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("away"), "path": value.String("away"),
		"log_local": value.Bool(false)}))
	hello := "hello"
	s.m.Write(1, infoRec(s.info, 1.5, "1.2.3.4", 80, &hello))
	s.m.Write(1, infoRec(s.info, 2, "5.6.7.8", 22, nil))
	s.m.Shutdown()

	var got []string
	for _, e := range r.events {
		line := e.stream + " " + e.writer + " " + e.path + " " + e.cols
		if e.created {
			line = "created " + line
		} else {
			var vs []string
			for i, v := range e.vals {
				if v.IsUnset() {
					vs = append(vs, "-")
					continue
				}
				vs = append(vs, value.Render(v, e.colTypesOr(r, i)))
			}
			line = "write " + e.path + " " + strings.Join(vs, " ")
		}
		got = append(got, line)
	}
	want := []string{
		"created Test::LOG Log::WRITER_ASCII test ts:time,orig:addr,id.orig_p:port,msg:string",
		"write test 1.5 1.2.3.4 80/tcp hello",
		"created Test::LOG Log::WRITER_ASCII away ts:time,id.orig_h:addr,id.orig_p:port,msg:string",
		"write away 1.5 1.2.3.4 80/tcp hello",
		"write test 2.0 5.6.7.8 22/tcp -",
		"write away 2.0 5.6.7.8 22/tcp -",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("remote saw:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Local writing: test and here have files, away (log_local=F) none.
	if got := logBody(t, "test.log"); got != "1.500000\t1.2.3.4\t80\thello\n2.000000\t5.6.7.8\t22\t-" {
		t.Errorf("test.log: %q", got)
	}
	if got := logBody(t, "here.log"); got != "1.500000\t1.2.3.4\t80\thello\n2.000000\t5.6.7.8\t22\t-" {
		t.Errorf("here.log: %q", got)
	}
	if _, err := os.Stat("away.log"); !os.IsNotExist(err) {
		t.Errorf("away.log written by a filter with log_local=F: %v", err)
	}
	if len(s.h.errs) > 0 {
		t.Errorf("messages: %q", s.h.errs)
	}
}

// colTypesOr finds the column types of a write event from the creation
// event of its path.
func (e remoteEvent) colTypesOr(r *recordingRemote, i int) types.Type {
	for _, c := range r.events {
		if c.created && c.path == e.path {
			return c.colTypes[i].Type
		}
	}
	return nil
}

func TestRemoteGlobalsAreDefaults(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	s.h.globals["Log::enable_local_logging"] = value.Bool(false)
	s.h.globals["Log::enable_remote_logging"] = value.Bool(false)
	r := &recordingRemote{}
	s.m.SetRemote(r)
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("default"), "path": value.String("off")}))
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("on"), "path": value.String("on"),
		"log_local": value.Bool(true), "log_remote": value.Bool(true)}))
	s.m.Write(1, infoRec(s.info, 1, "1.2.3.4", 80, nil))
	s.m.Shutdown()
	if _, err := os.Stat("off.log"); !os.IsNotExist(err) {
		t.Error("off.log written with Log::enable_local_logging=F")
	}
	if logBody(t, "on.log") == "" {
		t.Error("on.log not written")
	}
	if len(r.events) != 2 || r.events[0].path != "on" || r.events[1].path != "on" {
		t.Errorf("remote events: %+v", r.events)
	}
}

func TestEachRemoteWriterInCreationOrder(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	s.m.CreateStream(StreamSpec{ID: value.Enum(2), IDType: s.logID, Columns: s.info})
	byPort := &fakeFunc{fn: func(args []value.Value) value.Value {
		p, _ := args[2].R.(*value.Record).Fields[1].R.(*value.Record).Fields[1].AsPort()
		return value.String(map[uint32]string{1: "b", 2: "a", 3: "c"}[p])
	}}
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("split"), "path_func": {R: byPort}}))
	s.m.AddFilter(2, s.filter(map[string]value.Value{"name": value.String("other"), "path": value.String("other")}))
	s.m.AddFilter(2, s.filter(map[string]value.Value{"name": value.String("private"), "path": value.String("private"),
		"log_remote": value.Bool(false)}))
	s.m.Write(1, infoRec(s.info, 1, "1.2.3.4", 1, nil))
	s.m.Write(2, infoRec(s.info, 1, "1.2.3.4", 1, nil))
	s.m.Write(1, infoRec(s.info, 1, "1.2.3.4", 2, nil))
	s.m.Write(1, infoRec(s.info, 1, "1.2.3.4", 3, nil))
	s.m.Write(1, infoRec(s.info, 1, "1.2.3.4", 1, nil))
	list := func() string {
		var got []string
		s.m.EachRemoteWriter(func(stream, writer, path string, cols []Column) {
			got = append(got, stream+"/"+writer+"/"+path+"/"+colNames(cols))
		})
		return strings.Join(got, " ")
	}
	const cols = "ts:time,id.orig_h:addr,id.orig_p:port,msg:string"
	want := "Test::LOG/Log::WRITER_ASCII/b/" + cols + " Other::LOG/Log::WRITER_ASCII/other/" + cols +
		" Test::LOG/Log::WRITER_ASCII/a/" + cols + " Test::LOG/Log::WRITER_ASCII/c/" + cols
	if got := list(); got != want {
		t.Errorf("writers:\n%s\nwant\n%s", got, want)
	}
	// A removed stream's writers are no longer listed.
	s.m.RemoveStream(2)
	if got, want := list(), "Test::LOG/Log::WRITER_ASCII/b/"+cols+" Test::LOG/Log::WRITER_ASCII/a/"+cols+
		" Test::LOG/Log::WRITER_ASCII/c/"+cols; got != want {
		t.Errorf("after removing Other::LOG:\n%s\nwant\n%s", got, want)
	}
	s.m.Shutdown()
}

// allTypes is a log record with a column of every type a log can have.
func allTypes(color *types.EnumType) *types.RecordType {
	return types.NewRecord("All::Info", []*types.Field{
		{Name: "b", Type: types.BoolType, Log: true, Optional: true},
		{Name: "i", Type: types.IntType, Log: true, Optional: true},
		{Name: "c", Type: types.CountType, Log: true, Optional: true},
		{Name: "d", Type: types.DoubleType, Log: true, Optional: true},
		{Name: "t", Type: types.TimeType, Log: true, Optional: true},
		{Name: "iv", Type: types.IntervalType, Log: true, Optional: true},
		{Name: "s", Type: types.StringType, Log: true, Optional: true},
		{Name: "p", Type: types.PortType, Log: true, Optional: true},
		{Name: "a", Type: types.AddrType, Log: true, Optional: true},
		{Name: "sn", Type: types.SubnetType, Log: true, Optional: true},
		{Name: "e", Type: color, Log: true, Optional: true},
		{Name: "ss", Type: &types.TableType{Index: []types.Type{types.StringType}}, Log: true, Optional: true},
		{Name: "se", Type: &types.TableType{Index: []types.Type{color}}, Log: true, Optional: true},
		{Name: "sa", Type: &types.TableType{Index: []types.Type{types.AddrType}}, Log: true, Optional: true},
		{Name: "vc", Type: &types.VectorType{Elem: types.CountType}, Log: true, Optional: true},
		{Name: "vs", Type: &types.VectorType{Elem: types.StringType}, Log: true, Optional: true},
		{Name: "ve", Type: &types.VectorType{Elem: color}, Log: true, Optional: true},
		{Name: "vd", Type: &types.VectorType{Elem: types.DoubleType}, Log: true, Optional: true},
	})
}

func allTypesRows(rt *types.RecordType, color *types.EnumType) []*value.Record {
	set := func(t types.Type, elems ...value.Value) value.Value {
		tab := value.NewTable(t.(*types.TableType))
		for _, e := range elems {
			tab.Insert([]value.Value{e}, value.Value{})
		}
		return value.Value{R: tab}
	}
	vec := func(t types.Type, elems ...value.Value) value.Value {
		return value.Value{R: &value.Vector{Type: t.(*types.VectorType), Elems: elems}}
	}
	red, _ := color.Value("Test::RED")
	blue, _ := color.Value("Test::BLUE")
	ft := func(i int) types.Type { return rt.Fields[i].Type }
	full := &value.Record{Type: rt, Fields: []value.Value{
		value.Bool(true), value.Int(-42), value.Count(18446744073709551615), value.Double(3.25),
		value.Double(1541682245.5), value.Double(90), value.String("tab\there, \\ and \xff"),
		value.Port(443, value.TCP), value.Addr(netip.MustParseAddr("2001:db8::1")),
		value.Subnet(netip.MustParsePrefix("10.0.0.0/8")), value.Enum(blue),
		set(ft(11), value.String("z"), value.String("a,b"), value.String("")),
		set(ft(12), value.Enum(blue), value.Enum(red)),
		set(ft(13), value.Addr(netip.MustParseAddr("1.2.3.4"))),
		vec(ft(14), value.Count(3), value.Unset, value.Count(1)),
		vec(ft(15), value.String("x"), value.String("-")),
		vec(ft(16), value.Enum(red)),
		vec(ft(17), value.Double(0.5), value.Double(1e20)),
	}}
	empty := &value.Record{Type: rt, Fields: []value.Value{
		value.Bool(false), value.Int(0), value.Count(0), value.Double(0), value.Double(0), value.Double(-1.5),
		value.String(""), value.Port(53, value.UDP), value.Addr(netip.MustParseAddr("0.0.0.0")),
		value.Subnet(netip.MustParsePrefix("::/0")), value.Enum(red),
		set(ft(11)), set(ft(12)), set(ft(13)), vec(ft(14)), vec(ft(15)), vec(ft(16)), vec(ft(17)),
	}}
	unset := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i := range unset.Fields {
		unset.Fields[i] = value.Unset
	}
	return []*value.Record{full, empty, unset}
}

// withoutTimes drops the #open and #close lines, which hold the wall
// clock.
func withoutTimes(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "#open\t") && !strings.HasPrefix(l, "#close\t") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestRemoteRoundTrip logs rows of every column type on a sender, hands
// what its Remote sees to a receiver as a peer would, and checks that
// the receiver's log has the sender's bytes, in ASCII and in JSON.
func TestRemoteRoundTrip(t *testing.T) {
	for _, useJSON := range []bool{false, true} {
		name := "ascii"
		if useJSON {
			name = "json"
		}
		t.Run(name, func(t *testing.T) {
			inTempDir(t)
			color := types.NewEnum("Test::Color")
			color.Add("Test::RED", 0, false)
			color.Add("Test::BLUE", 0, false)
			rt := allTypes(color)

			sender := newRemoteSetup()
			sender.h.globals["LogAscii::use_json"] = value.Bool(useJSON)
			r := &recordingRemote{}
			sender.m.SetRemote(r)
			sender.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: sender.logID, Columns: rt})
			sender.m.AddFilter(1, sender.filter(map[string]value.Value{"name": value.String("default"), "path": value.String("all")}))
			for _, row := range allTypesRows(rt, color) {
				if !sender.m.Write(1, row) {
					t.Fatal(sender.h.errs)
				}
			}
			// A peer joining late is told of the writer again.
			sender.m.EachRemoteWriter(func(stream, writer, path string, cols []Column) {
				r.WriterCreated(stream, writer, path, cols)
			})
			sender.m.Shutdown()
			if err := os.Rename("all.log", "sender.log"); err != nil {
				t.Fatal(err)
			}

			// The receiver has the stream, but not the enum type.
			recv := newRemoteSetup()
			recv.h.globals["LogAscii::use_json"] = value.Bool(useJSON)
			recvInfo := types.NewRecord("Recv::Info", []*types.Field{{Name: "x", Type: types.CountType, Log: true}})
			recv.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: recv.logID, Columns: recvInfo})
			creates, writes := 0, 0
			for _, e := range r.events {
				if e.created {
					creates++
					if !recv.m.CreateFromRemote(e.stream, e.writer, e.path, fromWire(t, e.colTypes)) {
						t.Fatalf("CreateFromRemote failed: %q", recv.h.errs)
					}
					continue
				}
				writes++
				if !recv.m.WriteFromRemote(e.stream, e.writer, e.path, e.vals) {
					t.Fatalf("WriteFromRemote refused row %d", writes)
				}
			}
			if creates != 2 || writes != 3 {
				t.Errorf("%d creations and %d writes seen, want 2 and 3", creates, writes)
			}
			recv.m.Shutdown()
			want := withoutTimes(readFile(t, "sender.log"))
			got := withoutTimes(readFile(t, "all.log"))
			if got != want {
				t.Errorf("receiver's log:\n%s\nsender's:\n%s", got, want)
			}
			if len(sender.h.errs)+len(recv.h.errs) > 0 {
				t.Errorf("messages: %q %q", sender.h.errs, recv.h.errs)
			}
			if !useJSON {
				// The header checks what the comparison takes for granted.
				if got, want := logHeader(t, "all.log", "types"), "bool\tint\tcount\tdouble\ttime\tinterval\tstring\tport\taddr\tsubnet\tenum\tset[string]\tset[enum]\tset[addr]\tvector[count]\tvector[string]\tvector[enum]\tvector[double]"; got != want {
					t.Errorf("#types %q", got)
				}
				if !strings.Contains(got, "\tTest::BLUE\t") {
					t.Errorf("enum value not as sent:\n%s", got)
				}
			} else if !strings.Contains(got, `"e":"Test::BLUE"`) {
				t.Errorf("enum value not as sent:\n%s", got)
			}
		})
	}
}

func TestRemoteCreateFailures(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	cols := []Column{{Name: "msg", Type: types.StringType}}
	for _, c := range []struct {
		stream, writer string
		cols           []Column
		want           string
	}{
		{"Other::LOG", "Log::WRITER_ASCII", cols, "warning: failed to create remote log stream for Other::LOG locally"},
		{"Nowhere::LOG", "Log::WRITER_ASCII", cols, "warning: failed to unpack remote log stream id"},
		{"Test::LOG", "Log::WRITER_NOSUCH", cols, "warning: failed to unpack remote log writer id"},
		{"Test::LOG", "Log::WRITER_ASCII", []Column{cols[0], {Name: "r", Type: types.NewRecord("", nil)}},
			"warning: failed to convert remote log field # 1"},
	} {
		s.h.errs = nil
		if s.m.CreateFromRemote(c.stream, c.writer, "x", c.cols) {
			t.Errorf("%s %s: created", c.stream, c.writer)
		}
		if len(s.h.errs) != 1 || s.h.errs[0] != c.want {
			t.Errorf("%s %s: messages %q, want %q", c.stream, c.writer, s.h.errs, c.want)
		}
	}
	// A writer type that cannot be opened is reported once; its rows go
	// nowhere.
	s.h.errs = nil
	if s.m.CreateFromRemote("Test::LOG", "Log::WRITER_NONE", "x", cols) != true {
		t.Error("WRITER_NONE not opened")
	}
	sqlite, _ := s.h.typesBy["Log::Writer"].(*types.EnumType)
	sqlite.Add("Log::WRITER_SQLITE", 0, false)
	for i := 0; i < 2; i++ {
		if s.m.CreateFromRemote("Test::LOG", "Log::WRITER_SQLITE", "x", cols) != (i == 1) {
			t.Errorf("announcement %d of an unavailable writer", i+1)
		}
	}
	if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_SQLITE", "x", []value.Value{value.String("m")}) != true {
		t.Error("row for a writer without back end refused")
	}
	if len(s.h.errs) != 1 || s.h.errs[0] != "error: unknown writer type requested" {
		t.Errorf("messages: %q", s.h.errs)
	}
	s.m.Shutdown()
	if _, err := os.Stat("x.log"); !os.IsNotExist(err) {
		t.Error("x.log written")
	}
}

func TestRemoteWritesDropped(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	cols := []Column{{Name: "n", Type: types.CountType}, {Name: "s", Type: &types.TableType{Index: []types.Type{types.StringType}}}}
	row := []value.Value{value.Count(7), stringSet("a")}
	// No writer was created for this path: the row goes nowhere, quietly.
	if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", row) {
		t.Error("row for an uncreated writer written")
	}
	// Nor for a stream that does not exist here.
	if s.m.WriteFromRemote("Other::LOG", "Log::WRITER_ASCII", "r", row) {
		t.Error("row for a missing stream written")
	}
	if !s.m.CreateFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", cols) {
		t.Fatal(s.h.errs)
	}
	if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "other", row) {
		t.Error("row for another path written")
	}
	if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_NONE", "r", row) {
		t.Error("row for another writer type written")
	}
	// Rows that do not fit the columns are dropped too.
	for _, bad := range [][]value.Value{
		{value.Count(1)},
		{value.String("1"), stringSet("a")},
		{value.Count(1), value.String("a")},
		{value.Count(1), countVector(value.Count(1))},
	} {
		if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", bad) {
			t.Errorf("misfit row %v written", bad)
		}
	}
	if !s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", row) {
		t.Error("fitting row refused")
	}
	s.m.DisableStream(1)
	if s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", []value.Value{value.Count(8), value.Unset}) {
		t.Error("row for a disabled stream written")
	}
	s.m.EnableStream(1)
	if !s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", []value.Value{value.Count(9), value.Unset}) {
		t.Error("row refused after enabling")
	}
	// A second announcement reuses the writer: one header.
	if !s.m.CreateFromRemote("Test::LOG", "Log::WRITER_ASCII", "r", cols) {
		t.Error("second creation failed")
	}
	// Writers opened for peers are never announced again.
	s.m.EachRemoteWriter(func(stream, writer, path string, cols []Column) {
		t.Errorf("writer %s listed as logging remotely", path)
	})
	s.m.Shutdown()
	if got := logBody(t, "r.log"); got != "7\ta\n9\t-" {
		t.Errorf("r.log: %q", got)
	}
	if got := strings.Count(readFile(t, "r.log"), "#fields"); got != 1 {
		t.Errorf("%d header lines", got)
	}
	if len(s.h.errs) > 0 {
		t.Errorf("messages: %q", s.h.errs)
	}
	// Names that are no Log::ID or Log::Writer are warned about, as Bro
	// does when it cannot unpack them.
	s.m.WriteFromRemote("Nowhere::LOG", "Log::WRITER_ASCII", "r", row)
	s.m.WriteFromRemote("Test::LOG", "Log::WRITER_NOSUCH", "r", row)
	want := []string{"warning: failed to unpack remote log stream id: Nowhere::LOG",
		"warning: failed to unpack remote log writer id for stream: Test::LOG"}
	if strings.Join(s.h.errs, "|") != strings.Join(want, "|") {
		t.Errorf("messages: %q", s.h.errs)
	}
}

// A local filter may write through a writer opened for a peer's rows
// when its columns have the same types; otherwise it moves aside.
func TestRemoteWriterSharedWithLocalFilter(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	r := &recordingRemote{}
	s.m.SetRemote(r)
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: s.info})
	same := []Column{{Name: "t", Type: types.TimeType}, {Name: "h", Type: types.AddrType},
		{Name: "p", Type: types.PortType}, {Name: "m", Type: types.StringType, Optional: true}}
	if !s.m.CreateFromRemote("Test::LOG", "Log::WRITER_ASCII", "shared", same) ||
		!s.m.CreateFromRemote("Test::LOG", "Log::WRITER_ASCII", "apart", same[:2]) {
		t.Fatal(s.h.errs)
	}
	s.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "shared",
		[]value.Value{value.Double(1), value.Addr(mustAddr("9.9.9.9")), value.Port(1, value.TCP), value.String("peer")})
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("one"), "path": value.String("shared")}))
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("two"), "path": value.String("apart")}))
	local := "local"
	s.m.Write(1, infoRec(s.info, 2, "1.2.3.4", 80, &local))
	s.m.Shutdown()
	if got := logBody(t, "shared.log"); got != "1.000000\t9.9.9.9\t1\tpeer\n2.000000\t1.2.3.4\t80\tlocal" {
		t.Errorf("shared.log: %q", got)
	}
	if got := logHeader(t, "shared.log", "fields"); got != "t\th\tp\tm" {
		t.Errorf("shared.log fields: %q", got)
	}
	if got := logBody(t, "apart-2.log"); got != "2.000000\t1.2.3.4\t80\tlocal" {
		t.Errorf("apart-2.log: %q", got)
	}
	want := "warning: Write using filter 'two' on path 'apart' changed to use new path 'apart-2' to avoid conflict with filter ''"
	if len(s.h.errs) != 1 || s.h.errs[0] != want {
		t.Errorf("messages: %q", s.h.errs)
	}
	// The shared writer was opened for a peer: local rows through it
	// are not handed on; apart-2 is the filter's own and is.
	var paths []string
	for _, e := range r.events {
		paths = append(paths, e.path)
	}
	if strings.Join(paths, " ") != "apart-2 apart-2" {
		t.Errorf("remote saw paths %q", paths)
	}
}

// A local row written through a writer opened for a peer has its enum
// values written by name, like the peer's rows.
func TestRemoteWriterLocalEnums(t *testing.T) {
	inTempDir(t)
	s := newRemoteSetup()
	color := types.NewEnum("Test::Color")
	color.Add("Test::RED", 0, false)
	color.Add("Test::BLUE", 0, false)
	rt := types.NewRecord("C::Info", []*types.Field{
		{Name: "e", Type: color, Log: true},
		{Name: "se", Type: &types.TableType{Index: []types.Type{color}}, Log: true},
		{Name: "ve", Type: &types.VectorType{Elem: color}, Log: true},
	})
	s.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: s.logID, Columns: rt})
	var cols []Column
	for _, n := range []string{"enum", "set[enum]", "vector[enum]"} {
		ct, _ := ColumnTypeFromName(n)
		cols = append(cols, Column{Name: n, Type: ct})
	}
	s.m.CreateFromRemote("Test::LOG", "Log::WRITER_ASCII", "c", cols)
	s.m.AddFilter(1, s.filter(map[string]value.Value{"name": value.String("default"), "path": value.String("c")}))
	set := value.NewTable(rt.Fields[1].Type.(*types.TableType))
	set.Insert([]value.Value{value.Enum(1)}, value.Value{})
	vec := &value.Vector{Type: rt.Fields[2].Type.(*types.VectorType), Elems: []value.Value{value.Enum(0), value.Enum(1)}}
	s.m.Write(1, &value.Record{Type: rt, Fields: []value.Value{value.Enum(1), {R: set}, {R: vec}}})
	s.m.Shutdown()
	if got := logBody(t, "c.log"); got != "Test::BLUE\tTest::BLUE\tTest::RED,Test::BLUE" {
		t.Errorf("c.log: %q (messages %q)", got, s.h.errs)
	}
}

func TestColumnTypeFromName(t *testing.T) {
	for _, n := range []string{"bool", "int", "count", "counter", "double", "time", "interval", "string",
		"port", "addr", "subnet", "enum", "file", "func", "set[string]", "set[enum]", "set[addr]",
		"vector[count]", "vector[string]", "vector[interval]", "vector[enum]"} {
		ct, ok := ColumnTypeFromName(n)
		if !ok {
			t.Errorf("%q not accepted", n)
			continue
		}
		if !Loggable(ct) {
			t.Errorf("%q gives a type a log cannot have", n)
		}
		if got := TypeName(ct); got != n {
			t.Errorf("%q gives a type named %q", n, got)
		}
	}
	for _, n := range []string{"", "record", "table", "pattern", "any", "void", "set[set[count]]",
		"vector[vector[count]]", "set[count", "set[]", "vector[record]", "table[count] of string", "opaque"} {
		if ct, ok := ColumnTypeFromName(n); ok {
			t.Errorf("%q accepted as %v", n, ct)
		}
	}
}

func TestEnumNamesInFormats(t *testing.T) {
	et, _ := ColumnTypeFromName("enum")
	set, _ := ColumnTypeFromName("set[enum]")
	cols := []Column{{Name: "e", Type: et}, {Name: "s", Type: set}}
	// A received set is the list of its elements in the sender's order.
	list := &value.Vector{Elems: []value.Value{value.String("Notice::ACTION_LOG"), value.String("Notice::ACTION_EMAIL")}}
	vals := []value.Value{value.String("Conn::LOG"), {R: list}}
	if got := asciiRow(defaultAscii(), cols, vals...); got != "Conn::LOG\tNotice::ACTION_LOG,Notice::ACTION_EMAIL" {
		t.Errorf("ASCII: %q", got)
	}
	if got := string((&JSONFormat{}).AppendRow(nil, cols, vals)); got != `{"e":"Conn::LOG","s":["Notice::ACTION_LOG","Notice::ACTION_EMAIL"]}` {
		t.Errorf("JSON: %q", got)
	}
}

// The interpreter's entry points report as Bro's reporter does outside
// a script: a warning with no location.
func TestRemoteInterpEntryPoints(t *testing.T) {
	inTempDir(t)
	var errs bytes.Buffer
	in := interp.New(&bytes.Buffer{}, &errs)
	r := &recordingRemote{}
	SetRemote(in, r)
	if CreateFromRemote(in, "Test::LOG", "Log::WRITER_ASCII", "x", []Column{{Name: "n", Type: types.CountType}}) {
		t.Error("created without a Log::ID")
	}
	if WriteFromRemote(in, "Test::LOG", "Log::WRITER_ASCII", "x", []value.Value{value.Count(1)}) {
		t.Error("written without a Log::ID")
	}
	n := 0
	EachRemoteWriter(in, func(string, string, string, []Column) { n++ })
	if n != 0 {
		t.Errorf("%d writers listed", n)
	}
	want := "warning: failed to unpack remote log stream id\nwarning: failed to unpack remote log stream id: Test::LOG\n"
	if errs.String() != want {
		t.Errorf("messages %q, want %q", errs.String(), want)
	}
	if m := remoteManager(in); m.remote != Remote(r) {
		t.Error("Remote not installed")
	}
	SetRemote(in, nil)
	if remoteManager(in).remote != nil {
		t.Error("Remote not removed")
	}
}

// The sender's $config reaches the receiver's writer when the Remote
// carries it, as Bro 2.6's writer info does.
func TestRemoteWriterConfig(t *testing.T) {
	inTempDir(t)
	sender := newRemoteSetup()
	sender.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: sender.logID, Columns: sender.info})
	config := value.NewTable(&types.TableType{Index: []types.Type{types.StringType}, Yield: types.StringType})
	config.Insert([]value.Value{value.String("tsv")}, value.String("T"))
	sender.m.AddFilter(1, sender.filter(map[string]value.Value{"name": value.String("default"), "path": value.String("tsv"),
		"config": {R: config}, "log_local": value.Bool(false)}))
	sender.m.Write(1, infoRec(sender.info, 1, "1.2.3.4", 80, nil))
	got := sender.m.WriterConfig("Test::LOG", "Log::WRITER_ASCII", "tsv")
	if len(got) != 1 || got["tsv"] != "T" {
		t.Fatalf("WriterConfig: %v", got)
	}
	if c := sender.m.WriterConfig("Test::LOG", "Log::WRITER_ASCII", "nothing"); c != nil {
		t.Errorf("config of a missing writer: %v", c)
	}
	var cols []Column
	sender.m.EachRemoteWriter(func(_, _, _ string, c []Column) { cols = c })
	sender.m.Shutdown()

	recv := newRemoteSetup()
	recv.m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: recv.logID, Columns: recv.info})
	if !recv.m.CreateFromRemoteConfig("Test::LOG", "Log::WRITER_ASCII", "tsv", fromWire(t, cols), got) {
		t.Fatal(recv.h.errs)
	}
	recv.m.WriteFromRemote("Test::LOG", "Log::WRITER_ASCII", "tsv",
		[]value.Value{value.Double(1), value.Addr(mustAddr("1.2.3.4")), value.Port(80, value.TCP), value.Unset})
	recv.m.Shutdown()
	if got := readFile(t, "tsv.log"); got != "ts\tid.orig_h\tid.orig_p\tmsg\n1.000000\t1.2.3.4\t80\t-\n" {
		t.Errorf("tsv.log: %q", got)
	}
}
