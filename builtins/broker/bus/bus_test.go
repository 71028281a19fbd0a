package bus

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zeromq/goczmq"
)

// rec is a Handler that records what it gets.
type rec struct {
	mu     sync.Mutex
	msgs   []string // "topic=payload"
	events chan PeerEvent
	slow   time.Duration
	n      int
}

func newRec() *rec { return &rec{events: make(chan PeerEvent, 1000)} }

func (r *rec) Message(topic string, payload []byte) {
	if r.slow > 0 {
		r.mu.Lock()
		r.n++
		n := r.n
		r.mu.Unlock()
		if n%500 == 0 {
			time.Sleep(r.slow)
		}
	}
	r.mu.Lock()
	r.msgs = append(r.msgs, topic+"="+string(payload))
	r.mu.Unlock()
}

func (r *rec) Event(ev PeerEvent) { r.events <- ev }

func (r *rec) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.msgs...)
}

func (r *rec) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.msgs)
}

// waitEvent waits for an event of kind k, failing after d; other events
// are skipped (and logged).
func waitEvent(t *testing.T, r *rec, k EventKind, d time.Duration) PeerEvent {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case ev := <-r.events:
			if ev.Kind == k {
				return ev
			}
			t.Logf("skipped event %+v", ev)
		case <-deadline:
			t.Fatalf("no %v event within %v", k, d)
		}
	}
}

