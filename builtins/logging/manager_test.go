package logging

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// fakeFunc is a function value in the fake host: Go code with a type.
type fakeFunc struct {
	t  *types.FuncType
	fn func(args []value.Value) value.Value
}

// fakeHost runs the manager without an interpreter.
type fakeHost struct {
	globals map[string]value.Value
	gtypes  map[string]types.Type
	typesBy map[string]types.Type
	errs    []string
	events  []value.Value
	now     float64
	timers  []func(bool)
	stdout  bytes.Buffer
}

func newFakeHost() *fakeHost {
	return &fakeHost{globals: map[string]value.Value{}, gtypes: map[string]types.Type{}, typesBy: map[string]types.Type{}, now: 1000}
}

func (h *fakeHost) Call(f value.Value, args ...value.Value) (value.Value, bool) {
	ff, ok := f.R.(*fakeFunc)
	if !ok {
		return value.Value{}, false
	}
	return ff.fn(args), true
}

func (h *fakeHost) FuncType(f value.Value) *types.FuncType {
	if ff, ok := f.R.(*fakeFunc); ok {
		return ff.t
	}
	return nil
}

func (h *fakeHost) QueueEvent(ev value.Value, args ...value.Value) {
	h.events = append(h.events, args...)
}

func (h *fakeHost) Coerce(r *value.Record, t *types.RecordType) (*value.Record, error) {
	return nil, errors.New("no coercion in the fake host")
}

func (h *fakeHost) NetworkTime() float64 { return h.now }

func (h *fakeHost) AddTimer(delay float64, fire func(bool)) func() {
	h.timers = append(h.timers, fire)
	return func() {}
}

func (h *fakeHost) Global(name string) (value.Value, types.Type, bool) {
	v, ok := h.globals[name]
	return v, h.gtypes[name], ok
}

func (h *fakeHost) LookupType(name string) types.Type { return h.typesBy[name] }
func (h *fakeHost) Error(msg string)                  { h.errs = append(h.errs, "error: "+msg) }
func (h *fakeHost) WriterError(msg string)            { h.errs = append(h.errs, "error: "+msg) }
func (h *fakeHost) Warning(msg string)                { h.errs = append(h.errs, "warning: "+msg) }
func (h *fakeHost) Stdout() io.Writer                 { return &h.stdout }

// testTypes builds the record types of a small log: Info with a nested
// conn id and an unlogged field.
func testTypes() (info *types.RecordType, logID *types.EnumType, filterT *types.RecordType) {
	connID := types.NewRecord("conn_id", []*types.Field{
		{Name: "orig_h", Type: types.AddrType, Log: true},
		{Name: "orig_p", Type: types.PortType, Log: true},
		{Name: "hidden", Type: types.CountType},
	})
	info = types.NewRecord("Test::Info", []*types.Field{
		{Name: "ts", Type: types.TimeType, Log: true},
		{Name: "id", Type: connID, Log: true},
		{Name: "msg", Type: types.StringType, Log: true, Optional: true},
		{Name: "secret", Type: types.StringType},
	})
	logID = types.NewEnum("Log::ID")
	logID.Add("Log::UNKNOWN", 0, false)
	logID.Add("Test::LOG", 0, false)
	writer := types.NewEnum("Log::Writer")
	writer.Add("Log::WRITER_ASCII", 0, false)
	writer.Add("Log::WRITER_NONE", 0, false)
	strSet := &types.TableType{Index: []types.Type{types.StringType}}
	filterT = types.NewRecord("Log::Filter", []*types.Field{
		{Name: "name", Type: types.StringType},
		{Name: "writer", Type: writer},
		{Name: "path", Type: types.StringType, Optional: true},
		{Name: "path_func", Type: &types.FuncType{}, Optional: true},
		{Name: "include", Type: strSet, Optional: true},
		{Name: "exclude", Type: strSet, Optional: true},
		{Name: "pred", Type: &types.FuncType{}, Optional: true},
		{Name: "scope_sep", Type: types.StringType},
	})
	return
}

