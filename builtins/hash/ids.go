package hash

import (
	"crypto/rand"
	"encoding/binary"
	"math"
	"sync"

	"gobro/runtime/interp"
	"gobro/runtime/seed"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("fnv1a32", bifFNV1a32)
	interp.Register("hrw_weight", bifHRWWeight)
	interp.Register("rand", bifRand)
	interp.Register("srand", bifSrand)
	interp.Register("unique_id", bifUniqueID)
	interp.Register("unique_id_from", bifUniqueIDFrom)
}

// FNV1a32 is the 32-bit FNV-1a hash of b.
func FNV1a32(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// bifFNV1a32 hashes the value as Bro 2.6 does: its binary description,
// which is the type's tag as a 32-bit little-endian int, then for a
// string its length (32 bits) and bytes, for a number its 64 bits. Other
// values are hashed by their raw rendering after the tag.
func bifFNV1a32(_ *interp.Call, args []value.Value) value.Value {
	a, _ := args[0].R.(*value.Any)
	if a == nil {
		return value.Count(uint64(FNV1a32(nil)))
	}
	return value.Count(uint64(FNV1a32(binaryDescription(a.Type, a.Value))))
}

// broTypeTag is Bro 2.6's TypeTag of a type kind, which binary
// descriptions start with.
var broTypeTag = map[types.Kind]uint32{
	types.Void: 0, types.Bool: 1, types.Int: 2, types.Count: 3, types.Counter: 4,
	types.Double: 5, types.Time: 6, types.Interval: 7, types.String: 8,
	types.Pattern: 9, types.Enum: 10, types.Port: 12, types.Addr: 13,
	types.Subnet: 14, types.Any: 15, types.Table: 16, types.Record: 18,
	types.Func: 20, types.File: 21, types.Vector: 22,
}

func binaryDescription(t types.Type, v value.Value) []byte {
	b := binary.LittleEndian.AppendUint32(nil, broTypeTag[t.Kind()])
	switch t.Kind() {
	case types.String:
		s := v.AsString()
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		return append(b, s...)
	case types.Int, types.Count, types.Counter, types.Bool, types.Enum:
		return binary.LittleEndian.AppendUint64(b, v.N)
	case types.Double, types.Time, types.Interval:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.AsDouble()))
	}
	return append(b, value.RenderRaw(v, t)...)
}

// HRWWeight is the rendezvous-hashing weight of Thaler and Ravishankar's
// paper, in 32-bit arithmetic over a 31-bit digest, reduced mod 2^31.
func HRWWeight(digest, site uint64) uint32 {
	const a, b = 1103515245, 12345
	d := uint32(digest) & 0x7fffffff
	si := uint32(site)
	return (a*((a*si+b)^d) + b) % (1 << 31)
}

func bifHRWWeight(_ *interp.Call, args []value.Value) value.Value {
	return value.Count(uint64(HRWWeight(args[0].AsCount(), args[1].AsCount())))
}

// Random numbers follow Bro: with seeds from a file (BRO_SEED_FILE, -G)
// they come from Bro's own Park-Miller generator and repeat from run to
// run; otherwise from the C library's random(), which srand seeds and
// which starts from the seed made at start-up.
type randomSource struct {
	mu            sync.Mutex
	deterministic bool
	state         uint32 // Bro's generator's state
	libc          glibcRandom
	// uids are the unique-id pools that have been used, by number.
	uids map[uint64]*uidPool
}

// uidPool is one pool of unique ids: its instance number and how many
// ids it has given.
type uidPool struct{ instance, counter uint64 }

var (
	sourceOnce sync.Once
	theSource  *randomSource
)

// source returns the generator, made from the process's seeds on first
// use (after the command line has named a seed file, if any).
func source() *randomSource {
	sourceOnce.Do(func() {
		s := seed.Current()
		theSource = &randomSource{deterministic: s.Deterministic, uids: map[uint64]*uidPool{}}
		theSource.seed(s.Seed)
	})
	return theSource
}

func (r *randomSource) seed(seed uint32) {
	r.state = seed
	r.libc.seed(seed)
}

