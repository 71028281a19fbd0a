package bus

import (
	"encoding/binary"
	"errors"
)

// WireVersion is the version of the frame format below. A peer that
// announces another version is refused (Broker's peer_incompatible).
const WireVersion = 1

// magic follows the kind byte of HELLO, WELCOME and REFUSE frames, so
// that a stray connection is told apart from a peer of another version.
const magic = "GBUS"

// Frame kinds: the first byte of every frame.
const (
	kHello   = 'H' // connector -> listener: magic, version, node id, listen port, subscriptions
	kWelcome = 'W' // listener -> connector: same layout as HELLO
	kRefuse  = 'R' // either way: magic, version, reason byte, text
	kSubs    = 'S' // the sender's (announced) subscriptions, replacing the previous set
	kPing    = 'P' // liveness when nothing else was sent for a heartbeat interval
	kAck     = 'A' // credit: total data bytes the receiver has handed to its handler
	kBye     = 'B' // end of the peering: reason byte
	kData    = 'D' // messages published by the sender: first seq, then [dseq topic payload]*
	kFwd     = 'F' // messages relayed by the sender: [ttl origin seq topic payload]*
)

// Refusal reasons.
const (
	refuseVersion   = 1
	refuseDuplicate = 2
)

// Bye reasons.
const (
	byeUnpeer    = 0 // the peer called Unpeer: do not come back
	byeGiveUp    = 1 // the peer gave us up: reconnect
	byeDuplicate = 2 // the peer keeps another connection with us
)

// defaultTTL is Broker 1.1's broker_options::ttl: hops a relayed message
// may still make.
const defaultTTL = 20

var errShort = errors.New("truncated frame")

// hello is the content of HELLO and WELCOME frames.
type hello struct {
	version uint16
	nodeID  string
	port    uint16
	subs    []string
}

func appendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func encodeHello(kind byte, h hello) []byte {
	b := []byte{kind}
	b = append(b, magic...)
	b = binary.BigEndian.AppendUint16(b, h.version)
	b = appendStr(b, h.nodeID)
	b = binary.BigEndian.AppendUint16(b, h.port)
	b = appendUvarint(b, uint64(len(h.subs)))
	for _, s := range h.subs {
		b = appendStr(b, s)
	}
	return b
}

func encodeRefuse(version uint16, reason byte, text string) []byte {
	b := []byte{kRefuse}
	b = append(b, magic...)
	b = binary.BigEndian.AppendUint16(b, version)
	b = append(b, reason)
	return appendStr(b, text)
}

func encodeSubs(subs []string) []byte {
	b := []byte{kSubs}
	b = appendUvarint(b, uint64(len(subs)))
	for _, s := range subs {
		b = appendStr(b, s)
	}
	return b
}

// reader decodes a frame; any overrun sets err and yields zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errShort
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) str() []byte { return r.bytes(r.uvarint()) }

func (r *reader) u16() uint16 {
	v := r.bytes(2)
	if v == nil {
		return 0
	}
	return binary.BigEndian.Uint16(v)
}

func (r *reader) byte1() byte {
	v := r.bytes(1)
	if v == nil {
		return 0
	}
	return v[0]
}

// peekVersion returns the version of a HELLO/WELCOME/REFUSE frame, or
// ok=false when the frame does not even start like one.
func peekVersion(b []byte) (uint16, bool) {
	if len(b) < 7 || string(b[1:5]) != magic {
		return 0, false
	}
	return binary.BigEndian.Uint16(b[5:7]), true
}

// maxSubs bounds the subscriptions a peer may announce.
const maxSubs = 100000

func decodeSubList(r *reader) []string {
	n := r.uvarint()
	if n > maxSubs || n > uint64(len(r.b)) {
		r.err = errShort
		return nil
	}
	subs := make([]string, 0, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		subs = append(subs, string(r.str()))
	}
	return subs
}

func decodeHello(b []byte) (hello, error) {
	var h hello
	v, ok := peekVersion(b)
	if !ok {
		return h, errors.New("not a handshake")
	}
	h.version = v
	r := reader{b: b[7:]}
	h.nodeID = string(r.str())
	h.port = r.u16()
	h.subs = decodeSubList(&r)
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("trailing bytes")
	}
	if r.err == nil && h.nodeID == "" {
		r.err = errors.New("empty node id")
	}
	return h, r.err
}

func decodeSubs(b []byte) ([]string, error) {
	r := reader{b: b[1:]}
	subs := decodeSubList(&r)
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("trailing bytes")
	}
	return subs, r.err
}

// msg is one decoded message of a DATA or FWD frame; topic and payload
// alias the frame.
type msg struct {
	ttl     int
	origin  []byte // FWD only
	seq     uint64
	topic   []byte
	payload []byte
}

// scanMessages calls fn for each message of a DATA or FWD frame. It stops
// at the first malformed message and returns the error; messages before
// it have been delivered.
func scanMessages(b []byte, fn func(m *msg)) error {
	if len(b) == 0 {
		return errShort
	}
	kind := b[0]
	r := reader{b: b[1:]}
	var m msg
	var seq uint64
	if kind == kData {
		seq = r.uvarint()
		m.ttl = defaultTTL
	}
	for r.err == nil && len(r.b) > 0 {
		if kind == kData {
			seq += r.uvarint()
			m.seq = seq
		} else {
			m.ttl = int(r.byte1())
			m.origin = r.str()
			m.seq = r.uvarint()
		}
		m.topic = r.str()
		m.payload = r.str()
		if r.err != nil {
			break
		}
		fn(&m)
	}
	return r.err
}
