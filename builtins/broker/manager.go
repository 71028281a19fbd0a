package broker

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"gobro/builtins/broker/bus"
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// inboxLimit bounds what the transport may hand over before the
// interpreter has taken it: past it the transport waits, its peers'
// buffers fill, and their publishers slow down. Nothing is dropped.
const inboxLimit = 65536

// manager is the Broker state of one interpreter. Its fields are used on
// the interpreter's goroutine only, except the inbox, which the
// transport fills under mu.
type manager struct {
	in *interp.Interp
	ep *bus.Endpoint

	// counted tells that the endpoint keeps the main loop running, as
	// Bro 2.6's Broker manager counts as an IO source once it listens
	// or peers.
	counted bool
	// peerCount is the number of peers; with none, publishing skips
	// converting its values.
	peerCount int
	forwarded []string
	// autoTopics lists, per event, the topics it is published under
	// whenever it is raised here.
	autoTopics map[string][]string
	// scratch is reused to encode what is published (the transport
	// copies it), argScratch for the arguments of auto-published events.
	scratch    []byte
	argScratch []Data

	mu      sync.Mutex
	drained *sync.Cond // signalled when the interpreter has emptied the inbox
	inbox   []inboxItem
	spare   []inboxItem
	posted  bool
	closed  bool

	logs remoteLogs
}

// inboxItem is a message or a peering change from the transport.
type inboxItem struct {
	topic   string
	payload []byte
	event   *bus.PeerEvent
}

var (
	managersMu sync.Mutex
	managers   = map[*interp.Interp]*manager{}
)

// managerFor returns the interpreter's manager, with its endpoint.
func managerFor(in *interp.Interp) (*manager, error) {
	managersMu.Lock()
	defer managersMu.Unlock()
	if m := managers[in]; m != nil {
		return m, nil
	}
	m := &manager{in: in, autoTopics: map[string][]string{}}
	m.drained = sync.NewCond(&m.mu)
	ep, err := bus.New(m.config(), m)
	if err != nil {
		return nil, err
	}
	m.ep = ep
	managers[in] = m
	in.OnShutdown(m.shutdown)
	m.logs.install(m)
	return m, nil
}

// mgr returns the manager of the interpreter running c, reporting a
// failure to start the endpoint as an error at the call.
func mgr(c *interp.Call) *manager {
	m, err := managerFor(c.Interp)
	if err != nil {
		c.ReporterError("cannot start the Broker endpoint: %v", err)
		return nil
	}
	return m
}

// config reads the endpoint's settings from the script's options.
func (m *manager) config() bus.Config {
	cfg := bus.Config{
		Forward:         m.boolOption("Broker::forward_messages"),
		QueueLimit:      int(m.countOption("Broker::peer_buffer_size")),
		GiveUpAfter:     time.Duration(m.doubleOption("Broker::peer_give_up_after") * float64(time.Second)),
		CurvePublic:     m.stringOption("Broker::curve_public_key"),
		CurveSecret:     m.stringOption("Broker::curve_secret_key"),
		CurveAuthorized: m.stringSetOption("Broker::curve_authorized_keys"),
	}
	if cfg.CurveSecret == "" || cfg.CurvePublic == "" {
		for _, name := range []string{"Broker::ssl_cafile", "Broker::ssl_capath", "Broker::ssl_certificate", "Broker::ssl_keyfile", "Broker::ssl_passphrase"} {
			if m.stringOption(name) != "" {
				m.in.Report(interp.ReportWarning, noPos, fmt.Sprintf("%s is set, but gobro secures Broker links with ZeroMQ CURVE, not SSL: set Broker::curve_secret_key, Broker::curve_public_key and Broker::curve_authorized_keys to encrypt and authenticate peerings", name))
				break
			}
		}
	}
	return cfg
}

func (m *manager) global(name string) (value.Value, bool) {
	g := m.in.LookupGlobal(name)
	if g == nil {
		return value.Value{}, false
	}
	return g.Value, true
}

func (m *manager) boolOption(name string) bool {
	v, _ := m.global(name)
	return v.AsBool()
}

func (m *manager) countOption(name string) uint64 {
	v, _ := m.global(name)
	return v.AsCount()
}

