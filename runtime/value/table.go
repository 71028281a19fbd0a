package value

import (
	"net/netip"

	"gobro/runtime/seed"
	"gobro/runtime/types"
)

// Table is a table or set value. Tables are shared by assignment.
//
// Its elements live in a dictionary built as Bro 2.6's is (see dict.go),
// keyed by the hash Bro computes of each index (keys.go), so that every
// walk over a table (a for loop, printing, logging, copying) visits the
// elements in the order Bro does: with the same seeds (BRO_SEED_FILE),
// the same order as Bro. Lookups go through an index of their own
// (index.go); the dictionary is brought up to date, from a log of the
// insertions and removals it has not seen, only when the table is
// walked (and while it is, at once), so that a table that is only
// looked up in pays little for it.
type Table struct {
	Type *types.TableType
	d    dict
	ix   index
	// pending are the changes the dictionary has not seen yet.
	pending []change
	// slab holds the entries: every chunk but the last is full
	// (chunkSize entries), so that a big table grows without copying
	// them. free lists the positions of removed entries, which new
	// ones take again: removing an entry gives its memory back.
	slab [][]Entry
	used int // positions handed out in slab
	free []int32
	// freed are positions given back while changes the dictionary has
	// not seen may name them: they become free when it has.
	freed []int32
	live  int
	// epoch changes when the table is cleared: a walk under way over
	// the old contents then ends.
	epoch uint32
	// keys is how the index type makes key bytes; set on first use.
	keys *keyShape
	// Default computes the value of a missing index under &default;
	// nil if the table has none.
	Default func(key []Value) Value
	// prefixLens records which prefix lengths were ever inserted into
	// a table indexed by one subnet (bit b of lens4 for IPv4 /b, of
	// lens6 for IPv6 /b), so that a longest-prefix lookup tries only
	// those.
	lens4 uint64
	lens6 [3]uint64
	// expiry is set on a table with &read_expire, &write_expire or
	// &create_expire.
	expiry *Expiry
}

// Entry is one element of a table: its index values and, for a table, its
// yield. An entry belongs to its table until it is removed (its Key is
// then nil); the table then reuses it for another element.
type Entry struct {
	Key   []Value
	Yield Value
	hash  uint64
	// access is the time of the last access that counts for
	// expiration, in whole seconds as Bro keeps it.
	access float64
}

// Expiry is what a table with an expiration attribute keeps: the clock
// its entries are stamped with and which accesses count. The walk that
// expires entries goes over the table in steps; Walk is the walk under
// way (nil: the next step begins a new one).
type Expiry struct {
	// Clock returns the network time.
	Clock func() float64
	// OnRead is set under &read_expire: a lookup counts as an access.
	OnRead bool
	// KeepCreate is set under &create_expire: assigning to an existing
	// index keeps the entry's creation time.
	KeepCreate bool
	// Walk is the expiration walk under way, nil between walks.
	Walk *Walk
}

// AccessTime returns the time of the entry's last access that counts
// for expiration, in whole seconds (0 for an entry made before the
// network time was set, which never expires on time alone).
func (e *Entry) AccessTime() float64 { return e.access }

// SetAccessTime sets the entry's access time, dropping the fraction of a
// second as Bro does.
func (e *Entry) SetAccessTime(t float64) { e.access = float64(int64(t)) }

// Deleted reports whether the entry was removed from its table.
func (e *Entry) Deleted() bool { return e.Key == nil }

// SetExpiry makes the table's entries carry access times for expiration.
func (t *Table) SetExpiry(x *Expiry) { t.expiry = x }

// Expiry returns the table's expiration state, nil if it has none.
func (t *Table) Expiry() *Expiry { return t.expiry }

// chunkSize is how many entries a full chunk of the slab holds.
const chunkSize = 1024

// NewTable returns an empty table of type t.
func NewTable(t *types.TableType) *Table {
	return &Table{Type: t}
}

// entry returns the entry at position i.
func (t *Table) entry(i int32) *Entry { return &t.slab[i/chunkSize][i%chunkSize] }

