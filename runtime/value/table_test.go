package value

import (
	"strconv"
	"testing"

	"gobro/runtime/types"
)

// Keys that are one string and keys of other shapes live side by side;
// lookups, deletions and compaction keep every key findable and the
// insertion order.
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
	if order[0] != "k90" || order[9] != "k99" || len(order) != 12 {
		t.Errorf("order %q", order)
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