// noEvent fails if an event of kind k arrives within d.
func noEvent(t *testing.T, r *rec, k EventKind, d time.Duration) {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case ev := <-r.events:
			if ev.Kind == k {
				t.Fatalf("unexpected event %+v", ev)
			}
		case <-deadline:
			return
		}
	}
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newEP(t *testing.T, cfg Config) (*Endpoint, *rec) {
	t.Helper()
	r := newRec()
	e, err := New(cfg, r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e, r
}

func listen(t *testing.T, e *Endpoint) uint16 {
	t.Helper()
	p, err := e.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// pair peers b with a (a listens) and waits for both PeerAdded events.
func pair(t *testing.T, a *Endpoint, ra *rec, b *Endpoint, rb *rec) {
	t.Helper()
	p := listen(t, a)
	b.Peer("127.0.0.1", p, time.Second)
	ea := waitEvent(t, ra, PeerAdded, 5*time.Second)
	eb := waitEvent(t, rb, PeerAdded, 5*time.Second)
	if ea.Msg != MsgHandshakeListener || eb.Msg != MsgHandshakeConnector {
		t.Fatalf("handshake texts: listener %q, connector %q", ea.Msg, eb.Msg)
	}
	if ea.NodeID != b.NodeID() || eb.NodeID != a.NodeID() {
		t.Fatalf("node ids: %q %q", ea.NodeID, eb.NodeID)
	}
	if eb.Addr != "127.0.0.1" || eb.Port != p || ea.Code != SCPeerAdded {
		t.Fatalf("connector event %+v", eb)
	}
}

func TestPeerBothWaysAndFilter(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	a.Subscribe("a/")
	b.Subscribe("b/")
	pair(t, a, ra, b, rb)
	// Subscriptions reach the other side with the handshake.
	a.Publish("b/1", []byte("from-a"))
	b.Publish("a/1", []byte("from-b"))
	a.Publish("c/1", []byte("nobody"))
	b.Publish("b/self", []byte("not to self"))
	a.Publish("a/self", []byte("not to self"))
	waitFor(t, 3*time.Second, "messages", func() bool { return ra.count() == 1 && rb.count() == 1 })
	time.Sleep(100 * time.Millisecond)
	if g := ra.got(); len(g) != 1 || g[0] != "a/1=from-b" {
		t.Fatalf("a got %v", g)
	}
	if g := rb.got(); len(g) != 1 || g[0] != "b/1=from-a" {
		t.Fatalf("b got %v", g)
	}
	// A subscription made after peering is announced.
	b.Subscribe("late")
	waitFor(t, 3*time.Second, "late subscription", func() bool {
		a.Publish("late/x", []byte("1"))
		time.Sleep(20 * time.Millisecond)
		return rb.count() > 1
	})
	b.Unsubscribe("late")
	time.Sleep(200 * time.Millisecond)
	n := rb.count()
	a.Publish("late/y", []byte("2"))
	time.Sleep(200 * time.Millisecond)
	if rb.count() != n {
		t.Fatalf("message after unsubscribe delivered: %v", rb.got())
	}
	ps := a.Peers()
	if len(ps) != 1 || ps[0].Status != Peered || ps[0].NodeID != b.NodeID() {
		t.Fatalf("peers %+v", ps)
	}
}

func TestRepeatedAndMutualPeering(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	pa := listen(t, a)
	pb := listen(t, b)
	b.Peer("127.0.0.1", pa, time.Second)
	waitEvent(t, ra, PeerAdded, 5*time.Second)
	waitEvent(t, rb, PeerAdded, 5*time.Second)
	b.Peer("127.0.0.1", pa, time.Second) // repeated: ignored
	a.Peer("127.0.0.1", pb, time.Second) // the other way: collapses
	noEvent(t, ra, PeerAdded, 500*time.Millisecond)
	noEvent(t, rb, PeerAdded, 100*time.Millisecond)
	if n := len(a.Peers()); n != 1 {
		t.Fatalf("a has %d peerings: %+v", n, a.Peers())
	}
	if n := len(b.Peers()); n != 1 {
		t.Fatalf("b has %d peerings: %+v", n, b.Peers())
	}
	b.Subscribe("x")
	waitFor(t, 3*time.Second, "message", func() bool {
		a.Publish("x", []byte("1"))
		time.Sleep(20 * time.Millisecond)
		return rb.count() > 0
	})
}

func TestSimultaneousPeering(t *testing.T) {
	for i := 0; i < 5; i++ {
		a, ra := newEP(t, Config{})
		b, rb := newEP(t, Config{})
		pa := listen(t, a)
		pb := listen(t, b)
		a.Peer("127.0.0.1", pb, time.Second)
		b.Peer("127.0.0.1", pa, time.Second)
		waitEvent(t, ra, PeerAdded, 5*time.Second)
		waitEvent(t, rb, PeerAdded, 5*time.Second)
		time.Sleep(300 * time.Millisecond)
		var np func(e *Endpoint) int = func(e *Endpoint) int {
			n := 0
			for _, p := range e.Peers() {
				if p.Status == Peered {
					n++
				}
			}
			return n
		}
		if np(a) != 1 || np(b) != 1 {
			t.Fatalf("round %d: peerings a %+v b %+v", i, a.Peers(), b.Peers())
		}
		a.Subscribe("s")
		b.Subscribe("s")
		waitFor(t, 3*time.Second, "both ways", func() bool {
			a.Publish("s", []byte("a"))
			b.Publish("s", []byte("b"))
			time.Sleep(20 * time.Millisecond)
			return ra.count() > 0 && rb.count() > 0
		})
		a.Close()
		b.Close()
	}
}

func chain(t *testing.T, forward bool) (a, b, c *Endpoint, ra, rb, rc *rec) {
	a, ra = newEP(t, Config{})
	b, rb = newEP(t, Config{Forward: forward})
	c, rc = newEP(t, Config{})
	pair(t, b, rb, a, ra)
	pair(t, b, rb, c, rc)
	return
}

func TestForwardingChain(t *testing.T) {
	t.Run("on", func(t *testing.T) {
		a, _, c, _, rb, rc := chain(t, true)
		c.Subscribe("t/")
		waitFor(t, 3*time.Second, "relayed message", func() bool {
			a.Publish("t/1", []byte("x"))
			time.Sleep(20 * time.Millisecond)
			return rc.count() > 0
		})
		if rb.count() != 0 {
			t.Fatalf("relay delivered locally without subscribing: %v", rb.got())
		}
		n := rc.count()
		for i := 0; i < 100; i++ {
			a.Publish("t/2", []byte(strconv.Itoa(i)))
		}
		waitFor(t, 3*time.Second, "100 relayed", func() bool { return rc.count() == n+100 })
		time.Sleep(100 * time.Millisecond)
		if rc.count() != n+100 {
			t.Fatalf("duplicates: %d", rc.count()-n)
		}
	})
	t.Run("off", func(t *testing.T) {
		a, b, c, _, rb, rc := chain(t, false)
		c.Subscribe("t/")
		b.Subscribe("t/")
		time.Sleep(300 * time.Millisecond)
		a.Publish("t/1", []byte("x"))
		waitFor(t, 3*time.Second, "b gets it", func() bool { return rb.count() == 1 })
		time.Sleep(200 * time.Millisecond)
		if rc.count() != 0 {
			t.Fatalf("forwarded without forward_messages: %v", rc.got())
		}
		_ = c
	})
}

func TestForwardingTriangleNoDuplicates(t *testing.T) {
	a, ra := newEP(t, Config{Forward: true})
	b, rb := newEP(t, Config{Forward: true})
	c, rc := newEP(t, Config{Forward: true})
	pair(t, a, ra, b, rb)
	pair(t, b, rb, c, rc)
	pc := listen(t, c)
	a.Peer("127.0.0.1", pc, time.Second)
	waitEvent(t, ra, PeerAdded, 5*time.Second)
	waitEvent(t, rc, PeerAdded, 5*time.Second)
	c.Subscribe("t")
	a.Subscribe("t")
	time.Sleep(500 * time.Millisecond)
	for i := 0; i < 50; i++ {
		a.Publish("t", []byte(strconv.Itoa(i)))
	}
	waitFor(t, 3*time.Second, "50 messages", func() bool { return rc.count() >= 50 })
	time.Sleep(300 * time.Millisecond)
	if rc.count() != 50 {
		t.Fatalf("c got %d messages, want 50", rc.count())
	}
	if ra.count() != 0 {
		t.Fatalf("publisher got its own messages back: %v", ra.got())
	}
}

func TestUnpeer(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	pair(t, a, ra, b, rb)
	p := a.Peers()[0]
	_ = p
	if !b.Unpeer("127.0.0.1", b.Peers()[0].Port) {
		t.Fatal("unpeer failed")
	}
	ev := waitEvent(t, rb, PeerRemoved, 2*time.Second)
	if ev.Msg != MsgRemoved || ev.Code != SCPeerRemoved {
		t.Fatalf("removed event %+v", ev)
	}
	ev = waitEvent(t, ra, PeerLost, 2*time.Second)
	if ev.Msg != MsgLost {
		t.Fatalf("lost event %+v", ev)
	}
	noEvent(t, ra, PeerAdded, 1500*time.Millisecond)
	if b.Unpeer("127.0.0.1", 1) {
		t.Fatal("unpeer of unknown peer succeeded")
	}
	if len(a.Peers()) != 0 || len(b.Peers()) != 0 {
		t.Fatalf("peers left: %+v %+v", a.Peers(), b.Peers())
	}
}

func freePort(t *testing.T) uint16 {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return uint16(p)
}

func TestRetryUntilListening(t *testing.T) {
	port := freePort(t)
	b, rb := newEP(t, Config{})
	b.Peer("127.0.0.1", port, 200*time.Millisecond)
	ev := waitEvent(t, rb, Error, 3*time.Second)
	if ev.Code != ECPeerUnavailable || ev.Msg != MsgUnavailable || ev.Port != port {
		t.Fatalf("error event %+v", ev)
	}
	if ps := b.Peers(); len(ps) != 1 || ps[0].Status == Peered {
		t.Fatalf("peers %+v", ps)
	}
	time.Sleep(500 * time.Millisecond)
	a, ra := newEP(t, Config{})
	start := time.Now()
	if _, err := a.Listen("127.0.0.1", port); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, ra, PeerAdded, 2*time.Second)
	waitEvent(t, rb, PeerAdded, 2*time.Second)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("peered %v after the listener came", d)
	}
}