// alloc returns a position for a new entry.
func (t *Table) alloc() int32 {
	if n := len(t.free); n > 0 {
		i := t.free[n-1]
		t.free = t.free[:n-1]
		return i
	}
	last := len(t.slab) - 1
	if last < 0 || len(t.slab[last]) == chunkSize {
		var c []Entry
		if last >= 0 {
			c = make([]Entry, 0, chunkSize)
		}
		t.slab = append(t.slab, c)
		last++
	}
	t.slab[last] = append(t.slab[last], Entry{})
	t.used++
	return int32(t.used - 1)
}

// release gives an entry's position back, dropping what it holds but
// its hash.
func (t *Table) release(i int32) {
	e := t.entry(i)
	*e = Entry{hash: e.hash}
	t.live--
	if len(t.pending) > 0 {
		t.freed = append(t.freed, i)
		return
	}
	if t.live == 0 && len(t.d.cookies) == 0 && t.d.walks == 0 {
		// Nothing left and no walk that could still read a
		// position: start the storage afresh.
		t.slab, t.used, t.free = nil, 0, nil
		return
	}
	t.free = append(t.free, i)
}

// shape returns how the table's keys become bytes.
func (t *Table) shape() *keyShape {
	if t.keys == nil {
		t.keys = shapeOf(t.Type)
	}
	return t.keys
}

// Slots returns how many entry positions the table's storage has, taken
// or free: what its memory grows with.
func (t *Table) Slots() int { return t.used }

// Len returns the number of elements.
func (t *Table) Len() int { return t.live }

// change is one insertion into the table (of a new key, or of one it
// holds: Bro's dictionary grows on both) or removal, in the order they
// happened: the entry's position, and the kind of change in the top
// bits. An entry's position is not reused while a change names it, so
// the entry still has its hash when the dictionary takes the change.
type change uint32

const (
	changeAdd change = 0
	// changeUpdate holds how many assignments in a row there were to
	// keys the table held.
	changeUpdate change = 1 << 30
	changeRemove change = 2 << 30
	// changeRun follows a changeAdd: so many more additions, of the
	// positions after it, one by one (a table filled and not walked
	// keeps one change).
	changeRun   change = 3 << 30
	changeKinds change = 3 << 30
	changeMax   change = 1<<30 - 1
)

// note gives a change to the dictionary: at once while a walk is under
// way, otherwise when the table is next walked, or when the changes not
// given outgrow the table.
func (t *Table) note(c change) {
	if t.d.walks > 0 || len(t.d.cookies) > 0 {
		t.apply(c)
		return
	}
	if n := len(t.pending); c&changeKinds == changeUpdate && n > 0 {
		if last := t.pending[n-1]; last&changeKinds == changeUpdate && last&^changeKinds < changeMax {
			t.pending[n-1]++
			return
		}
	}
	if n := len(t.pending); c&changeKinds == changeAdd && n > 0 {
		// An addition of the position after the last one added
		// extends the run.
		last, pos := t.pending[n-1], c&^changeKinds
		switch {
		case last&changeKinds == changeAdd && last+1 == pos:
			t.pending = append(t.pending, changeRun|1)
			return
		case last&changeKinds == changeRun && last&^changeKinds < changeMax && n > 1 &&
			t.pending[n-2]+last&^changeKinds+1 == pos:
			t.pending[n-1]++
			return
		}
	}
	t.pending = append(t.pending, c)
	if len(t.pending) > 2*t.live+1024 {
		t.catchUp()
	}
}

func (t *Table) apply(c change) {
	pos := int32(c &^ changeKinds)
	switch c & changeKinds {
	case changeAdd:
		t.d.add(t.entry(pos).hash, pos)
	case changeUpdate:
		for k := int32(0); k < pos; k++ {
			if t.d.tbl2 == nil && t.d.n < t.d.thresh {
				break // the rest would change nothing
			}
			t.d.grow()
		}
	case changeRemove:
		t.d.remove(t.entry(pos).hash, pos)
	}
}

