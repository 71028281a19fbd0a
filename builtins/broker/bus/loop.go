package bus

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"time"
)

// loop is the goroutine that owns every ZeroMQ socket of the endpoint.
func (e *Endpoint) loop() {
	defer close(e.loopDone)
	timeout := 0
	for {
		// Commands from the API.
	cmds:
		for {
			select {
			case f := <-e.cmds:
				f()
			default:
				break cmds
			}
		}
		if e.stopping {
			e.teardown()
			return
		}

		e.ps.reset()
		iWake := e.ps.add(e.wakePull, pollIn)
		iRouter, iRouterMon := -1, -1
		if e.router != nil {
			ev := pollIn
			if e.routerBlock {
				ev |= pollOut
			}
			iRouter = e.ps.add(e.router, ev)
			iRouterMon = e.ps.add(e.routerMon, pollIn)
		}
		dealers := e.dealers[:0]
		for _, l := range e.links {
			if l.dealer != nil {
				ev := pollIn
				if l.blocked {
					ev |= pollOut
				}
				dealers = append(dealers, dealerPoll{l, e.ps.add(l.dealer, ev), e.ps.add(l.mon, pollIn)})
			}
		}
		e.dealers = dealers

		if timeout != 0 {
			// A goroutine this one readied (the dispatcher) would wait
			// in our P's run queue while zmq_poll holds the P in a cgo
			// call, until sysmon takes the P back (up to 10 ms): let it
			// run first.
			runtime.Gosched()
			e.sleeping.Store(1)
			if len(e.cmds) > 0 || e.subsDirty.Load() || e.ackIdle.Load() || e.hasSendable() {
				e.sleeping.Store(0)
				timeout = 0
			}
		}
		e.ps.wait(timeout)
		e.sleeping.Store(0)

		work := false
		if e.ps.ready(iWake)&pollIn != 0 {
			for {
				if _, _, _, ok := e.wakePull.recv(e.fr); !ok {
					break
				}
			}
		}
		if iRouter >= 0 {
			if e.ps.ready(iRouterMon)&pollIn != 0 {
				e.readMonitor(nil)
			}
			if e.ps.ready(iRouter)&pollIn != 0 {
				work = e.readRouter() || work
			}
			if e.ps.ready(iRouter)&pollOut != 0 {
				e.routerBlock = false
				for _, l := range e.links {
					if !l.outgoing {
						l.blocked = false
					}
				}
			}
		}
		for _, d := range dealers {
			if d.l.dealer == nil {
				continue
			}
			if e.ps.ready(d.imon)&pollIn != 0 {
				e.readMonitor(d.l)
			}
			if d.l.dealer != nil && e.ps.ready(d.i)&pollIn != 0 {
				work = e.readDealer(d.l) || work
			}
			if d.l.dealer != nil && e.ps.ready(d.i)&pollOut != 0 {
				d.l.blocked = false
			}
		}

		now := time.Now()
		if e.subsDirty.Swap(false) {
			e.announce()
		}
		work = e.sendAll(now) || work
		if now.Sub(e.lastTick) >= tick {
			e.lastTick = now
			e.timers(now)
		}
		if work {
			timeout = 0
		} else {
			timeout = int(tick / time.Millisecond)
			if e.routerBlock {
				timeout = 5
			}
		}
	}
}

// hasSendable reports whether some link has something it may send now.
func (e *Endpoint) hasSendable() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, l := range e.links {
		if l.blocked || (l.dealer == nil && l.outgoing) {
			continue
		}
		if len(l.ctrl) > 0 {
			return true
		}
		if l.status == Peered && len(l.q.chunks) > 0 && l.sentData-l.peerAcked < window {
			return true
		}
		if l.cn != nil && l.cn.consumed.Load()-l.ackedSent >= ackStep {
			return true
		}
	}
	return false
}

// sendRaw hands one frame to ZeroMQ: 0, errAgain, or another errno.
func (e *Endpoint) sendRaw(l *link, b []byte) int {
	if l.outgoing {
		if l.dealer == nil {
			return errHostUnreachable
		}
		return l.dealer.send(nil, b)
	}
	if e.router == nil {
		return errHostUnreachable
	}
	rc := e.router.send(l.rid, b)
	if rc == errAgain {
		e.routerBlock = true
	}
	return rc
}