func TestNoRetryGivesUp(t *testing.T) {
	port := freePort(t)
	b, rb := newEP(t, Config{})
	b.Peer("127.0.0.1", port, 0)
	ev := waitEvent(t, rb, Error, 3*time.Second)
	if ev.Code != ECPeerUnavailable {
		t.Fatalf("error event %+v", ev)
	}
	waitFor(t, time.Second, "attempt dropped", func() bool { return len(b.Peers()) == 0 })
}

func TestPortInUse(t *testing.T) {
	a, _ := newEP(t, Config{})
	b, _ := newEP(t, Config{})
	p := listen(t, a)
	_, err := b.Listen("127.0.0.1", p)
	if err == nil || !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatalf("listen on a used port: %v", err)
	}
	if !strings.Contains(err.Error(), "address already in use") {
		t.Fatalf("error text %q", err)
	}
	// The endpoint still works after the failure.
	if _, err := b.Listen("127.0.0.1", 0); err != nil {
		t.Fatal(err)
	}
}

func TestVersionMismatch(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	b.version = WireVersion + 1
	p := listen(t, a)
	b.Peer("127.0.0.1", p, time.Second)
	for _, r := range []*rec{ra, rb} {
		ev := waitEvent(t, r, Error, 3*time.Second)
		want1 := fmt.Sprintf("version %d", WireVersion)
		want2 := fmt.Sprintf("version %d", WireVersion+1)
		if ev.Code != ECPeerIncompatible || !strings.Contains(ev.Msg, want1) || !strings.Contains(ev.Msg, want2) {
			t.Fatalf("incompatible event %+v", ev)
		}
	}
	noEvent(t, ra, PeerAdded, 500*time.Millisecond)
	waitFor(t, time.Second, "attempt dropped", func() bool { return len(b.Peers()) == 0 })
}