func filterRec(t *types.RecordType, fields map[string]value.Value) *value.Record {
	r := &value.Record{Type: t, Fields: make([]value.Value, len(t.Fields))}
	for i := range r.Fields {
		r.Fields[i] = value.Unset
	}
	for k, v := range fields {
		r.Fields[t.FieldIndex(k)] = v
	}
	return r
}

func infoRec(info *types.RecordType, ts float64, addr string, port uint32, msg *string) *value.Record {
	cid := info.Fields[1].Type.(*types.RecordType)
	id := &value.Record{Type: cid, Fields: []value.Value{value.Addr(mustAddr(addr)), value.Port(port, value.TCP), value.Count(9)}}
	m := value.Unset
	if msg != nil {
		m = value.String(*msg)
	}
	return &value.Record{Type: info, Fields: []value.Value{value.Double(ts), {R: id}, m, value.String("x")}}
}

// logBody returns a log file's rows, without its header and footer.
func logBody(t *testing.T, name string) string {
	t.Helper()
	var rows []string
	for _, l := range strings.Split(readFile(t, name), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, l)
		}
	}
	return strings.Join(rows, "\n")
}

func logHeader(t *testing.T, name, key string) string {
	t.Helper()
	for _, l := range strings.Split(readFile(t, name), "\n") {
		if strings.HasPrefix(l, "#"+key+"\t") {
			return strings.TrimPrefix(l, "#"+key+"\t")
		}
	}
	return ""
}

func TestManagerFlattenAndFilters(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	id := value.Enum(1)
	if !m.CreateStream(StreamSpec{ID: id, IDType: logID, Columns: info}) {
		t.Fatal(h.errs)
	}
	writerASCII := value.Enum(0)
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": writerASCII, "path": value.String("test")})})
	onlyIDs := value.NewTable(&types.TableType{Index: []types.Type{types.StringType}})
	onlyIDs.Insert([]value.Value{value.String("id.orig_h")}, value.Value{})
	onlyIDs.Insert([]value.Value{value.String("msg")}, value.Value{})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("only-ids"), "writer": writerASCII, "path": value.String("ids"),
		"include": {R: onlyIDs}, "scope_sep": value.String("_"),
		"pred": {R: &fakeFunc{fn: func(args []value.Value) value.Value {
			r := args[0].R.(*value.Record)
			return value.Bool(!r.Fields[2].IsUnset())
		}}}})})
	hello := "hello"
	m.Write(1, infoRec(info, 1.5, "1.2.3.4", 80, &hello))
	m.Write(1, infoRec(info, 2, "5.6.7.8", 22, nil))
	m.Shutdown()

	if got := logHeader(t, "test.log", "fields"); got != "ts\tid.orig_h\tid.orig_p\tmsg" {
		t.Errorf("test.log fields: %q", got)
	}
	if got := logHeader(t, "test.log", "types"); got != "time\taddr\tport\tstring" {
		t.Errorf("test.log types: %q", got)
	}
	if got, want := logBody(t, "test.log"), "1.500000\t1.2.3.4\t80\thello\n2.000000\t5.6.7.8\t22\t-"; got != want {
		t.Errorf("test.log rows:\n%s\nwant\n%s", got, want)
	}
	// The include set names the columns as flattened with ".", but the
	// filter's own scope separator is "_", so only msg matches.
	if got := logHeader(t, "ids.log", "fields"); got != "msg" {
		t.Errorf("ids.log fields: %q", got)
	}
	if got := logBody(t, "ids.log"); got != "hello" {
		t.Errorf("ids.log rows: %q", got)
	}
	if len(h.errs) > 0 {
		t.Errorf("errors: %v", h.errs)
	}
}

