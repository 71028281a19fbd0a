package value

import (
	"net/netip"
	"strconv"
	"testing"

	"gobro/runtime/types"
)

func TestLookupBestFindsTheLongestPrefix(t *testing.T) {
	tab := NewTable(&types.TableType{Index: []types.Type{types.SubnetType}, Yield: types.StringType})
	for _, e := range []struct{ net, name string }{
		{"10.0.0.0/8", "ten"}, {"10.1.0.0/16", "ten-one"}, {"10.1.2.3/32", "host"},
		{"2001:db8::/32", "doc"}, {"::/0", "all"},
	} {
		tab.Insert([]Value{Subnet(netip.MustParsePrefix(e.net))}, String(e.name))
	}
	for key, want := range map[Value]string{
		Addr(netip.MustParseAddr("10.1.2.3")):            "host",
		Addr(netip.MustParseAddr("10.1.2.4")):            "ten-one",
		Addr(netip.MustParseAddr("10.9.0.1")):            "ten",
		Addr(netip.MustParseAddr("::ffff:10.9.0.1")):     "ten",
		Addr(netip.MustParseAddr("11.0.0.1")):            "all",
		Addr(netip.MustParseAddr("2001:db8::5")):         "doc",
		Addr(netip.MustParseAddr("2001:db9::5")):         "all",
		Subnet(netip.MustParsePrefix("10.1.7.0/24")):     "ten-one",
		Subnet(netip.MustParsePrefix("10.0.0.0/8")):      "ten",
		Subnet(netip.MustParsePrefix("2001:db8:1::/48")): "doc",
	} {
		got, ok := tab.LookupBest([]Value{key})
		if !ok || got.AsString() != want {
			t.Errorf("LookupBest(%v) = %q, %v; want %q", key.R, got.AsString(), ok, want)
		}
	}
	// Without an IPv6 subnet covering it, an IPv4 address outside every
	// IPv4 subnet is not found; an exact Lookup finds only the subnet
	// itself.
	tab4 := NewTable(&types.TableType{Index: []types.Type{types.SubnetType}})
	tab4.Insert([]Value{Subnet(netip.MustParsePrefix("192.168.0.0/16"))}, Value{})
	if _, ok := tab4.LookupBest([]Value{Addr(netip.MustParseAddr("192.169.0.1"))}); ok {
		t.Error("192.169.0.1 found in 192.168.0.0/16")
	}
	if _, ok := tab4.Lookup([]Value{Subnet(netip.MustParsePrefix("192.168.1.0/24"))}); ok {
		t.Error("exact Lookup matched a longer prefix")
	}
}

// Keys that are one string and keys of other shapes live side by side;
// lookups and deletions keep every key findable.
func TestTableKeys(t *testing.T) {
	tab := NewTable(&types.TableType{Index: []types.Type{types.StringType}})
	for i := 0; i < 100; i++ {
		tab.Insert([]Value{String("k" + strconv.Itoa(i))}, Count(uint64(i)))
	}
	// A string local never set reads as the zero Value: a key apart
	// from "".
	tab.Insert([]Value{{}}, Count(1000))
	tab.Insert([]Value{String("")}, Count(2000))
	if v, ok := tab.Lookup([]Value{{}}); !ok || v.AsCount() != 1000 {
		t.Errorf("zero key: %v %v", v, ok)
	}
	if v, ok := tab.Lookup([]Value{String("")}); !ok || v.AsCount() != 2000 {
		t.Errorf("empty string key: %v %v", v, ok)
	}
	for i := 0; i < 90; i++ {
		if !tab.Delete([]Value{String("k" + strconv.Itoa(i))}) {
			t.Fatalf("k%d not deleted", i)
		}
	}
	if tab.Delete([]Value{String("k0")}) {
		t.Error("k0 deleted twice")
	}
	if tab.Len() != 12 {
		t.Errorf("len %d", tab.Len())
	}
	var order []string
	tab.Each(func(e *Entry) bool {
		order = append(order, e.Key[0].AsString())
		return true
	})
	seen := map[string]int{}
	for _, k := range order {
		seen[k]++
	}
	if len(order) != 12 || seen[""] != 2 || seen["k90"] != 1 || seen["k99"] != 1 {
		t.Errorf("walk %q", order)
	}
	for i := 90; i < 100; i++ {
		if v, ok := tab.Lookup([]Value{String("k" + strconv.Itoa(i))}); !ok || v.AsCount() != uint64(i) {
			t.Errorf("k%d: %v %v", i, v, ok)
		}
	}

	multi := NewTable(&types.TableType{Index: []types.Type{types.StringType, types.CountType}})
	multi.Insert([]Value{String("a"), Count(1)}, Count(7))
	if _, ok := multi.Lookup([]Value{String("a"), Count(2)}); ok {
		t.Error("found a missing multi-index key")
	}
	if v, ok := multi.Lookup([]Value{String("a"), Count(1)}); !ok || v.AsCount() != 7 {
		t.Errorf("multi-index key: %v %v", v, ok)
	}
}

