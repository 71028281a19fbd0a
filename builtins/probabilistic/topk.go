package probabilistic

import (
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("topk_init", func(_ *interp.Call, args []value.Value) value.Value {
		return value.Value{R: &topK{size: args[0].AsCount(), index: map[string]*topKElem{}}}
	})
	interp.Register("topk_add", topkAdd)
	interp.Register("topk_get_top", topkGetTop)
	interp.Register("topk_count", topkCount)
	interp.Register("topk_epsilon", topkEpsilon)
	interp.Register("topk_size", func(_ *interp.Call, args []value.Value) value.Value {
		if t, _ := args[0].R.(*topK); t != nil {
			return value.Count(t.size)
		}
		return value.Count(0)
	})
	interp.Register("topk_sum", topkSum)
	interp.Register("topk_merge", func(c *interp.Call, args []value.Value) value.Value { return topkMerge(c, args, false) })
	interp.Register("topk_merge_prune", func(c *interp.Call, args []value.Value) value.Value { return topkMerge(c, args, true) })
}

// topK is an "opaque of topk": Bro's space-saving top-k counter. Its
// buckets hold the elements seen the same number of times, in rising
// order of that count; within a bucket, elements keep the order they
// arrived in, which decides evictions and the order topk_get_top gives.
type topK struct {
	size    uint64
	buckets []*topKBucket
	index   map[string]*topKElem
	elem    types.Type
	pruned  bool
}

type topKBucket struct {
	count uint64
	elems []*topKElem
}

type topKElem struct {
	key     string
	val     value.Value
	epsilon uint64
	parent  *topKBucket
}

func elemKey(t types.Type, v value.Value) string {
	if t.Kind() == types.String {
		return "s" + v.AsString()
	}
	return "v" + value.RenderRaw(v, t)
}

func (t *topK) bucketIndex(b *topKBucket) int {
	for i, x := range t.buckets {
		if x == b {
			return i
		}
	}
	return -1
}

func (b *topKBucket) remove(e *topKElem) {
	for i, x := range b.elems {
		if x == e {
			b.elems = append(b.elems[:i], b.elems[i+1:]...)
			return
		}
	}
}

// increment moves e up by n, into the bucket of its new count.
func (t *topK) increment(e *topKElem, n uint64) {
	cur := e.parent
	at := t.bucketIndex(cur)
	want := cur.count + n
	i := at + 1
	for i < len(t.buckets) && t.buckets[i].count < want {
		i++
	}
	var next *topKBucket
	if i < len(t.buckets) && t.buckets[i].count == want {
		next = t.buckets[i]
	} else {
		next = &topKBucket{count: want}
		t.buckets = append(t.buckets, nil)
		copy(t.buckets[i+1:], t.buckets[i:])
		t.buckets[i] = next
	}
	cur.remove(e)
	next.elems = append(next.elems, e)
	e.parent = next
	if len(cur.elems) == 0 {
		t.buckets = append(t.buckets[:at], t.buckets[at+1:]...)
	}
}

func (t *topK) encountered(c *interp.Call, typ types.Type, v value.Value) {
	if len(t.index) == 0 {
		t.elem = typ
	} else if !interp.SameType(t.elem, typ) {
		c.ReporterError("Trying to add element to topk with differing type from other elements")
		return
	}
	key := elemKey(typ, v)
	e := t.index[key]
	if e == nil {
		e = &topKElem{key: key, val: v}
		if uint64(len(t.index)) < t.size {
			if len(t.buckets) == 0 || t.buckets[0].count > 1 {
				b := &topKBucket{count: 1}
				t.buckets = append([]*topKBucket{b}, t.buckets...)
			}
			b := t.buckets[0]
			b.elems = append(b.elems, e)
			e.parent = b
			t.index[key] = e
			return
		}
		// Evict the oldest of the least seen; the newcomer takes its
		// count, as its possible overestimate.
		b := t.buckets[0]
		old := b.elems[0]
		b.elems = b.elems[1:]
		delete(t.index, old.key)
		e.epsilon = b.count
		b.elems = append(b.elems, e)
		e.parent = b
		t.index[key] = e
	}
	t.increment(e, 1)
}

