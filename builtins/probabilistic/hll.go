// Package probabilistic holds Bro 2.6's probabilistic data structures
// behind opaque values: Bloom filters, HyperLogLog cardinality counters
// and top-k counters.
package probabilistic

import (
	"math"
	"math/bits"

	"gobro/runtime/interp"
	"gobro/runtime/seed"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("hll_cardinality_init", hllInit)
	interp.Register("hll_cardinality_add", hllAdd)
	interp.Register("hll_cardinality_merge_into", hllMergeInto)
	interp.Register("hll_cardinality_estimate", hllEstimate)
	interp.Register("hll_cardinality_copy", hllCopy)
}

// cardinality is an "opaque of cardinality": Bro's CardinalityCounter,
// a HyperLogLog counter over 64-bit hashes, and the type of what it
// counts (nil until the first element).
type cardinality struct {
	buckets []uint8
	m       uint64
	p       int
	v       uint64 // buckets still empty
	alpha   float64
	elem    types.Type
	// hasher hashes the elements as Bro's CardinalityVal does: the
	// hash of the HashKey its CompositeHash makes of a value alone, as
	// a table keyed by the value's type hashes it (under the process's
	// hash seed). Made from elem at the first add.
	hasher *value.KeyHasher
}

// optimalB is the number of index bits for an error margin and a
// confidence, as Bro chooses it.
func optimalB(errMargin, confidence float64) int {
	initial := 2 * (math.Log(1.04) - math.Log(errMargin)) / math.Log(2)
	b := int(math.Floor(initial))
	for {
		b++
		k := math.Pow(2, (float64(b)-initial)/2)
		if math.Erf(k/math.Sqrt2) >= confidence {
			return b
		}
	}
}

func newCardinality(b int) *cardinality {
	if b < 4 {
		b = 4
	}
	if b > 30 {
		b = 30
	}
	m := uint64(1) << b
	c := &cardinality{buckets: make([]uint8, m), m: m, p: b, v: m}
	switch {
	case m == 16:
		c.alpha = 0.673
	case m == 32:
		c.alpha = 0.697
	case m == 64:
		c.alpha = 0.709
	default:
		c.alpha = 0.7213 / (1 + 1.079/float64(m))
	}
	return c
}

func (c *cardinality) addHash(h uint64) {
	index := h % c.m
	h -= index
	if c.buckets[index] == 0 {
		c.v--
	}
	// The rank: the position of the first set bit above the index bits.
	rest := h >> c.p
	rank := uint8(64 - c.p - bits.Len64(rest) + 1)
	if rank > c.buckets[index] {
		c.buckets[index] = rank
	}
}

// size estimates the cardinality, with the small- and large-range
// corrections of the HyperLogLog paper, as Bro does for 64-bit hashes.
func (c *cardinality) size() float64 {
	var sum float64
	for _, b := range c.buckets {
		sum += math.Pow(2, -float64(b))
	}
	m := float64(c.m)
	estimate := c.alpha * m * m / sum
	switch {
	case estimate <= 5*(m/2):
		return m * math.Log(m/float64(c.v))
	case estimate <= math.Pow(2, 64)/30:
		return estimate
	}
	return -math.Pow(2, 64) * math.Log(1-estimate/math.Pow(2, 64))
}

func hllInit(_ *interp.Call, args []value.Value) value.Value {
	return value.Value{R: newCardinality(optimalB(args[0].AsDouble(), args[1].AsDouble()))}
}

func hllAdd(c *interp.Call, args []value.Value) value.Value {
	h, _ := args[0].R.(*cardinality)
	a, _ := args[1].R.(*value.Any)
	if h == nil || a == nil {
		return value.Bool(false)
	}
	if h.elem == nil {
		h.elem = a.Type
	} else if !interp.SameType(h.elem, a.Type) {
		c.ReporterError("incompatible HLL data type")
		return value.Bool(false)
	}
	if h.hasher == nil {
		kh := value.NewKeyHasher(h.elem)
		h.hasher = &kh
	}
	h.addHash(h.hasher.Hash(seed.Current(), a.Value))
	return value.Bool(true)
}

func hllMergeInto(c *interp.Call, args []value.Value) value.Value {
	h1, _ := args[0].R.(*cardinality)
	h2, _ := args[1].R.(*cardinality)
	if h1 == nil || h2 == nil {
		return value.Bool(false)
	}
	if h1.elem != nil && h2.elem != nil && !interp.SameType(h1.elem, h2.elem) {
		c.ReporterError("incompatible HLL types")
		return value.Bool(false)
	}
	if h1.m != h2.m {
		c.ReporterError("Carinality counters with different parameters cannot be merged")
		return value.Bool(false)
	}
	h1.v = 0
	for i := range h1.buckets {
		if h2.buckets[i] > h1.buckets[i] {
			h1.buckets[i] = h2.buckets[i]
		}
		if h1.buckets[i] == 0 {
			h1.v++
		}
	}
	if h1.elem == nil {
		h1.elem = h2.elem
	}
	return value.Bool(true)
}

func hllEstimate(_ *interp.Call, args []value.Value) value.Value {
	h, _ := args[0].R.(*cardinality)
	if h == nil {
		return value.Double(0)
	}
	return value.Double(h.size())
}

func hllCopy(_ *interp.Call, args []value.Value) value.Value {
	h, _ := args[0].R.(*cardinality)
	if h == nil {
		return value.Value{}
	}
	out := *h
	out.buckets = append([]uint8(nil), h.buckets...)
	return value.Value{R: &out}
}
