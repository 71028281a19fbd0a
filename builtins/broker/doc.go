// Package broker is Bro 2.6's Broker for gobro: the builtins behind
// scripts/base/frameworks/broker (peering, publishing, subscribing,
// remote logging, Broker::Data values), carried over ZeroMQ by the
// transport in builtins/broker/bus.
//
// Each interpreter has one manager, made at its first Broker call. The
// transport runs on goroutines of its own; what it receives (messages,
// peering changes) goes into the manager's inbox and reaches the
// interpreter's goroutine through Interp.Post, where events are queued
// with Interp.RaiseRemote. Events published automatically
// (Broker::auto_publish) are seen through Interp.ObserveEvent.
//
// A message on the bus is one of the kinds below, a byte, followed by
// its parts: strings as a uvarint length and bytes, values in the data
// encoding of data.go (AppendData). The transport's handshake carries
// the protocol version, so peers of another version never exchange
// messages at all.
package broker
