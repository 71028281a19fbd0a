package value

import (
	"runtime"
	"testing"
	"unsafe"

	"gobro/runtime/types"
)

func TestIdentsAreDistinct(t *testing.T) {
	var p Idents
	seen := map[*Ident]bool{}
	for i := 0; i < 3*identBlock+1; i++ {
		id := p.New()
		if seen[id] {
			t.Fatalf("Ident %d handed out twice", i)
		}
		seen[id] = true
	}
}

// A scalar's identity changes nothing but same_object: it is a number
// for every check, and a table finds a key whatever identity its value
// carries, and keeps none.
func TestIdentIgnoredOutsideSameObject(t *testing.T) {
	var p Idents
	v := Count(5)
	if !v.NeedsIdent() {
		t.Fatal("a fresh count needs an identity")
	}
	w := v
	w.R = p.New()
	if !w.IsNumber() || w.NeedsIdent() || w.AsCount() != 5 {
		t.Fatalf("a count with an identity reads as %v", w)
	}
	if u := w.WithoutIdent(); u.R != nil || u.N != 5 {
		t.Fatalf("WithoutIdent gave %v", u)
	}
	if s := String("x"); s.WithoutIdent().AsString() != "x" {
		t.Fatal("WithoutIdent changed a string")
	}
	for _, idx := range [][]types.Type{{types.CountType}, {types.CountType, types.StringType}} {
		tab := NewTable(&types.TableType{Index: idx, Yield: types.CountType})
		key := func(n Value) []Value {
			if len(idx) == 1 {
				return []Value{n}
			}
			return []Value{n, String("k")}
		}
		tab.Insert(key(w), Count(1))
		if got, ok := tab.Lookup(key(v)); !ok || got.AsCount() != 1 {
			t.Fatalf("%v: a key without identity does not find the one with", idx)
		}
		other := v
		other.R = p.New()
		tab.Insert(key(other), Count(2))
		if tab.Len() != 1 {
			t.Fatalf("%v: two identities of one number made %d keys", idx, tab.Len())
		}
		tab.Each(func(e *Entry) bool {
			if e.Key[0].R != nil {
				t.Fatalf("%v: a key kept an identity", idx)
			}
			return true
		})
	}
}

// A table keeps copies of the records and vectors in its keys: changing
// the value used as an index leaves the key as it was.
func TestKeysAreCopies(t *testing.T) {
	rt := types.NewRecord("R", []*types.Field{{Name: "n", Type: types.CountType}})
	vt := &types.VectorType{Elem: types.CountType}
	rec := &Record{Type: rt, Fields: []Value{Count(1)}}
	vec := &Vector{Type: vt, Elems: []Value{Count(1), Count(2)}}
	tab := NewTable(&types.TableType{Index: []types.Type{rt, vt}})
	tab.Insert([]Value{{R: rec}, {R: vec}}, Value{})
	rec.Fields[0] = Count(9)
	vec.Elems[0] = Count(9)
	tab.Each(func(e *Entry) bool {
		if n := e.Key[0].R.(*Record).Fields[0].AsCount(); n != 1 {
			t.Errorf("record key holds %d", n)
		}
		if n := e.Key[1].R.(*Vector).Elems[0].AsCount(); n != 1 {
			t.Errorf("vector key holds %d", n)
		}
		return true
	})
}

// Each distinct empty string is an empty string like any other, whose
// bytes have an address of their own that survives a collection.
func TestDistinctEmptyString(t *testing.T) {
	a, b := DistinctEmptyString(), DistinctEmptyString()
	runtime.GC()
	sa, ok := a.R.(string)
	sb, _ := b.R.(string)
	if !ok || sa != "" || a.AsString() != "" || sa+"x" != "x" {
		t.Fatalf("not an empty string: %#v", a.R)
	}
	pa, pb := unsafe.StringData(sa), unsafe.StringData(sb)
	if pa == nil || pa == pb {
		t.Fatalf("addresses %p and %p", pa, pb)
	}
	c := a
	if sc := c.R.(string); unsafe.StringData(sc) != pa {
		t.Fatal("a copy of the value has other bytes")
	}
	if p := unsafe.StringData(String("").R.(string)); p != nil {
		t.Fatalf("an ordinary empty string has an address: %p", p)
	}
}