// next is Bro's bro_random. With seeds from a file it is Bro's
// bro_prng step (seed.PRNG): computed in 64 bits but kept in a 32-bit
// unsigned state, so a negative intermediate wraps around (where the
// textbook adds 2^31-1), and only a zero state becomes 2^31-1. Its
// results may then reach 2^32-1.
func (r *randomSource) next() int64 {
	if !r.deterministic {
		return int64(r.libc.next())
	}
	r.state = seed.PRNG(r.state)
	return int64(r.state)
}

// bifRand scales a random number in [0, 2^31) to [0, max).
func bifRand(_ *interp.Call, args []value.Value) value.Value {
	src := source()
	src.mu.Lock()
	n := src.next()
	src.mu.Unlock()
	return value.Count(uint64(float64(args[0].AsCount()) * float64(n) / (2147483647 + 1.0)))
}

func bifSrand(_ *interp.Call, args []value.Value) value.Value {
	src := source()
	src.mu.Lock()
	src.seed(uint32(args[0].AsCount()))
	src.mu.Unlock()
	return value.Value{}
}

// glibcRandom is the C library's random() (the TYPE_3 additive feedback
// generator), so that srand(n); rand(m) gives what it gives under Bro.
type glibcRandom struct {
	r    [31]int32
	f, b int
}

func (g *glibcRandom) seed(seed uint32) {
	word := int32(seed)
	if word == 0 {
		word = 1
	}
	var r [31]int32
	r[0] = word
	for i := 1; i < 31; i++ {
		hi, lo := int64(r[i-1])/127773, int64(r[i-1])%127773
		w := 16807*lo - 2836*hi
		if w < 0 {
			w += 2147483647
		}
		r[i] = int32(w)
	}
	g.r = r
	g.f, g.b = 3, 0
	for i := 0; i < 310; i++ {
		g.next()
	}
}

func (g *glibcRandom) next() uint32 {
	g.r[g.f] = int32(uint32(g.r[g.f]) + uint32(g.r[g.b]))
	out := uint32(g.r[g.f]) >> 1
	g.f = (g.f + 1) % 31
	g.b = (g.b + 1) % 31
	return out
}

// base62 writes value's digits, least significant first, after the
// prefix, into at most 19 bytes, as Bro's uitoa_n does for unique ids.
func base62(v uint64, prefix string) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const limit = 19
	out := []byte(value.CString(prefix))
	if len(out) > limit {
		out = out[:limit]
	}
	if len(out) >= limit {
		return string(out)
	}
	for {
		out = append(out, digits[v%62])
		v /= 62
		if v == 0 || len(out) >= limit {
			break
		}
	}
	return string(out)
}

// Bro's pools of unique ids: its own (and the one a too large pool
// number falls back to), unique_id's, and where unique_id_from's begin.
const (
	poolInternal     = 1
	poolScript       = 2
	poolCustomScript = 10
	// poolLimit is the first pool number Bro refuses.
	poolLimit = 10000
)

// uniqueID returns the next id of a pool, as Bro's calculate_unique_id:
// the hash of the pool's instance and counter, each on eight bytes.
// With seeds from a file the instance is the pool's number, so ids
// repeat from run to run; otherwise it is random.
func uniqueID(c *interp.Call, pool uint64) uint64 {
	if pool >= poolLimit {
		c.ReporterWarning("pool passed to calculate_unique_id() too large, using default")
		pool = poolInternal
	}
	src := source()
	src.mu.Lock()
	defer src.mu.Unlock()
	p := src.uids[pool]
	if p == nil {
		p = &uidPool{instance: pool}
		if !src.deterministic {
			var b [8]byte
			rand.Read(b[:])
			p.instance = binary.LittleEndian.Uint64(b[:]) | 1
		}
		src.uids[pool] = p
	}
	p.counter++
	var key [16]byte
	binary.LittleEndian.PutUint64(key[:8], p.instance)
	binary.LittleEndian.PutUint64(key[8:], p.counter)
	return seed.Current().Hash(key[:])
}

func bifUniqueID(c *interp.Call, args []value.Value) value.Value {
	return value.String(base62(uniqueID(c, poolScript), c.CheckString(args[0].AsString())))
}

func bifUniqueIDFrom(c *interp.Call, args []value.Value) value.Value {
	// The pool is a size_t in Bro: a negative one is far too large.
	return value.String(base62(uniqueID(c, uint64(args[0].AsInt()+poolCustomScript)), c.CheckString(args[1].AsString())))
}
