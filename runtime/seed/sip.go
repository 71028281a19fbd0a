package seed

import (
	"encoding/binary"
	"math/bits"
)

// SipHash-2-4 (Aumasson and Bernstein), the 64-bit variant: two
// compression rounds per eight-byte word, four finalization rounds.

type sipState struct{ v0, v1, v2, v3 uint64 }

func newSip(key *[16]byte) sipState {
	k0 := binary.LittleEndian.Uint64(key[:8])
	k1 := binary.LittleEndian.Uint64(key[8:])
	return sipState{
		v0: k0 ^ 0x736f6d6570736575,
		v1: k1 ^ 0x646f72616e646f6d,
		v2: k0 ^ 0x6c7967656e657261,
		v3: k1 ^ 0x7465646279746573,
	}
}

func (s *sipState) round() {
	s.v0 += s.v1
	s.v1 = bits.RotateLeft64(s.v1, 13)
	s.v1 ^= s.v0
	s.v0 = bits.RotateLeft64(s.v0, 32)
	s.v2 += s.v3
	s.v3 = bits.RotateLeft64(s.v3, 16)
	s.v3 ^= s.v2
	s.v0 += s.v3
	s.v3 = bits.RotateLeft64(s.v3, 21)
	s.v3 ^= s.v0
	s.v2 += s.v1
	s.v1 = bits.RotateLeft64(s.v1, 17)
	s.v1 ^= s.v2
	s.v2 = bits.RotateLeft64(s.v2, 32)
}

// word absorbs one message word.
func (s *sipState) word(m uint64) {
	s.v3 ^= m
	s.round()
	s.round()
	s.v0 ^= m
}

// finish absorbs the last word (the tail bytes with the length in its
// top byte) and returns the digest.
func (s *sipState) finish(last uint64) uint64 {
	s.word(last)
	s.v2 ^= 0xff
	s.round()
	s.round()
	s.round()
	s.round()
	return s.v0 ^ s.v1 ^ s.v2 ^ s.v3
}

// sip24 returns the SipHash-2-4 digest of b under key, as a number
// (the digest's bytes read least significant first).
func sip24(key *[16]byte, b []byte) uint64 {
	s := newSip(key)
	n := len(b)
	for len(b) >= 8 {
		s.word(binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	last := uint64(n) << 56
	for i, c := range b {
		last |= uint64(c) << (8 * i)
	}
	return s.finish(last)
}

// sip24String is sip24 of a string's bytes.
func sip24String(key *[16]byte, str string) uint64 {
	s := newSip(key)
	n := len(str)
	for len(str) >= 8 {
		s.word(uint64(str[0]) | uint64(str[1])<<8 | uint64(str[2])<<16 | uint64(str[3])<<24 |
			uint64(str[4])<<32 | uint64(str[5])<<40 | uint64(str[6])<<48 | uint64(str[7])<<56)
		str = str[8:]
	}
	last := uint64(n) << 56
	for i := 0; i < len(str); i++ {
		last |= uint64(str[i]) << (8 * i)
	}
	return s.finish(last)
}

// sip24Word is sip24 of v's eight bytes, least significant first.
func sip24Word(key *[16]byte, v uint64) uint64 {
	s := newSip(key)
	s.word(v)
	return s.finish(8 << 56)
}
