package storage

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// backends returns a fresh backend of each kind, named.
func backends(t *testing.T) map[string]Backend {
	t.Helper()
	b, err := OpenBadger(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return map[string]Backend{"memory": NewMemory(), "badger": b}
}

func keysOf(t *testing.T, b Backend) []string {
	t.Helper()
	var ks []string
	if err := b.Each(func(k, v []byte, e int64) bool {
		ks = append(ks, fmt.Sprintf("%s=%s@%d", k, v, e))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(ks)
	return ks
}

// TestBackends runs the same operations on both backends, with and
// without a commit between them: reads see every write made before.
func TestBackends(t *testing.T) {
	for name, b := range backends(t) {
		t.Run(name, func(t *testing.T) {
			for _, commit := range []bool{false, true} {
				step := func() {
					if commit {
						if err := b.Commit(); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := b.Put([]byte("a"), []byte("1"), 0); err != nil {
					t.Fatal(err)
				}
				b.Put([]byte("b"), []byte("2"), 42)
				step()
				v, e, ok, err := b.Get([]byte("b"))
				if err != nil || !ok || string(v) != "2" || e != 42 {
					t.Fatalf("get b: %q %d %v %v", v, e, ok, err)
				}
				b.Put([]byte("b"), []byte("3"), 0)
				b.Delete([]byte("a"))
				step()
				if _, _, ok, _ := b.Get([]byte("a")); ok {
					t.Fatal("a survived its delete")
				}
				if got := keysOf(t, b); strings.Join(got, " ") != "b=3@0" {
					t.Fatalf("entries %v", got)
				}
				var exp []string
				b.Put([]byte("c"), []byte("4"), 7)
				step()
				b.Expiries(func(k []byte, e int64) { exp = append(exp, fmt.Sprintf("%s@%d", k, e)) })
				// b's expiry was taken away by its second put.
				if strings.Join(exp, " ") != "c@7" {
					t.Fatalf("expiries %v", exp)
				}
				if n, _ := b.Len(); n != 2 {
					t.Fatalf("len %d", n)
				}
				if err := b.Clear(); err != nil {
					t.Fatal(err)
				}
				step()
				if n, _ := b.Len(); n != 0 {
					t.Fatalf("len after clear %d", n)
				}
				if _, _, ok, _ := b.Get([]byte("b")); ok {
					t.Fatal("b survived the clear")
				}
			}
			if err := b.Sync(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBadgerReadsAcrossWrites: the read transaction Badger's gets keep
// between them never hides a later write, and an iteration whose
// callback reads and writes goes on undisturbed.
func TestBadgerReadsAcrossWrites(t *testing.T) {
	b, err := OpenBadger(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	get := func(k string) string {
		v, _, ok, err := b.Get([]byte(k))
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "-"
		}
		return string(v)
	}
	for i := 0; i < 3; i++ {
		b.Put([]byte(fmt.Sprint("k", i)), []byte("old"), 0)
	}
	b.Commit()
	if got := get("k0"); got != "old" {
		t.Fatalf("k0 = %s", got)
	}
	b.Put([]byte("k0"), []byte("new"), 0)
	if got := get("k0"); got != "new" {
		t.Fatalf("k0 in the group = %s", got)
	}
	b.Commit()
	if got := get("k0"); got != "new" {
		t.Fatalf("k0 committed = %s", got)
	}
	var seen []string
	err = b.Each(func(k, v []byte, _ int64) bool {
		seen = append(seen, string(k)+"="+get(string(k)))
		b.Put(append([]byte("copy-"), k...), v, 0)
		b.Commit()
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(seen, " "); got != "k0=new k1=old k2=old" {
		t.Fatalf("iteration saw %s", got)
	}
	if got := get("copy-k2"); got != "old" {
		t.Fatalf("copy-k2 = %s", got)
	}
}

// TestBadgerReopen: committed and closed, a Badger store comes back
// whole, expiries included.
func TestBadgerReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	b, err := OpenBadger(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1000; i++ {
		b.Put([]byte(fmt.Sprint("k", i)), bytes.Repeat([]byte{byte(i)}, i), int64(i%3))
	}
	// The last writes are not committed by hand: Close does it.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := b.Get([]byte("k1")); err != ErrClosed {
		t.Fatalf("get after close: %v", err)
	}
	b, err = OpenBadger(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, _ := b.Len(); n != 1000 {
		t.Fatalf("len %d", n)
	}
	v, e, ok, _ := b.Get([]byte("k999"))
	if !ok || len(v) != 999 || e != 999%3 {
		t.Fatalf("k999: %d bytes, expiry %d, %v", len(v), e, ok)
	}
	n := 0
	b.Expiries(func([]byte, int64) { n++ })
	if n != 666 {
		t.Fatalf("%d expiring entries", n)
	}
}

// TestBadgerBigGroup: a group too big for one Badger transaction is
// committed in parts, and every write is kept.
func TestBadgerBigGroup(t *testing.T) {
	b, err := OpenBadger(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	val := bytes.Repeat([]byte("x"), 1000)
	const n = 30000
	for i := 0; i < n; i++ {
		if err := b.Put([]byte(fmt.Sprint("k", i)), val, 0); err != nil {
			t.Fatal(err)
		}
	}
	if c, _ := b.Len(); c != n {
		t.Fatalf("len %d", c)
	}
}

// TestBadgerErrors: unusable directories are errors naming the path.
func TestBadgerErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	held := filepath.Join(dir, "held")
	h, err := OpenBadger(held)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, p := range []string{file, filepath.Join(file, "db"), held} {
		b, err := OpenBadger(p)
		if err == nil {
			b.Close()
			t.Fatalf("%s opened", p)
		}
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("error does not name %s: %v", p, err)
		}
	}
}

func BenchmarkBadgerPut(b *testing.B) {
	s, err := OpenBadger(filepath.Join(b.TempDir(), "db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	val := bytes.Repeat([]byte("v"), 32)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Put([]byte(fmt.Sprint("k", i)), val, 0)
		if i%1000 == 999 {
			s.Commit()
		}
	}
	s.Commit()
}

func BenchmarkBadgerGet(b *testing.B) {
	s, err := OpenBadger(filepath.Join(b.TempDir(), "db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 10000; i++ {
		s.Put([]byte(fmt.Sprint("k", i)), []byte("v"), 0)
	}
	s.Commit()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Get([]byte(fmt.Sprint("k", i%10000)))
	}
}
