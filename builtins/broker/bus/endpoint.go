package bus

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/zeromq/goczmq"
)

const (
	chunkMax         = 64 << 10   // a batch frame is closed at this size
	window           = 8 << 20    // credit: unacknowledged data bytes per link
	ackStep          = window / 4 // the receiver acknowledges at least this often
	frameCost        = 64         // credit charged per frame besides its bytes
	zmqHWM           = 100000     // frames; credit keeps ZeroMQ's pipes far below this
	tick             = 50 * time.Millisecond
	handshakeTimeout = 10 * time.Second // connected but no answer to HELLO
	drainTime        = 3 * time.Second  // a collapsed duplicate link is read this long
	zombieTime       = 30 * time.Second
	linger           = 200 // ms
)

var endpointSeq atomic.Uint64

// Endpoint is one node of the bus: one listening port (optional), any
// number of peerings, subscriptions, and a bounded queue per peer.
type Endpoint struct {
	cfg     Config
	h       Handler
	nodeID  string
	version uint16
	id      uint64

	limit     int
	giveUp    time.Duration
	hbIvl     time.Duration
	hbTimeout time.Duration
	maxMsg    int
	curve     bool
	curveKeys []string // server keys a connector tries
	authKeys  map[[32]byte]bool
	zapDomain string

	// mu guards the fields below and the shared fields of every link.
	mu       sync.Mutex
	cond     *sync.Cond
	closed   bool
	links    []*link
	peered   []*link // copy-on-write: Publish iterates it
	subs     map[string]bool
	subsGen  atomic.Uint64
	seq      uint64
	waiters  int
	unknown  PeerStats // bad frames from connections that are no peers
	refusals map[string]time.Time

	sleeping atomic.Int32
	wakeMu   sync.Mutex
	wakePush *rawSock
	inSend   atomic.Int32

	cmds chan func()

	// Owned by the loop goroutine.
	stopping    bool
	router      *rawSock
	routerMon   *rawSock
	routerBlock bool
	wakePull    *rawSock
	byRid       map[string]*link
	byFd        map[int]*link
	zombies     map[string]time.Time
	reported    map[string]bool
	fdAddr      map[int]string
	subsDirty   atomic.Bool
	ackIdle     atomic.Bool // the dispatcher ran dry: acknowledge all consumed
	dealers     []dealerPoll
	nextLinkID  uint64
	monSeq      uint64
	ps          pollSet
	fr          frame
	lastTick    time.Time

	// Dispatcher.
	dmu      sync.Mutex
	dcond    *sync.Cond
	dq       []ditem
	dspare   []ditem
	dstop    bool
	seen     map[string]*seenWin
	interned map[string]string
	ownGen   uint64
	own      []string
	ownMatch map[string]bool

	loopDone chan struct{}
	dispDone chan struct{}
	once     sync.Once
}

// dealerPoll places a DEALER and its monitor in the poll set.
type dealerPoll struct {
	l       *link
	i, imon int
}

// link is one peering (or an attempt at one).
type link struct {
	id       uint64
	outgoing bool
	retry    time.Duration
	ips      []string // resolved addresses of a host name given to Peer
	ipIdx    int

	// Loop-owned.
	dealer      *rawSock
	mon         *rawSock
	rid         []byte
	fd          int
	ctrl        [][]byte
	blocked     bool
	tcpUp       bool
	lastSend    time.Time
	lastRecv    time.Time
	connectedAt time.Time
	lastUnavail time.Time
	everFailed  bool
	keyIdx      int
	keyTries    int
	sentData    uint64
	peerAcked   uint64
	ackedSent   uint64
	cn          *conn
	draining    *link // a collapsed duplicate: deliver its frames as this link's
	drainUntil  time.Time
	removed     bool

	// Shared under Endpoint.mu.
	nodeID     string
	addr       string
	port       uint16
	listenPort uint16
	status     PeerStatus
	subs       []string
	announced  string
	// helloSubs is the subscription set our last HELLO carried.
	helloSubs string
	match     map[string]bool
	q         outq
	dead      bool
	hidden    bool
	progress  time.Time

	msgsIn, msgsOut, bytesIn, bytesOut, drops, bad atomic.Uint64
	badReported                                    atomic.Bool
	win                                            *seenWin // dispatcher-owned, for winID
	winID                                          string
}

