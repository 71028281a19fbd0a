// Clones of Broker data stores. A clone answers queries from its own
// copy of the master's content and forwards its mutations to the
// master. Until it has reached a master, a clone is stale, as in Broker:
// its queries get no answer (the "when" runs into its timeout, as Bro
// 2.6's do on Broker's stale_data), and its mutations are kept for
// mutation_buffer_interval and then dropped.

package broker

import (
	"gobro/runtime/interp"
	"gobro/runtime/value"
)

// clone is a clone store that has not reached its master.
type clone struct {
	name                          string
	resync, stale, mutationBuffer float64
	closed                        bool
}

// query leaves a stale clone's query unanswered.
func (cl *clone) query(p *interp.Pending) {}

// mutate drops a mutation: without a master there is nobody to take it.
func (cl *clone) mutate() {}

// close closes the clone.
func (cl *clone) close() { cl.closed = true }

func bifCreateClone(c *interp.Call, args []value.Value) value.Value {
	name := args[0].AsString()
	r := storesOf(c.Interp)
	if h := r.lookup(name); h != nil {
		return value.Value{R: h}
	}
	h := &storeHandle{name: name, clone: &clone{
		name:           name,
		resync:         args[1].AsDouble(),
		stale:          args[2].AsDouble(),
		mutationBuffer: args[3].AsDouble(),
	}}
	r.byName[name] = h
	return value.Value{R: h}
}
