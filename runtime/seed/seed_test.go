package seed

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestSipHashVectors checks SipHash-2-4 against the reference vectors of
// its paper (key 00..0f, message 00..len-1).
func TestSipHashVectors(t *testing.T) {
	var key [16]byte
	for i := range key {
		key[i] = byte(i)
	}
	want := map[int]string{
		0:  "310e0edd47db6f72",
		1:  "fd67dc93c539f874",
		8:  "6224939a79f5f593",
		15: "e545be4961ca29a1",
		63: "724506eb4c328a95",
	}
	msg := make([]byte, 64)
	for i := range msg {
		msg[i] = byte(i)
	}
	for n, hex := range want {
		var out [8]byte
		binary.LittleEndian.PutUint64(out[:], sip24(&key, msg[:n]))
		if got := hexString(out[:]); got != hex {
			t.Errorf("len %d: got %s, want %s", n, got, hex)
		}
		if got := sip24String(&key, string(msg[:n])); got != sip24(&key, msg[:n]) {
			t.Errorf("len %d: string form differs", n)
		}
	}
	if sip24Word(&key, 0x0706050403020100) != sip24(&key, msg[:8]) {
		t.Error("word form differs")
	}
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

func TestSeedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "seeds")
	os.WriteFile(p, []byte("7\n1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 -1\n"), 0o644)
	s, err := Make(p, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if s.Seed != 7 || s.Words[0] != 1 || s.Words[19] != 0xffffffff || !s.Deterministic {
		t.Fatalf("read %+v", s)
	}
	// The SipHash key is the last four words, least significant byte
	// first.
	if s.sipKey[0] != 17 || s.sipKey[4] != 18 || s.sipKey[15] != 0xff {
		t.Fatalf("sip key %v", s.sipKey)
	}
	q := filepath.Join(dir, "saved")
	if err := s.Save(q); err != nil {
		t.Fatal(err)
	}
	s2, err := Make(q, io.Discard)
	if err != nil || *s2 != *s {
		t.Fatalf("saved seeds read back differently: %v", err)
	}
	os.WriteFile(p, []byte("7 1 2 3\n"), 0o644)
	if _, err := Make(p, io.Discard); err == nil {
		t.Fatal("a short seed file was accepted")
	}
	if _, err := Make(filepath.Join(dir, "none"), io.Discard); err == nil {
		t.Fatal("a missing seed file was accepted")
	}
}

func TestPRNG(t *testing.T) {
	// bro_prng keeps its result in an unsigned int: a negative step
	// wraps around rather than adding the modulus.
	for _, c := range []struct{ in, want uint32 }{
		{1, 16807}, {2, 33614}, {127773, 4294964460}, {0, 2147483647}, {2147483646, 4294950489},
	} {
		if got := PRNG(c.in); got != c.want {
			t.Errorf("PRNG(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}