// conn is the per-connection credit state the dispatcher updates.
type conn struct {
	consumed atomic.Uint64
	received uint64 // loop-owned: data bytes (plus frameCost) received
}

type chunk struct {
	b       []byte
	kind    byte
	lastSeq uint64
	n       int
}

type outq struct {
	chunks []*chunk
	msgs   int
}

type ditem struct {
	l    *link
	cn   *conn
	data []byte
	ev   *PeerEvent
}

var chunkPool = sync.Pool{New: func() any { return &chunk{b: make([]byte, 0, chunkMax+1024)} }}

// New creates an endpoint; it starts its goroutines but neither listens
// nor peers.
func New(cfg Config, h Handler) (*Endpoint, error) {
	if h == nil {
		return nil, errors.New("bus: nil handler")
	}
	e := &Endpoint{
		cfg:       cfg,
		h:         h,
		version:   WireVersion,
		id:        endpointSeq.Add(1),
		limit:     cfg.QueueLimit,
		giveUp:    cfg.GiveUpAfter,
		hbIvl:     cfg.HeartbeatInterval,
		hbTimeout: cfg.HeartbeatTimeout,
		maxMsg:    cfg.MaxMessageSize,
		subs:      map[string]bool{},
		cmds:      make(chan func(), 256),
		byRid:     map[string]*link{},
		byFd:      map[int]*link{},
		zombies:   map[string]time.Time{},
		reported:  map[string]bool{},
		fdAddr:    map[int]string{},
		seen:      map[string]*seenWin{},
		interned:  map[string]string{},
		ownMatch:  map[string]bool{},
		loopDone:  make(chan struct{}),
		dispDone:  make(chan struct{}),
	}
	if e.limit <= 0 {
		e.limit = DefaultQueueLimit
	}
	if e.giveUp <= 0 {
		e.giveUp = DefaultGiveUpAfter
	}
	if e.hbIvl <= 0 {
		e.hbIvl = DefaultHeartbeatInterval
	}
	if e.hbTimeout <= 0 {
		e.hbTimeout = DefaultHeartbeatTimeout
	}
	if e.maxMsg <= 0 {
		e.maxMsg = DefaultMaxMessageSize
	}
	e.cond = sync.NewCond(&e.mu)
	e.dcond = sync.NewCond(&e.dmu)
	var rnd [20]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, err
	}
	e.nodeID = strings.ToUpper(hex.EncodeToString(rnd[:])) + "#" + strconv.Itoa(os.Getpid())

	if cfg.CurvePublic != "" || cfg.CurveSecret != "" {
		if cfg.CurvePublic == "" || cfg.CurveSecret == "" {
			return nil, errors.New("bus: CURVE needs both a public and a secret key")
		}
		if _, err := z85Key(cfg.CurvePublic); err != nil {
			return nil, fmt.Errorf("bus: CURVE public key: %v", err)
		}
		if _, err := z85Key(cfg.CurveSecret); err != nil {
			return nil, fmt.Errorf("bus: CURVE secret key: %v", err)
		}
		e.curve = true
		e.authKeys = map[[32]byte]bool{}
		own := false
		for _, k := range cfg.CurveAuthorized {
			kb, err := z85Key(k)
			if err != nil {
				return nil, fmt.Errorf("bus: CURVE authorized key %q: %v", k, err)
			}
			e.authKeys[kb] = true
			e.curveKeys = append(e.curveKeys, k)
			own = own || k == cfg.CurvePublic
		}
		if !own {
			e.curveKeys = append(e.curveKeys, cfg.CurvePublic)
		}
		e.zapDomain = fmt.Sprintf("gobro-bus-%d", e.id)
	}

	var err error
	if e.wakePull, err = newRaw(goczmq.Pull); err != nil {
		return nil, err
	}
	wakeEP := fmt.Sprintf("inproc://gobro-bus-%d-wake", e.id)
	if err = e.wakePull.bind(wakeEP); err != nil {
		e.wakePull.destroy()
		return nil, err
	}
	if e.wakePush, err = newRaw(goczmq.Push); err != nil {
		e.wakePull.destroy()
		return nil, err
	}
	e.wakePush.s.SetSndhwm(0)
	if err = e.wakePush.connect(wakeEP); err != nil {
		e.wakePull.destroy()
		e.wakePush.destroy()
		return nil, err
	}
	if e.curve {
		if err = zapRegister(e.zapDomain, e); err != nil {
			e.wakePull.destroy()
			e.wakePush.destroy()
			return nil, err
		}
	}
	e.fr = newFrame()
	go e.loop()
	go e.dispatch()
	return e, nil
}