func TestManagerPathFuncAndConflicts(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	var seen []string
	byPort := &fakeFunc{fn: func(args []value.Value) value.Value {
		seen = append(seen, args[1].AsString())
		r := args[2].R.(*value.Record)
		p, _ := r.Fields[1].R.(*value.Record).Fields[1].AsPort()
		if p == 80 {
			return value.String("web")
		}
		return value.String("other")
	}}
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("split"), "writer": value.Enum(0), "path_func": {R: byPort}})})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("second"), "writer": value.Enum(0), "path": value.String("web")})})
	m.Write(1, infoRec(info, 1, "1.2.3.4", 80, nil))
	m.Write(1, infoRec(info, 2, "1.2.3.4", 22, nil))
	m.Shutdown()
	if strings.Join(seen, ",") != ",web" {
		t.Errorf("path function saw paths %q", seen)
	}
	if got := logBody(t, "web.log"); got != "1.000000\t1.2.3.4\t80\t-" {
		t.Errorf("web.log: %q", got)
	}
	if got := logBody(t, "other.log"); got != "2.000000\t1.2.3.4\t22\t-" {
		t.Errorf("other.log: %q", got)
	}
	if got := logBody(t, "web-2.log"); got != "1.000000\t1.2.3.4\t80\t-\n2.000000\t1.2.3.4\t22\t-" {
		t.Errorf("web-2.log: %q", got)
	}
	want := "warning: Write using filter 'second' on path 'web' changed to use new path 'web-2' to avoid conflict with filter 'split'"
	if len(h.errs) != 1 || h.errs[0] != want {
		t.Errorf("messages: %q", h.errs)
	}
}

func TestManagerStreamChecks(t *testing.T) {
	h := newFakeHost()
	_, logID, _ := testTypes()
	m := NewManager(h)
	noLog := types.NewRecord("R", []*types.Field{{Name: "a", Type: types.CountType}})
	if m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: noLog}) {
		t.Error("stream without &log fields accepted")
	}
	tableCol := types.NewRecord("T", []*types.Field{{Name: "t", Type: &types.TableType{Index: []types.Type{types.CountType}, Yield: types.StringType}, Log: true}})
	if m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: tableCol}) {
		t.Error("table column accepted")
	}
	want := []string{"error: logged record type does not have any &log attributes",
		"error: type of field 't' is not support for logging output"}
	if strings.Join(h.errs, "|") != strings.Join(want, "|") {
		t.Errorf("errors: %q", h.errs)
	}
	if m.Write(5, nil) || m.Flush(5) || m.EnableStream(5) {
		t.Error("operations on a missing stream succeeded")
	}
}

func TestManagerDisableAndEvent(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	evType := &types.FuncType{Flavor: types.FlavorEvent, Params: []types.Param{{Name: "rec", Type: info}}}
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info, Event: value.String("ev"), HasEvent: true, EvType: evType})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("d")})})
	m.Write(1, infoRec(info, 1, "1.2.3.4", 80, nil))
	m.DisableStream(1)
	m.Write(1, infoRec(info, 2, "1.2.3.4", 80, nil))
	m.EnableStream(1)
	m.Write(1, infoRec(info, 3, "1.2.3.4", 80, nil))
	m.Flush(1)
	if got := logBody(t, "d.log"); got != "1.000000\t1.2.3.4\t80\t-\n3.000000\t1.2.3.4\t80\t-" {
		t.Errorf("d.log after flush: %q", got)
	}
	if len(h.events) != 2 {
		t.Errorf("%d events raised, want 2", len(h.events))
	}
	m.Shutdown()
}

