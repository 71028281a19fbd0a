package value_test

// An independent model of Bro 2.6's dictionary (Dict.cc), hash
// (Hash.cc, siphash24.c) and key layout (CompHash.cc), written apart
// from the table code, step by step as Bro's C++ does things, to check
// that tables walk their elements in Bro's order. It shares nothing with
// the implementation but the seed words.

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"testing"

	"gobro/runtime/seed"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// The seeds of testsuite/random.seed (the seed file of Bro's own test
// suite, which users' suites use too): the generator's seed, then the
// twenty words.
var refSeedWords = [20]uint32{
	1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240, 1450515018, 1466150520, 1342286698,
	1193956778, 2188527278, 3361989254, 3912865238, 3596260151, 517973768, 3606168384, 119014752, 1013039866, 2458585167,
}

const refSeed = 2983378351

func TestMain(m *testing.M) {
	seed.Set(seed.FromWords(refSeed, refSeedWords))
	os.Exit(m.Run())
}

// refHasher is HashKey::HashBytes under the seed words.
type refHasher struct {
	k0, k1 uint64
	md5key [16]byte
}

func newRefHasher(w [20]uint32) *refHasher {
	var buf [80]byte
	for i, x := range w {
		binary.LittleEndian.PutUint32(buf[4*i:], x)
	}
	h := &refHasher{md5key: md5.Sum(buf[:64])}
	h.k0 = binary.LittleEndian.Uint64(buf[64:72])
	h.k1 = binary.LittleEndian.Uint64(buf[72:80])
	return h
}

func rotl(x uint64, b uint) uint64 { return x<<b | x>>(64-b) }

func (h *refHasher) siphash(in []byte) uint64 {
	v0 := uint64(0x736f6d6570736575) ^ h.k0
	v1 := uint64(0x646f72616e646f6d) ^ h.k1
	v2 := uint64(0x6c7967656e657261) ^ h.k0
	v3 := uint64(0x7465646279746573) ^ h.k1
	round := func() {
		v0 += v1
		v1 = rotl(v1, 13)
		v1 ^= v0
		v0 = rotl(v0, 32)
		v2 += v3
		v3 = rotl(v3, 16)
		v3 ^= v2
		v0 += v3
		v3 = rotl(v3, 21)
		v3 ^= v0
		v2 += v1
		v1 = rotl(v1, 17)
		v1 ^= v2
		v2 = rotl(v2, 32)
	}
	full := len(in) - len(in)%8
	for p := 0; p < full; p += 8 {
		var m uint64
		for j := 7; j >= 0; j-- {
			m = m<<8 | uint64(in[p+j])
		}
		v3 ^= m
		round()
		round()
		v0 ^= m
	}
	b := uint64(len(in)) << 56
	for j := len(in) - 1; j >= full; j-- {
		b |= uint64(in[j]) << (8 * uint(j-full))
	}
	v3 ^= b
	round()
	round()
	v0 ^= b
	v2 ^= 0xff
	for i := 0; i < 4; i++ {
		round()
	}
	return v0 ^ v1 ^ v2 ^ v3
}

func (h *refHasher) hashBytes(b []byte) uint64 {
	if len(b) <= 36 {
		return h.siphash(b)
	}
	d := md5.Sum(b)
	for i := range d {
		d[i] ^= h.md5key[i]
	}
	d = md5.Sum(d[:])
	return binary.LittleEndian.Uint64(d[:8])
}

// The dictionary, as Dict.cc has it. A nil chain is a bucket never
// used (or moved away); chains keep order.
type refEntry struct {
	key  string
	hash uint64
}

type refCookie struct {
	bucket, offset int
	ttbl           *[][]*refEntry
	inserted       []*refEntry
}

type refDict struct {
	tbl                      [][]*refEntry
	numBuckets, numEntries   int
	threshEntries            int
	tbl2                     [][]*refEntry
	has2                     bool
	numBuckets2, numEntries2 int
	threshEntries2, nextInd  int
	cookies                  []*refCookie
	tblPtr, tbl2Ptr          *[][]*refEntry
}

func refNextPrime(n int) int {
	if n&1 == 0 {
		n++
	}
	if n > 1000 {
		return n
	}
	for {
		prime := true
		for j := 3; j*j <= n; j++ {
			if n%j == 0 {
				prime = false
				break
			}
		}
		if prime {
			return n
		}
		n += 2
	}
}