// NodeID returns the endpoint's node id: 40 hex digits and the process
// id, like Broker's CAF node ids; unique per endpoint and run.
func (e *Endpoint) NodeID() string { return e.nodeID }

// do runs f on the loop goroutine and waits for it.
func (e *Endpoint) do(f func()) bool {
	done := make(chan struct{})
	if !e.post(func() { f(); close(done) }) {
		return false
	}
	select {
	case <-done:
		return true
	case <-e.loopDone:
		return false
	}
}

// post queues f for the loop goroutine.
func (e *Endpoint) post(f func()) bool {
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed {
		return false
	}
	select {
	case e.cmds <- f:
	case <-e.loopDone:
		return false
	}
	e.wake(true)
	return true
}

// wake interrupts the loop's poll; unless forced, only when it sleeps.
func (e *Endpoint) wake(force bool) {
	if force {
		e.sleeping.Store(0)
	} else if !e.sleeping.CompareAndSwap(1, 0) {
		return
	}
	e.wakeMu.Lock()
	if e.wakePush != nil {
		e.wakePush.send(nil, nil)
	}
	e.wakeMu.Unlock()
}

func zmqEndpoint(addr string, port uint16) string {
	p := strconv.Itoa(int(port))
	if port == 0 {
		p = "*"
	}
	switch {
	case addr == "" || addr == "0.0.0.0" || addr == "::":
		return "tcp://*:" + p
	case strings.Contains(addr, ":"):
		return "tcp://[" + strings.Trim(addr, "[]") + "]:" + p
	}
	return "tcp://" + addr + ":" + p
}

// Listen binds the endpoint's port: addr "" means all addresses, IPv4
// and IPv6; port 0 picks a free port. It returns the bound port. A busy
// port gives an error wrapping syscall.EADDRINUSE ("address already in
// use").
func (e *Endpoint) Listen(addr string, port uint16) (uint16, error) {
	var bound uint16
	var err error
	if !e.do(func() { bound, err = e.listen(addr, port) }) {
		return 0, errors.New("endpoint closed")
	}
	return bound, err
}

func (e *Endpoint) setCommonOpts(s *rawSock) {
	s.s.SetIpv6(1)
	s.s.SetLinger(linger)
	s.s.SetSndhwm(zmqHWM)
	s.s.SetRcvhwm(zmqHWM)
	s.s.SetMaxmsgsize(max(e.maxMsg, chunkMax+1024) + 4096)
	s.s.SetHandshakeIvl(int(handshakeTimeout / time.Millisecond))
	if e.curve {
		s.s.SetCurvePublickey(e.cfg.CurvePublic)
		s.s.SetCurveSecretkey(e.cfg.CurveSecret)
	}
}

