// Package cluster holds the builtins of Bro 2.6's cluster framework:
// Cluster::publish_rr and Cluster::publish_hrw, which publish an event to
// one node of a pool, chosen in turn or by rendezvous hashing of a key by
// the framework's script functions Cluster::rr_topic and
// Cluster::hrw_topic. Their declarations are in
// scripts/base/frameworks/cluster/pools.bro.
package cluster

import (
	"gobro/builtins/broker"
	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("Cluster::publish_rr", func(c *interp.Call, args []value.Value) value.Value {
		return publishTo(c, "Cluster::rr_topic", args)
	})
	interp.Register("Cluster::publish_hrw", func(c *interp.Call, args []value.Value) value.Value {
		return publishTo(c, "Cluster::hrw_topic", args)
	})
}

// publishTo asks the script function topicFunc for the topic of the pool
// and key in args[0] and args[1], and publishes the event in the rest of
// args under it; false when no node of the pool is up.
func publishTo(c *interp.Call, topicFunc string, args []value.Value) value.Value {
	g := c.Interp.LookupGlobal(topicFunc)
	if g == nil {
		return value.Bool(false)
	}
	topic := c.Interp.CallFunc(g.Value, args[0], args[1]).AsString()
	if topic == "" {
		return value.Bool(false)
	}
	return value.Bool(broker.Publish(c, topic, args[2:]))
}
