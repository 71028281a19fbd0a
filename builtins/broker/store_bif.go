// The Broker::__* builtins of Bro 2.6's store.bif, behind the store
// functions of base/frameworks/broker/store.bro, with Bro's messages.

package broker

import (
	"fmt"

	"gobro/builtins/broker/storage"
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	for name, fn := range map[string]interp.Builtin{
		"Broker::__create_master":        bifCreateMaster,
		"Broker::__create_clone":         bifCreateClone,
		"Broker::__is_closed":            bifIsClosed,
		"Broker::__close":                bifClose,
		"Broker::__store_name":           bifStoreName,
		"Broker::__exists":               bifExists,
		"Broker::__get":                  bifGet,
		"Broker::__put_unique":           bifPutUnique,
		"Broker::__get_index_from_value": bifGetIndexFromValue,
		"Broker::__keys":                 bifKeys,
		"Broker::__put":                  bifPut,
		"Broker::__erase":                bifErase,
		"Broker::__increment":            bifAdd("amount", false),
		"Broker::__decrement":            bifAdd("amount", true),
		"Broker::__append":               bifAppend,
		"Broker::__insert_into_set":      bifInsertIntoSet,
		"Broker::__insert_into_table":    bifInsertIntoTable,
		"Broker::__remove_from":          bifRemoveFrom,
		"Broker::__push":                 bifPush,
		"Broker::__pop":                  bifPop,
		"Broker::__clear":                bifClearStore,
		"Broker::__store_stats":          bifStoreStats,
	} {
		interp.Register(name, fn)
	}
}

// handleOf returns the store handle argument, reporting Bro's error
// where there is none.
func handleOf(c *interp.Call, v value.Value) *storeHandle {
	h, _ := v.R.(*storeHandle)
	if h == nil {
		c.BuiltinError("invalid Broker store handle")
	}
	return h
}

// open returns the master behind a handle, nil where the store is
// closed or was never made.
func (h *storeHandle) open() *store {
	if h.s == nil || h.s.closed {
		return nil
	}
	return h.s
}

// arg converts argument v for a store operation, reporting Bro's error
// naming what the argument is for.
func arg(c *interp.Call, v value.Value, what string) (Data, bool) {
	d, ok := toData(c, v)
	if !ok {
		c.BuiltinError("invalid Broker data conversion for " + what + " argument")
	}
	return d, ok
}

// delayQuery makes a query's result come later, into the "when" whose
// condition calls it; outside one, or in one without a timeout block, it
// reports Bro's error and the query yields a failure.
func delayQuery(c *interp.Call) (*interp.Pending, bool) {
	inWhen, hasTimeout := c.WhenContext()
	if !inWhen {
		c.BuiltinError("Broker queries can only be called inside when-condition")
		return nil, false
	}
	if !hasTimeout {
		c.BuiltinError("Broker queries must specify a timeout block")
		return nil, false
	}
	return c.Delay()
}

// failure is the result of a query that fails at once.
func failure(c *interp.Call) value.Value { return queryResult(c.Interp, Data{}, false) }

// query runs the common part of the query builtins: the handle, the
// conversion of the data arguments (named by what), the "when" check;
// then answer computes the result on the open master, or the query
// fails where the store is closed. A lookup (read) on a master is made
// with the others of its pass (see store.readLater).
func query(c *interp.Call, args []value.Value, what []string, read bool, answer func(s *store, d []Data) (Data, bool)) value.Value {
	h := handleOf(c, args[0])
	if h == nil {
		return failure(c)
	}
	d := make([]Data, len(what))
	for i, w := range what {
		x, ok := arg(c, args[i+1], w)
		if !ok {
			return failure(c)
		}
		d[i] = x
	}
	p, ok := delayQuery(c)
	if !ok {
		return failure(c)
	}
	if h.clone != nil {
		h.clone.query(p, answer, d)
		return value.Value{}
	}
	s := h.open()
	if s == nil {
		p.DeliverNow(failure(c))
		return value.Value{}
	}
	s.gets++
	if read {
		s.readLater(pendingRead{p: p, answer: answer, d: d})
		return value.Value{}
	}
	r, ok := answer(s, d)
	s.answer(p, s.queryResult(r, ok))
	return value.Value{}
}

