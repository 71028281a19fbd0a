package value

// index finds a table's entries by key: an open-addressing hash table of
// entry positions, probed linearly, keyed by the same hash as the
// dictionary (see dict.go), whose low bits choose the first slot and
// whose next 32 bits each slot keeps, so that most probes compare no
// keys. It answers every lookup, so that the dictionary need only be
// brought up to date when the table is walked.
type index struct {
	slots []slot // a power of two of them, or none
	used  int    // slots not empty, tombstones included
}

type slot struct {
	pos uint32 // the entry's position + 1; 0 empty; tombstone: removed
	tag uint32 // bits 32-63 of the key's hash
}

// tombstone marks the slot of a removed entry, which probes go past.
const tombstone = ^uint32(0)

// find returns the position of the entry whose key is key, of hash h.
func (x *index) find(t *Table, h uint64, key []Value) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	tag := uint32(h >> 32)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s.pos == 0 {
			return 0, false
		}
		if s.tag == tag && s.pos != tombstone {
			if p := int32(s.pos - 1); keysEqual(t.entry(p).Key, key) {
				return p, true
			}
		}
	}
}

// add records that the entry at pos, which the index does not hold, has
// hash h.
func (x *index) add(t *Table, h uint64, pos int32) {
	if (x.used+1)*4 > len(x.slots)*3 {
		x.rebuild(t)
	}
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.pos == 0 || s.pos == tombstone {
			if s.pos == 0 {
				x.used++
			}
			*s = slot{pos: uint32(pos) + 1, tag: uint32(h >> 32)}
			return
		}
	}
}

// remove forgets the entry at pos, of hash h.
func (x *index) remove(h uint64, pos int32) {
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.pos == 0 {
			return
		}
		if s.pos == uint32(pos)+1 {
			s.pos = tombstone
			return
		}
	}
}

// rebuild makes the index afresh from the live entries, with room for as
// many again, dropping the tombstones.
func (x *index) rebuild(t *Table) {
	size := 8
	for size*3 < (t.live+1)*2*4 {
		size *= 2
	}
	old := x.slots
	x.slots, x.used = make([]slot, size), 0
	mask := uint64(size - 1)
	for _, s := range old {
		if s.pos == 0 || s.pos == tombstone {
			continue
		}
		h := t.entry(int32(s.pos - 1)).hash
		for i := h & mask; ; i = (i + 1) & mask {
			if x.slots[i].pos == 0 {
				x.slots[i] = s
				x.used++
				break
			}
		}
	}
}