// startMonitor attaches a monitor PAIR to s.
func (e *Endpoint) startMonitor(s *rawSock) (*rawSock, error) {
	e.monSeq++
	ep := fmt.Sprintf("inproc://gobro-bus-%d-mon-%d", e.id, e.monSeq)
	if err := s.monitor(ep); err != nil {
		return nil, err
	}
	m, err := newRaw(goczmq.Pair)
	if err != nil {
		s.monitor("")
		return nil, err
	}
	if err := m.connect(ep); err != nil {
		s.monitor("")
		m.destroy()
		return nil, err
	}
	return m, nil
}

func (e *Endpoint) listen(addr string, port uint16) (uint16, error) {
	fresh := false
	if e.router == nil {
		r, err := newRaw(goczmq.Router)
		if err != nil {
			return 0, err
		}
		e.setCommonOpts(r)
		r.s.SetRouterMandatory(1)
		if e.curve {
			r.s.SetCurveServer(1)
			r.s.SetZapDomain(e.zapDomain)
		}
		m, err := e.startMonitor(r)
		if err != nil {
			r.destroy()
			return 0, err
		}
		e.router, e.routerMon = r, m
		fresh = true
	}
	if err := e.router.bind(zmqEndpoint(addr, port)); err != nil {
		if fresh {
			e.router.monitor("")
			e.router.destroy()
			e.routerMon.destroy()
			e.router, e.routerMon = nil, nil
		}
		return 0, err
	}
	last := e.router.s.LastEndpoint()
	i := strings.LastIndexByte(last, ':')
	p, err := strconv.Atoi(last[i+1:])
	if i < 0 || err != nil {
		return 0, fmt.Errorf("cannot read bound port from %q", last)
	}
	return uint16(p), nil
}

// Peer starts peering with addr:port and returns at once. Without
// success it reports Error(ECPeerUnavailable) and, with retry > 0, keeps
// trying (reporting again every retry) until connected; with retry 0 it
// gives up after the first failure. A lost peer is re-peered as soon as
// it is back (ZeroMQ reconnects within 0.5 s).
func (e *Endpoint) Peer(addr string, port uint16, retry time.Duration) {
	// A host name is resolved here, not on the socket goroutine; its
	// addresses (IPv4 first) are tried in turn while connecting fails.
	var ips []string
	if net.ParseIP(strings.Trim(addr, "[]")) == nil {
		if res, err := net.LookupIP(addr); err == nil {
			sort.SliceStable(res, func(i, j int) bool { return res[i].To4() != nil && res[j].To4() == nil })
			for _, ip := range res {
				ips = append(ips, ip.String())
			}
		}
	}
	e.peer(addr, port, retry, ips)
}

func (e *Endpoint) peer(addr string, port uint16, retry time.Duration, ips []string) {
	e.post(func() {
		for _, l := range e.links {
			if l.outgoing && !l.removed && l.addr == addr && l.port == port {
				return // repeated request: ignored, as Broker does
			}
		}
		e.nextLinkID++
		l := &link{id: e.nextLinkID, outgoing: true, retry: retry, addr: addr, port: port, fd: -1, ips: ips}
		e.mu.Lock()
		l.status = Connecting
		e.links = append(e.links, l)
		e.mu.Unlock()
		e.dial(l)
	})
}