// sendNow tries to send a control frame at once, queueing it otherwise.
func (e *Endpoint) sendNow(l *link, b []byte) {
	if len(l.ctrl) == 0 && !l.blocked && e.sendRaw(l, b) == 0 {
		l.lastSend = time.Now()
		return
	}
	l.ctrl = append(l.ctrl, b)
}

// sendAll sends what every link may send; true if anything went out.
func (e *Endpoint) sendAll(now time.Time) bool {
	work := false
	idle := e.ackIdle.Swap(false)
	for _, l := range e.links {
		if l.removed || l.blocked {
			continue
		}
		if l.cn != nil {
			if c := l.cn.consumed.Load(); c-l.ackedSent >= ackStep || (idle && c > l.ackedSent) {
				l.ctrl = append(l.ctrl, binary.AppendUvarint([]byte{kAck}, c))
				l.ackedSent = c
			}
		}
		for len(l.ctrl) > 0 {
			rc := e.sendRaw(l, l.ctrl[0])
			if rc == errAgain {
				l.blocked = true
				break
			}
			l.ctrl = l.ctrl[1:]
			if rc != 0 {
				continue
			}
			l.lastSend = now
			work = true
		}
		if l.blocked || l.status != Peered {
			continue
		}
		work = e.sendData(l, now) || work
	}
	return work
}

// sendData sends queued batches of l while its credit lasts.
func (e *Endpoint) sendData(l *link, now time.Time) bool {
	var batch [16]*chunk
	sent := false
	for {
		e.mu.Lock()
		n := 0
		credit := int64(window) - int64(l.sentData-l.peerAcked)
		for n < len(batch) && len(l.q.chunks) > 0 && credit > 0 {
			c := l.q.chunks[0]
			l.q.chunks[0] = nil
			l.q.chunks = l.q.chunks[1:]
			l.q.msgs -= c.n
			credit -= int64(len(c.b) + frameCost)
			batch[n] = c
			n++
		}
		if n > 0 {
			l.progress = now
			if e.waiters > 0 {
				e.cond.Broadcast()
			}
			e.inSend.Add(1)
		}
		e.mu.Unlock()
		if n == 0 {
			return sent
		}
		for i := 0; i < n; i++ {
			c := batch[i]
			rc := e.sendRaw(l, c.b)
			if rc == errAgain {
				l.blocked = true
				e.mu.Lock()
				rest := append([]*chunk{}, batch[i:n]...)
				for _, r := range rest {
					l.q.msgs += r.n
				}
				l.q.chunks = append(rest, l.q.chunks...)
				e.mu.Unlock()
				e.inSend.Add(-1)
				return sent
			}
			if rc == 0 {
				l.sentData += uint64(len(c.b) + frameCost)
				l.msgsOut.Add(uint64(c.n))
				l.bytesOut.Add(uint64(len(c.b)))
				l.lastSend = now
				sent = true
			} else {
				l.drops.Add(uint64(c.n))
			}
			if cap(c.b) <= chunkMax+1024 {
				chunkPool.Put(c)
			}
			batch[i] = nil
		}
		e.inSend.Add(-1)
	}
}

// readRouter reads what arrived on the listening socket.
func (e *Endpoint) readRouter() bool {
	work := false
	for i := 0; i < 512; i++ {
		rid, more, _, ok := e.router.recv(e.fr)
		if !ok {
			break
		}
		work = true
		if !more {
			e.badUnknown(-1)
			continue
		}
		data, more, fd, ok := e.router.recv(e.fr)
		if !ok {
			break
		}
		if more {
			// Not one of ours: swallow the rest of the message.
			for more {
				if _, more, _, ok = e.router.recv(e.fr); !ok {
					break
				}
			}
			if l := e.byRid[string(rid)]; l != nil {
				e.badFrame(l, "multi-part message")
			} else {
				e.badUnknown(fd)
			}
			continue
		}
		l := e.byRid[string(rid)]
		if l == nil {
			if _, z := e.zombies[string(rid)]; z {
				// In flight from a peering that ended here (unpeered,
				// given up): counted, as Broker drops them too.
				if len(data) > 0 && (data[0] == kData || data[0] == kFwd) {
					e.mu.Lock()
					e.unknown.Drops++
					e.mu.Unlock()
				}
				continue
			}
			if len(data) > 0 && data[0] == kHello {
				e.acceptHello(rid, fd, data)
			} else {
				e.badUnknown(fd)
			}
			continue
		}
		e.handleFrame(l, data)
	}
	return work
}

