// Clones of Broker data stores, and the messages between a master and
// its clones on the bus.
//
// As in Broker 1.1, a store called NAME has two topics: the master
// subscribes to NAME/data/master, where clones send their mutations and
// their requests for the master's content; every clone subscribes to
// NAME/data/clone, where the master publishes its content (to the clone
// that asked) and every change to it (to them all). A clone applies the
// changes in the order the master made them and answers queries from its
// own copy; its mutations go to the master and show in the clone once
// the master's change comes back.
//
// The master publishes the resulting value of each change (a put of the
// key's new value, an erase, a clear) rather than the operation, so a
// clone needs no knowledge of what increment or insert_into_set do.
// Messages between the master and one clone travel on one peering, in
// order, so a clone that receives the content and then the changes made
// after it has no window to reconcile.
//
// A clone finds its master by asking (a resolve) when it is made, each
// time a peering comes up, and every resync_interval while it has none.
// When the peer holding the master is lost, the clone keeps answering
// queries for stale_interval (negative: for ever) and then leaves them
// unanswered, so that the "when" runs into its timeout, as Bro 2.6 does
// with Broker's stale_data; it keeps its mutations for
// mutation_buffer_interval and sends them once a master answers again,
// whose content then replaces the clone's.

package broker

import (
	"encoding/binary"
	"fmt"
	"time"

	"gobro/builtins/broker/bus"
	"gobro/builtins/broker/storage"
	"gobro/runtime/interp"
	"gobro/runtime/value"
)

// msgStore is the kind of the store messages on the bus; the byte after
// it says which.
const msgStore byte = 6

// The store messages. Each carries the store's name after its kind.
const (
	// clone -> master
	storeResolve      byte = iota + 1 // clone node
	storeCmdPut                       // key, value, expiry
	storeCmdPutUnique                 // clone node, request id, key, value, expiry
	storeCmdErase                     // key
	storeCmdAdd                       // key, value, initial kind, expiry
	storeCmdSubtract                  // key, value, expiry
	storeCmdClear                     //
	// master -> clones
	storeSnapshot    // target clone, master node, first, last, count, (key, value)...
	storePut         // key, value
	storeErase       // key
	storeClear       //
	storeUniqueReply // target clone, request id, result
	// master -> masters
	storeMasterHello // master node
)

// snapshotChunk bounds the bytes of one snapshot message, well below
// the bus's message size limit.
const snapshotChunk = 4 << 20

func masterTopic(name string) string { return name + "/data/master" }
func cloneTopic(name string) string  { return name + "/data/clone" }

// storeMsg starts a store message.
func storeMsg(op byte, name string) []byte {
	return appendString([]byte{msgStore, op}, name)
}

// appendExpiry appends a relative expiry in nanoseconds (0: none).
func appendExpiry(b []byte, e float64) []byte {
	if e == 0 {
		return binary.AppendVarint(b, 0)
	}
	return binary.AppendVarint(b, secondsToNanos(e))
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Varint(r.b)
	if k <= 0 {
		r.err = errTruncated
		return 0
	}
	r.b = r.b[k:]
	return n
}

// expiryFrom turns a relative expiry received from a clone into the
// master's absolute one.
func expiryFrom(rel int64) int64 {
	if rel == 0 {
		return 0
	}
	return time.Now().UnixNano() + rel
}

// attach makes a master reachable by clones: it subscribes to the
// master topic and says hello to other masters of the name.
func (s *store) attach(m *manager) {
	s.mgr = m
	s.clones = map[string]bool{}
	m.ep.Subscribe(masterTopic(s.name))
	s.hello()
}

// hello tells other masters of the store's name that this one exists.
func (s *store) hello() {
	msg := appendString(storeMsg(storeMasterHello, s.name), s.mgr.ep.NodeID())
	s.mgr.publish(masterTopic(s.name), msg)
}

