package probabilistic

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"strconv"

	"gobro/runtime/interp"
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
// cell) or a counting one (saturating counters of width bits), with k
// hash functions seeded by the filter's name, and the type of its
// elements (nil until the first).
type bloomFilter struct {
	k        int
	seed     string
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

// digests are the cells an element falls in: h1 + i*h2 for i < k, as a
// double-hashing scheme makes them.
func (b *bloomFilter) digests(t types.Type, v value.Value) []int {
	h := sha256.New()
	h.Write([]byte(b.seed))
	h.Write([]byte{0})
	h.Write([]byte(t.Kind().String()))
	h.Write([]byte{0})
	if t.Kind() == types.String {
		h.Write([]byte(v.AsString()))
	} else {
		h.Write([]byte(value.RenderRaw(v, t)))
	}
	sum := h.Sum(nil)
	h1 := binary.LittleEndian.Uint64(sum[0:8])
	h2 := binary.LittleEndian.Uint64(sum[8:16])
	out := make([]int, b.k)
	for i := range out {
		out[i] = int((h1 + uint64(i)*h2) % uint64(len(b.cells)))
	}
	return out
}

func (b *bloomFilter) add(t types.Type, v value.Value) {
	for _, c := range b.digests(t, v) {
		if b.cells[c] < b.max() {
			b.cells[c]++
		}
	}
}

// count is 0 or 1 for a basic filter; for a counting one the smallest
// counter among the element's cells.
func (b *bloomFilter) count(t types.Type, v value.Value) uint64 {
	least := uint64(math.MaxUint64)
	for _, c := range b.digests(t, v) {
		if b.cells[c] < least {
			least = b.cells[c]
		}
	}
	return least
}

func newBloom(k, cells int, name string, counting bool, width uint) *bloomFilter {
	if cells < 1 {
		cells = 1
	}
	return &bloomFilter{k: k, seed: name, counting: counting, width: width, cells: make([]uint64, cells)}
}

func bloomBasicInit(c *interp.Call, args []value.Value) value.Value {
	fp, capacity := args[0].AsDouble(), float64(args[1].AsCount())
	if fp < 0 || fp > 1 {
		c.ReporterError("false-positive rate must take value between 0 and 1")
		return value.Value{}
	}
	cells := math.Ceil(-(capacity * math.Log(fp) / math.Ln2 / math.Ln2))
	k := math.Ceil(cells / capacity * math.Ln2)
	return value.Value{R: newBloom(int(k), int(cells), args[2].AsString(), false, 1)}
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
	return value.Value{R: newBloom(int(args[0].AsCount()), int(args[1].AsCount()), args[2].AsString(), false, 1)}
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
	if width > 63 {
		width = 63
	}
	return value.Value{R: newBloom(int(args[0].AsCount()), int(args[1].AsCount()), args[3].AsString(), true, width)}
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
	case x.k != y.k || x.seed != y.seed:
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

// bloomInternalState summarises the cells as a number, for telling
// filters apart; it is not the number Bro 2.6 computes.
func bloomInternalState(_ *interp.Call, args []value.Value) value.Value {
	b, _ := args[0].R.(*bloomFilter)
	if b == nil {
		return value.String("")
	}
	h := sha256.New()
	var buf [8]byte
	for _, n := range b.cells {
		binary.LittleEndian.PutUint64(buf[:], n)
		h.Write(buf[:])
	}
	return value.String(strconv.FormatUint(binary.LittleEndian.Uint64(h.Sum(nil)), 10))
}
