package bus

import (
	"fmt"
	"time"
)

// Config configures an Endpoint. The zero value is usable: no forwarding,
// default limits, no encryption.
type Config struct {
	// Forward is Broker::forward_messages: relay messages received from
	// one peer to the other peers subscribed to them, and announce the
	// peers' subscriptions as this endpoint's own.
	Forward bool
	// QueueLimit is the number of outgoing messages buffered per peer
	// before Publish blocks (0: DefaultQueueLimit).
	QueueLimit int
	// GiveUpAfter is how long a peer may keep its queue full without
	// taking anything from it before it is given up: a PeerGivenUp event,
	// its queued messages counted as Drops, and the peering
	// re-established (0: DefaultGiveUpAfter).
	GiveUpAfter time.Duration
	// CurvePublic and CurveSecret are this endpoint's Z85 CURVE keys;
	// with both set every link is encrypted and authenticated.
	CurvePublic, CurveSecret string
	// CurveAuthorized lists the Z85 public keys allowed to peer (with
	// CURVE on). A connecting endpoint tries these, then its own public
	// key, as the listener's key.
	CurveAuthorized []string

	// HeartbeatInterval is how often an otherwise idle link sends a
	// heartbeat (0: DefaultHeartbeatInterval).
	HeartbeatInterval time.Duration
	// HeartbeatTimeout is how long a peer may stay silent before it is
	// reported lost (0: DefaultHeartbeatTimeout).
	HeartbeatTimeout time.Duration
	// MaxMessageSize bounds topic plus payload of one message; a frame
	// above it is refused by ZeroMQ (0: DefaultMaxMessageSize).
	MaxMessageSize int
}

// Defaults for the zero fields of Config.
const (
	DefaultQueueLimit        = 100000
	DefaultGiveUpAfter       = 30 * time.Second
	DefaultHeartbeatInterval = time.Second
	DefaultHeartbeatTimeout  = 8 * time.Second
	DefaultMaxMessageSize    = 16 << 20
)

// EventKind says what a PeerEvent reports.
type EventKind int

// Event kinds. PeerAdded, PeerRemoved and PeerLost are Broker's status
// codes (sc); Error carries Broker's error code (ec) in Code.
const (
	PeerAdded EventKind = iota + 1
	PeerRemoved
	PeerLost
	// PeerGivenUp: the peer's queue stayed full for GiveUpAfter; its
	// queued messages were dropped (counted) and the peering is being
	// re-established. Code is SCPeerLost.
	PeerGivenUp
	Error
)

func (k EventKind) String() string {
	switch k {
	case PeerAdded:
		return "peer_added"
	case PeerRemoved:
		return "peer_removed"
	case PeerLost:
		return "peer_lost"
	case PeerGivenUp:
		return "peer_given_up"
	case Error:
		return "error"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Broker 1.1's status codes (broker/status.hh, enum sc).
const (
	SCUnspecified = 0
	SCPeerAdded   = 1
	SCPeerRemoved = 2
	SCPeerLost    = 3
)

// Broker 1.1's error codes (broker/error.hh, enum ec).
const (
	ECUnspecified      = 1
	ECPeerIncompatible = 2
	ECPeerInvalid      = 3
	ECPeerUnavailable  = 4
	ECPeerTimeout      = 5
	ECInvalidData      = 11
)

// Broker 1.1's status texts (src/core_actor.cc, src/detail/core_policy.cc).
const (
	MsgHandshakeListener  = "handshake successful"                // peer added, on the side that was peered with
	MsgHandshakeConnector = "received handshake from remote core" // peer added, on the side that called Peer
	MsgLost               = "lost remote peer"
	MsgRemoved            = "removed peering"
	MsgUnavailable        = "remote endpoint unavailable"
)

// PeerEvent is a status or error about a peer.
type PeerEvent struct {
	Kind   EventKind
	Code   int    // SC* for status kinds, EC* for Error
	NodeID string // the peer's node id ("" if unknown)
	Addr   string // the peer's address as given to Peer, or as seen
	Port   uint16 // the port given to Peer, or the peer's TCP source port
	// ListenPort is the port the peer announced as its listening port
	// (0 if unknown or not listening).
	ListenPort uint16
	Msg        string
}

// Handler receives what an Endpoint delivers. Its methods are called on
// one goroutine of the endpoint, never concurrently with each other, in
// the order things happened (a peer's PeerAdded before its messages).
// They may call Publish (which may block under back-pressure) but must
// not call Close. While a handler waits in Publish it consumes nothing,
// so two endpoints whose handlers publish to each other with both queues
// full wait on each other until GiveUpAfter gives one of them up; the
// same holds for relaying (Forward) around a cycle.
type Handler interface {
	// Message delivers a message from a peer. payload is not reused by
	// the endpoint and may be kept.
	Message(topic string, payload []byte)
	Event(ev PeerEvent)
}

// PeerStatus is Broker's peer_status.
type PeerStatus int

// Peer statuses, named as Broker::PeerStatus.
const (
	Initializing PeerStatus = iota
	Connecting
	Connected
	Peered
	Disconnected
	Reconnecting
)

func (s PeerStatus) String() string {
	switch s {
	case Initializing:
		return "INITIALIZING"
	case Connecting:
		return "CONNECTING"
	case Connected:
		return "CONNECTED"
	case Peered:
		return "PEERED"
	case Disconnected:
		return "DISCONNECTED"
	case Reconnecting:
		return "RECONNECTING"
	}
	return fmt.Sprintf("PeerStatus(%d)", int(s))
}

// PeerInfo describes one peering.
type PeerInfo struct {
	NodeID     string
	Addr       string
	Port       uint16
	ListenPort uint16
	Status     PeerStatus
	Outbound   bool // this endpoint called Peer
}

// PeerStats counts the traffic of one peering. A row with an empty
// NodeID and Addr counts malformed frames from connections that never
// became peers.
type PeerStats struct {
	NodeID     string
	Addr       string
	Port       uint16
	MsgsIn     uint64
	MsgsOut    uint64
	BytesIn    uint64
	BytesOut   uint64
	QueueDepth int    // messages waiting to be handed to ZeroMQ
	Drops      uint64 // messages dropped when the peer was given up or lost
	BadFrames  uint64
}