// readDealer reads what arrived on an outgoing link.
func (e *Endpoint) readDealer(l *link) bool {
	work := false
	for i := 0; i < 512 && l.dealer != nil; i++ {
		data, more, _, ok := l.dealer.recv(e.fr)
		if !ok {
			break
		}
		work = true
		if more {
			for more && l.dealer != nil {
				if _, more, _, ok = l.dealer.recv(e.fr); !ok {
					break
				}
			}
			e.badFrame(l, "multi-part message")
			continue
		}
		e.handleFrame(l, data)
	}
	return work
}

// handleFrame processes one frame from a known link.
func (e *Endpoint) handleFrame(l *link, b []byte) {
	if len(b) == 0 {
		e.badFrame(l, "empty frame")
		return
	}
	l.lastRecv = time.Now()
	target := l
	if l.draining != nil {
		target = l.draining
	}
	e.mu.Lock()
	status := l.status
	e.mu.Unlock()
	switch b[0] {
	case kData, kFwd:
		if status != Peered && l.draining == nil {
			e.badFrame(l, "data before handshake")
			return
		}
		if l.cn.received-l.cn.consumed.Load() > 2*window {
			// The peer ignores our credit: refuse to buffer more.
			e.badFrame(l, "data beyond the flow-control window")
			return
		}
		l.cn.received += uint64(len(b) + frameCost)
		target.bytesIn.Add(uint64(len(b)))
		e.dmu.Lock()
		e.dq = append(e.dq, ditem{l: target, cn: l.cn, data: b})
		e.dcond.Signal()
		e.dmu.Unlock()
	case kPing:
	case kAck:
		r := reader{b: b[1:]}
		v := r.uvarint()
		if r.err != nil || v > l.sentData {
			e.badFrame(l, "bad acknowledgement")
			return
		}
		if v > l.peerAcked {
			l.peerAcked = v
		}
	case kSubs:
		subs, err := decodeSubs(b)
		if err != nil {
			e.badFrame(l, "bad subscription list")
			return
		}
		e.mu.Lock()
		target.subs = subs
		target.match = nil
		e.mu.Unlock()
		if e.cfg.Forward {
			e.subsDirty.Store(true)
		}
	case kWelcome:
		if !l.outgoing || status == Peered {
			e.badFrame(l, "unexpected handshake")
			return
		}
		e.welcome(l, b)
	case kRefuse:
		e.refused(l, b)
	case kBye:
		reason := byte(byeUnpeer)
		if len(b) > 1 {
			reason = b[1]
		}
		e.bye(l, reason)
	default:
		e.badFrame(l, fmt.Sprintf("unknown frame kind 0x%02x", b[0]))
	}
}