func TestGarbageLeavesEndpointWorking(t *testing.T) {
	a, ra := newEP(t, Config{MaxMessageSize: 1 << 20})
	a.Subscribe("")
	p := listen(t, a)
	addr := fmt.Sprintf("127.0.0.1:%d", p)
	// Raw TCP garbage, not ZMTP at all.
	for i := 0; i < 5; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		junk := make([]byte, 4096)
		for j := range junk {
			junk[j] = byte(j*7 + i)
		}
		c.Write(junk)
		c.Write([]byte{0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0})
		time.Sleep(10 * time.Millisecond)
		c.Close()
	}
	// Valid ZMTP, hostile frames: random bytes, a wrong-version HELLO,
	// a truncated HELLO, a huge frame, data without handshake, multipart.
	d := goczmq.NewSock(goczmq.Dealer)
	defer d.Destroy()
	if err := d.Connect("tcp://" + addr); err != nil {
		t.Fatal(err)
	}
	frames := [][]byte{
		{1, 2, 3, 4, 5},
		encodeHello(kHello, hello{version: 99, nodeID: "x"})[:9],
		encodeHello(kHello, hello{version: WireVersion, nodeID: "abc", subs: []string{"x"}})[:12],
		{kData, 1, 0, 200, 1},
		{},
		make([]byte, 2<<20),
	}
	for _, f := range frames {
		d.SendFrame(f, 0)
	}
	d.SendMessage([][]byte{{kPing}, {kPing}})
	// A good peer still gets through and delivers.
	b, rb := newEP(t, Config{})
	b.Peer("127.0.0.1", p, time.Second)
	waitEvent(t, rb, PeerAdded, 5*time.Second)
	waitFor(t, 3*time.Second, "message after garbage", func() bool {
		b.Publish("ok", []byte("1"))
		time.Sleep(20 * time.Millisecond)
		return ra.count() > 0
	})
	var bad uint64
	waitFor(t, 3*time.Second, "bad frames counted", func() bool {
		bad = 0
		for _, s := range a.Stats() {
			bad += s.BadFrames
		}
		return bad >= 3
	})
	t.Logf("bad frames counted: %d", bad)
	// Garbage on an established peering is counted on that peer.
	st := a.Stats()
	_ = st
}

func TestBadFrameFromPeerCountedOnce(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	pair(t, a, ra, b, rb)
	// Inject malformed data frames on b's side of the link.
	b.do(func() {
		for _, l := range b.links {
			for i := 0; i < 3; i++ {
				b.sendRaw(l, []byte{kData, 0, 0, 50, 'x'})
			}
			b.sendRaw(l, []byte{'?', 1})
		}
	})
	ev := waitEvent(t, ra, Error, 3*time.Second)
	if ev.Code != ECInvalidData || ev.NodeID != b.NodeID() {
		t.Fatalf("bad frame event %+v", ev)
	}
	noEvent(t, ra, Error, 300*time.Millisecond)
	waitFor(t, 2*time.Second, "4 bad frames", func() bool {
		for _, s := range a.Stats() {
			if s.NodeID == b.NodeID() && s.BadFrames == 4 {
				return true
			}
		}
		return false
	})
}

func TestBackPressureNoLoss(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{QueueLimit: 100})
	ra.slow = 20 * time.Millisecond
	a.Subscribe("bp")
	pair(t, a, ra, b, rb)
	const n = 200000
	payload := make([]byte, 100)
	start := time.Now()
	for i := 0; i < n; i++ {
		b.Publish("bp", payload)
	}
	b.Flush(30 * time.Second)
	waitFor(t, 30*time.Second, "all messages", func() bool { return ra.count() == n })
	t.Logf("%d messages through a slow consumer in %v", n, time.Since(start))
	time.Sleep(100 * time.Millisecond)
	if ra.count() != n {
		t.Fatalf("got %d, want %d", ra.count(), n)
	}
	for _, s := range b.Stats() {
		if s.Drops != 0 || s.MsgsOut != n {
			t.Fatalf("stats %+v", s)
		}
	}
}

func TestOrderPreserved(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	a.Subscribe("o")
	pair(t, a, ra, b, rb)
	const n = 50000
	for i := 0; i < n; i++ {
		b.Publish("o", []byte(strconv.Itoa(i)))
	}
	waitFor(t, 20*time.Second, "all", func() bool { return ra.count() == n })
	for i, m := range ra.got() {
		if m != "o="+strconv.Itoa(i) {
			t.Fatalf("message %d is %q", i, m)
		}
	}
}

func TestGiveUpAndReestablish(t *testing.T) {
	ra := newRec()
	block := make(chan struct{})
	// a's handler blocks: b's credit and then queue run out.
	a, err := New(Config{}, &blockRec{rec: ra, block: block})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, rb := newEP(t, Config{QueueLimit: 10, GiveUpAfter: 300 * time.Millisecond})
	a.Subscribe("g")
	pair(t, a, ra, b, rb)
	done := make(chan struct{})
	go func() {
		payload := make([]byte, 1000)
		for i := 0; i < 20000; i++ {
			b.Publish("g", payload)
		}
		close(done)
	}()
	ev := waitEvent(t, rb, PeerGivenUp, 20*time.Second)
	if ev.NodeID != a.NodeID() {
		t.Fatalf("given up event %+v", ev)
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("publisher still blocked after the peer was given up")
	}
	close(block)
	waitEvent(t, rb, PeerAdded, 10*time.Second)
	var drops uint64
	for _, s := range b.Stats() {
		drops += s.Drops
	}
	if drops == 0 {
		t.Fatalf("no drops counted: %+v", b.Stats())
	}
}

type blockRec struct {
	*rec
	block chan struct{}
}