func newRefDict() *refDict {
	d := &refDict{}
	d.numBuckets = refNextPrime(16)
	d.tbl = make([][]*refEntry, d.numBuckets)
	d.tblPtr = &d.tbl
	d.threshEntries = int(3.0 * float64(d.numBuckets))
	return d
}

func (d *refDict) Length() int { return d.numEntries + d.numEntries2 }

// insertEntry is the private Insert.
func (d *refDict) insertEntry(e *refEntry) bool {
	h := int(e.hash % uint64(d.numBuckets))
	var ttbl *[][]*refEntry
	var count *int
	if !d.has2 || h >= d.nextInd {
		ttbl, count = &d.tbl, &d.numEntries
	} else {
		ttbl, count = &d.tbl2, &d.numEntries2
		h = int(e.hash % uint64(d.numBuckets2))
	}
	chain := (*ttbl)[h]
	for _, x := range chain {
		if x.hash == e.hash && x.key == e.key {
			return false
		}
	}
	if chain == nil {
		chain = []*refEntry{}
	}
	(*ttbl)[h] = append(chain, e)
	*count++
	for _, c := range d.cookies {
		if h < c.bucket {
			c.inserted = append(c.inserted, e)
		}
	}
	return true
}

func (d *refDict) Insert(key string, hash uint64) {
	d.insertEntry(&refEntry{key: key, hash: hash})
	if d.has2 {
		d.moveChains()
	} else if d.numEntries >= d.threshEntries {
		d.startChangeSize(d.numBuckets*2 + 1)
	}
}

func (d *refDict) startChangeSize(size int) {
	if len(d.cookies) > 0 {
		return
	}
	d.numBuckets2 = refNextPrime(size)
	d.tbl2 = make([][]*refEntry, d.numBuckets2)
	d.tbl2Ptr = &d.tbl2
	d.has2 = true
	d.numEntries2 = 0
	d.nextInd = 0
	d.threshEntries2 = int(3.0 * float64(d.numBuckets2))
}

func (d *refDict) moveChains() {
	if len(d.cookies) > 0 {
		return
	}
	num := 8
	for {
		chain := d.tbl[d.nextInd]
		d.nextInd++
		if chain != nil {
			d.tbl[d.nextInd-1] = nil
			for _, e := range chain {
				d.insertEntry(e)
				d.numEntries--
				num--
			}
		}
		if !(num > 0 && d.nextInd < d.numBuckets) {
			break
		}
	}
	if d.nextInd >= d.numBuckets {
		d.tbl = d.tbl2
		d.tblPtr = &d.tbl
		d.tbl2, d.has2 = nil, false
		d.numBuckets, d.numEntries = d.numBuckets2, d.numEntries2
		d.threshEntries = d.threshEntries2
		d.numBuckets2, d.numEntries2, d.threshEntries2 = 0, 0, 0
	}
}

func (d *refDict) Remove(key string, hash uint64) bool {
	h := int(hash % uint64(d.numBuckets))
	var chain []*refEntry
	var where *[]*refEntry
	count := &d.numEntries
	if !d.has2 || h >= d.nextInd {
		where = &d.tbl[h]
	} else {
		where = &d.tbl2[hash%uint64(d.numBuckets2)]
		count = &d.numEntries2
	}
	chain = *where
	for i, e := range chain {
		if e.hash == hash && e.key == key {
			*where = append(chain[:i:i], chain[i+1:]...)
			for _, c := range d.cookies {
				if c.bucket == h && c.offset > i {
					c.offset--
				}
				if c.bucket > h {
					for k, x := range c.inserted {
						if x == e {
							c.inserted = append(c.inserted[:k:k], c.inserted[k+1:]...)
							break
						}
					}
				}
			}
			*count--
			return true
		}
	}
	return false
}

func (d *refDict) InitForIteration(robust bool) *refCookie {
	c := &refCookie{}
	if robust {
		d.cookies = append(d.cookies, c)
	}
	return c
}

func (d *refDict) NextEntry(c *refCookie) *refEntry {
	if n := len(c.inserted); n > 0 {
		e := c.inserted[n-1]
		c.inserted = c.inserted[:n-1]
		return e
	}
	if c.ttbl == nil {
		c.ttbl = &d.tbl
	}
	ttbl := *c.ttbl
	b, o := c.bucket, c.offset
	if ttbl[b] != nil && len(ttbl[b]) > o {
		c.offset++
		return ttbl[b][o]
	}
	b++
	for b < len(ttbl) && len(ttbl[b]) == 0 {
		b++
	}
	if b >= len(ttbl) {
		if c.ttbl == &d.tbl && d.has2 {
			c.ttbl = &d.tbl2
			c.bucket, c.offset = 0, 0
			return d.NextEntry(c)
		}
		for k, x := range d.cookies {
			if x == c {
				d.cookies = append(d.cookies[:k:k], d.cookies[k+1:]...)
			}
		}
		return nil
	}
	c.bucket, c.offset = b, 1
	return ttbl[b][0]
}

