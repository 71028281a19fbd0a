package hash

import "testing"

// TestGlibcRandom checks the generator against the C library's first
// outputs of random() after srandom(1) and srandom(42).
func TestGlibcRandom(t *testing.T) {
	var g glibcRandom
	g.seed(1)
	for i, want := range []uint32{1804289383, 846930886, 1681692777, 1714636915, 1957747793} {
		if got := g.next(); got != want {
			t.Errorf("random() #%d after srandom(1) = %d, want %d", i, got, want)
		}
	}
	g.seed(42)
	if got := g.next(); got != 71876166 {
		t.Errorf("random() after srandom(42) = %d, want 71876166", got)
	}
}

func TestFNVAndHRW(t *testing.T) {
	if got := FNV1a32([]byte("a")); got != 0xe40c292c {
		t.Errorf("FNV1a32(a) = %#x", got)
	}
	if got := FNV1a32(nil); got != 2166136261 {
		t.Errorf("FNV1a32() = %d", got)
	}
	if HRWWeight(5, 1) >= 1<<31 || HRWWeight(5, 1) == HRWWeight(5, 2) {
		t.Error("HRW weights out of range or not site-dependent")
	}
}

func TestBase62(t *testing.T) {
	if got := base62(61, "C"); got != "CZ" { // digits 0-9, a-z, A-Z, as uitoa_n has them
		t.Errorf("base62(61) = %q", got)
	}
	if got := base62(62, ""); got != "01" {
		t.Errorf("base62(62) = %q (least significant digit first)", got)
	}
	if got := base62(12345, "0123456789012345678901"); got != "0123456789012345678" {
		t.Errorf("long prefix: %q", got)
	}
}

// TestBroRandom checks Bro's generator, seeded from a file, where its
// step goes negative: Bro's 32-bit unsigned state wraps around.
func TestBroRandom(t *testing.T) {
	r := &randomSource{deterministic: true}
	r.seed(1)
	if got := r.next(); got != 16807 {
		t.Errorf("first after 1: %d", got)
	}
	r.seed(127773) // q: the step is 0 - 2836
	if got := r.next(); got != 1<<32-2836 {
		t.Errorf("after q: %d, want %d", got, 1<<32-2836)
	}
	r.seed(0)
	if got := r.next(); got != 2147483647 {
		t.Errorf("after 0: %d", got)
	}
}
