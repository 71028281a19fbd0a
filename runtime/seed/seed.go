// Package seed holds the process's random seeds as Bro 2.6 makes them,
// and the keyed hashes they drive: the hash of table keys (SipHash-2-4
// for short keys, keyed MD5 for longer ones) and md5_hmac's key.
//
// Bro draws twenty 32-bit words of entropy (or reads them, with the seed
// for its random-number generator, from the file BRO_SEED_FILE or -G
// names) at start-up. The MD5 of the first sixteen words, as bytes, is
// the MD5 key; the last four words are the SipHash key. With a seed file
// every run hashes alike, so tables iterate in the same order.
package seed

import (
	"bufio"
	"crypto/md5"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// words is how many seed words Bro keeps beside the generator's seed.
const words = 20

// State is one set of seeds.
type State struct {
	// Seed is the seed of the random-number generator.
	Seed uint32
	// Words are the twenty words the hash keys come from.
	Words [words]uint32
	// Deterministic is set when the seeds came from a file: Bro then
	// uses its own generator rather than the C library's.
	Deterministic bool

	sipKey [16]byte
	md5Key [16]byte
}

var (
	mu      sync.Mutex
	current atomic.Pointer[State]
)

// Init makes the process's seeds as Bro does at start-up: from the file
// load names (Bro's -G), else from the file BRO_SEED_FILE names, else
// fresh; they are then saved to the file save names (-H) unless it is
// "". Warnings go to warn. The error is Bro's fatal error for a seed
// file it cannot read. Seeds made already stay.
func Init(load, save string, warn io.Writer) error {
	mu.Lock()
	defer mu.Unlock()
	if current.Load() != nil {
		return nil
	}
	if load == "" {
		load = os.Getenv("BRO_SEED_FILE")
	}
	s, err := Make(load, warn)
	if err != nil {
		return err
	}
	if save != "" {
		if err := s.Save(save); err != nil {
			fmt.Fprintf(warn, "warning: Could not create seed file '%s': %s\n", save, errText(err))
			fmt.Fprintf(warn, "error: Could not write seeds to file '%s'.\n", save)
		}
	}
	current.Store(s)
	return nil
}

// Current returns the process's seeds, making them on first use as Init
// does without files named on the command line; a seed file that cannot
// be read then ends the process with Bro's fatal error.
func Current() *State {
	if s := current.Load(); s != nil {
		return s
	}
	if err := Init("", "", os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "fatal error: %v\n", err)
		os.Exit(1)
	}
	return current.Load()
}

// Make returns seeds read from the file at path, or fresh random ones
// when path is empty, as Bro's init_random_seed makes them.
func Make(path string, warn io.Writer) (*State, error) {
	s := &State{}
	if path != "" {
		if err := s.read(path); err != nil {
			if _, ok := err.(*os.PathError); ok {
				fmt.Fprintf(warn, "warning: Could not open seed file '%s': %s\n", path, errText(err))
			}
			return nil, fmt.Errorf("Could not load seeds from file '%s'.", path)
		}
		s.Deterministic = true
	} else {
		// The time of day, then random words, as Bro gathers them;
		// the generator's seed folds them all together.
		now := time.Now()
		s.Words[0] = uint32(now.Unix())
		s.Words[1] = uint32(now.Unix() >> 32)
		s.Words[2] = uint32(now.Nanosecond() / 1000)
		s.Words[3] = 0
		var b [4 * (words - 4)]byte
		rand.Read(b[:])
		for i := 4; i < words; i++ {
			s.Words[i] = binary.LittleEndian.Uint32(b[4*(i-4):])
		}
		var seed uint32
		for _, w := range s.Words {
			seed ^= w
			seed = seed<<1 | seed>>31
		}
		s.Seed = seed
	}
	s.keys()
	return s, nil
}

// FromWords returns the seeds a seed file holding seed and w would give.
func FromWords(seed uint32, w [words]uint32) *State {
	s := &State{Seed: seed, Words: w, Deterministic: true}
	s.keys()
	return s
}

// keys derives the hash keys from the words.
func (s *State) keys() {
	var buf [4 * words]byte
	for i, w := range s.Words {
		binary.LittleEndian.PutUint32(buf[4*i:], w)
	}
	s.md5Key = md5.Sum(buf[:64])
	copy(s.sipKey[:], buf[64:])
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	switch {
	case os.IsNotExist(err):
		return "No such file or directory"
	case os.IsPermission(err):
		return "Permission denied"
	}
	return err.Error()
}