// acceptHello handles a HELLO from a new connection on the listening port.
func (e *Endpoint) acceptHello(rid []byte, fd int, b []byte) {
	h, err := decodeHello(b)
	addr, port := peerAddr(fd)
	if v, ok := peekVersion(b); ok && v != e.version {
		e.router.send(rid, encodeRefuse(e.version, refuseVersion, "incompatible wire format"))
		e.emit(nil, PeerEvent{Kind: Error, Code: ECPeerIncompatible, Addr: addr, Port: port,
			Msg: fmt.Sprintf("incompatible peer: it speaks bus wire format version %d, this endpoint version %d", v, e.version)})
		return
	}
	if err != nil {
		e.badUnknown(fd)
		return
	}
	if h.nodeID == e.nodeID {
		e.router.send(rid, encodeRefuse(e.version, refuseDuplicate, "cannot peer with itself"))
		return
	}
	e.mu.Lock()
	var existing *link
	for _, o := range e.links {
		if !o.removed && o.status == Peered && o.nodeID == h.nodeID {
			existing = o
		}
	}
	e.mu.Unlock()
	if existing != nil {
		if existing.outgoing {
			// Both sides peered each other and ours came first: keep it.
			e.router.send(rid, encodeRefuse(e.version, refuseDuplicate, "already peered"))
			return
		}
		// The peer reconnected before we noticed the old connection die.
		e.lose(existing)
	}
	e.nextLinkID++
	l := &link{id: e.nextLinkID, rid: rid, fd: fd, addr: addr, port: port, cn: &conn{}}
	now := time.Now()
	l.lastRecv, l.lastSend, l.progress = now, now, now
	e.byRid[string(rid)] = l
	if fd >= 0 {
		e.byFd[fd] = l
	}
	e.mu.Lock()
	l.nodeID = h.nodeID
	l.listenPort = h.port
	l.subs = h.subs
	l.status = Peered
	e.links = append(e.links, l)
	e.mu.Unlock()
	welcome := encodeHello(kWelcome, hello{version: e.version, nodeID: e.nodeID, port: e.listenPort(), subs: e.announceList(l)})
	e.sendNow(l, welcome)
	e.setPeered(l, true) // before the event: the handler may publish at once
	e.emit(l, e.eventFor(l, PeerAdded, SCPeerAdded, MsgHandshakeListener))
}

func (e *Endpoint) announceList(l *link) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.announceFor(l)
	l.announced = fmt.Sprint(s)
	return s
}

// welcome completes an outgoing handshake.
func (e *Endpoint) welcome(l *link, b []byte) {
	h, err := decodeHello(b)
	if err != nil {
		e.badFrame(l, "bad handshake")
		return
	}
	if h.version != e.version {
		e.incompatible(l, h.version)
		return
	}
	e.mu.Lock()
	var existing *link
	for _, o := range e.links {
		if o != l && !o.removed && o.status == Peered && o.nodeID == h.nodeID {
			existing = o
		}
	}
	l.nodeID = h.nodeID
	l.listenPort = h.port
	l.subs = h.subs
	l.match = nil
	e.mu.Unlock()
	now := time.Now()
	l.lastRecv, l.lastSend, l.progress = now, now, now
	if existing != nil {
		// Both sides peered each other at once: the connection opened by
		// the smaller node id survives, on both sides alike.
		if e.nodeID < h.nodeID {
			e.mu.Lock()
			l.q = existing.q
			existing.q = outq{}
			l.status = Peered
			e.mu.Unlock()
			e.sendNow(existing, []byte{kBye, byeDuplicate})
			e.dropLink(existing, true)
			e.setPeered(l, true)
			return
		}
		l.draining = existing
		l.drainUntil = now.Add(drainTime)
		e.mu.Lock()
		l.status = Connected
		l.hidden = true // not a peering of its own
		e.mu.Unlock()
		return
	}
	e.mu.Lock()
	l.status = Peered
	// The peer knows what our HELLO told it; any subscription made
	// since goes out with the next announcement.
	l.announced = l.helloSubs
	e.mu.Unlock()
	e.subsDirty.Store(true)
	e.setPeered(l, true)
	e.emit(l, e.eventFor(l, PeerAdded, SCPeerAdded, MsgHandshakeConnector))
}

func (e *Endpoint) incompatible(l *link, theirs uint16) {
	e.emit(l, e.eventFor(l, Error, ECPeerIncompatible,
		fmt.Sprintf("incompatible peer: it speaks bus wire format version %d, this endpoint version %d", theirs, e.version)))
	e.dropLink(l, false)
}