func (m *manager) doubleOption(name string) float64 {
	v, _ := m.global(name)
	return v.AsDouble()
}

func (m *manager) stringOption(name string) string {
	v, _ := m.global(name)
	return v.AsString()
}

func (m *manager) stringSetOption(name string) []string {
	v, ok := m.global(name)
	t, _ := v.R.(*value.Table)
	if !ok || t == nil {
		return nil
	}
	var keys []string
	t.Each(func(e *value.Entry) bool {
		keys = append(keys, e.Key[0].AsString())
		return true
	})
	return keys
}

// count makes the endpoint keep the main loop running from now on.
func (m *manager) count() {
	if !m.counted {
		m.counted = true
		m.in.AddSource()
	}
}

// Message is the transport handing over a message (bus.Handler). It
// waits while the inbox is full.
func (m *manager) Message(topic string, payload []byte) {
	m.put(inboxItem{topic: topic, payload: append([]byte(nil), payload...)})
}

// Event is the transport reporting a peering change or an error
// (bus.Handler).
func (m *manager) Event(ev bus.PeerEvent) {
	m.put(inboxItem{event: &ev})
}

func (m *manager) put(it inboxItem) {
	m.mu.Lock()
	for len(m.inbox) >= inboxLimit && !m.closed {
		m.drained.Wait()
	}
	if m.closed {
		m.mu.Unlock()
		return
	}
	m.inbox = append(m.inbox, it)
	post := !m.posted
	m.posted = true
	m.mu.Unlock()
	if post {
		m.in.Post(m.takeInbox)
	}
}

// takeInbox runs on the interpreter's goroutine: it turns what the
// transport handed over into events, in the order it arrived.
func (m *manager) takeInbox() {
	m.mu.Lock()
	items := m.inbox
	m.inbox = m.spare[:0]
	m.posted = false
	m.drained.Broadcast()
	m.mu.Unlock()
	for i := range items {
		it := &items[i]
		if it.event != nil {
			m.peerEvent(*it.event)
		} else {
			m.dispatch(it.topic, it.payload)
		}
		*it = inboxItem{}
	}
	m.mu.Lock()
	m.spare = items[:0]
	m.mu.Unlock()
}

// dispatch handles one message received under topic.
func (m *manager) dispatch(topic string, payload []byte) {
	if len(payload) == 0 {
		return
	}
	r := reader{b: payload[1:]}
	switch payload[0] {
	case msgEvent:
		m.receiveEvent(topic, &r)
	case msgIDUpdate:
		m.receiveID(&r)
	case msgLogCreate:
		m.logs.receiveCreate(m, &r)
	case msgLogWrite:
		m.logs.receiveWrite(m, &r)
	case msgBatch:
		m.receiveBatch(topic, &r)
	case msgStore:
		m.receiveStore(&r)
	default:
		// Kinds that later versions may add are ignored, as Bro
		// ignores message types it does not know.
	}
}

// receiveEvent queues an event received from a peer, its arguments
// converted to the types its handlers declare, as Bro 2.6's
// Manager::ProcessEvent does.
func (m *manager) receiveEvent(topic string, r *reader) {
	name := r.string()
	n := r.count()
	if r.err != nil {
		m.warn("ignoring invalid Broker message: %v", r.err)
		return
	}
	ft := m.in.EventType(name)
	if ft == nil {
		return
	}
	for _, p := range m.forwarded {
		if strings.HasPrefix(topic, p) {
			return
		}
	}
	args := make([]value.Value, 0, n)
	for i := 0; i < n; i++ {
		d := r.data()
		if r.err != nil {
			m.warn("ignoring invalid Broker message: %v", r.err)
			return
		}
		if n != len(ft.Params) {
			continue
		}
		v, ok := DataToValue(m.in, d, ft.Params[i].Type)
		if !ok {
			m.warn("failed to convert remote event '%s' arg #%d, got %s, expected %s",
				name, i, DataTypeName(d), ft.Params[i].Type.Kind())
			return
		}
		args = append(args, v)
	}
	if n != len(ft.Params) {
		m.warn("got event message '%s' with invalid # of args, got %d, expected %d", name, n, len(ft.Params))
		return
	}
	m.in.RaiseRemote(name, args)
}

