package broker

import (
	"fmt"
	"os"
	"time"

	"gobro/lang/ast"
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The builtins of Bro 2.6's comm.bif: listening, peering, the peers.

// noPos is the location of messages that have none: those issued while
// no script statement runs.
var noPos ast.Pos

func init() {
	interp.Register("Broker::__listen", listen)
	interp.Register("Broker::__peer", peer)
	interp.Register("Broker::__unpeer", unpeer)
	interp.Register("Broker::__peers", peers)
	interp.Register("Broker::__peer_stats", peerStats)
	interp.Register("Broker::__node_id", nodeID)
}

// zeroPort is what __listen returns when it fails.
var zeroPort = value.Port(0, value.TCP)

func listen(c *interp.Call, args []value.Value) value.Value {
	addr := value.CString(args[0].AsString())
	num, proto := args[1].AsPort()
	if proto != value.TCP {
		c.BuiltinError("listen port must use tcp")
		return value.Port(0, value.Unknown)
	}
	m := mgr(c)
	if m == nil {
		return zeroPort
	}
	m.count()
	bound, err := m.ep.Listen(addr, uint16(num))
	if err != nil || bound == 0 {
		where := addr
		if where == "" {
			where = "INADDR_ANY"
		}
		c.BuiltinError(fmt.Sprintf("Failed to listen on %s:%d", where, num))
		return zeroPort
	}
	return value.Port(uint32(bound), value.TCP)
}

// retryInterval is the retry a peering uses: BRO_DEFAULT_CONNECT_RETRY
// (whole seconds) if set, else the script's; a retry under a second is a
// second, as Bro 2.6 rounds it.
func retryInterval(script float64) time.Duration {
	if s, ok := os.LookupEnv("BRO_DEFAULT_CONNECT_RETRY"); ok {
		script = float64(leadingInt(s))
	}
	if script > 0 && script < 1 {
		script = 1
	}
	return time.Duration(int64(script)) * time.Second
}

// remote reads the address and TCP port of a peering, reporting Bro's
// error when the port is not TCP; m is nil when the call is to do
// nothing.
func remote(c *interp.Call, args []value.Value) (m *manager, addr string, port uint16) {
	num, proto := args[1].AsPort()
	if proto != value.TCP {
		c.BuiltinError("remote connection port must use tcp")
		return nil, "", 0
	}
	return mgr(c), value.CString(args[0].AsString()), uint16(num)
}

func peer(c *interp.Call, args []value.Value) value.Value {
	m, addr, port := remote(c, args)
	if m == nil {
		return value.Bool(false)
	}
	m.count()
	m.ep.Peer(addr, port, retryInterval(args[2].AsDouble()))
	return value.Bool(true)
}

func unpeer(c *interp.Call, args []value.Value) value.Value {
	m, addr, port := remote(c, args)
	if m == nil {
		return value.Bool(false)
	}
	m.logs.flush(m)
	m.ep.Unpeer(addr, port)
	return value.Bool(true)
}

// vectorResult makes an empty vector of the builtin's declared result
// type.
func vectorResult(c *interp.Call) *value.Vector {
	var vt *types.VectorType
	if g := c.Interp.LookupGlobal(c.Name); g != nil {
		if ft, ok := g.Type.(*types.FuncType); ok {
			vt, _ = ft.Result.(*types.VectorType)
		}
	}
	return &value.Vector{Type: vt}
}

func peers(c *interp.Call, _ []value.Value) value.Value {
	out := vectorResult(c)
	m := mgr(c)
	if m == nil {
		return value.Value{R: out}
	}
	pt, _ := c.Interp.LookupType("Broker::PeerInfo").(*types.RecordType)
	for _, p := range m.ep.Peers() {
		pi := c.Interp.NewRecord(pt)
		addr := p.Addr
		if addr == "" {
			// Bro 2.6 describes a peer without a network address so.
			addr = "0.0.0.0"
		}
		pi.Fields[0] = m.endpointInfo(p.NodeID, addr, p.Port, true)
		pi.Fields[1] = value.Enum(int64(p.Status))
		out.Elems = append(out.Elems, value.Value{R: pi})
	}
	return value.Value{R: out}
}

func peerStats(c *interp.Call, _ []value.Value) value.Value {
	out := vectorResult(c)
	m := mgr(c)
	if m == nil {
		return value.Value{R: out}
	}
	st, _ := c.Interp.LookupType("Broker::PeerStats").(*types.RecordType)
	for _, s := range m.ep.Stats() {
		r := c.Interp.NewRecord(st)
		r.Fields[0] = m.endpointInfo(s.NodeID, s.Addr, s.Port, true)
		for i, n := range []uint64{s.MsgsIn, s.MsgsOut, s.BytesIn, s.BytesOut, uint64(s.QueueDepth), s.Drops, s.BadFrames} {
			r.Fields[i+1] = value.Count(n)
		}
		out.Elems = append(out.Elems, value.Value{R: r})
	}
	return value.Value{R: out}
}

func nodeID(c *interp.Call, _ []value.Value) value.Value {
	m := mgr(c)
	if m == nil {
		return value.String("")
	}
	return value.String(m.ep.NodeID())
}

// leadingInt reads a number as C's atoi does: optional blanks and sign,
// then the digits up to the first other character; 0 if none.
func leadingInt(s string) int64 {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var n int64
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int64(s[i]-'0')
	}
	if neg {
		return -n
	}
	return n
}