// dial creates the link's DEALER and queues its HELLO.
func (e *Endpoint) dial(l *link) {
	d, err := newRaw(goczmq.Dealer)
	if err == nil {
		e.setCommonOpts(d)
		d.s.SetReconnectIvl(100)
		d.s.SetReconnectIvlMax(500)
		// Frames are queued only on a connection that is up. Otherwise
		// the HELLO waits in the DEALER while it connects, and a DEALER
		// discarded by a redial would, while it lingers, connect to a
		// listener that has just come up and deliver it there: a ghost
		// peering of this node, added and lost again at once.
		d.s.SetImmediate(1)
		if e.curve {
			d.s.SetCurveServerkey(e.curveKeys[l.keyIdx%len(e.curveKeys)])
		}
		var m *rawSock
		if m, err = e.startMonitor(d); err == nil {
			target := l.addr
			if len(l.ips) > 0 {
				target = l.ips[l.ipIdx%len(l.ips)]
			}
			if err = d.connect(zmqEndpoint(target, l.port)); err != nil {
				d.monitor("")
				m.destroy()
			} else {
				l.dealer, l.mon = d, m
			}
		}
		if err != nil {
			d.destroy()
		}
	}
	if err != nil {
		e.emit(nil, PeerEvent{Kind: Error, Code: ECPeerUnavailable, Addr: l.addr, Port: l.port,
			Msg: MsgUnavailable + ": " + err.Error()})
		e.removeLink(l)
		return
	}
	l.tcpUp = false
	l.blocked = false
	l.sentData, l.peerAcked, l.ackedSent = 0, 0, 0
	l.cn = &conn{}
	h := e.helloFor(l)
	// What the HELLO tells the peer of our subscriptions: subscriptions
	// added before the peering completes are announced after it.
	l.helloSubs = fmt.Sprint(h.subs)
	l.ctrl = [][]byte{encodeHello(kHello, h)}
}

func (e *Endpoint) closeDealer(l *link) {
	if l.dealer != nil {
		l.dealer.monitor("")
		l.dealer.destroy()
		l.mon.destroy()
		l.dealer, l.mon = nil, nil
	}
	l.ctrl = nil
}

func (e *Endpoint) helloFor(l *link) hello {
	e.mu.Lock()
	subs := e.announceFor(l)
	e.mu.Unlock()
	return hello{version: e.version, nodeID: e.nodeID, port: e.listenPort(), subs: subs}
}

func (e *Endpoint) listenPort() uint16 {
	if e.router == nil {
		return 0
	}
	last := e.router.s.LastEndpoint()
	i := strings.LastIndexByte(last, ':')
	p, _ := strconv.Atoi(last[i+1:])
	return uint16(p)
}