func (b *blockRec) Message(topic string, payload []byte) {
	<-b.block
	b.rec.Message(topic, payload)
}

func TestIPv6Loopback(t *testing.T) {
	l, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		t.Skipf("IPv6 loopback unavailable: %v", err)
	}
	l.Close()
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	a.Subscribe("v6")
	p, err := a.Listen("::1", 0)
	if err != nil {
		t.Fatal(err)
	}
	b.Peer("::1", p, time.Second)
	waitEvent(t, ra, PeerAdded, 5*time.Second)
	ev := waitEvent(t, rb, PeerAdded, 5*time.Second)
	if ev.Addr != "::1" {
		t.Fatalf("event %+v", ev)
	}
	b.Publish("v6", []byte("x"))
	waitFor(t, 3*time.Second, "message over IPv6", func() bool { return ra.count() == 1 })
	// Listening on all addresses accepts both families.
	c, rc := newEP(t, Config{})
	pc, err := c.Listen("", 0)
	if err != nil {
		t.Fatal(err)
	}
	d4, r4 := newEP(t, Config{})
	d6, r6 := newEP(t, Config{})
	d4.Peer("127.0.0.1", pc, time.Second)
	d6.Peer("::1", pc, time.Second)
	waitEvent(t, r4, PeerAdded, 5*time.Second)
	waitEvent(t, r6, PeerAdded, 5*time.Second)
	waitEvent(t, rc, PeerAdded, 5*time.Second)
	waitEvent(t, rc, PeerAdded, 5*time.Second)
}

func curveKeys(t *testing.T) (pub, sec string) {
	pub, sec, err := CurveKeypair()
	if err != nil {
		t.Fatal(err)
	}
	return pub, sec
}

func TestCurve(t *testing.T) {
	sp, ss := curveKeys(t)
	cp, cs := curveKeys(t)
	xp, xs := curveKeys(t)
	a, ra := newEP(t, Config{CurvePublic: sp, CurveSecret: ss, CurveAuthorized: []string{cp}})
	a.Subscribe("c")
	p := listen(t, a)
	t.Run("authorised", func(t *testing.T) {
		b, rb := newEP(t, Config{CurvePublic: cp, CurveSecret: cs, CurveAuthorized: []string{sp}})
		b.Peer("127.0.0.1", p, time.Second)
		waitEvent(t, rb, PeerAdded, 5*time.Second)
		waitEvent(t, ra, PeerAdded, 5*time.Second)
		b.Publish("c", []byte("secret"))
		waitFor(t, 3*time.Second, "encrypted message", func() bool { return ra.count() == 1 })
	})
	t.Run("unauthorised", func(t *testing.T) {
		x, rx := newEP(t, Config{CurvePublic: xp, CurveSecret: xs, CurveAuthorized: []string{sp}})
		x.Peer("127.0.0.1", p, time.Second)
		ev := waitEvent(t, rx, Error, 10*time.Second)
		if ev.Code != ECPeerUnavailable {
			t.Fatalf("connector event %+v", ev)
		}
		ev = waitEvent(t, ra, Error, 5*time.Second)
		if ev.Code != ECPeerInvalid || !strings.Contains(ev.Msg, xp) {
			t.Fatalf("listener event %+v", ev)
		}
		noEvent(t, rx, PeerAdded, 300*time.Millisecond)
		waitFor(t, 3*time.Second, "attempt dropped", func() bool { return len(x.Peers()) == 0 })
	})
	t.Run("plaintext client refused", func(t *testing.T) {
		y, ry := newEP(t, Config{})
		y.Peer("127.0.0.1", p, 0)
		noEvent(t, ry, PeerAdded, time.Second)
	})
}

// --- multi-process tests ----------------------------------------------------

// TestHelperProcess is the child endpoint of the multi-process tests.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("BUS_HELPER")
	if mode == "" {
		t.Skip("helper process only")
	}
	r := newRec()
	e, err := New(Config{}, r)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	e.Subscribe("child")
	port, _ := strconv.Atoi(os.Getenv("BUS_PORT"))
	switch mode {
	case "listen":
		p, err := e.Listen("127.0.0.1", uint16(port))
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		fmt.Println("PORT", p)
	case "peer":
		e.Peer("127.0.0.1", uint16(port), 100*time.Millisecond)
		fmt.Println("PORT 0")
	}
	for ev := range r.events {
		if ev.Kind == PeerAdded {
			fmt.Println("ADDED")
		}
	}
}

type child struct {
	cmd  *exec.Cmd
	port uint16
	out  *bufio.Scanner
}

