// Package bus is the transport of gobro's Broker: endpoints that listen
// on one TCP port, peer with each other over ZeroMQ (goczmq), exchange
// topic subscriptions and carry published messages to the peers
// subscribed to them. It knows nothing of the interpreter: a message is
// a topic and an opaque payload, and peer statuses and errors are
// reported as PeerEvents with Broker 1.1's codes and texts.
//
// # Sockets
//
// An endpoint binds one ROUTER socket on its port and opens one DEALER
// per peering it starts; the listener answers through the ROUTER routing
// id, so a peering is one TCP connection whichever side connected. One
// goroutine owns every socket and waits in zmq_poll; Publish and the
// API talk to it through a mutex-guarded queue per peer and a wake-up
// message on an inproc PUSH/PULL pair, sent only when the loop sleeps.
// A second goroutine calls the Handler, so a slow handler never stalls
// the sockets (heartbeats and acknowledgements keep flowing). zmq_poll
// is a cgo call that keeps its P (Go's processor) while it blocks, so
// the loop yields (runtime.Gosched) before it sleeps: the dispatcher it
// just woke would otherwise wait up to 10 ms for sysmon to free the P.
// goczmq creates, configures, binds and destroys the sockets; the hot
// path (non-blocking routed sends, zmq_poll with POLLOUT, receives with
// ZMQ_SRCFD, socket monitors) calls libzmq directly on goczmq's socket
// handle (zmq.go), which goczmq does not export.
//
// # Framing and batching
//
// Every ZeroMQ message is one frame whose first byte is its kind (see
// wire.go). Published messages are appended to the peer's current batch
// frame (up to 64 KiB): per message a sequence delta, the topic and the
// payload, each length-prefixed. The loop sends whatever is queued as
// soon as it wakes and never waits for a batch to fill, so at a low rate
// a frame holds one message (low latency) and under load it holds
// hundreds (one cgo call and one ZeroMQ message per batch). Received
// frames are copied once into a fresh Go slice; payloads handed to the
// Handler alias it and are never reused.
//
// # Handshake
//
// The connector sends HELLO (magic, wire version, node id, listening
// port, subscriptions); the listener answers WELCOME with the same, or
// REFUSE. A DEALER queues frames only on a connection that is up
// (ZMQ_IMMEDIATE), so the HELLO waits in the link until the connection
// is, and a DEALER discarded by a redial has nothing left to deliver to
// a listener that comes up later. A version other than WireVersion is refused and both sides
// report ECPeerIncompatible naming both versions. The listener reports
// PeerAdded "handshake successful", the connector "received handshake
// from remote core", as Broker 1.1's core_actor does. When two endpoints
// peer each other, the second request is refused as a duplicate and the
// existing connection serves both; when both handshakes cross, the
// connection opened by the endpoint with the smaller node id survives on
// both sides.
//
// # Flow control, back-pressure and giving up
//
// Each peer has a bounded queue (Config.QueueLimit messages); Publish
// blocks while a subscribed peer's queue is full. Data leaves the queue
// only against credit: at most 8 MiB unacknowledged per link, and the
// receiver acknowledges what its Handler has consumed. So ZeroMQ's own
// pipes never fill (nothing is dropped at a high-water mark) and a slow
// handler slows its publisher instead of growing memory. A peer whose
// queue stays full with nothing taken from it for GiveUpAfter is given
// up: PeerGivenUp, its queue counted in Drops, and the peering
// re-established (the connector redials; a listener tells the connector
// to). Messages queued for a peer that is lost are counted in Drops too.
//
// # Liveness
//
// Two mechanisms. A ZeroMQ socket monitor on every socket reports the
// TCP connection closing (a dead process: the kernel closes its sockets)
// within milliseconds; on the ROUTER the descriptor in the event is
// matched to the peer through ZMQ_SRCFD of its handshake frame. For a
// hung or cut-off peer, every link sends a heartbeat when it has sent
// nothing for HeartbeatInterval (1 s), and a peer silent for
// HeartbeatTimeout (8 s) is lost. Heartbeats come from the socket
// goroutine, which neither the handler nor a publisher blocks, and
// received data counts as a heartbeat; the loop reads pending input
// before it checks timeouts, so a busy process does not see false
// losses. ZMTP heartbeats were not used: libzmq gives no notification
// of them, and a receiver that stops reading would time them out. A lost
// peer this side peered with (retry > 0) is redialled at once; ZeroMQ
// reconnects every 100-500 ms, so it is re-peered within a second of
// coming back.
//
// # Forwarding
//
// With Config.Forward, a received message is relayed to the other peers
// subscribed to it, never to the peer it came from nor to its origin,
// with Broker's TTL (20, decremented per hop). Each message carries its
// origin's sequence number (one byte per message for direct traffic,
// the origin's node id for relayed traffic), and each endpoint drops a
// message it has seen from that origin already (a 65536-message
// window), so cycles give neither loops nor duplicates. A forwarding
// endpoint announces its peers' subscriptions as its own, so messages
// reach it to be relayed. A message from an endpoint never comes back
// to it.
//
// # Robustness
//
// A frame that does not parse, comes from a connection that did not
// shake hands, or is not one part, is dropped and counted in BadFrames;
// the first per peer (or per source address for connections that are no
// peers) is reported as an Error event with ECInvalidData. ZMQ_MAXMSGSIZE
// (MaxMessageSize + 4 KiB) makes ZeroMQ close a connection announcing a
// larger frame before reading it; non-ZMTP bytes fail ZeroMQ's handshake
// and are counted likewise. A peer that sends more than twice its credit
// window beyond what the handler consumed has the excess dropped and
// counted as bad frames, so no peer can make the endpoint buffer without
// bound.
//
// # CURVE
//
// With both CURVE keys set, the ROUTER is a CURVE server with a ZAP
// domain of its own; the package runs the process's ZAP handler, which
// admits the keys in CurveAuthorized and reports every refusal on the
// listening side (ECPeerInvalid with the address and key). A connector
// tries each authorised key, then its own public key, as the listener's
// key (a wrong guess costs one connection attempt and is counted as a bad
// handshake by the listener); a refusal by the listener (ZAP) or failure with every key is an
// Error event (ECPeerUnavailable) and the attempt ends.
package bus
