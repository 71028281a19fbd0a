package hash

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"sync"

	"gobro/runtime/interp"
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

// bifFNV1a32 hashes a string's bytes; any other value is hashed by its
// raw rendering.
func bifFNV1a32(_ *interp.Call, args []value.Value) value.Value {
	a, _ := args[0].R.(*value.Any)
	if a == nil {
		return value.Count(uint64(FNV1a32(nil)))
	}
	if a.Type.Kind() == types.String {
		return value.Count(uint64(FNV1a32([]byte(a.Value.AsString()))))
	}
	return value.Count(uint64(FNV1a32([]byte(value.RenderRaw(a.Value, a.Type)))))
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

// Random numbers follow Bro: with a seed file (BRO_SEED_FILE) they come
// from Bro's own Park-Miller generator and repeat from run to run;
// otherwise from the C library's random(), which srand seeds and which
// starts from an unpredictable seed.
type randomSource struct {
	mu            sync.Mutex
	deterministic bool
	state         int64 // Park-Miller state
	libc          glibcRandom
	uidKey        [8]byte
	uidCounter    uint64
}

var source = newRandomSource()

func newRandomSource() *randomSource {
	r := &randomSource{}
	var seed uint32
	if path := os.Getenv("BRO_SEED_FILE"); path != "" {
		if s, ok := readSeedFile(path); ok {
			seed, r.deterministic = s, true
		} else {
			fmt.Fprintf(os.Stderr, "fatal error: Could not load seeds from file '%s'.\n", path)
			os.Exit(1)
		}
	} else {
		var b [4]byte
		rand.Read(b[:])
		seed = binary.LittleEndian.Uint32(b[:])
		rand.Read(r.uidKey[:])
	}
	r.seed(seed)
	return r
}

// readSeedFile reads a Bro seed file: the seed for random(), then the
// twenty numbers that key Bro's hashes; like Bro, it refuses a file
// with fewer.
func readSeedFile(path string) (uint32, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	var nums []uint64
	for len(nums) < 21 && sc.Scan() {
		n, err := strconv.ParseUint(sc.Text(), 10, 32)
		if err != nil {
			return 0, false
		}
		nums = append(nums, n)
	}
	if len(nums) < 21 {
		return 0, false
	}
	return uint32(nums[0]), true
}

func (r *randomSource) seed(seed uint32) {
	r.state = int64(seed)
	if seed == 0 {
		r.state = 1
	}
	r.libc.seed(seed)
}

// next is Bro's bro_random.
func (r *randomSource) next() int64 {
	if !r.deterministic {
		return int64(r.libc.next())
	}
	const m, a = 2147483647, 16807
	const q, rem = m / a, m % a
	s := a*(r.state%q) - rem*(r.state/q)
	if s <= 0 {
		s += m
	}
	r.state = s
	return s
}

// bifRand scales a random number in [0, 2^31) to [0, max).
func bifRand(_ *interp.Call, args []value.Value) value.Value {
	source.mu.Lock()
	n := source.next()
	source.mu.Unlock()
	return value.Count(uint64(float64(args[0].AsCount()) * float64(n) / (2147483647 + 1.0)))
}

func bifSrand(_ *interp.Call, args []value.Value) value.Value {
	source.mu.Lock()
	source.seed(uint32(args[0].AsCount()))
	source.mu.Unlock()
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
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	const limit = 19
	out := []byte(prefix)
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

// uniqueID draws an identifier for a pool: random bits mixed with a
// counter, so that identifiers do not repeat within a process.
func uniqueID(pool int64) uint64 {
	source.mu.Lock()
	defer source.mu.Unlock()
	source.uidCounter++
	var buf [24]byte
	copy(buf[:8], source.uidKey[:])
	binary.LittleEndian.PutUint64(buf[8:], uint64(pool))
	binary.LittleEndian.PutUint64(buf[16:], source.uidCounter)
	if !source.deterministic {
		var salt [8]byte
		rand.Read(salt[:])
		for i := range salt {
			buf[i] ^= salt[i]
		}
	}
	h := uint64(14695981039346656037)
	for _, c := range buf {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// poolDefaultScript and poolCustomScript are Bro's pool numbers for ids
// made by scripts.
const (
	poolDefaultScript = 1
	poolCustomScript  = 10
)

func bifUniqueID(c *interp.Call, args []value.Value) value.Value {
	return value.String(base62(uniqueID(poolDefaultScript), c.CheckString(args[0].AsString())))
}

func bifUniqueIDFrom(c *interp.Call, args []value.Value) value.Value {
	return value.String(base62(uniqueID(args[0].AsInt()+poolCustomScript), c.CheckString(args[1].AsString())))
}