// catchUp gives the dictionary the changes it has not seen.
func (t *Table) catchUp() {
	for k, c := range t.pending {
		if c&changeKinds == changeRun {
			first := int32(t.pending[k-1]&^changeKinds) + 1
			for p := first; p < first+int32(c&^changeKinds); p++ {
				t.d.add(t.entry(p).hash, p)
			}
			continue
		}
		t.apply(c)
	}
	if cap(t.pending) > 4096 {
		t.pending = nil
	} else {
		t.pending = t.pending[:0]
	}
	t.free = append(t.free, t.freed...)
	t.freed = t.freed[:0]
}

// find returns the position of key's entry.
func (t *Table) find(key []Value) (int32, bool) {
	return t.ix.find(t, t.shape().hash(seed.Current(), key), key)
}

// Find returns the entry for a key without counting as an access, or nil.
func (t *Table) Find(key []Value) *Entry {
	i, ok := t.find(key)
	if !ok {
		return nil
	}
	return t.entry(i)
}

// Lookup returns the yield for a key and whether the key is present.
func (t *Table) Lookup(key []Value) (Value, bool) {
	i, ok := t.find(key)
	if !ok {
		return Value{}, false
	}
	e := t.entry(i)
	if t.expiry != nil && t.expiry.OnRead {
		e.SetAccessTime(t.expiry.Clock())
	}
	return e.Yield, true
}

// Insert sets the yield for a key (for a set, yield is ignored).
func (t *Table) Insert(key []Value, yield Value) {
	h := t.shape().hash(seed.Current(), key)
	i, found := t.ix.find(t, h, key)
	fresh := !found
	if fresh {
		i = t.newEntry(h, key)
		t.ix.add(t, h, i)
		t.note(changeAdd | change(i))
	} else {
		t.note(changeUpdate | 1)
	}
	e := t.entry(i)
	e.Yield = yield
	if t.expiry != nil && (fresh || !t.expiry.KeepCreate) {
		e.SetAccessTime(t.expiry.Clock())
	}
	if !fresh {
		return
	}
	if len(key) == 1 {
		if p, ok := key[0].R.(netip.Prefix); ok {
			if b := p.Bits(); p.Addr().Is4() {
				t.lens4 |= 1 << uint(b)
			} else if b >= 0 {
				t.lens6[b/64] |= 1 << uint(b%64)
			}
		}
	}
}

// KeyCopy returns v as a table keeps it in a key, and as a loop over the
// table hands it out: Bro keeps a key as its hash and makes its values
// anew when they are read back, so a record, vector or set used as an
// index and changed later, or a loop variable changed in the loop, leaves
// the key as it was, and no number read back is an earlier one (see
// Ident). A string or address keeps its bytes (same_object then still
// sees the one inserted, where Bro's is new).
func KeyCopy(v Value) Value {
	switch r := v.R.(type) {
	case *Record:
		fields := make([]Value, len(r.Fields))
		for i, f := range r.Fields {
			fields[i] = KeyCopy(f)
		}
		return Value{R: &Record{Type: r.Type, Fields: fields}}
	case *Vector:
		elems := make([]Value, len(r.Elems))
		for i, e := range r.Elems {
			elems[i] = KeyCopy(e)
		}
		return Value{R: &Vector{Type: r.Type, Elems: elems}}
	case *Table:
		c := NewTable(r.Type)
		r.Each(func(e *Entry) bool {
			c.Insert(e.Key, KeyCopy(e.Yield))
			return true
		})
		return Value{R: c}
	}
	return v.WithoutIdent()
}

// newEntry makes the entry for a key the table does not hold.
func (t *Table) newEntry(h uint64, key []Value) int32 {
	i := t.alloc()
	k := make([]Value, len(key))
	for j, v := range key {
		k[j] = KeyCopy(v)
	}
	*t.entry(i) = Entry{Key: k, hash: h}
	t.live++
	return i
}