func startChild(t *testing.T, mode string, port uint16) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "BUS_HELPER="+mode, "BUS_PORT="+strconv.Itoa(int(port)))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, out: bufio.NewScanner(out)}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan string, 1)
	go func() {
		for c.out.Scan() {
			if l := c.out.Text(); strings.HasPrefix(l, "PORT ") || strings.HasPrefix(l, "ERR") {
				lines <- l
				return
			}
		}
		close(lines)
	}()
	select {
	case l := <-lines:
		if !strings.HasPrefix(l, "PORT ") {
			t.Fatalf("child: %q", l)
		}
		p, _ := strconv.Atoi(strings.TrimPrefix(l, "PORT "))
		c.port = uint16(p)
	case <-time.After(10 * time.Second):
		t.Fatal("child did not start")
	}
	return c
}

func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	c.cmd.Wait()
}

// The child listens; the parent peers, loses it to SIGKILL, and
// re-peers when it is restarted on the same port.
func TestPeerLostOnKillAndRepeer(t *testing.T) {
	e, r := newEP(t, Config{})
	c := startChild(t, "listen", 0)
	port := c.port
	e.Peer("127.0.0.1", port, time.Second)
	waitEvent(t, r, PeerAdded, 5*time.Second)
	start := time.Now()
	c.kill()
	ev := waitEvent(t, r, PeerLost, 2*time.Second)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("peer lost reported after %v", d)
	}
	if ev.Msg != MsgLost || ev.Code != SCPeerLost {
		t.Fatalf("lost event %+v", ev)
	}
	c2 := startChild(t, "listen", port)
	start = time.Now()
	waitEvent(t, r, PeerAdded, 3*time.Second)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("re-peered %v after the restart", d)
	}
	e.Subscribe("parent")
	_ = c2
}

// The child peers with the parent; the parent's listening side notices
// its death.
func TestInboundPeerLostOnKill(t *testing.T) {
	e, r := newEP(t, Config{})
	p := listen(t, e)
	c := startChild(t, "peer", p)
	waitEvent(t, r, PeerAdded, 5*time.Second)
	e.Publish("child/x", []byte("hello"))
	start := time.Now()
	c.kill()
	waitEvent(t, r, PeerLost, 2*time.Second)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("peer lost reported after %v", d)
	}
	c2 := startChild(t, "peer", p)
	waitEvent(t, r, PeerAdded, 3*time.Second)
	_ = c2
}

// A stopped (hung) child is lost after the heartbeat timeout.
func TestHungPeerLost(t *testing.T) {
	e, r := newEP(t, Config{HeartbeatInterval: 200 * time.Millisecond, HeartbeatTimeout: 2 * time.Second})
	c := startChild(t, "listen", 0)
	e.Peer("127.0.0.1", c.port, time.Second)
	waitEvent(t, r, PeerAdded, 5*time.Second)
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	c.cmd.Process.Signal(syscall.SIGSTOP)
	defer c.cmd.Process.Signal(syscall.SIGCONT)
	waitEvent(t, r, PeerLost, 5*time.Second)
	d := time.Since(start)
	if d < 1500*time.Millisecond || d > 3500*time.Millisecond {
		t.Fatalf("hung peer lost after %v (timeout 2s)", d)
	}
}

func TestUnpeerFromListener(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	pb := listen(t, b) // b's listening port is what a knows b by
	pair(t, a, ra, b, rb)
	if !a.Unpeer("127.0.0.1", pb) {
		t.Fatalf("unpeer by the peer's listening port failed: %+v", a.Peers())
	}
	waitEvent(t, ra, PeerRemoved, 2*time.Second)
	waitEvent(t, rb, PeerLost, 2*time.Second)
	// b peered with a retry, but an unpeered peer does not come back.
	noEvent(t, rb, PeerAdded, 1500*time.Millisecond)
}

func TestCloseUnblocksAndLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	sp, ss := curveKeys(t)
	ra, rb := newRec(), newRec()
	block := make(chan struct{})
	a, err := New(Config{CurvePublic: sp, CurveSecret: ss, CurveAuthorized: []string{sp}}, &blockRec{rec: ra, block: block})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Config{QueueLimit: 10, CurvePublic: sp, CurveSecret: ss, CurveAuthorized: []string{sp}}, rb)
	if err != nil {
		t.Fatal(err)
	}
	a.Subscribe("x")
	pair(t, a, ra, b, rb)
	done := make(chan struct{})
	go func() {
		payload := make([]byte, 1000)
		for i := 0; i < 100000; i++ {
			b.Publish("x", payload)
		}
		close(done)
	}()
	waitFor(t, 10*time.Second, "publisher blocked", func() bool {
		for _, s := range b.Stats() {
			if s.QueueDepth >= 10 {
				return true
			}
		}
		return false
	})
	b.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Publish still blocked after Close")
	}
	b.Close() // twice is fine
	b.Publish("x", nil)
	b.Peer("127.0.0.1", 1, 0)
	if _, err := b.Listen("", 0); err == nil {
		t.Fatal("Listen after Close succeeded")
	}
	close(block) // Close waits for a handler call in progress
	a.Close()
	waitFor(t, 5*time.Second, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before })
}