func (d *refDict) order() []string {
	var out []string
	c := d.InitForIteration(false)
	for e := d.NextEntry(c); e != nil; e = d.NextEntry(c) {
		out = append(out, e.key)
	}
	return out
}

// Key bytes, as CompHash makes them.
func u64le(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

func pad(b []byte, n int) []byte {
	for len(b)%n != 0 {
		b = append(b, 0)
	}
	return b
}

// refKey is one element of a scenario: how the test names it, its key
// bytes, and the index values for the implementation.
type refKey struct {
	name  string
	bytes []byte
	index []value.Value
}

func countKey(n uint64) refKey {
	return refKey{fmt.Sprint(n), u64le(n), []value.Value{value.Count(n)}}
}

func stringKey(s string) refKey {
	return refKey{s, []byte(s), []value.Value{value.String(s)}}
}

func addrKey(s string) refKey {
	a := netip.MustParseAddr(s)
	b := a.As16()
	return refKey{s, b[:], []value.Value{value.Addr(a)}}
}

func subnetKey(s string) refKey {
	p := netip.MustParsePrefix(s)
	b := p.Addr().As16()
	return refKey{s, binary.LittleEndian.AppendUint32(b[:], uint32(p.Bits())), []value.Value{value.Subnet(p)}}
}

func portKey(n uint32, proto value.Proto, mask uint64) refKey {
	return refKey{fmt.Sprintf("%d/%v", n, proto), u64le(uint64(n) | mask), []value.Value{value.Port(n, proto)}}
}

// stringCountKey is an index [string, count]: the string's length on
// four bytes, its bytes, zeros to an eight-byte boundary, the count.
func stringCountKey(s string, n uint64) refKey {
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(s)))
	b = append(b, s...)
	b = pad(b, 8)
	b = append(b, u64le(n)...)
	return refKey{fmt.Sprintf("%s/%d", s, n), b, []value.Value{value.String(s), value.Count(n)}}
}

// A step of a scenario: insert or remove a key.
type refStep struct {
	del bool
	key refKey
}

func implOrder(tab *value.Table, names map[string]string) []string {
	var out []string
	tab.Each(func(e *value.Entry) bool {
		out = append(out, names[fmt.Sprint(e.Key)])
		return true
	})
	return out
}

// runScenario applies the steps to both, comparing the walks after
// every so many steps and at the end.
func runScenario(t *testing.T, tt *types.TableType, steps []refStep, every int) {
	t.Helper()
	h := newRefHasher(refSeedWords)
	d := newRefDict()
	tab := value.NewTable(tt)
	names := map[string]string{}
	for i, s := range steps {
		names[fmt.Sprint(s.key.index)] = s.key.name
		hash := h.hashBytes(s.key.bytes)
		if s.del {
			d.Remove(s.key.name, hash)
			tab.Delete(s.key.index)
		} else {
			d.Insert(s.key.name, hash)
			tab.Insert(s.key.index, value.Value{})
		}
		if i%every == every-1 || i == len(steps)-1 {
			want, got := d.order(), implOrder(tab, names)
			if strings.Join(want, " ") != strings.Join(got, " ") {
				t.Fatalf("after step %d:\n got %v\nwant %v", i, got, want)
			}
		}
	}
}

func setOf(k types.Type) *types.TableType { return &types.TableType{Index: []types.Type{k}} }

