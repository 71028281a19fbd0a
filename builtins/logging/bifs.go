package logging

import (
	"io"
	"strings"
	"sync"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The bifs of Bro 2.6's logging.bif. Each interpreter has its own
// manager, made at its first logging call and closed when it shuts down.

var (
	managersMu sync.Mutex
	managers   = map[*interp.Interp]*Manager{}
)

// managerFor returns the manager of the interpreter running c.
func managerFor(c *interp.Call) *Manager {
	managersMu.Lock()
	defer managersMu.Unlock()
	in := c.Interp
	if m := managers[in]; m != nil {
		m.host.(*interpHost).call = c
		return m
	}
	h := &interpHost{in: in, call: c}
	m := NewManager(h)
	managers[in] = m
	in.OnForcedExit(m.FlushAll)
	in.OnShutdown(func() {
		m.Shutdown()
		managersMu.Lock()
		delete(managers, in)
		managersMu.Unlock()
	})
	return m
}

func init() {
	interp.Register("Log::__create_stream", createStream)
	interp.Register("Log::__remove_stream", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).RemoveStream(a[0].AsInt()))
	})
	interp.Register("Log::__enable_stream", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).EnableStream(a[0].AsInt()))
	})
	interp.Register("Log::__disable_stream", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).DisableStream(a[0].AsInt()))
	})
	interp.Register("Log::__add_filter", func(c *interp.Call, a []value.Value) value.Value {
		rec, ok := a[1].R.(*value.Record)
		if !ok {
			return value.Bool(false)
		}
		return value.Bool(managerFor(c).AddFilter(a[0].AsInt(), FilterSpec{Rec: rec}))
	})
	interp.Register("Log::__remove_filter", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).RemoveFilter(a[0].AsInt(), a[1].AsString()))
	})
	interp.Register("Log::__write", func(c *interp.Call, a []value.Value) value.Value {
		rec := recordOf(a[1])
		if rec == nil {
			c.Errorf("incompatible log record type")
			return value.Bool(false)
		}
		return value.Bool(managerFor(c).Write(a[0].AsInt(), rec))
	})
	interp.Register("Log::__set_buf", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).SetBuf(a[0].AsInt(), a[1].AsBool()))
	})
	interp.Register("Log::__flush", func(c *interp.Call, a []value.Value) value.Value {
		return value.Bool(managerFor(c).Flush(a[0].AsInt()))
	})
	interp.Register("Log::__default_path", func(c *interp.Call, a []value.Value) value.Value {
		return value.String(DefaultPath(c.Interp.LookupGlobal("Log::ID"), a[0].AsInt()))
	})
}

// recordOf returns the record an argument of type any holds.
func recordOf(v value.Value) *value.Record {
	r, _ := unwrapAny(v).R.(*value.Record)
	return r
}

// unwrapAny returns the value inside any number of any wrappers.
func unwrapAny(v value.Value) value.Value {
	for {
		a, ok := v.R.(*value.Any)
		if !ok {
			return v
		}
		v = a.Value
	}
}

// createStream is Log::__create_stream: the Log::Stream record's
// $columns holds a record type and $ev an event.
func createStream(c *interp.Call, a []value.Value) value.Value {
	m := managerFor(c)
	srec, ok := a[1].R.(*value.Record)
	if !ok {
		return value.Bool(false)
	}
	spec := StreamSpec{ID: a[0]}
	if g := c.Interp.LookupGlobal("Log::ID"); g != nil {
		spec.IDType, _ = g.Type.(*types.EnumType)
	}
	if i := srec.Type.FieldIndex("columns"); i >= 0 && i < len(srec.Fields) {
		v := unwrapAny(srec.Fields[i])
		if tt, ok := v.R.(*types.TypeType); ok {
			spec.Columns, _ = tt.Of.(*types.RecordType)
		}
	}
	if spec.Columns == nil {
		c.Errorf("sval argument not of right type")
		return value.Bool(false)
	}
	if i := srec.Type.FieldIndex("ev"); i >= 0 && i < len(srec.Fields) && !srec.Fields[i].IsUnset() {
		v := unwrapAny(srec.Fields[i])
		spec.Event, spec.HasEvent = v, true
		if f, ok := v.R.(*interp.Func); ok {
			spec.EvType = f.Type
		}
	}
	return value.Bool(m.CreateStream(spec))
}