func topkAdd(c *interp.Call, args []value.Value) value.Value {
	t, _ := args[0].R.(*topK)
	a, _ := args[1].R.(*value.Any)
	if t != nil && a != nil {
		t.encountered(c, a.Type, a.Value)
	}
	return value.Value{}
}

// topkGetTop lists the most seen elements, most first: whole buckets,
// so that it may give more than k.
func topkGetTop(c *interp.Call, args []value.Value) value.Value {
	out := &value.Vector{Type: &types.VectorType{Elem: types.AnyType}}
	t, _ := args[0].R.(*topK)
	if t == nil || len(t.index) == 0 {
		c.ReporterError("Cannot return topk of empty")
		return value.Value{R: out}
	}
	k := int(args[1].AsCount())
	for i := len(t.buckets) - 1; i >= 0 && len(out.Elems) < k; i-- {
		for _, e := range t.buckets[i].elems {
			out.Elems = append(out.Elems, value.Value{R: &value.Any{Type: t.elem, Value: e.val}})
		}
	}
	return value.Value{R: out}
}

func (t *topK) lookup(args []value.Value) *topKElem {
	a, _ := args[1].R.(*value.Any)
	if t == nil || a == nil {
		return nil
	}
	return t.index[elemKey(a.Type, a.Value)]
}

func topkCount(c *interp.Call, args []value.Value) value.Value {
	t, _ := args[0].R.(*topK)
	e := t.lookup(args)
	if e == nil {
		c.ReporterError("GetCount for element that is not in top-k")
		return value.Count(0)
	}
	return value.Count(e.parent.count)
}

func topkEpsilon(c *interp.Call, args []value.Value) value.Value {
	t, _ := args[0].R.(*topK)
	e := t.lookup(args)
	if e == nil {
		c.ReporterError("GetEpsilon for element that is not in top-k")
		return value.Count(0)
	}
	return value.Count(e.epsilon)
}

func topkSum(c *interp.Call, args []value.Value) value.Value {
	t, _ := args[0].R.(*topK)
	if t == nil {
		return value.Count(0)
	}
	var sum uint64
	for _, b := range t.buckets {
		sum += uint64(len(b.elems)) * b.count
	}
	if t.pruned {
		c.ReporterWarning("TopkVal::GetSum() was used on a pruned data structure. Result values do not represent total element count")
	}
	return value.Count(sum)
}

// topkMerge adds the second counter's elements and counts to the first;
// with prune, the least seen are then dropped down to the first's size.
func topkMerge(c *interp.Call, args []value.Value, prune bool) value.Value {
	t, _ := args[0].R.(*topK)
	o, _ := args[1].R.(*topK)
	if t == nil || o == nil {
		return value.Value{}
	}
	if t.elem == nil {
		t.elem = o.elem
	} else if o.elem != nil && !interp.SameType(t.elem, o.elem) {
		c.ReporterError("Cannot merge top-k elements of differing types.")
		return value.Value{}
	}
	var from []*topKBucket
	for _, b := range o.buckets {
		nb := &topKBucket{count: b.count, elems: append([]*topKElem(nil), b.elems...)}
		from = append(from, nb)
	}
	for _, b := range from {
		for _, oe := range b.elems {
			e := t.index[oe.key]
			if e == nil {
				e = &topKElem{key: oe.key, val: oe.val}
				nb := &topKBucket{count: 0, elems: []*topKElem{e}}
				t.buckets = append([]*topKBucket{nb}, t.buckets...)
				e.parent = nb
				t.index[oe.key] = e
			}
			e.epsilon += oe.epsilon
			t.increment(e, b.count)
		}
	}
	if !prune {
		return value.Value{}
	}
	for uint64(len(t.index)) > t.size && len(t.buckets) > 0 {
		t.pruned = true
		b := t.buckets[0]
		e := b.elems[0]
		delete(t.index, e.key)
		b.elems = b.elems[1:]
		if len(b.elems) == 0 {
			t.buckets = t.buckets[1:]
		}
	}
	return value.Value{}
}