func bifExists(c *interp.Call, args []value.Value) value.Value {
	return query(c, args, []string{"key"}, true, func(s *store, d []Data) (Data, bool) {
		_, _, ok, err := s.be.Get(s.readKey(d[0]))
		if err != nil {
			s.failed(err)
		}
		return Bool(ok), true
	})
}

func bifGet(c *interp.Call, args []value.Value) value.Value {
	return query(c, args, []string{"key"}, true, func(s *store, d []Data) (Data, bool) {
		v, _, ok := s.lookupData(s.readKey(d[0]))
		return v, ok
	})
}

func bifPutUnique(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	if h, _ := args[0].R.(*storeHandle); h != nil && h.clone != nil {
		k, ok := arg(c, args[1], "key")
		if !ok {
			return failure(c)
		}
		v, ok := arg(c, args[2], "value")
		if !ok {
			return failure(c)
		}
		p, ok := delayQuery(c)
		if !ok {
			return failure(c)
		}
		h.clone.putUnique(p, k, v, e)
		return value.Value{}
	}
	return query(c, args[:3], []string{"key", "value"}, false, func(s *store, d []Data) (Data, bool) {
		return Bool(s.putUnique(d[0], d[1], exp)), true
	})
}

func bifGetIndexFromValue(c *interp.Call, args []value.Value) value.Value {
	return query(c, args, []string{"key", "index"}, false, func(s *store, d []Data) (Data, bool) {
		cur, _, ok := s.lookupData(s.readKey(d[0]))
		if !ok {
			return Data{}, false
		}
		r, e := retrieve(cur, d[1])
		switch e {
		case errNone:
			return r, true
		case errNoSuchKey:
			return Data{}, false
		}
		// Bro 2.6 knows no answer for Broker's other errors: it warns,
		// and the "when" runs into its timeout.
		fmt.Fprintf(c.ErrOut(), "internal warning: unknown store response status: %s\n", e)
		return Data{}, false
	})
}

func bifKeys(c *interp.Call, args []value.Value) value.Value {
	return query(c, args, nil, false, func(s *store, _ []Data) (Data, bool) {
		return s.keys(), true
	})
}

// mutation runs the common part of the modifying builtins: the handle,
// the conversion of the data arguments (named by what); then apply
// changes the open master. They return true once the arguments convert,
// as Bro's do, whether or not the operation then succeeds; false for a
// store that is not open.
func mutation(c *interp.Call, args []value.Value, what []string, apply func(s *store, d []Data), toMaster func(name string, d []Data) []byte) value.Value {
	h := handleOf(c, args[0])
	if h == nil {
		return value.Bool(false)
	}
	d := make([]Data, len(what))
	for i, w := range what {
		x, ok := arg(c, args[i+1], w)
		if !ok {
			return value.Bool(false)
		}
		d[i] = x
	}
	if h.clone != nil {
		h.clone.send(toMaster(h.name, d))
		return value.Bool(true)
	}
	s := h.open()
	if s == nil {
		// A store that is closed, or could not be opened, takes no
		// writes.
		return value.Bool(false)
	}
	apply(s, d)
	return value.Bool(true)
}

func bifPut(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:3], []string{"key", "value"}, func(s *store, d []Data) {
		s.put(d[0], d[1], exp)
	}, func(name string, d []Data) []byte {
		return appendExpiry(AppendData(AppendData(storeMsg(storeCmdPut, name), d[0]), d[1]), e)
	})
}

func bifErase(c *interp.Call, args []value.Value) value.Value {
	return mutation(c, args, []string{"key"}, func(s *store, d []Data) {
		s.erase(d[0])
	}, func(name string, d []Data) []byte {
		return AppendData(storeMsg(storeCmdErase, name), d[0])
	})
}