func (s *store) broadcastPut(kb []byte, d Data) {
	if len(s.clones) == 0 {
		return
	}
	msg := append(storeMsg(storePut, s.name), kb...)
	s.mgr.publish(cloneTopic(s.name), AppendData(msg, d))
}

func (s *store) broadcastErase(kb []byte) {
	if len(s.clones) == 0 {
		return
	}
	s.mgr.publish(cloneTopic(s.name), append(storeMsg(storeErase, s.name), kb...))
}

func (s *store) broadcastClear() {
	if len(s.clones) == 0 {
		return
	}
	s.mgr.publish(cloneTopic(s.name), storeMsg(storeClear, s.name))
}

// sendSnapshot publishes the master's content for the clone called
// target, in chunks.
func (s *store) sendSnapshot(target string) {
	start := func(first bool) []byte {
		msg := appendString(storeMsg(storeSnapshot, s.name), target)
		msg = appendString(msg, s.mgr.ep.NodeID())
		return append(msg, boolByte(first))
	}
	var body []byte
	n, first := 0, true
	send := func(last bool) {
		msg := append(start(first), boolByte(last))
		msg = appendUvarint(msg, n)
		s.mgr.publish(cloneTopic(s.name), append(msg, body...))
		body, n, first = body[:0], 0, false
	}
	err := s.be.Each(func(key, val []byte, _ int64) bool {
		body = append(body, key...)
		body = append(body, val...)
		n++
		if len(body) >= snapshotChunk {
			send(false)
		}
		return true
	})
	if err != nil {
		s.failed(err)
	}
	send(true)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// receiveStore handles a store message from a peer (manager.dispatch).
func (m *manager) receiveStore(r *reader) {
	op := r.byte()
	name := r.string()
	if r.err != nil {
		m.warn("ignoring invalid Broker message: %v", r.err)
		return
	}
	h := storesOf(m.in).lookup(name)
	if h == nil {
		return
	}
	if op >= storeSnapshot && op <= storeUniqueReply {
		if h.clone != nil {
			h.clone.receive(op, r)
		}
	} else if s := h.open(); s != nil && s.mgr != nil {
		s.receive(op, r)
	}
	if r.err != nil {
		m.warn("ignoring invalid Broker message: %v", r.err)
	}
}

// receive applies a message from a clone, or another master's hello.
func (s *store) receive(op byte, r *reader) {
	switch op {
	case storeResolve:
		clone := r.string()
		if r.err != nil {
			return
		}
		s.clones[clone] = true
		s.sendSnapshot(clone)
	case storeCmdPut:
		k, v, e := r.data(), r.data(), r.varint()
		if r.err == nil {
			s.put(k, v, expiryFrom(e))
		}
	case storeCmdPutUnique:
		clone, id := r.string(), r.uvarint()
		k, v, e := r.data(), r.data(), r.varint()
		if r.err != nil {
			return
		}
		ok := s.putUnique(k, v, expiryFrom(e))
		s.gets++
		s.answerReply(func(synced bool) {
			msg := appendString(storeMsg(storeUniqueReply, s.name), clone)
			msg = binary.AppendUvarint(msg, id)
			msg = append(msg, boolByte(ok && synced))
			s.mgr.publish(cloneTopic(s.name), msg)
		})
	case storeCmdErase:
		k := r.data()
		if r.err == nil {
			s.erase(k)
		}
	case storeCmdAdd:
		k, v, init, e := r.data(), r.data(), Kind(r.byte()), r.varint()
		if r.err == nil {
			s.add(k, v, init, expiryFrom(e))
		}
	case storeCmdSubtract:
		k, v, e := r.data(), r.data(), r.varint()
		if r.err == nil {
			s.subtract(k, v, expiryFrom(e))
		}
	case storeCmdClear:
		s.clearAll()
	case storeMasterHello:
		node := r.string()
		if r.err == nil && node != s.mgr.ep.NodeID() {
			s.in.Report(interp.ReportError, noPos, fmt.Sprintf("Broker store '%s' has a second master, at node %s", s.name, node))
		}
	}
}

// clone is a clone store: a copy of the master's content in memory.
type clone struct {
	name                          string
	in                            *interp.Interp
	m                             *manager
	copy                          *store // the content, in a memory backend
	resync, stale, mutationBuffer float64
	closed                        bool

	master    string // the master's node id; "" while there is none
	resolved  bool   // a master has answered once
	isStale   bool
	filling   bool // a snapshot is arriving
	staleAt   time.Time
	bufferTo  time.Time // mutations are kept until then while there is no master
	buffered  [][]byte
	nextID    uint64
	pending   map[uint64]*interp.Pending
	resolving *time.Timer
}

func bifCreateClone(c *interp.Call, args []value.Value) value.Value {
	name := args[0].AsString()
	r := storesOf(c.Interp)
	if h := r.lookup(name); h != nil {
		return value.Value{R: h}
	}
	m := mgr(c)
	if m == nil {
		c.BuiltinError("Could not create clone of Broker store '" + name + "'")
		return value.Value{R: &storeHandle{name: name}}
	}
	cl := &clone{
		name:           name,
		in:             c.Interp,
		m:              m,
		copy:           newStore(c.Interp, name, storage.NewMemory()),
		resync:         args[1].AsDouble(),
		stale:          args[2].AsDouble(),
		mutationBuffer: args[3].AsDouble(),
		isStale:        true,
		pending:        map[uint64]*interp.Pending{},
	}
	if cl.mutationBuffer > 0 {
		cl.bufferTo = time.Now().Add(time.Duration(secondsToNanos(cl.mutationBuffer)))
	}
	h := &storeHandle{name: name, clone: cl}
	r.byName[name] = h
	m.ep.Subscribe(cloneTopic(name))
	cl.resolve()
	return value.Value{R: h}
}

// resolve asks for a master, and again every resync_interval until one
// answers.
func (cl *clone) resolve() {
	if cl.closed || cl.master != "" {
		return
	}
	cl.m.publish(masterTopic(cl.name), appendString(storeMsg(storeResolve, cl.name), cl.m.ep.NodeID()))
	if cl.resolving != nil {
		cl.resolving.Stop()
	}
	d := time.Duration(secondsToNanos(cl.resync))
	if d <= 0 {
		d = time.Second
	}
	cl.resolving = time.AfterFunc(d, func() { cl.in.Post(cl.resolve) })
}

// peerEvent follows the peerings: a new one may lead to the master, a
// lost one may take it away.
func (cl *clone) peerEvent(ev bus.PeerEvent) {
	switch ev.Kind {
	case bus.PeerAdded:
		if cl.master == "" {
			cl.resolve()
		}
	case bus.PeerLost, bus.PeerRemoved:
		if cl.master != "" && ev.NodeID == cl.master {
			cl.lost()
		}
	}
}

// lost starts the clone's life without a master: stale after
// stale_interval, mutations kept for mutation_buffer_interval.
func (cl *clone) lost() {
	cl.master = ""
	now := time.Now()
	if cl.stale >= 0 {
		cl.staleAt = now.Add(time.Duration(secondsToNanos(cl.stale)))
	} else {
		cl.staleAt = time.Time{}
	}
	cl.bufferTo = time.Time{}
	if cl.mutationBuffer > 0 {
		cl.bufferTo = now.Add(time.Duration(secondsToNanos(cl.mutationBuffer)))
	}
	cl.resolve()
}

// staleNow tells whether queries go unanswered.
func (cl *clone) staleNow() bool {
	if cl.isStale {
		return true
	}
	if cl.master == "" && !cl.staleAt.IsZero() && !time.Now().Before(cl.staleAt) {
		cl.isStale = true
	}
	return cl.isStale
}

// send forwards a mutation to the master, or keeps it while there is
// none and mutation_buffer_interval has not passed.
func (cl *clone) send(msg []byte) {
	if cl.closed {
		return
	}
	if cl.master != "" {
		cl.m.publish(masterTopic(cl.name), msg)
		return
	}
	if time.Now().Before(cl.bufferTo) {
		cl.buffered = append(cl.buffered, msg)
	}
}

// receive applies a message from the master.
func (cl *clone) receive(op byte, r *reader) {
	if cl.closed {
		return
	}
	switch op {
	case storeSnapshot:
		target, master := r.string(), r.string()
		first, last := r.byte() == 1, r.byte() == 1
		n := r.count()
		if r.err != nil || target != cl.m.ep.NodeID() {
			return
		}
		if first {
			cl.copy.be.Clear()
			cl.filling = true
		}
		if !cl.filling {
			return
		}
		for i := 0; i < n; i++ {
			k, v := r.data(), r.data()
			if r.err != nil {
				return
			}
			cl.copy.be.Put(AppendData(nil, k), AppendData(nil, v), 0)
		}
		if !last {
			return
		}
		cl.filling = false
		cl.master, cl.resolved, cl.isStale = master, true, false
		if cl.resolving != nil {
			cl.resolving.Stop()
		}
		for _, msg := range cl.buffered {
			cl.m.publish(masterTopic(cl.name), msg)
		}
		cl.buffered = nil
	case storePut:
		k, v := r.data(), r.data()
		if r.err == nil && !cl.filling {
			cl.copy.be.Put(AppendData(nil, k), AppendData(nil, v), 0)
		}
	case storeErase:
		k := r.data()
		if r.err == nil && !cl.filling {
			cl.copy.be.Delete(AppendData(nil, k))
		}
	case storeClear:
		if !cl.filling {
			cl.copy.be.Clear()
		}
	case storeUniqueReply:
		target, id, ok := r.string(), r.uvarint(), r.byte() == 1
		if r.err != nil || target != cl.m.ep.NodeID() {
			return
		}
		if p := cl.pending[id]; p != nil {
			delete(cl.pending, id)
			p.DeliverNow(cl.copy.queryResult(Bool(ok), true))
		}
	}
}

// query answers a query from the clone's copy, or leaves it unanswered
// while the clone is stale.
func (cl *clone) query(p *interp.Pending, answer func(s *store, d []Data) (Data, bool), d []Data) {
	if cl.closed || cl.staleNow() {
		return
	}
	cl.copy.gets++
	r, ok := answer(cl.copy, d)
	p.DeliverNow(cl.copy.queryResult(r, ok))
}

// putUnique sends a put_unique to the master; its answer comes back.
func (cl *clone) putUnique(p *interp.Pending, k, v Data, e float64) {
	if cl.closed {
		return
	}
	cl.nextID++
	cl.pending[cl.nextID] = p
	msg := appendString(storeMsg(storeCmdPutUnique, cl.name), cl.m.ep.NodeID())
	msg = binary.AppendUvarint(msg, cl.nextID)
	msg = AppendData(AppendData(msg, k), v)
	cl.send(appendExpiry(msg, e))
}

// close closes the clone.
func (cl *clone) close() {
	cl.closed = true
	if cl.resolving != nil {
		cl.resolving.Stop()
	}
	cl.m.ep.Unsubscribe(cloneTopic(cl.name))
	cl.copy.close()
}

// storePeerEvent passes a peering change on to the clones and masters
// (manager.peerEvent).
func (m *manager) storePeerEvent(ev bus.PeerEvent) {
	r := storesOf(m.in)
	for _, h := range r.byName {
		if h.clone != nil {
			h.clone.peerEvent(ev)
		} else if s := h.open(); s != nil && s.mgr != nil {
			switch ev.Kind {
			case bus.PeerAdded:
				s.hello()
			case bus.PeerLost, bus.PeerRemoved:
				delete(s.clones, ev.NodeID)
			}
		}
	}
}
