package probabilistic

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"
	"strconv"

	"gobro/runtime/interp"
	"gobro/runtime/seed"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("bloomfilter_basic_init", bloomBasicInit)
	interp.Register("bloomfilter_basic_init2", bloomBasicInit2)
	interp.Register("bloomfilter_counting_init", bloomCountingInit)
	interp.Register("bloomfilter_add", bloomAdd)
	interp.Register("bloomfilter_lookup", bloomLookup)
	interp.Register("bloomfilter_clear", bloomClear)
	interp.Register("bloomfilter_merge", bloomMerge)
	interp.Register("bloomfilter_internal_state", bloomInternalState)
}

// bloomFilter is an "opaque of bloomfilter": a basic filter (one bit per
// cell) or a counting one (saturating counters of width bits), and the
// type of its elements (nil until the first). Elements are hashed as Bro
// 2.6 hashes them (probabilistic/Hasher.cc), so that the cells set, and
// with them bloomfilter_internal_state, are Bro's.
type bloomFilter struct {
	h        hasher
	counting bool
	width    uint
	cells    []uint64 // a bit, or a counter, per cell
	elem     types.Type
}

func (b *bloomFilter) max() uint64 {
	if !b.counting {
		return 1
	}
	return 1<<b.width - 1
}

// hashSeed is Bro's Hasher::seed_t: two 64-bit words, the key of a
// hash function in memory order.
type hashSeed struct{ h1, h2 uint64 }

// plus is seed_t's operator+: the number is added to the first word.
func (s hashSeed) plus(n uint32) hashSeed {
	s.h1 += uint64(n)
	return s
}

// makeSeed is Hasher::MakeSeed: the first sixteen bytes of the SHA-256
// of the filter's name, else of global_hash_seed when that is set, else
// of the process's initial random seed (the first number of a seed file)
// as four bytes.
func makeSeed(c *interp.Call, name string) hashSeed {
	data := []byte(name)
	if len(data) == 0 {
		if g := c.Interp.LookupGlobal("global_hash_seed"); g != nil && g.Value.AsString() != "" {
			data = []byte(g.Value.AsString())
		} else {
			data = binary.LittleEndian.AppendUint32(nil, seed.Current().Seed)
		}
	}
	sum := sha256.Sum256(data)
	return hashSeed{binary.LittleEndian.Uint64(sum[0:8]), binary.LittleEndian.Uint64(sum[8:16])}
}

// uhf is UHF::hash, one function of Bro's universal hash family: a
// table key's hash (seed.KeyedHash) with the seed as both keys.
func uhf(s hashSeed, x []byte) uint64 {
	var key [16]byte
	binary.LittleEndian.PutUint64(key[0:8], s.h1)
	binary.LittleEndian.PutUint64(key[8:16], s.h2)
	return seed.KeyedHash(&key, &key, x)
}

// hasher is one of Bro's two hashing policies. A basic filter has a
// DoubleHasher: two functions, seeded with the seed plus bro_prng(1) and
// plus bro_prng(2), combined as d1 + i*d2. A counting filter has a
// DefaultHasher: k functions, the i-th (from 1) seeded with the seed plus
// bro_prng(i).
type hasher struct {
	k      int
	double bool
	seeds  []hashSeed
}

func newHasher(k int, s hashSeed, double bool) hasher {
	h := hasher{k: k, double: double}
	if double {
		h.seeds = []hashSeed{s.plus(seed.PRNG(1)), s.plus(seed.PRNG(2))}
		return h
	}
	for i := 1; i <= k; i++ {
		h.seeds = append(h.seeds, s.plus(seed.PRNG(uint32(i))))
	}
	return h
}

// equal is Bro's Hasher::Equals: a DoubleHasher compares its two
// functions (not k), a DefaultHasher all of its functions.
func (h hasher) equal(o hasher) bool {
	return h.double == o.double && slices.Equal(h.seeds, o.seeds)
}

// digests are the k digests of a key.
func (h hasher) digests(key []byte) []uint64 {
	out := make([]uint64, h.k)
	if h.double {
		d1, d2 := uhf(h.seeds[0], key), uhf(h.seeds[1], key)
		for i := range out {
			out[i] = d1 + uint64(i)*d2
		}
		return out
	}
	for i := range out {
		out[i] = uhf(h.seeds[i], key)
	}
	return out
}

// cellsOf are the cells an element falls in: its digests modulo the
// number of cells. The element is keyed as Bro's CompositeHash keys a
// value of the filter's type.
func (b *bloomFilter) cellsOf(t types.Type, v value.Value) []int {
	d := b.h.digests(value.KeyBytes(t, v))
	out := make([]int, len(d))
	for i, x := range d {
		out[i] = int(x % uint64(len(b.cells)))
	}
	return out
}

func (b *bloomFilter) add(t types.Type, v value.Value) {
	for _, c := range b.cellsOf(t, v) {
		if b.cells[c] < b.max() {
			b.cells[c]++
		}
	}
}

// count is 0 or 1 for a basic filter; for a counting one the smallest
// counter among the element's cells.
func (b *bloomFilter) count(t types.Type, v value.Value) uint64 {
	least := uint64(math.MaxUint64)
	for _, c := range b.cellsOf(t, v) {
		if b.cells[c] < least {
			least = b.cells[c]
		}
	}
	return least
}