// refused handles a REFUSE from the listener.
func (e *Endpoint) refused(l *link, b []byte) {
	v, ok := peekVersion(b)
	if !ok || len(b) < 8 {
		e.badFrame(l, "bad refusal")
		return
	}
	switch b[7] {
	case refuseVersion:
		e.incompatible(l, v)
	default:
		// Already peered over the other side's connection, or with itself:
		// nothing to report, as Broker ignores repeated peerings.
		e.dropLink(l, false)
	}
}

// bye handles the end of a peering announced by the peer.
func (e *Endpoint) bye(l *link, reason byte) {
	switch reason {
	case byeDuplicate:
		e.dropLink(l, true)
	case byeGiveUp:
		e.emit(l, e.eventFor(l, PeerLost, SCPeerLost, MsgLost))
		e.setPeered(l, false)
		if l.outgoing {
			e.redial(l)
		} else {
			e.dropLink(l, false)
		}
	default:
		e.emit(l, e.eventFor(l, PeerLost, SCPeerLost, MsgLost))
		e.dropLink(l, false)
	}
}

// setPeered adds l to or removes it from the list Publish uses.
func (e *Endpoint) setPeered(l *link, on bool) {
	e.mu.Lock()
	np := make([]*link, 0, len(e.peered)+1)
	for _, o := range e.peered {
		if o != l {
			np = append(np, o)
		}
	}
	if on {
		np = append(np, l)
		l.dead = false
	}
	e.peered = np
	if !on {
		l.drops.Add(uint64(l.q.msgs))
		for _, c := range l.q.chunks {
			chunkPool.Put(c)
		}
		l.q = outq{}
		if e.waiters > 0 {
			e.cond.Broadcast()
		}
	}
	e.mu.Unlock()
	if e.cfg.Forward {
		e.subsDirty.Store(true)
	}
}

// dropLink ends l for good (no reconnection).
func (e *Endpoint) dropLink(l *link, silent bool) {
	_ = silent
	e.setPeered(l, false)
	e.removeLink(l)
}

func (e *Endpoint) removeLink(l *link) {
	e.closeDealer(l)
	if !l.outgoing {
		delete(e.byRid, string(l.rid))
		e.zombies[string(l.rid)] = time.Now()
		if l.fd >= 0 && e.byFd[l.fd] == l {
			delete(e.byFd, l.fd)
		}
	}
	l.removed = true
	e.mu.Lock()
	l.dead = true
	l.status = Disconnected
	for i, o := range e.links {
		if o == l {
			e.links = append(e.links[:i:i], e.links[i+1:]...)
			break
		}
	}
	if e.waiters > 0 {
		e.cond.Broadcast()
	}
	e.mu.Unlock()
}

// lose reports a peer lost and reconnects if this side peered with it
// and was asked to keep trying.
func (e *Endpoint) lose(l *link) {
	e.mu.Lock()
	peered := l.status == Peered
	e.mu.Unlock()
	if peered {
		e.emit(l, e.eventFor(l, PeerLost, SCPeerLost, MsgLost))
	}
	e.setPeered(l, false)
	if l.outgoing && l.retry > 0 {
		e.redial(l)
		return
	}
	e.removeLink(l)
}

// redial replaces l's DEALER by a fresh one (no stale frames) and starts
// the handshake again.
func (e *Endpoint) redial(l *link) {
	e.closeDealer(l)
	e.mu.Lock()
	if l.nodeID != "" {
		l.status = Reconnecting
	}
	l.dead = false
	e.mu.Unlock()
	l.draining = nil
	e.dial(l)
}

// readMonitor handles socket events: l is nil for the listening socket.
func (e *Endpoint) readMonitor(l *link) {
	mon := e.routerMon
	if l != nil {
		mon = l.mon
	}
	for i := 0; i < 64 && mon != nil; i++ {
		head, more, _, ok := mon.recv(e.fr)
		if !ok {
			return
		}
		var addr []byte
		if more {
			addr, _, _, _ = mon.recv(e.fr)
		}
		_ = addr
		if len(head) < 6 {
			continue
		}
		ev := int(binary.LittleEndian.Uint16(head))
		val := int(binary.LittleEndian.Uint32(head[2:]))
		if l == nil {
			e.routerEvent(ev, val)
		} else {
			e.dealerEvent(l, ev, val)
			if l.mon == nil {
				return
			}
		}
	}
}

