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

// eventRecord builds a Broker::Event from an event and its arguments,
// as Bro 2.6's Manager::MakeEvent does: on a mismatch it reports the
// error at the call and returns the record with its name unset.
func eventRecord(c *interp.Call, args []value.Value) value.Value {
	rt, _ := c.Interp.LookupType("Broker::Event").(*types.RecordType)
	rec := c.Interp.NewRecord(rt)
	vt, _ := rt.Fields[1].Type.(*types.VectorType)
	vec := &value.Vector{Type: vt}
	rec.Fields[1] = value.Value{R: vec}
	result := value.Value{R: rec}
	if len(args) == 0 {
		return result
	}
	ev, _ := anyArg(args[0])
	f := eventFunc(ev)
	if f == nil {
		c.BuiltinError("attempt to convert non-event into an event type")
		return result
	}
	if len(f.Type.Params) != len(args)-1 {
		c.BuiltinError(fmt.Sprintf("bad # of arguments: got %d, expect %d", len(args), len(f.Type.Params)+1))
		return result
	}
	rec.Fields[0] = value.String(f.Name)
	dataType := c.Interp.LookupType("Broker::Data")
	for i, a := range args[1:] {
		v, got := anyArg(a)
		want := f.Type.Params[i].Type
		if got == nil {
			got = want
		}
		// Bro's same_type takes any type where any is wanted.
		if want.Kind() != types.Any && got.Kind() != types.Any && !interp.SameType(got, want) {
			rec.Fields[0] = value.Unset
			c.BuiltinError(fmt.Sprintf("event parameter #%d type mismatch, got %s, expect %s", i+1, got.Kind(), want.Kind()))
			return result
		}
		var dv value.Value
		if interp.SameType(got, dataType) {
			dv = v
		} else {
			d, ok := ValueToData(v, got)
			if !ok {
				rec.Fields[0] = value.Unset
				c.BuiltinError(fmt.Sprintf("failed to convert param #%d of type %s to broker data", i+1, got.Kind()))
				return result
			}
			dv = DataRecord(c.Interp, d)
		}
		vec.Elems = append(vec.Elems, dv)
	}
	return result
}

func makeEvent(c *interp.Call, args []value.Value) value.Value {
	return eventRecord(c, args)
}

func publish(c *interp.Call, args []value.Value) value.Value {
	topic := value.CString(args[0].AsString())
	rest := args[1:]
	m := mgr(c)
	if m == nil {
		return value.Bool(false)
	}
	if len(rest) == 0 {
		return value.Bool(false)
	}
	// With no peer there is nobody to convert the values for.
	if m.peerCount == 0 {
		return value.Bool(true)
	}
	v, t := anyArg(rest[0])
	if _, isRec := t.(*types.RecordType); !isRec || len(rest) > 1 {
		v = eventRecord(c, rest)
	}
	return value.Bool(m.publishEventRecord(topic, v))
}

// publishEventRecord publishes a Broker::Event; false if its name is
// unset (it was made from a bad event or bad arguments).
func (m *manager) publishEventRecord(topic string, v value.Value) bool {
	rec, ok := v.R.(*value.Record)
	if !ok || len(rec.Fields) < 2 || rec.Fields[0].IsUnset() {
		return false
	}
	name := rec.Fields[0].AsString()
	vec, _ := rec.Fields[1].R.(*value.Vector)
	buf := make([]byte, 0, 64)
	buf = append(buf, msgEvent)
	buf = appendString(buf, name)
	n := 0
	if vec != nil {
		n = len(vec.Elems)
	}
	buf = appendUvarint(buf, n)
	for i := 0; i < n; i++ {
		d, _ := RecordData(vec.Elems[i])
		buf = AppendData(buf, d)
	}
	m.publish(topic, buf)
	return true
}

// publishEvent publishes event name with its arguments, converted by
// their declared types.
func (m *manager) publishEvent(topics []string, name string, ft *types.FuncType, args []value.Value) bool {
	buf := make([]byte, 0, 64)
	buf = append(buf, msgEvent)
	buf = appendString(buf, name)
	buf = appendUvarint(buf, len(args))
	for i, a := range args {
		t := ft.Params[i].Type
		v := a
		if any, ok := a.R.(*value.Any); ok {
			v, t = any.Value, any.Type
		}
		d, ok := ValueToData(v, t)
		if !ok {
			return false
		}
		buf = AppendData(buf, d)
	}
	for _, topic := range topics {
		m.publish(topic, buf)
	}
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