// An outgoing peering redialled to a restarted peer (new node id,
// sequence numbers from 1 again) delivers its messages.
func TestRedialToRestartedPeerDelivers(t *testing.T) {
	a, ra := newEP(t, Config{})
	a.Subscribe("r")
	b, rb := newEP(t, Config{})
	pb := listen(t, b)
	a.Peer("127.0.0.1", pb, 100*time.Millisecond)
	waitEvent(t, ra, PeerAdded, 5*time.Second)
	waitEvent(t, rb, PeerAdded, 5*time.Second)
	for i := 0; i < 100; i++ {
		b.Publish("r", []byte("old"))
	}
	waitFor(t, 3*time.Second, "100 messages", func() bool { return ra.count() == 100 })
	b.Close()
	waitEvent(t, ra, PeerLost, 2*time.Second)
	b2, rb2 := newEP(t, Config{})
	if _, err := b2.Listen("127.0.0.1", pb); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, rb2, PeerAdded, 3*time.Second)
	for i := 0; i < 10; i++ {
		b2.Publish("r", []byte("new"))
	}
	waitFor(t, 3*time.Second, "messages of the restarted peer", func() bool { return ra.count() == 110 })
}

// A publisher busy in a loop, a slow consumer and CPU-bound goroutines on
// top give no false PeerLost, even with a tight heartbeat timeout.
func TestNoFalseLossUnderLoad(t *testing.T) {
	cfg := Config{HeartbeatInterval: 200 * time.Millisecond, HeartbeatTimeout: 2 * time.Second, QueueLimit: 1000}
	a, ra := newEP(t, cfg)
	b, rb := newEP(t, cfg)
	ra.slow = 5 * time.Millisecond
	a.Subscribe("load")
	pair(t, a, ra, b, rb)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				for j := 0; j < 1000000; j++ {
					x += j
				}
			}
		}()
	}
	payload := make([]byte, 200)
	deadline := time.Now().Add(4 * time.Second)
	n := 0
	for time.Now().Before(deadline) {
		b.Publish("load", payload)
		n++
	}
	close(stop)
	wg.Wait()
	b.Flush(20 * time.Second)
	waitFor(t, 20*time.Second, "all messages", func() bool { return ra.count() == n })
	for _, r := range []*rec{ra, rb} {
		for len(r.events) > 0 {
			if ev := <-r.events; ev.Kind == PeerLost || ev.Kind == PeerGivenUp {
				t.Fatalf("false %v under load", ev.Kind)
			}
		}
	}
	t.Logf("%d messages under load", n)
}

// A peer that ignores flow control is not buffered without bound.
func TestCreditEnforced(t *testing.T) {
	ra := newRec()
	block := make(chan struct{})
	a, err := New(Config{}, &blockRec{rec: ra, block: block})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	defer close(block)
	b, rb := newEP(t, Config{})
	a.Subscribe("f")
	pair(t, a, ra, b, rb)
	var seq uint64
	frame := func() []byte {
		seq++
		f := appendUvarint([]byte{kData}, seq)
		f = appendUvarint(f, 0)
		f = appendStr(f, "f")
		return appendStr(f, string(make([]byte, 1<<20)))
	}
	b.do(func() {
		for _, l := range b.links {
			for i := 0; i < 30; i++ {
				b.sendRaw(l, frame())
			}
		}
	})
	waitFor(t, 5*time.Second, "frames beyond the window refused", func() bool {
		for _, s := range a.Stats() {
			if s.BadFrames > 0 {
				return true
			}
		}
		return false
	})
}

// The listening side gives up a stuck connector, which reconnects.
func TestGiveUpByListener(t *testing.T) {
	rb := newRec()
	block := make(chan struct{})
	b, err := New(Config{}, &blockRec{rec: rb, block: block})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	a, ra := newEP(t, Config{QueueLimit: 10, GiveUpAfter: 300 * time.Millisecond})
	b.Subscribe("g")
	pair(t, a, ra, b, rb)
	done := make(chan struct{})
	go func() {
		payload := make([]byte, 1000)
		for i := 0; i < 20000; i++ {
			a.Publish("g", payload)
		}
		close(done)
	}()
	waitEvent(t, ra, PeerGivenUp, 20*time.Second)
	// b's events queue behind the messages its handler holds up.
	close(block)
	waitEvent(t, rb, PeerLost, 5*time.Second)
	waitEvent(t, ra, PeerAdded, 10*time.Second)
	waitEvent(t, rb, PeerAdded, 10*time.Second)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("publisher blocked")
	}
}

// A host name's addresses are tried in turn.
func TestHostAddressesTriedInTurn(t *testing.T) {
	a, ra := newEP(t, Config{})
	b, rb := newEP(t, Config{})
	p := listen(t, a)
	// 127.0.0.2 is loopback too, but nobody listens there on p.
	b.peer("somehost", p, 200*time.Millisecond, []string{"127.0.0.2", "127.0.0.1"})
	waitEvent(t, ra, PeerAdded, 5*time.Second)
	ev := waitEvent(t, rb, PeerAdded, 5*time.Second)
	if ev.Addr != "somehost" {
		t.Fatalf("event %+v", ev)
	}
}

