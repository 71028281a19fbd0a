package broker

import (
	"fmt"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The builtins of Bro 2.6's messaging.bif: events made, published and
// published automatically, identifiers published, subscriptions.

func init() {
	interp.Register("Broker::make_event", makeEvent)
	interp.Register("Broker::publish", publish)
	interp.Register("Broker::__flush_logs", flushLogs)
	interp.Register("Broker::__publish_id", publishID)
	interp.Register("Broker::__auto_publish", autoPublish)
	interp.Register("Broker::__auto_unpublish", autoUnpublish)
	interp.Register("Broker::__subscribe", subscribe)
	interp.Register("Broker::__forward", forward)
	interp.Register("Broker::__unsubscribe", unsubscribe)
}

// anyArg unwraps an argument passed where any is declared.
func anyArg(v value.Value) (value.Value, types.Type) {
	if a, ok := v.R.(*value.Any); ok {
		return a.Value, a.Type
	}
	return v, nil
}

// eventFunc returns the event a value holds, or nil if it holds none.
func eventFunc(v value.Value) *interp.Func {
	f, ok := v.R.(*interp.Func)
	if !ok || f.Type == nil || f.Type.Flavor != types.FlavorEvent {
		return nil
	}
	return f
}

// eventData checks an event and its arguments as Bro 2.6's
// Manager::MakeEvent does, reporting its errors at the call, and returns
// the event and its arguments as Broker data. Arguments that are
// Broker::Data values pass as their datum.
func eventData(c *interp.Call, args []value.Value) (f *interp.Func, data []Data, ok bool) {
	if len(args) == 0 {
		return nil, nil, false
	}
	ev, _ := anyArg(args[0])
	f = eventFunc(ev)
	if f == nil {
		c.BuiltinError("attempt to convert non-event into an event type")
		return nil, nil, false
	}
	if len(f.Type.Params) != len(args)-1 {
		c.BuiltinError(fmt.Sprintf("bad # of arguments: got %d, expect %d", len(args), len(f.Type.Params)+1))
		return f, nil, false
	}
	data = make([]Data, len(args)-1)
	for i, a := range args[1:] {
		v, got := anyArg(a)
		want := f.Type.Params[i].Type
		if got == nil {
			got = want
		}
		// Bro's same_type takes any type where any is wanted.
		if want.Kind() != types.Any && got.Kind() != types.Any && !interp.SameType(got, want) {
			c.BuiltinError(fmt.Sprintf("event parameter #%d type mismatch, got %s, expect %s", i+1, got.Kind(), want.Kind()))
			return f, nil, false
		}
		if data[i], ok = ValueToData(v, got); !ok {
			c.BuiltinError(fmt.Sprintf("failed to convert param #%d of type %s to broker data", i+1, got.Kind()))
			return f, nil, false
		}
	}
	return f, data, true
}

// eventRecord builds a Broker::Event from an event and its arguments; on
// a mismatch (reported at the call) its name is unset.
func eventRecord(c *interp.Call, args []value.Value) value.Value {
	rt, _ := c.Interp.LookupType("Broker::Event").(*types.RecordType)
	rec := c.Interp.NewRecord(rt)
	vt, _ := rt.Fields[1].Type.(*types.VectorType)
	vec := &value.Vector{Type: vt}
	rec.Fields[1] = value.Value{R: vec}
	f, data, ok := eventData(c, args)
	if !ok {
		return value.Value{R: rec}
	}
	rec.Fields[0] = value.String(f.Name)
	for _, d := range data {
		vec.Elems = append(vec.Elems, DataRecord(c.Interp, d))
	}
	return value.Value{R: rec}
}

func makeEvent(c *interp.Call, args []value.Value) value.Value {
	return eventRecord(c, args)
}

func publish(c *interp.Call, args []value.Value) value.Value {
	return value.Bool(Publish(c, value.CString(args[0].AsString()), args[1:]))
}

// Publish is the body of Broker::publish for the builtin running c: it
// publishes under topic either a Broker::Event (one argument) or an
// event and its arguments, reporting Bro 2.6's errors at the call. The
// cluster framework's publish_rr and publish_hrw use it too.
func Publish(c *interp.Call, topic string, args []value.Value) bool {
	m := mgr(c)
	if m == nil || len(args) == 0 {
		return false
	}
	// With no peer there is nobody to convert the values for.
	if m.peerCount == 0 {
		return true
	}
	if v, t := anyArg(args[0]); len(args) == 1 && t != nil && t.Kind() == types.Record {
		return m.publishEventRecord(topic, v)
	}
	f, data, ok := eventData(c, args)
	if !ok {
		return false
	}
	m.publishData(topic, f.Name, data)
	return true
}

// publishEventRecord publishes a Broker::Event; false if its name is
// unset (it was made from a bad event or bad arguments).
func (m *manager) publishEventRecord(topic string, v value.Value) bool {
	rec, ok := v.R.(*value.Record)
	if !ok || len(rec.Fields) < 2 || rec.Fields[0].IsUnset() {
		return false
	}
	var data []Data
	if vec, _ := rec.Fields[1].R.(*value.Vector); vec != nil {
		data = make([]Data, len(vec.Elems))
		for i, e := range vec.Elems {
			data[i], _ = RecordData(e)
		}
	}
	m.publishData(topic, rec.Fields[0].AsString(), data)
	return true
}

// publishData publishes event name with its arguments.
func (m *manager) publishData(topic, name string, args []Data) {
	buf := append(m.scratch[:0], msgEvent)
	buf = appendString(buf, name)
	buf = appendUvarint(buf, len(args))
	for _, d := range args {
		buf = AppendData(buf, d)
	}
	m.publish(topic, buf)
	m.scratch = buf
}

// publishEvent publishes event name with its arguments, converted by
// their declared types (or, for any, by their own); false if one cannot
// be converted.
func (m *manager) publishEvent(topics []string, name string, ft *types.FuncType, args []value.Value) bool {
	data := m.argScratch[:0]
	for i, a := range args {
		v, t := anyArg(a)
		if t == nil {
			t = ft.Params[i].Type
		}
		d, ok := ValueToData(v, t)
		if !ok {
			return false
		}
		data = append(data, d)
	}
	for _, topic := range topics {
		m.publishData(topic, name, data)
	}
	m.argScratch = data[:0]
	return true
}

func flushLogs(c *interp.Call, _ []value.Value) value.Value {
	m := mgr(c)
	if m == nil {
		return value.Count(0)
	}
	return value.Count(uint64(m.logs.flush(m)))
}

func publishID(c *interp.Call, args []value.Value) value.Value {
	topic := value.CString(args[0].AsString())
	id := value.CString(args[1].AsString())
	m := mgr(c)
	if m == nil {
		return value.Bool(false)
	}
	if m.peerCount == 0 {
		return value.Bool(true)
	}
	g := c.Interp.LookupGlobal(id)
	if g == nil || g.IsType || g.Value.IsUnset() {
		return value.Bool(false)
	}
	d, ok := ValueToData(g.Value, g.Type)
	if !ok {
		c.BuiltinError(fmt.Sprintf("Failed to publish ID with unsupported type: %s (%s)", id, g.Type.Kind()))
		return value.Bool(false)
	}
	buf := []byte{msgIDUpdate}
	buf = appendString(buf, id)
	buf = AppendData(buf, d)
	m.publish(topic, buf)
	return value.Bool(true)
}

// autoEvent returns the event an auto_publish call names, reporting
// Bro 2.6's error when it names none.
func autoEvent(c *interp.Call, arg value.Value, what string) *interp.Func {
	v, _ := anyArg(arg)
	f := eventFunc(v)
	if f == nil {
		c.BuiltinError(fmt.Sprintf("Broker::%s must operate on an event", what))
		return nil
	}
	if c.Interp.EventType(f.Name) == nil {
		c.BuiltinError(fmt.Sprintf("Broker::%s failed to lookup event '%s'", what, f.Name))
		return nil
	}
	return f
}

func autoPublish(c *interp.Call, args []value.Value) value.Value {
	topic := value.CString(args[0].AsString())
	f := autoEvent(c, args[1], "auto_publish")
	m := mgr(c)
	if f == nil || m == nil {
		return value.Bool(false)
	}
	topics := m.autoTopics[f.Name]
	for _, t := range topics {
		if t == topic {
			return value.Bool(true)
		}
	}
	m.autoTopics[f.Name] = append(topics, topic)
	if len(topics) == 0 {
		name, ft := f.Name, c.Interp.EventType(f.Name)
		c.Interp.ObserveEvent(name, func(args []value.Value) {
			m.autoPublished(name, ft, args)
		})
	}
	return value.Bool(true)
}

// autoPublished publishes an event raised here to its topics, as Bro
// 2.6's EventHandler::Call does; an event whose arguments cannot be
// converted is no longer published.
func (m *manager) autoPublished(name string, ft *types.FuncType, args []value.Value) {
	topics := m.autoTopics[name]
	if len(topics) == 0 || m.peerCount == 0 {
		return
	}
	if !m.publishEvent(topics, name, ft, args) {
		delete(m.autoTopics, name)
		m.in.ObserveEvent(name, nil)
		m.in.Report(interp.ReportError, noPos, fmt.Sprintf("failed auto-remote event '%s', disabled", name))
	}
}

func autoUnpublish(c *interp.Call, args []value.Value) value.Value {
	topic := value.CString(args[0].AsString())
	f := autoEvent(c, args[1], "auto_event_stop")
	m := mgr(c)
	if f == nil || m == nil {
		return value.Bool(false)
	}
	topics := m.autoTopics[f.Name]
	for i, t := range topics {
		if t == topic {
			topics = append(topics[:i:i], topics[i+1:]...)
			break
		}
	}
	if len(topics) == 0 {
		delete(m.autoTopics, f.Name)
		c.Interp.ObserveEvent(f.Name, nil)
	} else {
		m.autoTopics[f.Name] = topics
	}
	return value.Bool(true)
}

func subscribe(c *interp.Call, args []value.Value) value.Value {
	m := mgr(c)
	if m == nil {
		return value.Bool(false)
	}
	m.ep.Subscribe(value.CString(args[0].AsString()))
	return value.Bool(true)
}

func forward(c *interp.Call, args []value.Value) value.Value {
	prefix := value.CString(args[0].AsString())
	m := mgr(c)
	if m == nil {
		return value.Bool(false)
	}
	for _, p := range m.forwarded {
		if p == prefix {
			return value.Bool(false)
		}
	}
	m.ep.Subscribe(prefix)
	m.forwarded = append(m.forwarded, prefix)
	return value.Bool(true)
}

func unsubscribe(c *interp.Call, args []value.Value) value.Value {
	prefix := value.CString(args[0].AsString())
	m := mgr(c)
	if m == nil {
		return value.Bool(false)
	}
	for i, p := range m.forwarded {
		if p == prefix {
			m.forwarded = append(m.forwarded[:i:i], m.forwarded[i+1:]...)
			break
		}
	}
	m.ep.Unsubscribe(prefix)
	return value.Bool(true)
}
