package process

import (
	"net/netip"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The old communication system of Bro 2.6 is not part of gobro: its
// deprecated functions exist so that scripts load (a script calling them
// stops at start unless old_comm_usage_is_ok is set, see
// interp.OldCommFatal); run anyway, they do nothing and report failure.
func init() {
	failing := map[string]value.Value{
		"enable_communication":    {},
		"connect":                 value.Count(0), // Bro's "no peer"
		"disconnect":              value.Bool(false),
		"request_remote_events":   value.Bool(false),
		"request_remote_sync":     value.Bool(false),
		"request_remote_logs":     value.Bool(false),
		"set_accept_state":        value.Bool(false),
		"set_compression_level":   value.Bool(false),
		"listen":                  value.Bool(false),
		"send_id":                 value.Bool(false),
		"terminate_communication": value.Bool(false),
		"complete_handshake":      value.Bool(false),
		"send_ping":               value.Bool(false),
		"send_current_packet":     value.Bool(false),
		"send_capture_filter":     value.Bool(false),
		"suspend_state_updates":   {},
		"resume_state_updates":    {},
	}
	for name, result := range failing {
		result := result
		interp.Register(name, func(*interp.Call, []value.Value) value.Value { return result })
	}
	// Every event is local without the old system: both give this
	// process's own peer record.
	interp.Register("get_event_peer", localPeer)
	interp.Register("get_local_event_peer", localPeer)
}

// localPeer is the event_peer record of this process, as Bro's event
// manager describes the local source: id 0, 127.0.0.1, port 0, local,
// described by peer_description.
func localPeer(c *interp.Call, _ []value.Value) value.Value {
	rt, ok := c.Interp.LookupType("event_peer").(*types.RecordType)
	if !ok {
		return value.Value{}
	}
	r := c.Interp.NewRecord(rt)
	descr := value.String("bro")
	c.Interp.Globals(func(g *interp.Global) {
		if g.Name == "peer_description" {
			descr = g.Value
		}
	})
	r.Fields[0] = value.Count(0)
	r.Fields[1] = value.Addr(netip.MustParseAddr("127.0.0.1"))
	r.Fields[2] = value.Port(0, value.Unknown)
	r.Fields[3] = value.Bool(true)
	r.Fields[4] = descr
	return value.Value{R: r}
}