// LookupBest is Lookup as Bro 2.6 indexes a table whose index is one
// subnet: an address, or a subnet, finds the most specific subnet of the
// table that holds it (longest-prefix match). IPv4 addresses and subnets
// also fall within IPv6 subnets that cover the IPv4-mapped range. Other
// tables and keys are looked up exactly.
func (t *Table) LookupBest(key []Value) (Value, bool) {
	if len(key) != 1 || t.Type == nil || len(t.Type.Index) != 1 || t.Type.Index[0].Kind() != types.Subnet {
		return t.Lookup(key)
	}
	var a netip.Addr
	bits := -1
	switch r := key[0].R.(type) {
	case netip.Addr:
		a = r.Unmap()
		bits = a.BitLen()
	case netip.Prefix:
		a = r.Addr()
		bits = r.Bits()
		if a.Is4In6() && bits >= 96 {
			a, bits = a.Unmap(), bits-96
		}
	default:
		return t.Lookup(key)
	}
	if !a.IsValid() || bits < 0 {
		return Value{}, false
	}
	try := func(p netip.Prefix) (Value, bool) { return t.Lookup([]Value{Subnet(p)}) }
	if a.Is4() {
		for b := bits; b >= 0; b-- {
			if t.lens4&(1<<uint(b)) != 0 {
				if p, err := a.Prefix(b); err == nil {
					if v, ok := try(p); ok {
						return v, true
					}
				}
			}
		}
		a, bits = netip.AddrFrom16(a.As16()), 96
	}
	for b := bits; b >= 0; b-- {
		if t.lens6[b/64]&(1<<uint(b%64)) != 0 {
			if p, err := a.Prefix(b); err == nil {
				if v, ok := try(p); ok {
					return v, true
				}
			}
		}
	}
	return Value{}, false
}

// Delete removes a key; it reports whether the key was present.
func (t *Table) Delete(key []Value) bool {
	h := t.shape().hash(seed.Current(), key)
	i, ok := t.ix.find(t, h, key)
	if !ok {
		return false
	}
	t.ix.remove(h, i)
	t.note(changeRemove | change(i))
	t.release(i)
	return true
}

// Clear removes every element, as Bro's clear_table does: the table
// starts afresh, as a new one. A walk under way over it ends.
func (t *Table) Clear() {
	for _, c := range t.d.cookies {
		c.done = true
	}
	walks := t.d.walks // the plain walks under way end by the epoch
	t.d = dict{walks: walks}
	t.ix = index{}
	t.pending, t.freed = nil, nil
	t.slab, t.used, t.free, t.live = nil, 0, nil, 0
	t.epoch++
}

// Each calls f for every element, in the order Bro 2.6 walks the
// table, until f returns false. Changes f makes to the table act on the
// walk as they act on Bro's: an element removed after the current one
// in the same bucket makes the walk skip one, and elements added may or
// may not be visited.
func (t *Table) Each(f func(e *Entry) bool) {
	if t.live == 0 {
		return
	}
	t.catchUp()
	c := Walk{epoch: t.epoch}
	t.d.walks++
	defer func() { t.d.walks-- }()
	for {
		i, ok := t.d.step(t, &c)
		if !ok || !f(t.entry(i)) {
			return
		}
	}
}

// Walk is a walk over a table that stays correct while the table
// changes (Bro's robust iteration cookie): every element present
// throughout is visited once, elements added during the walk are
// visited, and elements removed before their turn are not. While one is
// under way the table does not resize.
type Walk struct {
	bucket, offset int
	ttbl           *buckets
	inserted       []int32 // added behind the walk, to visit first
	robust         bool
	done           bool
	epoch          uint32
}

// StartWalk begins a robust walk over the table.
func (t *Table) StartWalk() *Walk {
	t.catchUp()
	w := &Walk{robust: true, epoch: t.epoch}
	t.d.cookies = append(t.d.cookies, w)
	return w
}

// Next returns the walk's next entry, nil at the end, where the walk
// is over.
func (t *Table) Next(w *Walk) *Entry {
	i, ok := t.d.step(t, w)
	if !ok {
		return nil
	}
	return t.entry(i)
}

// StopWalk ends a walk before its end.
func (t *Table) StopWalk(w *Walk) {
	t.d.dropCookie(w)
	w.done = true
}