// addInit is the type an absent key starts as for increment, after the
// amount's type (Broker's store::increment): a timespan moves a
// timestamp.
func addInit(amount Data) Kind {
	switch amount.kind {
	case KindCount, KindInt, KindReal:
		return amount.kind
	case KindTimespan:
		return KindTimestamp
	}
	return KindNone
}

func bifAdd(what string, minus bool) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		e := args[3].AsDouble()
		exp := expiryAt(e)
		return mutation(c, args[:3], []string{"key", what}, func(s *store, d []Data) {
			if minus {
				s.subtract(d[0], d[1], exp)
			} else {
				s.add(d[0], d[1], addInit(d[1]), exp)
			}
		}, func(name string, d []Data) []byte {
			if minus {
				return cmdSubtract(name, d[0], d[1], e)
			}
			return cmdAdd(name, d[0], d[1], addInit(d[1]), e)
		})
	}
}

func bifAppend(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:3], []string{"key", "str"}, func(s *store, d []Data) {
		s.add(d[0], d[1], KindString, exp)
	}, func(name string, d []Data) []byte {
		return cmdAdd(name, d[0], d[1], KindString, e)
	})
}

func bifInsertIntoSet(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:3], []string{"key", "index"}, func(s *store, d []Data) {
		s.add(d[0], d[1], KindSet, exp)
	}, func(name string, d []Data) []byte {
		return cmdAdd(name, d[0], d[1], KindSet, e)
	})
}

func bifInsertIntoTable(c *interp.Call, args []value.Value) value.Value {
	e := args[4].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:4], []string{"key", "index", "value"}, func(s *store, d []Data) {
		s.add(d[0], NewVector(d[1], d[2]), KindTable, exp)
	}, func(name string, d []Data) []byte {
		return cmdAdd(name, d[0], NewVector(d[1], d[2]), KindTable, e)
	})
}

func bifRemoveFrom(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:3], []string{"key", "index"}, func(s *store, d []Data) {
		s.subtract(d[0], d[1], exp)
	}, func(name string, d []Data) []byte {
		return cmdSubtract(name, d[0], d[1], e)
	})
}

func bifPush(c *interp.Call, args []value.Value) value.Value {
	e := args[3].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:3], []string{"key", "value"}, func(s *store, d []Data) {
		s.add(d[0], d[1], KindVector, exp)
	}, func(name string, d []Data) []byte {
		return cmdAdd(name, d[0], d[1], KindVector, e)
	})
}

func bifPop(c *interp.Call, args []value.Value) value.Value {
	e := args[2].AsDouble()
	exp := expiryAt(e)
	return mutation(c, args[:2], []string{"key"}, func(s *store, d []Data) {
		// Broker's store::pop subtracts the key from itself: a vector
		// loses its last element.
		s.subtract(d[0], d[0], exp)
	}, func(name string, d []Data) []byte {
		return cmdSubtract(name, d[0], d[0], e)
	})
}

func bifClearStore(c *interp.Call, args []value.Value) value.Value {
	return mutation(c, args, nil, func(s *store, _ []Data) {
		s.clearAll()
	}, func(name string, _ []Data) []byte {
		return storeMsg(storeCmdClear, name)
	})
}

func bifStoreName(c *interp.Call, args []value.Value) value.Value {
	h := handleOf(c, args[0])
	if h == nil {
		return value.String("")
	}
	return value.String(h.name)
}

// bifIsClosed answers as Bro 2.6's does, which tells whether a store of
// the handle's name is open: T for an open store, F once it is closed
// (the reverse of what its name says).
func bifIsClosed(c *interp.Call, args []value.Value) value.Value {
	h := handleOf(c, args[0])
	if h == nil {
		return value.Bool(false)
	}
	return value.Bool(storesOf(c.Interp).lookup(h.name) != nil)
}

