package value

import "hash/maphash"

// strIndex finds a table's entries whose key is one string. It is an
// open-addressing hash table of entry positions, probed linearly, each
// slot also holding the key's hash so that most probes compare no
// strings. It keeps no copy of the keys: the entries hold them. A
// deleted entry's slot stays as a tombstone until the index is rebuilt
// (when it grows, and when the table compacts) or a new key takes it.
type strIndex struct {
	slots []strSlot // a power of two of them, or none
	used  int       // slots not empty, tombstones included
}

type strSlot struct {
	pos  uint32 // the entry's position + 1; 0 for an empty slot
	hash uint32 // the key's hash; its low bits choose the first slot
}

var strSeed = maphash.MakeSeed()

func hashString(s string) uint32 { return uint32(maphash.String(strSeed, s)) }

// keyString returns the string of an entry whose key is one string.
func keyString(e *Entry) string { s, _ := e.Key[0].R.(string); return s }

// find returns the position of the live entry whose key is s.
func (x *strIndex) find(t *Table, s string) (int, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	h := hashString(s)
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := x.slots[i]
		if sl.pos == 0 {
			return 0, false
		}
		if sl.hash == h {
			if e := t.entry(int(sl.pos - 1)); !e.deleted && keyString(e) == s {
				return int(sl.pos - 1), true
			}
		}
	}
}

// place records that the entry at pos has key s, which the table does
// not hold yet.
func (x *strIndex) place(t *Table, s string, pos int) {
	if (x.used+1)*4 > len(x.slots)*3 {
		x.rebuild(t, pos)
	}
	x.put(t, hashString(s), pos)
}

// put takes the first empty slot or tombstone on h's probe sequence.
func (x *strIndex) put(t *Table, h uint32, pos int) {
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.pos == 0 {
			x.used++
			*sl = strSlot{pos: uint32(pos + 1), hash: h}
			return
		}
		if t.entry(int(sl.pos - 1)).deleted {
			*sl = strSlot{pos: uint32(pos + 1), hash: h}
			return
		}
	}
}

// rebuild makes the index afresh from the live entries before position
// end, with room for as many again, dropping the tombstones.
func (x *strIndex) rebuild(t *Table, end int) {
	live := 0
	for i := 0; i < end; i++ {
		if e := t.entry(i); !e.deleted && isOneString(e.Key) {
			live++
		}
	}
	size := 8
	for size*3 < (live+1)*2*4 {
		size *= 2
	}
	old := x.slots
	x.slots, x.used = make([]strSlot, size), 0
	mask := uint32(size - 1)
	for _, sl := range old {
		if sl.pos == 0 || int(sl.pos-1) >= end || t.entry(int(sl.pos-1)).deleted {
			continue
		}
		for i := sl.hash & mask; ; i = (i + 1) & mask {
			if x.slots[i].pos == 0 {
				x.slots[i] = sl
				x.used++
				break
			}
		}
	}
}

// reset forgets every position, as compaction moves the entries.
func (x *strIndex) reset() { *x = strIndex{} }

func isOneString(key []Value) bool {
	_, ok := oneString(key)
	return ok
}
