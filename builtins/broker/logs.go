package broker

import (
	"sort"

	"gobro/builtins/logging"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Remote logging as Bro 2.6 does it: the writers of filters that log
// remotely announce themselves to the peers (msgLogCreate) and send
// their rows (msgLogWrite), batched per topic; a receiver writes the
// rows through writers of its own, opened with the sender's columns.

// Bro 2.6 sends a batch when it holds this many rows, or when its oldest
// row is this old.
const (
	logBatchSize     = 400
	logBatchInterval = 1.0 // seconds of network time
)

// msgBatch is a batch of log writes: a count, then each message as a
// length and its bytes.
const msgBatch byte = 5

// remoteLogs is the remote-logging state of a manager.
type remoteLogs struct {
	installed bool
	// batches holds, per topic, the log writes not yet sent.
	batches map[string]*logBatch
	order   []string // topics in the order their batches were started
	pending int      // rows in all batches
	timer   func()   // cancels the pending batch timer, if any
	// received holds the columns of the writers peers announced, by
	// stream, writer and path.
	received map[string][]logging.Column
}

// writerKey names a writer announced by a peer.
func writerKey(stream, writer, path string) string {
	return stream + "\x00" + writer + "\x00" + path
}

type logBatch struct {
	n   int
	buf []byte
}

// install makes the manager the logging framework's remote side.
func (l *remoteLogs) install(m *manager) {
	if l.installed {
		return
	}
	l.installed = true
	l.batches = map[string]*logBatch{}
	logging.SetRemote(m.in, logSender{m})
}

// logSender is what the logging framework tells of remote writers.
type logSender struct{ m *manager }

// WriterCreated announces a writer to every peer.
func (s logSender) WriterCreated(stream, writer, path string, cols []logging.Column) {
	m := s.m
	if m.peerCount == 0 {
		return
	}
	m.publish(m.stringOption("Broker::default_log_topic_prefix")+stream,
		logCreateMessage(stream, writer, path, cols, logging.WriterConfig(m.in, stream, writer, path)))
}

// logCreateMessage is the announcement of a writer: its columns and the
// $config of the filter that opened it.
func logCreateMessage(stream, writer, path string, cols []logging.Column, config map[string]string) []byte {
	b := []byte{msgLogCreate}
	b = appendString(b, stream)
	b = appendString(b, writer)
	b = appendString(b, path)
	b = appendUvarint(b, len(cols))
	for _, c := range cols {
		b = appendString(b, c.Name)
		b = appendString(b, logging.TypeName(c.Type))
		opt := byte(0)
		if c.Optional {
			opt = 1
		}
		b = append(b, opt)
	}
	keys := make([]string, 0, len(config))
	for k := range config {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b = appendUvarint(b, len(keys))
	for _, k := range keys {
		b = appendString(b, k)
		b = appendString(b, config[k])
	}
	return b
}

// Write batches one row for the peers.
func (s logSender) Write(stream, writer, path string, cols []logging.Column, vals []value.Value) {
	m := s.m
	l := &m.logs
	if m.peerCount == 0 {
		return
	}
	topic, ok := m.logTopic(stream, path)
	if !ok {
		return
	}
	b := l.batches[topic]
	if b == nil {
		b = &logBatch{}
		l.batches[topic] = b
		l.order = append(l.order, topic)
	}
	start := len(b.buf)
	b.buf = append(b.buf, 0, 0, 0, 0) // the message's length, filled in below
	b.buf = append(b.buf, msgLogWrite)
	b.buf = appendString(b.buf, stream)
	b.buf = appendString(b.buf, writer)
	b.buf = appendString(b.buf, path)
	b.buf = appendUvarint(b.buf, len(vals))
	for i, v := range vals {
		b.buf = AppendData(b.buf, logColumnData(v, cols[i].Type))
	}
	putLength(b.buf[start:], len(b.buf)-start-4)
	b.n++
	l.pending++
	if b.n >= logBatchSize {
		l.send(m, topic)
	} else if l.timer == nil {
		l.timer = m.in.AddTimer(logBatchInterval, func(bool) {
			l.timer = nil
			l.flush(m)
		})
	}
}

// logTopic asks Broker::log_topic for the topic of a stream's row.
func (m *manager) logTopic(stream, path string) (string, bool) {
	g := m.in.LookupGlobal("Broker::log_topic")
	idType, _ := m.in.LookupType("Log::ID").(*types.EnumType)
	if g == nil || idType == nil {
		return "", false
	}
	n, ok := idType.Value(stream)
	if !ok {
		return "", false
	}
	v := m.in.CallFunc(g.Value, value.Enum(n), value.String(path))
	s, ok := v.R.(string)
	return s, ok
}

// putLength writes n into the four bytes at the start of b.
func putLength(b []byte, n int) {
	b[0], b[1], b[2], b[3] = byte(n>>24), byte(n>>16), byte(n>>8), byte(n)
}

// send publishes the batch of one topic.
func (l *remoteLogs) send(m *manager, topic string) int {
	b := l.batches[topic]
	if b == nil || b.n == 0 {
		return 0
	}
	msg := make([]byte, 0, len(b.buf)+8)
	msg = append(msg, msgBatch)
	msg = appendUvarint(msg, b.n)
	msg = append(msg, b.buf...)
	m.publish(topic, msg)
	n := b.n
	l.pending -= n
	b.n, b.buf = 0, b.buf[:0]
	return n
}

// flush sends every batch; it returns the number of rows sent.
func (l *remoteLogs) flush(m *manager) int {
	if l.timer != nil {
		l.timer()
		l.timer = nil
	}
	total := 0
	for _, topic := range l.order {
		total += l.send(m, topic)
	}
	l.order = l.order[:0]
	for t, b := range l.batches {
		if b.n == 0 {
			delete(l.batches, t)
		}
	}
	return total
}

// sendAllTo announces every remote writer again, for a peer that has
// just joined: it learns the columns of the logs it will receive.
func (l *remoteLogs) sendAllTo(m *manager, _ string) {
	if !l.installed {
		return
	}
	prefix := m.stringOption("Broker::default_log_topic_prefix")
	logging.EachRemoteWriter(m.in, func(stream, writer, path string, cols []logging.Column) {
		m.publish(prefix+stream, logCreateMessage(stream, writer, path, cols, logging.WriterConfig(m.in, stream, writer, path)))
	})
}

// receiveCreate opens the local writer for a writer a peer announced.
func (l *remoteLogs) receiveCreate(m *manager, r *reader) {
	stream, writer, path := r.string(), r.string(), r.string()
	n := r.count()
	cols := make([]logging.Column, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		name, tname := r.string(), r.string()
		opt := r.byte()
		t, ok := logging.ColumnTypeFromName(tname)
		if !ok {
			m.warn("failed to convert remote log field # %d", i)
			return
		}
		cols = append(cols, logging.Column{Name: name, Type: t, Optional: opt == 1})
	}
	nconf := r.count()
	config := make(map[string]string, nconf)
	for i := 0; i < nconf && r.err == nil; i++ {
		k := r.string()
		config[k] = r.string()
	}
	if r.err != nil {
		m.warn("failed to unpack remote log fields")
		return
	}
	if logging.CreateFromRemoteConfig(m.in, stream, writer, path, cols, config) {
		if l.received == nil {
			l.received = map[string][]logging.Column{}
		}
		l.received[writerKey(stream, writer, path)] = cols
	}
}

// receiveWrite writes a row a peer sent.
func (l *remoteLogs) receiveWrite(m *manager, r *reader) {
	stream, writer, path := r.string(), r.string(), r.string()
	n := r.count()
	if r.err != nil {
		m.warn("failed to unpack remote log values for stream: %s", stream)
		return
	}
	cols := l.received[writerKey(stream, writer, path)]
	if len(cols) != n {
		// A row of a writer not announced (or announced otherwise) is
		// dropped, as Bro drops rows it has no writer for.
		return
	}
	vals := make([]value.Value, n)
	for i := 0; i < n; i++ {
		d := r.data()
		if r.err != nil {
			m.warn("failed to unserialize remote log field %d for stream: %s", i, stream)
			return
		}
		vals[i] = logColumnValue(d, cols[i].Type)
	}
	logging.WriteFromRemote(m.in, stream, writer, path, vals)
}

// receiveBatch handles each message of a batch.
func (m *manager) receiveBatch(topic string, r *reader) {
	n := r.count()
	for i := 0; i < n && r.err == nil; i++ {
		size := r.length()
		if r.err != nil || size > len(r.b) {
			break
		}
		m.dispatch(topic, r.b[:size])
		r.b = r.b[size:]
	}
	if r.err != nil {
		m.warn("ignoring invalid Broker message: %v", r.err)
	}
}

// logColumnData converts a column value for the wire: enums, files and
// functions as the text the log shows for them, since the receiver may
// not know their types; everything else as Broker data.
func logColumnData(v value.Value, t types.Type) Data {
	if v.IsUnset() {
		return None()
	}
	switch t.Kind() {
	case types.Enum, types.File, types.Func:
		return String(logging.ColumnText(v, t))
	case types.Table:
		tt := t.(*types.TableType)
		var elems []Data
		v.R.(*value.Table).Each(func(e *value.Entry) bool {
			elems = append(elems, logColumnData(e.Key[0], tt.Index[0]))
			return true
		})
		return NewVector(elems...)
	case types.Vector:
		vt := t.(*types.VectorType)
		vec := v.R.(*value.Vector)
		elems := make([]Data, len(vec.Elems))
		for i, e := range vec.Elems {
			elems[i] = logColumnData(e, vt.Elem)
		}
		return NewVector(elems...)
	}
	d, _ := ValueToData(v, t)
	return d
}

// logColumnValue converts a received column value of type t to what
// logging.WriteFromRemote takes: scalars as values, text for enums,
// files and functions, and for a set or vector column a vector of such
// (sets arrive as vectors in the order the sender logged them, and are
// printed so).
func logColumnValue(d Data, t types.Type) value.Value {
	switch d.Kind() {
	case KindNone:
		return value.Unset
	case KindBool:
		return value.Bool(d.AsBool())
	case KindCount:
		return value.Count(d.AsCount())
	case KindInt:
		return value.Int(d.AsInt())
	case KindReal:
		return value.Double(d.AsReal())
	case KindString, KindEnum:
		return value.String(d.AsString())
	case KindTimestamp, KindTimespan:
		return value.Double(float64(d.AsNanos()) / 1e9)
	case KindPort:
		num, proto := d.AsPort()
		return value.Port(uint32(num), value.Proto(proto))
	case KindAddress:
		return value.Addr(d.AsAddr())
	case KindSubnet:
		return value.Subnet(d.AsPrefix())
	case KindVector:
		switch tt := t.(type) {
		case *types.TableType:
			// A set stays a list, in the sender's order, which is how
			// the log writers print it.
			vec := &value.Vector{}
			for _, e := range d.Elems() {
				vec.Elems = append(vec.Elems, logColumnValue(e, tt.Index[0]))
			}
			return value.Value{R: vec}
		case *types.VectorType:
			vec := &value.Vector{Type: tt}
			for _, e := range d.Elems() {
				vec.Elems = append(vec.Elems, logColumnValue(e, tt.Elem))
			}
			return value.Value{R: vec}
		}
	}
	return value.Unset
}