func (e *Endpoint) routerEvent(ev, fd int) {
	switch ev {
	case evAccepted:
		if a, p := peerAddr(fd); a != "" {
			e.fdAddr[fd] = fmt.Sprintf("%s:%d", a, p)
		}
	case evDisconnected:
		delete(e.fdAddr, fd)
		if l := e.byFd[fd]; l != nil {
			delete(e.byFd, fd)
			l.fd = -1
			e.lose(l)
		}
	case evHandshakeProto, evHandshakeNoDet:
		e.badUnknown(fd)
	case evHandshakeAuth:
		// Reported by the ZAP handler, which knows the key.
	}
}

func (e *Endpoint) dealerEvent(l *link, ev, val int) {
	switch ev {
	case evConnected:
		l.tcpUp = true
		l.connectedAt = time.Now()
		e.mu.Lock()
		if l.status != Peered {
			l.status = Connected
		}
		e.mu.Unlock()
	case evConnectRetried, evClosed:
		if !l.tcpUp {
			e.unavailable(l, MsgUnavailable)
			if len(l.ips) > 1 && !l.removed {
				l.ipIdx++ // try the host's next address
				e.redial(l)
			}
		}
	case evDisconnected:
		wasUp := l.tcpUp
		l.tcpUp = false
		e.mu.Lock()
		peered := l.status == Peered
		if !peered && l.status == Connected {
			l.status = Connecting
		}
		e.mu.Unlock()
		switch {
		case peered:
			e.lose(l)
		case l.draining != nil:
			e.dropLink(l, true)
		case wasUp && e.curve:
			e.curveFailed(l, "")
		case wasUp:
			// Closed before the handshake completed: the HELLO went
			// with that connection, so start afresh.
			e.unavailable(l, MsgUnavailable)
			if !l.removed {
				e.redial(l)
			}
		}
	case evHandshakeAuth:
		e.emit(l, e.eventFor(l, Error, ECPeerUnavailable,
			fmt.Sprintf("remote endpoint refused this endpoint's CURVE key (ZAP status %d)", val)))
		e.dropLink(l, false)
	case evHandshakeProto, evHandshakeNoDet:
		if e.curve {
			e.curveFailed(l, "")
		}
	}
}

// curveFailed moves to the next candidate server key; after all of them
// failed once it reports an error and gives up.
func (e *Endpoint) curveFailed(l *link, _ string) {
	e.mu.Lock()
	peered := l.status == Peered
	e.mu.Unlock()
	if peered || l.dealer == nil {
		return
	}
	l.keyTries++
	if l.keyTries >= len(e.curveKeys) {
		e.emit(l, e.eventFor(l, Error, ECPeerUnavailable,
			"CURVE handshake failed with every known key: the remote endpoint is not authorised or does not accept this endpoint"))
		e.dropLink(l, false)
		return
	}
	l.keyIdx++
	e.redial(l)
}

// unavailable reports a failed connection attempt (at most once per
// retry interval) and gives up when no retry was asked for.
func (e *Endpoint) unavailable(l *link, msg string) {
	now := time.Now()
	if l.everFailed && l.retry > 0 && now.Sub(l.lastUnavail) < l.retry {
		return
	}
	l.everFailed = true
	l.lastUnavail = now
	e.emit(l, e.eventFor(l, Error, ECPeerUnavailable, msg))
	if l.retry <= 0 {
		e.dropLink(l, false)
	}
}