func TestManagerRotation(t *testing.T) {
	dir := inTempDir(t)
	useUTC(t)
	h := newFakeHost()
	h.now = 1541682245.5 // 2018-11-08 13:04:05.5 UTC
	info, logID, filterT := testTypes()
	rotInfo := types.NewRecord("Log::RotationInfo", []*types.Field{
		{Name: "writer", Type: filterT.Fields[1].Type}, {Name: "fname", Type: types.StringType},
		{Name: "path", Type: types.StringType}, {Name: "open", Type: types.TimeType},
		{Name: "close", Type: types.TimeType}, {Name: "terminating", Type: types.BoolType},
	})
	h.typesBy["Log::RotationInfo"] = rotInfo
	var calls []string
	h.globals["Log::__default_rotation_postprocessor"] = value.Value{R: &fakeFunc{fn: func(args []value.Value) value.Value {
		r := args[0].R.(*value.Record)
		calls = append(calls, r.Fields[1].AsString()+" "+r.Fields[2].AsString()+" "+
			string(fixed6(nil, r.Fields[3].AsDouble()))+" "+string(fixed6(nil, r.Fields[4].AsDouble()))+" "+value.FormatBool(r.Fields[5].AsBool()))
		return value.Bool(true)
	}}}
	h.globals["Log::default_rotation_interval"] = value.Double(3600)
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("r")})})
	m.Write(1, infoRec(info, 1, "1.2.3.4", 80, nil))
	if len(h.timers) != 1 {
		t.Fatalf("%d timers, want 1", len(h.timers))
	}
	// The timer fires at the hour.
	h.now = 1541685600
	h.timers[0](false)
	if len(calls) != 1 || calls[0] != "r-18-11-08_13.04.05.log r 1541682245.500000 1541685600.000000 F" {
		t.Errorf("postprocessor calls: %q", calls)
	}
	if _, err := os.Stat(dir + "/r-18-11-08_13.04.05.log"); err != nil {
		t.Error(err)
	}
	if len(h.timers) != 2 {
		t.Fatalf("no new timer after rotation")
	}
	m.Write(1, infoRec(info, 2, "1.2.3.4", 80, nil))
	// The process ends with the second timer pending.
	h.now = 1541685700
	h.timers[1](true)
	if len(calls) != 1 {
		t.Error("postprocessor ran before shutdown")
	}
	m.Shutdown()
	if len(calls) != 2 || calls[1] != "r-18-11-08_14.00.00.log r 1541685600.000000 1541685700.000000 T" {
		t.Errorf("postprocessor calls: %q", calls)
	}
	if got := logBody(t, "r-18-11-08_14.00.00.log"); got != "2.000000\t1.2.3.4\t80\t-" {
		t.Errorf("second file: %q", got)
	}
}

// useUTC makes local time UTC for the test, as btest's TZ=UTC does.
func useUTC(t *testing.T) {
	saved := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = saved })
}

func TestNextRotation(t *testing.T) {
	useUTC(t)
	// 13:04:05 with hourly rotation from midnight: due at 14:00.
	if got := NextRotation(1541682245, 3600, 0); got != 3355 {
		t.Errorf("hourly: %v", got)
	}
	// Every 90 minutes from 00:30: 00:30, 02:00, ..., 12:30, 14:00.
	if got := NextRotation(1541682245, 5400, 1800); got != 3355 {
		t.Errorf("90 minutes from 00:30: %v", got)
	}
	if got := NextRotation(1541682245, 3600, -1); got != 3355 {
		t.Errorf("no base: %v", got)
	}
	if b, ok := ParseBaseTime("0:00"); !ok || b != 0 {
		t.Errorf("0:00 -> %v %v", b, ok)
	}
	if b, ok := ParseBaseTime("12:30"); !ok || b != 45000 {
		t.Errorf("12:30 -> %v %v", b, ok)
	}
	if _, ok := ParseBaseTime("noon"); ok {
		t.Error("noon parsed")
	}
}

func TestManagerBackgroundFlush(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("bg")})})
	m.Write(1, infoRec(info, 1, "1.2.3.4", 80, nil))
	if got := logBody(t, "bg.log"); got != "" {
		t.Fatalf("row written at once: %q", got)
	}
	// Without any further call, the row reaches the file within the
	// flush interval, so a process killed after that loses nothing.
	deadline := time.Now().Add(3 * flushInterval)
	for logBody(t, "bg.log") == "" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if got := logBody(t, "bg.log"); got != "1.000000\t1.2.3.4\t80\t-" {
		t.Errorf("after the flush interval: %q", got)
	}
	m.Shutdown()
}

