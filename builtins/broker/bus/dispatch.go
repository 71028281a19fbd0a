package bus

// dispatch is the goroutine that calls the Handler: events and received
// batches in arrival order. It decodes batches, drops duplicates, relays
// when forwarding, and returns credit to the sender.
func (e *Endpoint) dispatch() {
	defer close(e.dispDone)
	for {
		e.dmu.Lock()
		for len(e.dq) == 0 && !e.dstop {
			e.dcond.Wait()
		}
		if e.dstop {
			e.dmu.Unlock()
			return
		}
		items := e.dq
		e.dq = e.dspare[:0]
		e.dmu.Unlock()
		consumed := false
		for i := range items {
			it := &items[i]
			if it.ev != nil {
				e.h.Event(*it.ev)
			} else {
				e.deliver(it.l, it.data)
				consumed = true
				if it.cn != nil {
					c := it.cn.consumed.Add(uint64(len(it.data) + frameCost))
					if c%ackStep < uint64(len(it.data)+frameCost) {
						e.wake(false)
					}
				}
			}
			*it = ditem{}
		}
		e.dspare = items[:0]
		e.dmu.Lock()
		idle := len(e.dq) == 0
		e.dmu.Unlock()
		if idle && consumed {
			// Let the loop acknowledge what was consumed (Flush waits
			// for it).
			e.ackIdle.Store(true)
			e.wake(false)
		}
	}
}

// deliver hands the messages of one DATA or FWD frame to the handler.
func (e *Endpoint) deliver(l *link, b []byte) {
	if g := e.subsGen.Load(); g != e.ownGen {
		e.mu.Lock()
		e.own = e.own[:0]
		for s := range e.subs {
			e.own = append(e.own, s)
		}
		e.ownGen = e.subsGen.Load()
		e.mu.Unlock()
		clear(e.ownMatch)
	}
	// An outgoing link may meet a restarted peer (new node id, sequence
	// numbers from 1) after a redial.
	e.mu.Lock()
	nid := l.nodeID
	e.mu.Unlock()
	if l.win == nil || l.winID != nid {
		l.win, l.winID = e.seenFor(nid), nid
	}
	kind := b[0]
	err := scanMessages(b, func(m *msg) {
		origin := nid
		win := l.win
		if kind == kFwd {
			if string(m.origin) == e.nodeID {
				return // our own message come back
			}
			origin = e.intern(m.origin)
			win = e.seenFor(origin)
		}
		if win.dup(m.seq) {
			return
		}
		l.msgsIn.Add(1)
		topic := e.intern(m.topic)
		if e.wantsLocal(topic) {
			e.h.Message(topic, m.payload)
		}
		if e.cfg.Forward && m.ttl > 1 && topic != "" {
			e.relay(l, origin, m.ttl-1, m.seq, topic, m.payload)
		}
	})
	if err != nil {
		e.badFrameAsync(l)
	}
}

// badFrameAsync is badFrame for the dispatcher: it counts, and reports
// the first bad frame of a peer right away (events are ours to deliver).
func (e *Endpoint) badFrameAsync(l *link) {
	l.bad.Add(1)
	if l.badReported.CompareAndSwap(false, true) {
		e.h.Event(e.eventFor(l, Error, ECInvalidData, "malformed frame from peer dropped (bad message encoding); further ones are only counted"))
	}
}

func (e *Endpoint) wantsLocal(topic string) bool {
	if v, ok := e.ownMatch[topic]; ok {
		return v
	}
	v := matches(e.own, topic)
	if len(e.ownMatch) > 4096 {
		clear(e.ownMatch)
	}
	e.ownMatch[topic] = v
	return v
}

// intern returns b as a string, without allocating for a known one.
func (e *Endpoint) intern(b []byte) string {
	if s, ok := e.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(e.interned) < 8192 {
		e.interned[s] = s
	}
	return s
}

// relay passes a received message on to the other subscribed peers.
func (e *Endpoint) relay(from *link, origin string, ttl int, seq uint64, topic string, payload []byte) {
	e.mu.Lock()
	queued := false
	for _, l := range e.peered {
		if l == from || l.nodeID == origin || !l.wants(topic) {
			continue
		}
		if !e.waitRoom(l) {
			continue
		}
		l.appendMsg(kFwd, seq, ttl, origin, topic, payload)
		queued = true
	}
	e.mu.Unlock()
	if queued {
		e.wake(false)
	}
}

func (e *Endpoint) seenFor(origin string) *seenWin {
	w := e.seen[origin]
	if w == nil {
		w = &seenWin{}
		if len(e.seen) > 4096 {
			clear(e.seen)
		}
		e.seen[origin] = w
	}
	return w
}

// seenWin remembers which of the last winBits sequence numbers of one
// origin arrived, so a message reaching us over two paths is delivered
// once. Older numbers are accepted (a duplicate that late is unlikely;
// losing a message is worse).
type seenWin struct {
	max  uint64
	bits [winBits / 64]uint64
}

const winBits = 1 << 16

func (w *seenWin) dup(s uint64) bool {
	if s > w.max {
		if s-w.max >= winBits {
			clear(w.bits[:])
		} else {
			for i := w.max + 1; i < s; i++ {
				if i%64 == 0 && s-i >= 64 {
					w.bits[(i/64)%(winBits/64)] = 0
					i += 63
					continue
				}
				w.bits[(i/64)%(winBits/64)] &^= 1 << (i % 64)
			}
		}
		w.max = s
		w.bits[(s/64)%(winBits/64)] |= 1 << (s % 64)
		return false
	}
	if w.max-s >= winBits {
		return false
	}
	word := &w.bits[(s/64)%(winBits/64)]
	bit := uint64(1) << (s % 64)
	if *word&bit != 0 {
		return true
	}
	*word |= bit
	return false
}
