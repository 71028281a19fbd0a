// The operations of a master store on its backend, with Broker 1.1's
// semantics: what increment, append, insert_into, remove_from, push and
// pop do to the value at a key (Broker's adder and remover), and what
// get_index_from_value retrieves (its retriever).

package broker

import "sort"

// errCode is Broker's outcome of an operation that did not succeed.
type errCode uint8

const (
	errNone errCode = iota
	errNoSuchKey
	errTypeClash
	errInvalidData
)

// String names the code as Broker's ec does.
func (e errCode) String() string {
	switch e {
	case errNoSuchKey:
		return "no_such_key"
	case errTypeClash:
		return "type_clash"
	case errInvalidData:
		return "invalid_data"
	}
	return "none"
}

// lookupData returns the datum at an encoded key. A value that does not
// decode is reported and counts as absent.
func (s *store) lookupData(kb []byte) (Data, int64, bool) {
	raw, exp, ok, err := s.be.Get(kb)
	if err != nil {
		s.failed(err)
		return Data{}, 0, false
	}
	if !ok {
		return Data{}, 0, false
	}
	d, rest, err := ReadData(raw)
	if err == nil && len(rest) != 0 {
		err = ErrBadValue
	}
	if err != nil {
		s.failed(err)
		return Data{}, 0, false
	}
	return d, exp, true
}

// storeData writes d at an encoded key with expiry time exp.
func (s *store) storeData(kb []byte, d Data, exp int64) {
	s.makeReads()
	if err := s.be.Put(kb, AppendData(nil, d), exp); err != nil {
		s.failed(err)
		return
	}
	if exp != 0 {
		s.remind(kb, exp)
	}
	s.wrote()
	s.broadcastPut(kb, d)
}

// put sets key to val.
func (s *store) put(key, val Data, exp int64) {
	s.storeData(AppendData(nil, key), val, exp)
}

// putUnique sets key to val unless the key exists; it reports whether it
// did.
func (s *store) putUnique(key, val Data, exp int64) bool {
	kb := AppendData(nil, key)
	if _, _, ok, err := s.be.Get(kb); err != nil || ok {
		if err != nil {
			s.failed(err)
		}
		return false
	}
	s.storeData(kb, val, exp)
	return true
}

// erase removes key.
func (s *store) erase(key Data) {
	s.makeReads()
	kb := AppendData(nil, key)
	if err := s.be.Delete(kb); err != nil {
		s.failed(err)
		return
	}
	s.wrote()
	s.broadcastErase(kb)
}

// clearAll removes every entry.
func (s *store) clearAll() {
	s.makeReads()
	if err := s.be.Clear(); err != nil {
		s.failed(err)
		return
	}
	s.wrote()
	s.broadcastClear()
}

// zeroOf is the value an absent key starts from for an add whose
// initial type is k (Broker's data::from_type).
func zeroOf(k Kind) Data {
	switch k {
	case KindCount:
		return Count(0)
	case KindInt:
		return Int(0)
	case KindReal:
		return Real(0)
	case KindTimestamp:
		return Timestamp(0)
	case KindString:
		return String("")
	case KindSet:
		return NewSet()
	case KindTable:
		return NewTable()
	case KindVector:
		return NewVector()
	}
	return None()
}

// add applies Broker's adder: v is added to the value at key, which an
// absent key starts as the zero of init (an absent key with init none
// is a type clash). The entry's expiry becomes exp, none included, as
// Broker's backends set it.
func (s *store) add(key, v Data, init Kind, exp int64) errCode {
	kb := AppendData(nil, key)
	cur, _, ok := s.lookupData(kb)
	if !ok {
		if init == KindNone {
			return errTypeClash
		}
		cur = zeroOf(init)
	}
	if e := adder(&cur, v); e != errNone {
		return e
	}
	s.storeData(kb, cur, exp)
	return errNone
}