// receiveID sets a global to the value a peer published for it.
func (m *manager) receiveID(r *reader) {
	name := r.string()
	d := r.data()
	if r.err != nil {
		m.warn("ignoring invalid Broker message: %v", r.err)
		return
	}
	g := m.in.LookupGlobal(name)
	if g == nil || g.IsType || g.Handler != nil {
		m.warn("Received id-update request for unkown id: %s", name)
		return
	}
	v, ok := DataToValue(m.in, d, g.Type)
	if !ok {
		m.in.Report(interp.ReportError, noPos, fmt.Sprintf("Failed to receive ID with unsupported type: %s (%s)", name, g.Type.Kind()))
		return
	}
	g.Value = v
}

// peerEvent raises the script event for a peering change or an error.
func (m *manager) peerEvent(ev bus.PeerEvent) {
	var name string
	switch ev.Kind {
	case bus.PeerAdded:
		m.peerCount++
		m.logs.sendAllTo(m, ev.NodeID)
		name = "Broker::peer_added"
	case bus.PeerRemoved:
		m.peerCount--
		name = "Broker::peer_removed"
	case bus.PeerLost:
		m.peerCount--
		name = "Broker::peer_lost"
	case bus.Error:
		code := int64(ev.Code)
		if code < 1 || code > 13 {
			code = 1
		}
		m.in.QueueEvent("Broker::error", value.Enum(code), value.String(errorContext(ev)))
		return
	default:
		name = "Broker::status"
	}
	if m.peerCount < 0 {
		m.peerCount = 0
	}
	m.storePeerEvent(ev)
	m.in.QueueEvent(name, m.endpointInfo(ev.NodeID, ev.Addr, ev.Port, true), value.String(ev.Msg))
}

// endpointInfo makes a Broker::EndpointInfo; with network, its network
// part too ("<unknown>" and port 0 where the address is not known, as
// Bro 2.6 fills it).
func (m *manager) endpointInfo(id, addr string, port uint16, network bool) value.Value {
	et, _ := m.in.LookupType("Broker::EndpointInfo").(*types.RecordType)
	nt, _ := m.in.LookupType("Broker::NetworkInfo").(*types.RecordType)
	ei := m.in.NewRecord(et)
	ei.Fields[0] = value.String(id)
	if network {
		ni := m.in.NewRecord(nt)
		if addr == "" {
			addr = "<unknown>"
		}
		ni.Fields[0] = value.String(addr)
		ni.Fields[1] = value.Port(uint32(port), value.TCP)
		ei.Fields[1] = value.Value{R: ni}
	}
	return value.Value{R: ei}
}

// warn issues a warning without location, as Bro's reporter->Warning
// does outside a script.
func (m *manager) warn(format string, args ...any) {
	m.in.Report(interp.ReportWarning, noPos, fmt.Sprintf(format, args...))
}

// publish sends a payload to the peers subscribed to topic.
func (m *manager) publish(topic string, payload []byte) {
	m.ep.Publish(topic, payload)
}

// shutdown is Bro 2.6's Manager::Terminate: the log writes still
// batched go out, queued messages reach the network, peerings end.
func (m *manager) shutdown() {
	m.logs.flush(m)
	m.ep.Flush(2 * time.Second)
	m.mu.Lock()
	m.closed = true
	m.drained.Broadcast()
	m.mu.Unlock()
	// The manager stays registered, closed: a Broker call made later in
	// the shutdown (a store closing, a handler of bro_done) must not start
	// a second endpoint with another node id.
	m.ep.Close()
}

// errorContext renders an error's context as Bro 2.6's Broker::error
// gives it (CAF's rendering of the tuple Broker made): the peer's node
// (invalid-node when unknown), its network address if known as
// "*ADDR:PORT" (an unset one as "none"), and the text in double quotes.
func errorContext(ev bus.PeerEvent) string {
	node := ev.NodeID
	if node == "" {
		node = "invalid-node"
	}
	network := "none"
	if ev.Addr != "" {
		network = fmt.Sprintf("*%s:%d", ev.Addr, ev.Port)
	}
	return fmt.Sprintf("(%s, %s, \"%s\")", node, network, ev.Msg)
}