func TestOrderMatchesModel(t *testing.T) {
	var counts, strs, longs, addrs, nets, ports, pairs []refStep
	for i := uint64(0); i < 400; i++ {
		counts = append(counts, refStep{key: countKey(i * 7)})
		strs = append(strs, refStep{key: stringKey(fmt.Sprintf("s%d", i))})
		longs = append(longs, refStep{key: stringKey(fmt.Sprintf("a string longer than thirty-six bytes %d", i))})
		addrs = append(addrs, refStep{key: addrKey(fmt.Sprintf("10.0.%d.%d", i/256, i%256))})
		nets = append(nets, refStep{key: subnetKey(fmt.Sprintf("10.%d.0.0/16", i%256))})
		if i < 100 {
			addrs = append(addrs, refStep{key: addrKey(fmt.Sprintf("2001:db8::%x", i))})
			nets = append(nets, refStep{key: subnetKey(fmt.Sprintf("2001:db8:%x::/48", i))})
		}
		ports = append(ports, refStep{key: portKey(uint32(i), value.TCP, 0x10000)}, refStep{key: portKey(uint32(i), value.UDP, 0x20000)})
		pairs = append(pairs, refStep{key: stringCountKey(fmt.Sprintf("k%d", i%13), i)})
	}
	// Deletions interleaved, some of keys not there.
	var mixed []refStep
	for i := uint64(0); i < 3000; i++ {
		mixed = append(mixed, refStep{key: countKey(i)})
		if i%3 == 2 {
			mixed = append(mixed, refStep{del: true, key: countKey(i * 5 % (i + 1))})
		}
	}
	// Assignments to keys already there, which move growth on as
	// insertions do, many between walks.
	var updates []refStep
	for i := uint64(0); i < 6000; i++ {
		updates = append(updates, refStep{key: countKey(i % 97)})
		if i%50 == 0 {
			updates = append(updates, refStep{key: countKey(1000 + i)})
		}
		if i%40 == 0 {
			updates = append(updates, refStep{del: true, key: countKey(1000 + i - 400)})
		}
	}
	for _, c := range []struct {
		name  string
		tt    *types.TableType
		steps []refStep
		every int
	}{
		{"updates", setOf(types.CountType), updates, 1500},
		{"count", setOf(types.CountType), counts, 7},
		{"string", setOf(types.StringType), strs, 7},
		{"long string", setOf(types.StringType), longs, 7},
		{"addr", setOf(types.AddrType), addrs, 7},
		{"subnet", setOf(types.SubnetType), nets, 7},
		{"port", setOf(types.PortType), ports, 7},
		{"string,count", &types.TableType{Index: []types.Type{types.StringType, types.CountType}}, pairs, 7},
		{"mixed", setOf(types.CountType), mixed, 7},
	} {
		t.Run(c.name, func(t *testing.T) { runScenario(t, c.tt, c.steps, c.every) })
	}
}