// subtract applies Broker's remover to the value at key.
func (s *store) subtract(key, v Data, exp int64) errCode {
	kb := AppendData(nil, key)
	cur, _, ok := s.lookupData(kb)
	if !ok {
		return errNoSuchKey
	}
	if e := remover(&cur, v); e != errNone {
		return e
	}
	s.storeData(kb, cur, exp)
	return errNone
}

// adder adds v to cur: numbers and timespans of the same type add up, a
// timestamp moves by a timespan, a string grows by a string, a vector
// gets v appended, a set gets v inserted, and a table gets the pair that
// v (a vector of two) holds.
func adder(cur *Data, v Data) errCode {
	switch cur.kind {
	case KindCount, KindInt, KindTimespan:
		if v.kind != cur.kind {
			return errTypeClash
		}
		cur.n += v.n
	case KindReal:
		if v.kind != KindReal {
			return errTypeClash
		}
		*cur = Real(cur.AsReal() + v.AsReal())
	case KindTimestamp:
		if v.kind != KindTimespan {
			return errTypeClash
		}
		cur.n += v.n
	case KindString:
		if v.kind != KindString {
			return errTypeClash
		}
		cur.s += v.s
	case KindVector:
		cur.VectorAppend(v)
	case KindSet:
		cur.SetInsert(v)
	case KindTable:
		if v.kind != KindVector {
			return errTypeClash
		}
		if v.Len() != 2 {
			return errInvalidData
		}
		e := v.Elems()
		cur.TablePut(e[0], e[1])
	default:
		return errTypeClash
	}
	return errNone
}

// remover takes v from cur: numbers subtract, a timestamp moves back by
// a timespan, a vector loses its last element (whatever v is), a set or
// table loses v.
func remover(cur *Data, v Data) errCode {
	switch cur.kind {
	case KindCount, KindInt, KindTimespan:
		if v.kind != cur.kind {
			return errTypeClash
		}
		cur.n -= v.n
	case KindReal:
		if v.kind != KindReal {
			return errTypeClash
		}
		*cur = Real(cur.AsReal() - v.AsReal())
	case KindTimestamp:
		if v.kind != KindTimespan {
			return errTypeClash
		}
		cur.n -= v.n
	case KindVector:
		if n := cur.Len(); n > 0 {
			cur.VectorRemove(n - 1)
		}
	case KindSet, KindTable:
		cur.Remove(v)
	default:
		return errTypeClash
	}
	return errNone
}

// retrieve is Broker's retriever: from a vector the element at a count
// or integer index, from a set whether it holds aspect, from a table the
// value at aspect.
func retrieve(cur, aspect Data) (Data, errCode) {
	switch cur.kind {
	case KindVector:
		var i uint64
		switch aspect.kind {
		case KindCount, KindInt:
			i = aspect.n
		default:
			return Data{}, errTypeClash
		}
		if i < uint64(cur.Len()) {
			return cur.Elems()[i], errNone
		}
		return Data{}, errNoSuchKey
	case KindSet:
		return Bool(cur.Contains(aspect)), errNone
	case KindTable:
		if v, ok := cur.TableLookup(aspect); ok {
			return v, errNone
		}
		return Data{}, errNoSuchKey
	}
	return Data{}, errTypeClash
}

// keys returns the set of every key.
func (s *store) keys() Data {
	var elems []Data
	err := s.be.Each(func(key, _ []byte, _ int64) bool {
		k, rest, err := ReadData(key)
		if err == nil && len(rest) == 0 {
			elems = append(elems, k)
		}
		return true
	})
	if err != nil {
		s.failed(err)
	}
	// Sorted once here rather than inserted one by one: a large store
	// would make that quadratic. Distinct encodings are distinct data.
	sort.Slice(elems, func(i, j int) bool { return Compare(elems[i], elems[j]) < 0 })
	return Data{kind: KindSet, c: &container{elems: elems}}
}