// DefaultPath derives a stream's default path from its Log::ID name, as
// Log::default_path_func does in Bro 2.6: "Conn::LOG" gives "conn",
// "PacketFilter::LOG" gives "packet_filter", "Known::HOSTS_LOG" gives
// "known_hosts", an ID without a module its name in lower case.
func DefaultPath(idGlobal *interp.Global, id int64) string {
	name := ""
	if idGlobal != nil {
		if et, ok := idGlobal.Type.(*types.EnumType); ok {
			name = et.NameOf(id)
		}
	}
	mod, rest, found := strings.Cut(name, "::")
	if !found {
		return strings.ToLower(name)
	}
	if rest == "LOG" {
		return strings.ToLower(splitHumps(mod))
	}
	rest = strings.TrimSuffix(rest, "_LOG")
	return strings.ToLower(mod) + "_" + strings.ToLower(rest)
}

// splitHumps puts "_" inside every match of /[^A-Z][A-Z][a-z]*/ (up to
// four, left to right, not overlapping), after the match's first byte:
// "PacketFilter" becomes "Packet_Filter".
func splitHumps(s string) string {
	isUpper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		if n < 4 && i+1 < len(s) && !isUpper(s[i]) && isUpper(s[i+1]) {
			j := i + 2
			for j < len(s) && isLower(s[j]) {
				j++
			}
			b.WriteByte(s[i])
			b.WriteByte('_')
			b.WriteString(s[i+1 : j])
			i = j
			n++
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// interpHost adapts an interpreter to Host.
type interpHost struct {
	in   *interp.Interp
	call *interp.Call // the latest bif call, for messages
}

func (h *interpHost) Call(f value.Value, args ...value.Value) (value.Value, bool) {
	if _, ok := f.R.(*interp.Func); !ok {
		return value.Value{}, false
	}
	return h.in.CallFunc(f, args...), true
}

func (h *interpHost) FuncType(f value.Value) *types.FuncType {
	if fn, ok := f.R.(*interp.Func); ok {
		return fn.Type
	}
	return nil
}

func (h *interpHost) QueueEvent(ev value.Value, args ...value.Value) {
	if fn, ok := ev.R.(*interp.Func); ok {
		h.in.QueueEvent(fn.Name, args...)
	}
}

func (h *interpHost) Coerce(r *value.Record, t *types.RecordType) (*value.Record, error) {
	return h.in.CoerceRecord(r, t)
}

// The event engine's clock and timers, where the interpreter has them.
type clock interface {
	NetworkTime() float64
	AddTimer(delay float64, fire func(expiring bool)) (cancel func())
}

func (h *interpHost) NetworkTime() float64 {
	if c, ok := any(h.in).(clock); ok {
		return c.NetworkTime()
	}
	return float64(time.Now().UnixMicro()) / 1e6
}

func (h *interpHost) AddTimer(delay float64, fire func(bool)) func() {
	if c, ok := any(h.in).(clock); ok {
		return c.AddTimer(delay, fire)
	}
	// Without timers, files rotate only as the process ends.
	h.in.OnShutdown(func() { fire(true) })
	return func() {}
}

func (h *interpHost) Global(name string) (value.Value, types.Type, bool) {
	g := h.in.LookupGlobal(name)
	if g == nil || g.IsType {
		return value.Value{}, nil, false
	}
	return g.Value, g.Type, true
}

func (h *interpHost) LookupType(name string) types.Type { return h.in.LookupType(name) }

func (h *interpHost) Error(msg string) {
	if h.call != nil {
		h.call.Errorf("%s", msg)
	}
}

func (h *interpHost) WriterError(msg string) {
	if h.call != nil {
		h.call.ErrorfAt(h.call.CallerPos(), "%s", msg)
	}
}

func (h *interpHost) Warning(msg string) {
	if h.call != nil {
		h.call.Errorf("%s", msg)
	}
}

func (h *interpHost) Stdout() io.Writer {
	if h.call != nil {
		return h.call.Out()
	}
	return io.Discard
}