func bifClose(c *interp.Call, args []value.Value) value.Value {
	h := handleOf(c, args[0])
	if h == nil {
		return value.Bool(false)
	}
	r := storesOf(c.Interp)
	open := r.lookup(h.name)
	if open == nil {
		return value.Bool(false)
	}
	delete(r.byName, h.name)
	open.s.close()
	if open.clone != nil {
		open.clone.close()
	}
	return value.Bool(true)
}

// openBackend opens a persistent backend; tests replace it.
var openBackend = func(path string) (storage.Backend, error) { return storage.OpenBadger(path) }

// backendPath is the path of a persistent backend: the one in the
// options for the type, else the store's name with Bro's suffix.
func backendPath(c *interp.Call, name, typ string, opts value.Value) string {
	field, suffix := "sqlite", ".sqlite"
	if typ == "Broker::ROCKSDB" {
		field, suffix = "rocksdb", ".rocksdb"
	}
	path := ""
	if r, ok := opts.R.(*value.Record); ok && r != nil {
		if i := r.Type.FieldIndex(field); i >= 0 && i < len(r.Fields) {
			if sub, ok := r.Fields[i].R.(*value.Record); ok && sub != nil {
				if j := sub.Type.FieldIndex("path"); j >= 0 && j < len(sub.Fields) && !sub.Fields[j].IsUnset() {
					path = sub.Fields[j].AsString()
				}
			}
		}
	}
	if path == "" {
		path = name + suffix
	}
	return path
}

func bifCreateMaster(c *interp.Call, args []value.Value) value.Value {
	name := args[0].AsString()
	r := storesOf(c.Interp)
	if h := r.lookup(name); h != nil {
		return value.Value{R: h}
	}
	typ := ""
	if et, ok := c.Interp.LookupType("Broker::BackendType").(*types.EnumType); ok {
		typ = et.NameOf(int64(args[1].N))
	}
	var be storage.Backend
	switch typ {
	case "Broker::SQLITE", "Broker::ROCKSDB":
		path := backendPath(c, name, typ, args[2])
		b, err := openBackend(path)
		if err != nil {
			c.BuiltinError("Failed to attach master store " + name + ": " + err.Error())
			c.BuiltinError("Could not create Broker master store '" + name + "'")
			return value.Value{R: &storeHandle{name: name}}
		}
		be = b
	default:
		be = storage.NewMemory()
	}
	h := &storeHandle{name: name, s: newStore(c.Interp, name, be)}
	r.byName[name] = h
	if m, err := managerFor(c.Interp); err == nil {
		h.s.attach(m)
	}
	return value.Value{R: h}
}

func bifStoreStats(c *interp.Call, args []value.Value) value.Value {
	rt, _ := c.Interp.LookupType("Broker::StoreStats").(*types.RecordType)
	if rt == nil {
		return value.Unset
	}
	rec := c.Interp.NewRecord(rt)
	var entries, puts, gets, disk uint64
	if h := handleOf(c, args[0]); h != nil {
		if s := h.open(); s != nil {
			n, err := s.be.Len()
			if err != nil {
				s.failed(err)
			}
			entries, puts, gets, disk = uint64(n), s.puts, s.gets, uint64(s.be.DiskBytes())
		}
	}
	set := func(name string, n uint64) {
		if i := rt.FieldIndex(name); i >= 0 {
			rec.Fields[i] = value.Count(n)
		}
	}
	set("entries", entries)
	set("puts", puts)
	set("gets", gets)
	set("disk_bytes", disk)
	return value.Value{R: rec}
}

// cmdAdd is a clone's add command for the master.
func cmdAdd(name string, k, v Data, init Kind, e float64) []byte {
	msg := AppendData(AppendData(storeMsg(storeCmdAdd, name), k), v)
	return appendExpiry(append(msg, byte(init)), e)
}

// cmdSubtract is a clone's subtract command for the master.
func cmdSubtract(name string, k, v Data, e float64) []byte {
	return appendExpiry(AppendData(AppendData(storeMsg(storeCmdSubtract, name), k), v), e)
}