// read reads a seed file: whitespace-separated decimal numbers, the
// generator's seed and then the twenty words, as Bro's fscanf("%u")
// reads them (a minus sign wraps around).
func (s *State) read(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	next := func() (uint32, bool) {
		if !sc.Scan() {
			return 0, false
		}
		return parseU32(sc.Text())
	}
	var ok bool
	if s.Seed, ok = next(); !ok {
		return fmt.Errorf("short seed file")
	}
	for i := range s.Words {
		if s.Words[i], ok = next(); !ok {
			return fmt.Errorf("short seed file")
		}
	}
	return nil
}

// parseU32 reads a number as %u does: an optional sign, then decimal
// digits, taken modulo 2^32.
func parseU32(t string) (uint32, bool) {
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	v, err := strconv.ParseUint(t[:n], 10, 64)
	if err != nil {
		v = ^uint64(0)
	}
	if neg {
		v = -v
	}
	return uint32(v), true
}

// Save writes the seeds to path in the form read reads.
func (s *State) Save(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "%d\n", s.Seed)
	for _, w := range s.Words {
		fmt.Fprintf(f, "%d\n", w)
	}
	return f.Close()
}

// MD5Key returns the key of Bro's keyed MD5 (md5_hmac and long table
// keys).
func (s *State) MD5Key() [16]byte { return s.md5Key }

// KeyedMD5 is Bro's hmac_md5: the MD5 of the MD5 of data XOR the key.
func (s *State) KeyedMD5(data []byte) [16]byte { return keyedMD5(&s.md5Key, data) }

func keyedMD5(key *[16]byte, data []byte) [16]byte {
	d := md5.Sum(data)
	for i := range d {
		d[i] ^= key[i]
	}
	return md5.Sum(d[:])
}

// shortKey is the longest key hashed with SipHash; longer ones take the
// keyed MD5.
const shortKey = 36

// Hash is Bro's HashKey::HashBytes: the hash of a table key's bytes.
func (s *State) Hash(b []byte) uint64 { return KeyedHash(&s.sipKey, &s.md5Key, b) }

// KeyedHash is the hash HashKey::HashBytes and UHF::hash compute under
// their keys: SipHash-2-4 under sipKey for up to 36 bytes, else the first
// eight bytes (read little-endian) of the keyed MD5 under md5Key.
func KeyedHash(sipKey, md5Key *[16]byte, b []byte) uint64 {
	if len(b) <= shortKey {
		return sip24(sipKey, b)
	}
	d := keyedMD5(md5Key, b)
	return binary.LittleEndian.Uint64(d[:8])
}

// HashString is Hash of a string's bytes.
func (s *State) HashString(str string) uint64 {
	if len(str) <= shortKey {
		return sip24String(&s.sipKey, str)
	}
	return s.Hash([]byte(str))
}

// HashUint64 is Hash of the eight bytes of v, least significant first,
// as an int, count or double key is hashed.
func (s *State) HashUint64(v uint64) uint64 { return sip24Word(&s.sipKey, v) }

// Set makes s the process's seeds. Tables hash with the seeds current
// when they hash, so it must come before any table is used: tests call
// it first thing to get Bro's order for known seeds.
func Set(s *State) {
	current.Store(s)
}

// TestSuite returns the seeds of the seed file that Bro's test suite
// uses (and users' suites copy), which gobro's tests use too.
func TestSuite() *State {
	return FromWords(2983378351, [words]uint32{
		1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240, 1450515018, 1466150520, 1342286698,
		1193956778, 2188527278, 3361989254, 3912865238, 3596260151, 517973768, 3606168384, 119014752, 1013039866, 2458585167,
	})
}

// PRNG is Bro's bro_prng: one step of its linear congruential generator
// (Park-Miller, modulus 2^31-1, multiplier 16807), computed as Bro
// computes it with a 64-bit long and stored back into 32 bits.
func PRNG(state uint32) uint32 {
	const m, a = 2147483647, 16807
	const q, r = m / a, m % a
	st := uint32(int64(a)*int64(state%q) - int64(r)*int64(state/q))
	if st == 0 {
		st += m
	}
	return st
}
