package strings

import (
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// str_smith_waterman follows Bro 2.6's own variant of Smith-Waterman, not
// the textbook one: a match scores one more than its upper-left
// neighbour, and a hundred more when that neighbour matched too; a cell
// without a match takes the best of its three neighbours. Common
// substrings are read back along the chain of predecessors, split at
// every cell without a match. The single variant follows the chain from
// the best cell; the multiple variant from every matching cell not yet
// visited, bottom-right first, dropping alignments that a longer one
// covers. The result is ordered by offset in the longer input (the
// second on a tie of lengths) with the C++ library's sort and Bro's
// "less or equal" comparison, so equal offsets keep Bro's order.

func init() {
	interp.Register("str_smith_waterman", bifSmithWaterman)
}

// swMatch is one common substring: its text, its offsets in the first
// and second input, and whether it opens an alignment.
type swMatch struct {
	text     string
	off1     int
	off2     int
	newAlign bool
}

// swCell is one cell of the dynamic programming matrix.
type swCell struct {
	b        byte
	matched  bool
	visited  bool
	score    int
	prev     int // index of the predecessor cell, -1 for none
	row, col int
}

// swMatrix holds the cells of s1 (rows) against s2 (columns), with an
// extra first row and column.
type swMatrix struct {
	rows, cols int
	cells      []swCell
}

func (m *swMatrix) at(r, c int) *swCell { return &m.cells[r*m.cols+c] }

// smithWaterman returns the common substrings of s1 and s2 at least
// minLen long (as Bro's unsigned parameter), in Bro's order.
func smithWaterman(s1, s2 string, minLen uint32, multiple bool) []swMatch {
	// Bro compares the lengths as C ints with the parameter converted
	// to int.
	if int32(len(s1)) < int32(minLen) || int32(len(s2)) < int32(minLen) {
		return nil
	}
	m := &swMatrix{rows: len(s1) + 1, cols: len(s2) + 1}
	m.cells = make([]swCell, m.rows*m.cols)
	for r := 0; r < m.rows; r++ {
		for c := 0; c < m.cols; c++ {
			cell := m.at(r, c)
			cell.prev, cell.row, cell.col = -1, r, c
		}
	}
	best, bestScore := -1, 1
	for r := 1; r < m.rows; r++ {
		for c := 1; c < m.cols; c++ {
			cur := m.at(r, c)
			top, left, diag := m.at(r-1, c), m.at(r, c-1), m.at(r-1, c-1)
			diagScore := diag.score
			if s1[r-1] == s2[c-1] {
				diagScore++
				if diag.matched {
					diagScore += 99
				}
				cur.b, cur.matched = s1[r-1], true
			}
			if cur.matched {
				cur.score = diagScore
			} else {
				cur.score = max(top.score, left.score, diagScore)
			}
			switch {
			case cur.matched && cur.score == diagScore:
				cur.prev = (r-1)*m.cols + c - 1
			case cur.score == top.score:
				cur.prev = (r-1)*m.cols + c
			default:
				cur.prev = r*m.cols + c - 1
			}
			if cur.score > bestScore {
				best, bestScore = r*m.cols+c, cur.score
			}
		}
	}
	var out []swMatch
	if multiple {
		out = m.collectAll(minLen)
	} else if best >= 0 {
		out = m.collect(best, minLen)
	}
	if len(s1) > len(s2) {
		cppSort(out, func(a, b *swMatch) bool { return a.off1 <= b.off1 })
	} else {
		cppSort(out, func(a, b *swMatch) bool { return a.off2 <= b.off2 })
	}
	return out
}

// collect follows the predecessors from cell start, cutting the matched
// bytes into substrings at each cell without a match. The last one found
// (the first in the strings) opens the alignment.
func (m *swMatrix) collect(start int, minLen uint32) []swMatch {
	var out []swMatch
	var rev []byte
	row, col := 0, 0
	emit := func() {
		text := make([]byte, len(rev))
		for i, b := range rev {
			text[len(rev)-1-i] = b
		}
		out = append(out, swMatch{text: string(text), off1: row - 1, off2: col - 1})
	}
	for i := start; i >= 0; {
		cell := &m.cells[i]
		cell.visited = true
		if cell.matched {
			row, col = cell.row, cell.col
			rev = append(rev, cell.b)
		} else {
			if uint64(len(rev)) >= uint64(minLen) {
				emit()
			}
			rev = rev[:0]
		}
		i = cell.prev
	}
	if len(rev) > 0 {
		emit()
	}
	if len(out) > 0 {
		out[len(out)-1].newAlign = true
	}
	return out
}

// covers reports whether a's substring spans b's in both inputs.
func (a *swMatch) covers(b *swMatch) bool {
	return a.off1 <= b.off1 && a.off1+len(a.text) >= b.off1+len(b.text) &&
		a.off2 <= b.off2 && a.off2+len(a.text) >= b.off2+len(b.text)
}

// collectAll gathers the alignments starting at every matched cell not
// yet visited, from the bottom-right corner up, keeping only those no
// other alignment covers.
func (m *swMatrix) collectAll(minLen uint32) []swMatch {
	var als [][]swMatch
	dropped := map[int]bool{}
	for r := m.rows - 1; r > 0; r-- {
		for c := m.cols - 1; c > 0; c-- {
			cell := m.at(r, c)
			if !cell.matched || cell.visited {
				continue
			}
			al := m.collect(r*m.cols+c, minLen)
			keep := true
		compare:
			for k, old := range als {
				if dropped[k] {
					continue
				}
				for i := range old {
					for j := range al {
						if old[i].covers(&al[j]) {
							keep = false
							break compare
						}
						if al[j].covers(&old[i]) {
							dropped[k] = true
							break compare
						}
					}
				}
			}
			if keep {
				als = append(als, al)
			}
		}
	}
	var out []swMatch
	for k, al := range als {
		if !dropped[k] {
			out = append(out, al...)
		}
	}
	return out
}

// cppSort sorts v as libstdc++'s std::sort does with the comparison less,
// which need not be a strict ordering (Bro passes "less or equal"): an
// introsort down to runs of 16, heap sort past the depth limit, then
// insertion sort. The partition loops stop at the ends of the range,
// where the C++ code would run past them.
func cppSort(v []swMatch, less func(a, b *swMatch) bool) {
	n := len(v)
	if n < 2 {
		return
	}
	depth := 0 // floor(log2(n))
	for k := n; k > 1; k >>= 1 {
		depth++
	}
	introsortLoop(v, 0, n, 2*depth, less)
	if n > 16 {
		insertionSort(v, 0, 16, less)
		for i := 16; i < n; i++ {
			linearInsert(v, i, 0, less)
		}
	} else {
		insertionSort(v, 0, n, less)
	}
}

func introsortLoop(v []swMatch, first, last, depth int, less func(a, b *swMatch) bool) {
	for last-first > 16 {
		if depth == 0 {
			heapSort(v, first, last, less)
			return
		}
		depth--
		cut := partitionPivot(v, first, last, less)
		introsortLoop(v, cut, last, depth, less)
		last = cut
	}
}

func partitionPivot(v []swMatch, first, last int, less func(a, b *swMatch) bool) int {
	mid := first + (last-first)/2
	a, b, c := first+1, mid, last-1
	switch {
	case less(&v[a], &v[b]):
		switch {
		case less(&v[b], &v[c]):
			v[first], v[b] = v[b], v[first]
		case less(&v[a], &v[c]):
			v[first], v[c] = v[c], v[first]
		default:
			v[first], v[a] = v[a], v[first]
		}
	case less(&v[a], &v[c]):
		v[first], v[a] = v[a], v[first]
	case less(&v[b], &v[c]):
		v[first], v[c] = v[c], v[first]
	default:
		v[first], v[b] = v[b], v[first]
	}
	lo, hi := first+1, last
	for {
		for lo < last && less(&v[lo], &v[first]) {
			lo++
		}
		hi--
		for hi > first && less(&v[first], &v[hi]) {
			hi--
		}
		if lo >= hi {
			return lo
		}
		v[lo], v[hi] = v[hi], v[lo]
		lo++
	}
}

// insertionSort is libstdc++'s __insertion_sort on v[first:last].
func insertionSort(v []swMatch, first, last int, less func(a, b *swMatch) bool) {
	for i := first + 1; i < last; i++ {
		if less(&v[i], &v[first]) {
			x := v[i]
			copy(v[first+1:i+1], v[first:i])
			v[first] = x
		} else {
			linearInsert(v, i, first, less)
		}
	}
}

// linearInsert moves v[i] down while it compares less than its left
// neighbour (libstdc++'s __unguarded_linear_insert, kept within bounds).
func linearInsert(v []swMatch, i, first int, less func(a, b *swMatch) bool) {
	x := v[i]
	j := i
	for j > first && less(&x, &v[j-1]) {
		v[j] = v[j-1]
		j--
	}
	v[j] = x
}

// heapSort is libstdc++'s partial_sort of the whole range: make_heap,
// then pop each maximum to the end.
func heapSort(v []swMatch, first, last int, less func(a, b *swMatch) bool) {
	n := last - first
	s := v[first:last]
	for parent := (n - 2) / 2; ; parent-- {
		adjustHeap(s, parent, n, s[parent], less)
		if parent == 0 {
			break
		}
	}
	for end := n - 1; end > 0; end-- {
		x := s[end]
		s[end] = s[0]
		adjustHeap(s, 0, end, x, less)
	}
}

// adjustHeap is libstdc++'s __adjust_heap: sift the hole at hole down to
// a leaf, then push x up from there.
func adjustHeap(s []swMatch, hole, n int, x swMatch, less func(a, b *swMatch) bool) {
	top := hole
	child := hole
	for child < (n-1)/2 {
		child = 2 * (child + 1)
		if less(&s[child], &s[child-1]) {
			child--
		}
		s[hole] = s[child]
		hole = child
	}
	if n%2 == 0 && child == (n-2)/2 {
		child = 2 * (child + 1)
		s[hole] = s[child-1]
		hole = child - 1
	}
	parent := (hole - 1) / 2
	for hole > top && less(&s[parent], &x) {
		s[hole] = s[parent]
		hole = parent
		parent = (hole - 1) / 2
	}
	s[hole] = x
}

// bifSmithWaterman is str_smith_waterman. As Bro 2.6 builds them, the
// result vector and each alignment vector start at index 1, leaving
// index 0 empty; an empty result has no elements at all.
func bifSmithWaterman(c *interp.Call, args []value.Value) value.Value {
	s1, s2 := str(args[0]), str(args[1])
	var minLen uint32 = 3
	var variant uint32
	if p, ok := args[2].R.(*value.Record); ok {
		if len(p.Fields) > 0 && !p.Fields[0].IsUnset() {
			minLen = uint32(p.Fields[0].AsCount())
		}
		if len(p.Fields) > 1 && !p.Fields[1].IsUnset() {
			variant = uint32(p.Fields[1].AsCount())
		}
	}
	matches := smithWaterman(s1, s2, minLen, variant == 1)

	vecType, _ := c.Interp.LookupType("sw_substring_vec").(*types.VectorType)
	subType, _ := c.Interp.LookupType("sw_substring").(*types.RecordType)
	alignType, _ := c.Interp.LookupType("sw_align").(*types.RecordType)
	alignVecType, _ := c.Interp.LookupType("sw_align_vec").(*types.VectorType)
	out := &value.Vector{Type: vecType}
	if vecType == nil || subType == nil || alignType == nil || alignVecType == nil || len(matches) == 0 {
		return value.Value{R: out}
	}
	out.Elems = append(out.Elems, value.Unset)
	for _, m := range matches {
		aligns := &value.Vector{Type: alignVecType, Elems: []value.Value{value.Unset}}
		for _, a := range []struct {
			s   string
			off int
		}{{s1, m.off1}, {s2, m.off2}} {
			rec := c.Interp.NewRecord(alignType)
			rec.Fields[0] = value.String(a.s)
			rec.Fields[1] = value.Count(uint64(int64(a.off)))
			aligns.Elems = append(aligns.Elems, value.Value{R: rec})
		}
		rec := c.Interp.NewRecord(subType)
		rec.Fields[0] = value.String(m.text)
		rec.Fields[1] = value.Value{R: aligns}
		rec.Fields[2] = value.Bool(m.newAlign)
		out.Elems = append(out.Elems, value.Value{R: rec})
	}
	return value.Value{R: out}
}