// Random inserts, deletions and lookups, with walks in between, agree
// with a Go map (broref_test.go checks the order of the walks).
func TestTableAgreesWithMap(t *testing.T) {
	tab := NewTable(&types.TableType{Index: []types.Type{types.StringType}})
	want := map[string]uint64{}
	seed := uint64(1)
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	for step := 0; step < 200000; step++ {
		k := "k" + strconv.FormatUint(next(5000), 10)
		switch next(3) {
		case 0, 1:
			want[k] = uint64(step)
			tab.Insert([]Value{String(k)}, Count(uint64(step)))
		case 2:
			_, had := want[k]
			if tab.Delete([]Value{String(k)}) != had {
				t.Fatalf("step %d: delete %s: want %v", step, k, had)
			}
			if had {
				delete(want, k)
			}
		}
		if v, ok := tab.Lookup([]Value{String(k)}); ok != hasKey(want, k) || (ok && v.AsCount() != want[k]) {
			t.Fatalf("step %d: lookup %s: %v %v", step, k, v, ok)
		}
		if step%20000 == 0 || step > 199990 {
			if tab.Len() != len(want) {
				t.Fatalf("step %d: len %d, want %d", step, tab.Len(), len(want))
			}
			seen := map[string]bool{}
			tab.Each(func(e *Entry) bool {
				k := e.Key[0].AsString()
				if _, ok := want[k]; !ok || seen[k] {
					t.Fatalf("step %d: walk visits %s wrongly", step, k)
				}
				seen[k] = true
				return true
			})
			if len(seen) != len(want) {
				t.Fatalf("step %d: walk visits %d, want %d", step, len(seen), len(want))
			}
		}
	}
	for k, v := range want {
		if got, ok := tab.Lookup([]Value{String(k)}); !ok || got.AsCount() != v {
			t.Errorf("%s: %v %v, want %d", k, got, ok, v)
		}
	}
}

func hasKey(m map[string]uint64, k string) bool { _, ok := m[k]; return ok }

// Clearing a table in a loop over it ends the loop; the table then
// works as a new one.
func TestClearDuringWalk(t *testing.T) {
	tab := NewTable(&types.TableType{Index: []types.Type{types.CountType}})
	for i := uint64(0); i < 100; i++ {
		tab.Insert([]Value{Count(i)}, Value{})
	}
	n := 0
	tab.Each(func(e *Entry) bool {
		n++
		tab.Clear()
		return true
	})
	if n != 1 || tab.Len() != 0 {
		t.Fatalf("visited %d, %d left", n, tab.Len())
	}
	for i := uint64(0); i < 100; i++ {
		tab.Insert([]Value{Count(i)}, Value{})
	}
	tab.Each(func(e *Entry) bool {
		tab.Delete(e.Key)
		return true
	})
	seen := 0
	tab.Each(func(e *Entry) bool {
		if e.Key == nil {
			t.Fatal("walk gave a removed entry")
		}
		seen++
		return true
	})
	if seen != tab.Len() || tab.Len() == 0 || tab.Len() == 100 {
		// Bro's loop skips some of what follows a deleted element.
		t.Fatalf("%d visited, %d left", seen, tab.Len())
	}
}