// Both handshakes cross (each side accepts the other's HELLO before it
// gets an answer to its own): one connection survives on both sides.
func TestCrossingHandshakes(t *testing.T) {
	for i := 0; i < 2; i++ {
		a, ra := newEP(t, Config{})
		b, rb := newEP(t, Config{})
		a.Subscribe("s")
		b.Subscribe("s")
		pa := listen(t, a)
		pb := listen(t, b)
		a.Peer("127.0.0.1", pb, time.Second)
		b.Peer("127.0.0.1", pa, time.Second)
		// Hold both socket goroutines while the HELLOs arrive.
		a.post(func() { time.Sleep(300 * time.Millisecond) })
		b.post(func() { time.Sleep(300 * time.Millisecond) })
		waitEvent(t, ra, PeerAdded, 5*time.Second)
		waitEvent(t, rb, PeerAdded, 5*time.Second)
		noEvent(t, ra, PeerAdded, 500*time.Millisecond)
		noEvent(t, rb, PeerAdded, 10*time.Millisecond)
		var np = func(e *Endpoint) int {
			n := 0
			for _, p := range e.Peers() {
				if p.Status == Peered {
					n++
				}
			}
			return n
		}
		if np(a) != 1 || np(b) != 1 || len(a.Peers()) != 1 || len(b.Peers()) != 1 {
			t.Fatalf("round %d: peerings a %+v b %+v", i, a.Peers(), b.Peers())
		}
		for j := 0; j < 100; j++ {
			a.Publish("s", []byte("a"))
			b.Publish("s", []byte("b"))
		}
		waitFor(t, 3*time.Second, "both ways", func() bool { return ra.count() == 100 && rb.count() == 100 })
		time.Sleep(drainTime + 500*time.Millisecond) // past the drain time of the dropped connection
		if ra.count() != 100 || rb.count() != 100 || np(a) != 1 || np(b) != 1 {
			t.Fatalf("round %d: counts %d %d, peers %+v %+v", i, ra.count(), rb.count(), a.Peers(), b.Peers())
		}
		noEvent(t, ra, PeerLost, 10*time.Millisecond)
		noEvent(t, rb, PeerLost, 10*time.Millisecond)
		a.Close()
		b.Close()
	}
}

// TestSubscribeWhilePeering checks that a subscription made after Peer
// but before the handshake completes reaches the peer: the HELLO was
// made without it. It subscribes at many moments of the handshake.
func TestSubscribeWhilePeering(t *testing.T) {
	for i := 0; i < 20; i++ {
		a, ra := newEP(t, Config{})
		b, rb := newEP(t, Config{})
		p := listen(t, a)
		b.Peer("127.0.0.1", p, time.Second)
		time.Sleep(time.Duration(i) * 100 * time.Microsecond)
		b.Subscribe("late/")
		waitEvent(t, ra, PeerAdded, 5*time.Second)
		waitEvent(t, rb, PeerAdded, 5*time.Second)
		waitFor(t, 5*time.Second, "the late subscription at the listener", func() bool {
			a.Publish("late/x", []byte("m"))
			time.Sleep(10 * time.Millisecond)
			return rb.count() > 0
		})
		a.Close()
		b.Close()
	}
}

// A connection attempt that failed during the ZeroMQ handshake (the
// listener reset it, as a dying process does) is redialled on a fresh
// DEALER. The discarded DEALER must not deliver its HELLO later: a
// listener that comes up on the port afterwards would take it for a
// second peering from the same node, report it added and then lost.
func TestDiscardedDialDeliversNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := uint16(ln.Addr().(*net.TCPAddr).Port)
	accepted := make(chan struct{}, 1)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.(*net.TCPConn).SetLinger(0) // close with a reset
			c.Close()
			select {
			case accepted <- struct{}{}:
			default:
			}
		}
	}()
	a, ra := newEP(t, Config{})
	a.Peer("127.0.0.1", port, 100*time.Millisecond)
	select {
	case <-accepted:
	case <-time.After(3 * time.Second):
		t.Fatal("no connection attempt")
	}
	ln.Close()
	b, rb := newEP(t, Config{})
	if _, err := b.Listen("127.0.0.1", port); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, rb, PeerAdded, 3*time.Second)
	waitEvent(t, ra, PeerAdded, 3*time.Second)
	noEvent(t, rb, PeerLost, time.Second)
	noEvent(t, rb, PeerAdded, 0)
	if ps := b.Peers(); len(ps) != 1 || ps[0].NodeID != a.NodeID() {
		t.Fatalf("listener's peers %+v", ps)
	}
}