// A robust walk (expiration's) with insertions and removals between its
// steps, and a plain walk that removes what it visits, give the elements
// Bro's cookies give.
func TestWalksMatchModel(t *testing.T) {
	h := newRefHasher(refSeedWords)
	for _, robust := range []bool{true, false} {
		d := newRefDict()
		tab := value.NewTable(setOf(types.CountType))
		names := map[string]string{}
		ins := func(n uint64) {
			k := countKey(n)
			names[fmt.Sprint(k.index)] = k.name
			d.Insert(k.name, h.hashBytes(k.bytes))
			tab.Insert(k.index, value.Value{})
		}
		del := func(n uint64) {
			k := countKey(n)
			d.Remove(k.name, h.hashBytes(k.bytes))
			tab.Delete(k.index)
		}
		// Stop part-way through growing, so that the walk covers
		// both bucket arrays.
		for i := uint64(0); i < 60; i++ {
			ins(i)
		}
		c := d.InitForIteration(robust)
		var got, want []string
		if robust {
			w := tab.StartWalk()
			for step := uint64(0); ; step++ {
				e := d.NextEntry(c)
				g := tab.Next(w)
				if (e == nil) != (g == nil) {
					t.Fatalf("robust: step %d: model %v, table %v", step, e, g)
				}
				if e == nil {
					break
				}
				want = append(want, e.key)
				got = append(got, names[fmt.Sprint(g.Key)])
				// Between steps: remove this one and a later one,
				// add new ones.
				n := g.Key[0].AsCount()
				del(n)
				del(n * 3)
				if step < 30 {
					ins(1000 + step)
				}
				if step > 400 {
					t.Fatal("robust walk does not end")
				}
			}
		} else {
			tab.Each(func(e *value.Entry) bool {
				m := d.NextEntry(c)
				if m == nil {
					t.Fatalf("plain: table visits more than the model")
				}
				want = append(want, m.key)
				got = append(got, names[fmt.Sprint(e.Key)])
				del(e.Key[0].AsCount())
				return true
			})
			if d.NextEntry(c) != nil {
				t.Fatalf("plain: model visits more than the table")
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("robust=%v:\n got %v\nwant %v", robust, got, want)
		}
		if o1, o2 := d.order(), implOrder(tab, names); strings.Join(o1, " ") != strings.Join(o2, " ") {
			t.Errorf("robust=%v: afterwards\n got %v\nwant %v", robust, o2, o1)
		}
	}
}

// The orders the model gives for the small tables that render_test.go
// prints, under the test seeds, so that those tests' expectations rest
// on the model.
func TestSmallOrdersOfModel(t *testing.T) {
	h := newRefHasher(refSeedWords)
	for _, c := range []struct {
		keys []refKey
		want string
	}{
		{[]refKey{countKey(13), countKey(5)}, "5 13"},
		{[]refKey{countKey(1), countKey(2), countKey(3)}, "3 2 1"},
		{[]refKey{countKey(2), countKey(1), countKey(3)}, "3 2 1"},
		{[]refKey{countKey(1), countKey(2)}, "2 1"},
		{[]refKey{countKey(1), countKey(2), countKey(3), countKey(4), countKey(5)}, "3 5 2 1 4"},
		{[]refKey{stringCountKey("bar", 2), stringCountKey("foo", 1)}, "bar/2 foo/1"},
		{[]refKey{stringCountKey("bah", 3), stringCountKey("baz", 4)}, "bah/3 baz/4"},
	} {
		d := newRefDict()
		for _, k := range c.keys {
			d.Insert(k.name, h.hashBytes(k.bytes))
		}
		if got := strings.Join(d.order(), " "); got != c.want {
			t.Errorf("%v: model gives %s, want %s", c.keys, got, c.want)
		}
	}
}

// Random insertions, assignments, removals, plain walks that change the
// table as they go (without making it grow, which Bro leaves undefined)
// and robust walks with changes between their steps: the table and the
// model visit the same elements in the same order throughout.
func TestRandomChangesMatchModel(t *testing.T) {
	h := newRefHasher(refSeedWords)
	rnd := uint64(7)
	next := func(n uint64) uint64 {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		return (rnd >> 33) % n
	}
	d := newRefDict()
	tab := value.NewTable(setOf(types.CountType))
	names := map[string]string{}
	ins := func(n uint64) {
		k := countKey(n)
		names[fmt.Sprint(k.index)] = k.name
		d.Insert(k.name, h.hashBytes(k.bytes))
		tab.Insert(k.index, value.Value{})
	}
	del := func(n uint64) {
		k := countKey(n)
		d.Remove(k.name, h.hashBytes(k.bytes))
		tab.Delete(k.index)
	}
	same := func(step int) {
		if o1, o2 := d.order(), implOrder(tab, names); strings.Join(o1, " ") != strings.Join(o2, " ") {
			t.Fatalf("step %d:\n got %v\nwant %v", step, o2, o1)
		}
	}
	keyRange := uint64(50)
	for step := 0; step < 12000; step++ {
		if step%2000 == 0 {
			keyRange *= 2
		}
		switch op := next(100); {
		case op < 55:
			ins(next(keyRange))
		case op < 85:
			del(next(keyRange))
		case op < 97:
			// A plain walk that removes, and adds while that cannot
			// start growth.
			c := d.InitForIteration(false)
			var want, got []string
			tab.Each(func(e *value.Entry) bool {
				m := d.NextEntry(c)
				if m == nil {
					t.Fatalf("step %d: table walks further than the model", step)
				}
				want = append(want, m.key)
				got = append(got, names[fmt.Sprint(e.Key)])
				n := e.Key[0].AsCount()
				if next(20) == 0 {
					del(n)
				}
				if !d.has2 && d.numEntries+2 < d.threshEntries && next(4) == 0 {
					ins(next(keyRange))
				}
				return true
			})
			if d.NextEntry(c) != nil {
				t.Fatalf("step %d: model walks further than the table", step)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("step %d: plain walk\n got %v\nwant %v", step, got, want)
			}
		default:
			// A robust walk, changed between its steps.
			c := d.InitForIteration(true)
			w := tab.StartWalk()
			for k := 0; ; k++ {
				m, e := d.NextEntry(c), tab.Next(w)
				if (m == nil) != (e == nil) {
					t.Fatalf("step %d: robust walks end apart", step)
				}
				if m == nil {
					break
				}
				if g := names[fmt.Sprint(e.Key)]; g != m.key {
					t.Fatalf("step %d: robust walk gives %s, model %s", step, g, m.key)
				}
				switch next(40) {
				case 0:
					del(e.Key[0].AsCount())
				case 1:
					del(next(keyRange))
				case 2, 3, 4:
					if k < 50 {
						ins(next(keyRange))
					}
				}
			}
		}
		if step%50 == 0 {
			same(step)
		}
	}
	same(-1)
	if d.numBuckets < 300 {
		t.Errorf("the table never grew much (%d buckets)", d.numBuckets)
	}
}