// announceFor returns the subscriptions to announce to l: the own ones
// and, when forwarding, those of the other peers. e.mu held.
func (e *Endpoint) announceFor(l *link) []string {
	set := map[string]bool{}
	for s := range e.subs {
		set[s] = true
	}
	if e.cfg.Forward {
		for _, o := range e.peered {
			if o != l && o.nodeID != l.nodeID {
				for _, s := range o.subs {
					set[s] = true
				}
			}
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Unpeer ends the peering with addr:port (as given to Peer, or the
// peer's address and listening port). The peer is told; this side
// reports PeerRemoved "removed peering", the other side PeerLost "lost
// remote peer" as Broker 1.1 does, and neither reconnects. It returns
// false when there is no such peering (the caller reports Broker's
// "no such peer when unpeering").
func (e *Endpoint) Unpeer(addr string, port uint16) bool {
	// Resolved here, not on the socket goroutine, which must not block.
	var ips []net.IP
	if ip := net.ParseIP(strings.Trim(addr, "[]")); ip != nil {
		ips = []net.IP{ip}
	} else {
		ips, _ = net.LookupIP(addr)
	}
	found := false
	e.do(func() {
		for _, l := range e.links {
			if l.removed {
				continue
			}
			match := l.outgoing && l.addr == addr && l.port == port
			if !match && !l.outgoing && l.listenPort == port && sameHost(l.addr, addr, ips) {
				match = true
			}
			if !match {
				continue
			}
			found = true
			e.mu.Lock()
			wasPeered := l.status == Peered
			e.mu.Unlock()
			if wasPeered {
				e.sendNow(l, []byte{kBye, byeUnpeer})
				e.emit(nil, e.eventFor(l, PeerRemoved, SCPeerRemoved, MsgRemoved))
			}
			e.dropLink(l, false)
			return
		}
	})
	return found
}

// sameHost reports whether the seen address a is one of ips, or equals
// the given address text b.
func sameHost(a, b string, ips []net.IP) bool {
	if a == b {
		return true
	}
	ia := net.ParseIP(a)
	for _, x := range ips {
		if ia != nil && x.Equal(ia) {
			return true
		}
	}
	return false
}

// Subscribe adds a topic prefix; peers are told.
func (e *Endpoint) Subscribe(prefix string) {
	e.mu.Lock()
	if !e.subs[prefix] {
		e.subs[prefix] = true
		e.subsGen.Add(1)
		e.subsDirty.Store(true)
	}
	e.mu.Unlock()
	e.wake(true)
}

// Unsubscribe removes a topic prefix; peers are told.
func (e *Endpoint) Unsubscribe(prefix string) {
	e.mu.Lock()
	if e.subs[prefix] {
		delete(e.subs, prefix)
		e.subsGen.Add(1)
		e.subsDirty.Store(true)
	}
	e.mu.Unlock()
	e.wake(true)
}

func matches(subs []string, topic string) bool {
	for _, s := range subs {
		if strings.HasPrefix(topic, s) {
			return true
		}
	}
	return false
}

// wants reports whether l subscribes to topic (e.mu held).
func (l *link) wants(topic string) bool {
	if v, ok := l.match[topic]; ok {
		return v
	}
	v := matches(l.subs, topic)
	if l.match == nil || len(l.match) > 4096 {
		l.match = map[string]bool{}
	}
	l.match[topic] = v
	return v
}

// Publish queues a message for every peer subscribed to topic (never
// for this endpoint itself). It blocks while a subscribed peer's queue
// is full, until the peer takes from it, is given up or lost, or the
// endpoint closes. A message above MaxMessageSize is not sent: an Error
// event reports it and Drops counts it.
func (e *Endpoint) Publish(topic string, payload []byte) {
	if len(topic)+len(payload) > e.maxMsg {
		e.emit(nil, PeerEvent{Kind: Error, Code: ECInvalidData,
			Msg: fmt.Sprintf("message of %d bytes on topic %q exceeds the limit of %d bytes; not sent", len(topic)+len(payload), topic, e.maxMsg)})
		e.mu.Lock()
		e.unknown.Drops++
		e.mu.Unlock()
		return
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	e.seq++
	seq := e.seq
	queued := false
	for _, l := range e.peered {
		if !l.wants(topic) {
			continue
		}
		if !e.waitRoom(l) {
			continue
		}
		l.appendMsg(kData, seq, 0, "", topic, payload)
		queued = true
	}
	e.mu.Unlock()
	if queued {
		e.wake(false)
	}
}

// waitRoom waits (e.mu held) until l's queue has room; false when l went
// away or the endpoint closed meanwhile.
func (e *Endpoint) waitRoom(l *link) bool {
	for l.q.msgs >= e.limit && !l.dead && !e.closed {
		e.waiters++
		e.wake(true)
		e.cond.Wait()
		e.waiters--
	}
	return !l.dead && !e.closed
}

// appendMsg encodes one message into l's queue (e.mu held).
func (l *link) appendMsg(kind byte, seq uint64, ttl int, origin, topic string, payload []byte) {
	need := len(topic) + len(payload) + len(origin) + 32
	var c *chunk
	if n := len(l.q.chunks); n > 0 {
		c = l.q.chunks[n-1]
		if c.kind != kind || len(c.b)+need > chunkMax {
			c = nil
		}
	}
	if c == nil {
		c = chunkPool.Get().(*chunk)
		c.b = append(c.b[:0], kind)
		c.kind = kind
		c.n = 0
		if kind == kData {
			c.b = appendUvarint(c.b, seq)
			c.lastSeq = seq
		}
		l.q.chunks = append(l.q.chunks, c)
	}
	if kind == kData {
		c.b = appendUvarint(c.b, seq-c.lastSeq)
		c.lastSeq = seq
	} else {
		c.b = append(c.b, byte(ttl))
		c.b = appendStr(c.b, origin)
		c.b = appendUvarint(c.b, seq)
	}
	c.b = appendStr(c.b, topic)
	c.b = appendUvarint(c.b, uint64(len(payload)))
	c.b = append(c.b, payload...)
	c.n++
	l.q.msgs++
}

// Peers lists the peerings and pending outgoing attempts.
func (e *Endpoint) Peers() []PeerInfo {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []PeerInfo
	for _, l := range e.links {
		if l.dead || l.hidden {
			continue
		}
		out = append(out, PeerInfo{NodeID: l.nodeID, Addr: l.addr, Port: l.port, ListenPort: l.listenPort,
			Status: l.status, Outbound: l.outgoing})
	}
	return out
}

// Stats returns the counters of each current peering, plus a row with
// empty NodeID and Addr for bad frames from connections that never
// became peers and for refused oversized messages, when non-zero.
func (e *Endpoint) Stats() []PeerStats {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []PeerStats
	for _, l := range e.links {
		if l.dead || l.hidden {
			continue
		}
		out = append(out, PeerStats{NodeID: l.nodeID, Addr: l.addr, Port: l.port,
			MsgsIn: l.msgsIn.Load(), MsgsOut: l.msgsOut.Load(), BytesIn: l.bytesIn.Load(), BytesOut: l.bytesOut.Load(),
			QueueDepth: l.q.msgs, Drops: l.drops.Load(), BadFrames: l.bad.Load()})
	}
	if e.unknown.BadFrames > 0 || e.unknown.Drops > 0 {
		out = append(out, e.unknown)
	}
	return out
}

// Flush waits, at most timeout, until every queued message has been
// handed to ZeroMQ and the peers have acknowledged all they were sent
// (their handlers got the messages).
func (e *Endpoint) Flush(timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		done := true
		if !e.do(func() {
			e.mu.Lock()
			for _, l := range e.peered {
				if l.q.msgs > 0 || len(l.ctrl) > 0 || l.sentData != l.peerAcked {
					done = false
				}
			}
			e.mu.Unlock()
		}) {
			return
		}
		if done {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// Close stops the endpoint: sockets closed, goroutines ended. Peers see
// the connection close (PeerLost). Publish calls blocked return. Close
// waits for a Handler call in progress and delivers nothing after it;
// call Flush first to have queued messages reach the peers.
func (e *Endpoint) Close() {
	e.once.Do(func() {
		select {
		case e.cmds <- func() { e.stopping = true }:
		case <-e.loopDone:
		}
		e.wake(true)
		<-e.loopDone
		e.mu.Lock()
		e.closed = true
		e.cond.Broadcast()
		e.mu.Unlock()
		e.dmu.Lock()
		e.dstop = true
		e.dcond.Signal()
		e.dmu.Unlock()
		<-e.dispDone
		if e.curve {
			zapUnregister(e.zapDomain)
		}
		e.wakeMu.Lock()
		e.wakePush.destroy()
		e.wakePush = nil
		e.wakeMu.Unlock()
		e.fr.free()
	})
}

// emit queues an event for the handler, after everything queued before.
func (e *Endpoint) emit(l *link, ev PeerEvent) {
	e.dmu.Lock()
	e.dq = append(e.dq, ditem{l: l, ev: &ev})
	e.dcond.Signal()
	e.dmu.Unlock()
}

func (e *Endpoint) eventFor(l *link, k EventKind, code int, msg string) PeerEvent {
	e.mu.Lock()
	defer e.mu.Unlock()
	return PeerEvent{Kind: k, Code: code, NodeID: l.nodeID, Addr: l.addr, Port: l.port, ListenPort: l.listenPort, Msg: msg}
}

// peerAddr returns the remote IP and port of a socket descriptor.
func peerAddr(fd int) (string, uint16) {
	if fd < 0 {
		return "", 0
	}
	sa, err := syscall.Getpeername(fd)
	if err != nil {
		return "", 0
	}
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return net.IP(a.Addr[:]).String(), uint16(a.Port)
	case *syscall.SockaddrInet6:
		return net.IP(a.Addr[:]).String(), uint16(a.Port)
	}
	return "", 0
}