// timers runs heartbeats, timeouts, give-ups and clean-ups.
func (e *Endpoint) timers(now time.Time) {
	for _, l := range append([]*link(nil), e.links...) {
		if l.removed {
			continue
		}
		e.mu.Lock()
		status := l.status
		full := l.q.msgs >= e.limit
		if !full {
			l.progress = now
		}
		stuck := full && now.Sub(l.progress) > e.giveUp
		e.mu.Unlock()
		if l.draining != nil {
			if now.After(l.drainUntil) {
				e.dropLink(l, true)
			}
			continue
		}
		if status == Peered {
			if now.Sub(l.lastRecv) > e.hbTimeout {
				e.lose(l)
				continue
			}
			if stuck {
				e.giveUpLink(l)
				continue
			}
			if now.Sub(l.lastSend) >= e.hbIvl && len(l.ctrl) == 0 {
				e.sendNow(l, []byte{kPing})
			}
			if l.cn != nil {
				if c := l.cn.consumed.Load(); c > l.ackedSent {
					l.ctrl = append(l.ctrl, binary.AppendUvarint([]byte{kAck}, c))
					l.ackedSent = c
				}
			}
			continue
		}
		if l.outgoing && l.tcpUp && now.Sub(l.connectedAt) > handshakeTimeout {
			e.emit(l, e.eventFor(l, Error, ECPeerTimeout, "peering request timed out"))
			if l.retry > 0 {
				e.redial(l)
			} else {
				e.dropLink(l, false)
			}
		}
	}
	for rid, t := range e.zombies {
		if now.Sub(t) > zombieTime {
			delete(e.zombies, rid)
		}
	}
}

// giveUpLink drops a stuck peer's queue and re-establishes the peering.
func (e *Endpoint) giveUpLink(l *link) {
	e.mu.Lock()
	n := l.q.msgs
	e.mu.Unlock()
	e.emit(l, e.eventFor(l, PeerGivenUp, SCPeerLost,
		fmt.Sprintf("peer given up: its queue stayed full for %v; %d queued messages dropped", e.giveUp, n)))
	e.setPeered(l, false) // counts the queue as drops, wakes publishers
	if l.outgoing {
		e.redial(l)
		return
	}
	// Tell the peer to connect again, then forget this connection.
	e.sendRaw(l, []byte{kBye, byeGiveUp})
	e.removeLink(l)
}

// announce sends changed subscription sets to the peers.
func (e *Endpoint) announce() {
	e.mu.Lock()
	var sends []*link
	var frames [][]byte
	for _, l := range e.peered {
		s := e.announceFor(l)
		key := fmt.Sprint(s)
		if key != l.announced {
			l.announced = key
			sends = append(sends, l)
			frames = append(frames, encodeSubs(s))
		}
	}
	e.mu.Unlock()
	for i, l := range sends {
		e.sendNow(l, frames[i])
	}
}

// badFrame counts a malformed frame from a peer, reporting the first.
func (e *Endpoint) badFrame(l *link, why string) {
	l.bad.Add(1)
	if l.badReported.CompareAndSwap(false, true) {
		e.emit(l, e.eventFor(l, Error, ECInvalidData, "malformed frame from peer dropped ("+why+"); further ones are only counted"))
	}
}

// badUnknown counts a malformed frame or handshake from a connection that
// is not a peer, reporting the first per source address.
func (e *Endpoint) badUnknown(fd int) {
	src := e.fdAddr[fd]
	if src == "" {
		if a, p := peerAddr(fd); a != "" {
			src = fmt.Sprintf("%s:%d", a, p)
		}
	}
	host := src
	if i := lastColon(host); i > 0 {
		host = host[:i]
	}
	e.mu.Lock()
	e.unknown.BadFrames++
	e.mu.Unlock()
	if !e.reported[host] && len(e.reported) < 1024 {
		e.reported[host] = true
		if src == "" {
			src = "an unknown source"
		}
		e.emit(nil, PeerEvent{Kind: Error, Code: ECInvalidData,
			Msg: "malformed frame from " + src + " dropped; further ones are only counted"})
	}
}

func lastColon(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ':' {
			return i
		}
	}
	return -1
}

// teardown closes every socket; the loop ends after it.
func (e *Endpoint) teardown() {
	for _, l := range e.links {
		e.closeDealer(l)
	}
	e.mu.Lock()
	for _, l := range e.links {
		l.dead = true
	}
	e.peered = nil
	e.mu.Unlock()
	if e.router != nil {
		e.router.monitor("")
		e.router.destroy()
		e.routerMon.destroy()
		e.router, e.routerMon = nil, nil
	}
	e.wakePull.destroy()
}