// state is Bro's InternalState: the first eight bytes of the SHA-256 of
// the filter's bit vector, read as a number. The vector holds the cells
// one after another (a counter's bits least significant first) in 64-bit
// blocks, which are hashed as eight little-endian bytes each.
func (b *bloomFilter) state() uint64 {
	width := uint(1)
	if b.counting {
		width = b.width
	}
	nbits := uint(len(b.cells)) * width
	blocks := make([]uint64, (nbits+63)/64)
	for c, n := range b.cells {
		for i := uint(0); i < width; i++ {
			if n>>i&1 != 0 {
				bit := uint(c)*width + i
				blocks[bit/64] |= 1 << (bit % 64)
			}
		}
	}
	h := sha256.New()
	var buf [8]byte
	for _, x := range blocks {
		binary.LittleEndian.PutUint64(buf[:], x)
		h.Write(buf[:])
	}
	return binary.LittleEndian.Uint64(h.Sum(nil))
}

func newBloom(c *interp.Call, k, cells int, name string, counting bool, width uint) *bloomFilter {
	if cells < 1 {
		cells = 1
	}
	return &bloomFilter{h: newHasher(k, makeSeed(c, name), !counting), counting: counting, width: width,
		cells: make([]uint64, cells)}
}

func bloomBasicInit(c *interp.Call, args []value.Value) value.Value {
	fp, capacity := args[0].AsDouble(), float64(args[1].AsCount())
	if fp < 0 || fp > 1 {
		c.ReporterError("false-positive rate must take value between 0 and 1")
		return value.Value{}
	}
	cells := math.Ceil(-(capacity * math.Log(fp) / math.Ln2 / math.Ln2))
	k := math.Ceil(cells / capacity * math.Ln2)
	return value.Value{R: newBloom(c, int(k), int(cells), args[2].AsString(), false, 1)}
}

func bloomBasicInit2(c *interp.Call, args []value.Value) value.Value {
	if args[0].AsCount() == 0 {
		c.ReporterError("number of hash functions must be non-negative")
		return value.Value{}
	}
	if args[1].AsCount() == 0 {
		c.ReporterError("number of cells must be non-negative")
		return value.Value{}
	}
	return value.Value{R: newBloom(c, int(args[0].AsCount()), int(args[1].AsCount()), args[2].AsString(), false, 1)}
}

func bloomCountingInit(c *interp.Call, args []value.Value) value.Value {
	max := args[2].AsCount()
	if max == 0 {
		c.ReporterError("max counter value must be greater than 0")
		return value.Value{}
	}
	width := uint(1)
	for max >>= 1; max != 0; max >>= 1 {
		width++
	}
	return value.Value{R: newBloom(c, int(args[0].AsCount()), int(args[1].AsCount()), args[3].AsString(), true, width)}
}

func bloomAdd(c *interp.Call, args []value.Value) value.Value {
	b, _ := args[0].R.(*bloomFilter)
	a, _ := args[1].R.(*value.Any)
	if b == nil || a == nil {
		return value.Value{}
	}
	switch {
	case b.elem == nil:
		b.elem = a.Type
	case !interp.SameType(b.elem, a.Type):
		c.ReporterError("incompatible Bloom filter types")
		return value.Value{}
	}
	b.add(a.Type, a.Value)
	return value.Value{}
}

func bloomLookup(c *interp.Call, args []value.Value) value.Value {
	b, _ := args[0].R.(*bloomFilter)
	a, _ := args[1].R.(*value.Any)
	if b == nil || a == nil {
		return value.Count(0)
	}
	switch {
	case b.elem == nil:
		c.ReporterError("cannot perform lookup on untyped Bloom filter")
	case !interp.SameType(b.elem, a.Type):
		c.ReporterError("incompatible Bloom filter types")
	default:
		return value.Count(b.count(a.Type, a.Value))
	}
	return value.Count(0)
}

func bloomClear(_ *interp.Call, args []value.Value) value.Value {
	if b, _ := args[0].R.(*bloomFilter); b != nil {
		clear(b.cells)
	}
	return value.Value{}
}

// bloomMerge makes a new filter holding both filters' elements; they
// must be of one kind, with the same hashing and size.
func bloomMerge(c *interp.Call, args []value.Value) value.Value {
	x, _ := args[0].R.(*bloomFilter)
	y, _ := args[1].R.(*bloomFilter)
	if x == nil || y == nil {
		return value.Value{}
	}
	if x.elem != nil && y.elem != nil && !interp.SameType(x.elem, y.elem) {
		c.ReporterError("incompatible Bloom filter types")
		return value.Value{}
	}
	kind := "BasicBloomFilter"
	if x.counting {
		kind = "CountingBloomFilter"
	}
	switch {
	case x.counting != y.counting:
		c.ReporterError("cannot merge different Bloom filter types")
		return value.Value{}
	case !x.h.equal(y.h):
		c.ReporterError("incompatible hashers in %s merge", kind)
		c.ReporterError("failed to merge Bloom filter")
		return value.Value{}
	case len(x.cells) != len(y.cells) || x.width != y.width:
		c.ReporterError("different bitvector size in %s merge", kind)
		c.ReporterError("failed to merge Bloom filter")
		return value.Value{}
	}
	out := *x
	out.cells = append([]uint64(nil), x.cells...)
	for i, n := range y.cells {
		out.cells[i] += n
		if out.cells[i] > out.max() {
			out.cells[i] = out.max()
		}
	}
	if out.elem == nil {
		out.elem = y.elem
	}
	return value.Value{R: &out}
}

// bloomInternalState is Bro's string for a filter's state: its
// bit vector's hash in decimal.
func bloomInternalState(_ *interp.Call, args []value.Value) value.Value {
	b, _ := args[0].R.(*bloomFilter)
	if b == nil {
		return value.String("")
	}
	return value.String(strconv.FormatUint(b.state(), 10))
}