// TestFailedRotationKeepsRows checks that a rotation whose rename fails
// never truncates the rows already written: the writer is turned off
// with one error, as Bro 2.6 does, and its file keeps every row.
func TestFailedRotationKeepsRows(t *testing.T) {
	dir := inTempDir(t)
	useUTC(t)
	h := newFakeHost()
	h.now = 1541682245.5 // 2018-11-08 13:04:05.5 UTC
	info, logID, filterT := testTypes()
	h.globals["Log::default_rotation_interval"] = value.Double(3600)
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("r")})})
	for i := 0; i < 3; i++ {
		m.Write(1, infoRec(info, float64(i), "1.2.3.4", 80, nil))
	}
	// A non-empty directory where the rotated file should go makes the
	// rename fail, for root too.
	if err := os.MkdirAll(dir+"/r-18-11-08_13.04.05.log/x", 0o755); err != nil {
		t.Fatal(err)
	}
	h.now = 1541685600
	h.timers[0](false)
	for i := 3; i < 6; i++ {
		m.Write(1, infoRec(info, float64(i), "1.2.3.4", 80, nil))
	}
	m.Shutdown()
	if len(h.errs) != 1 || !strings.HasPrefix(h.errs[0], "error: r/Log::WRITER_ASCII: failed to rename r.log to r-18-11-08_13.04.05.log: ") {
		t.Errorf("errors: %q", h.errs)
	}
	want := "0.000000\t1.2.3.4\t80\t-\n1.000000\t1.2.3.4\t80\t-\n2.000000\t1.2.3.4\t80\t-"
	if got := logBody(t, "r.log"); got != want {
		t.Errorf("r.log after the failed rotation: %q, want %q", got, want)
	}
}

// TestFailingWriterReportsOnce checks that a writer that cannot write
// (its directory does not exist) reports one error and turns off,
// rather than reporting again for every row.
func TestFailingWriterReportsOnce(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("no-such-dir/x")})})
	for i := 0; i < 5; i++ {
		m.Write(1, infoRec(info, float64(i), "1.2.3.4", 80, nil))
	}
	m.FlushAll()
	m.Shutdown()
	if want := []string{"error: no-such-dir/x/Log::WRITER_ASCII: cannot open no-such-dir/x.log: No such file or directory"}; !reflect.DeepEqual(h.errs, want) {
		t.Errorf("errors: %q, want %q", h.errs, want)
	}
}

// TestRowsEndWhole checks that the file never holds part of a row, even
// when the rows held back exceed the buffer: whatever the process has
// written when it is killed ends on a row boundary.
func TestRowsEndWhole(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("w")})})
	msg := strings.Repeat("m", 97)
	for i := 0; i < 3000; i++ {
		m.Write(1, infoRec(info, float64(i), "1.2.3.4", 80, &msg))
		if i%500 == 499 {
			if text := readFile(t, "w.log"); text != "" && !strings.HasSuffix(text, "\n") {
				t.Fatalf("after %d rows the file ends inside a row", i+1)
			}
		}
	}
	m.Shutdown()
}

// TestSelfHoldingColumnsAreRefused checks that a log record type that
// holds itself through logged fields is an error when the filter is
// made, not an unrolling without end.
func TestSelfHoldingColumnsAreRefused(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	_, logID, filterT := testTypes()
	self := types.NewRecord("Test::Self", []*types.Field{{Name: "n", Type: types.CountType, Log: true}})
	self.AddField(&types.Field{Name: "nxt", Type: self, Log: true, Optional: true})
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: self})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(0), "path": value.String("self")})})
	if want := []string{"error: unsupported field type for log column: Test::Self contains itself (nxt)"}; !reflect.DeepEqual(h.errs, want) {
		t.Errorf("errors: %q, want %q", h.errs, want)
	}
}

// TestWriterThatCannotStartReportsOnce checks that a writer whose
// configuration is refused reports that once, not for every row.
func TestWriterThatCannotStartReportsOnce(t *testing.T) {
	inTempDir(t)
	h := newFakeHost()
	info, logID, filterT := testTypes()
	writer := filterT.Fields[1].Type.(*types.EnumType)
	writer.Add("Log::WRITER_ELSEWHERE", 0, false)
	m := NewManager(h)
	m.CreateStream(StreamSpec{ID: value.Enum(1), IDType: logID, Columns: info})
	m.AddFilter(1, FilterSpec{filterRec(filterT, map[string]value.Value{
		"name": value.String("default"), "writer": value.Enum(2), "path": value.String("bad")})})
	for i := 0; i < 3; i++ {
		m.Write(1, infoRec(info, float64(i), "1.2.3.4", 80, nil))
	}
	m.Shutdown()
	if want := []string{"error: unknown writer type requested"}; !reflect.DeepEqual(h.errs, want) {
		t.Errorf("errors: %q, want %q", h.errs, want)
	}
}
