package interp

import (
	"slices"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Operators on containers: "in" on tables and vectors, element-wise
// arithmetic and comparison on vectors, slices; and the coercions of
// constructor values to declared container and record types.

// containerBinary compiles the binary operators whose operands are
// tables or vectors; handled is false for everything else.
func (sc *scope) containerBinary(b *ast.Binary, x, y compiled) (c compiled, handled bool) {
	switch b.Op {
	case "in", "!in":
		switch t := y.t.(type) {
		case *types.TableType:
			return sc.tableMembership(b, x, y, t), true
		case *types.VectorType:
			return sc.vectorMembership(b, x, y), true
		}
		return bad, false
	case "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=":
		_, xv := x.t.(*types.VectorType)
		_, yv := y.t.(*types.VectorType)
		if xv || yv {
			return sc.vectorOp(b, x, y), true
		}
	}
	return bad, false
}

// vectorOp compiles an operator applied element by element: between two
// vectors of the same length, or between a vector and a scalar. A hole
// in either operand leaves a hole in the result.
func (sc *scope) vectorOp(b *ast.Binary, x, y compiled) compiled {
	return sc.vectorOpWith(b, x, y, func(ex, ey compiled) compiled {
		switch b.Op {
		case "+", "-", "*", "/", "%":
			return sc.arith(b.Op, ex, ey, b.Pos, sc.describer(b))
		}
		return sc.compare(b.Op, ex, ey, b.Pos, sc.describer(b))
	})
}

// vectorOpWith is vectorOp with the scalar operation compiled by scalar
// from operands standing for one element each.
func (sc *scope) vectorOpWith(b *ast.Binary, x, y compiled, scalar func(ex, ey compiled) compiled) compiled {
	elemOf := func(c compiled) (types.Type, bool) {
		if vt, ok := c.t.(*types.VectorType); ok {
			return vt.Elem, true
		}
		return c.t, false
	}
	xt, xIsVec := elemOf(x)
	yt, yIsVec := elemOf(y)
	if xt == nil || yt == nil {
		return sc.errorAt(b.Pos, "requires arithmetic operands (%s)", sc.describe(b))
	}
	// The scalar operation, compiled on two placeholder operands that
	// read the current elements from a two-slot frame.
	ex := compiled{t: xt, pos: x.pos, fn: func(fr *Frame) value.Value { return fr.locals[0] }}
	ey := compiled{t: yt, pos: y.pos, fn: func(fr *Frame) value.Value { return fr.locals[1] }}
	op := scalar(ex, ey)
	if op.t == nil {
		return bad
	}
	rt := &types.VectorType{Elem: op.t}
	pos, desc := b.Pos, sc.describer(b)
	sc.mayFailSoftly()
	return compiled{t: rt, pos: pos, fn: func(fr *Frame) value.Value {
		xv, yv := x.fn(fr), y.fn(fr)
		var xs, ys []value.Value
		n := -1
		if xIsVec {
			xs = asVector(xv, pos, desc).Elems
			n = len(xs)
		}
		if yIsVec {
			ys = asVector(yv, pos, desc).Elems
			if n >= 0 && len(ys) != n {
				softFail(pos, desc, "vector operands are of different sizes")
			}
			n = len(ys)
		}
		out := &value.Vector{Type: rt, Elems: make([]value.Value, n)}
		efr := &Frame{locals: make([]value.Value, 2)}
		for i := 0; i < n; i++ {
			a, c := xv, yv
			if xIsVec {
				a = xs[i]
			}
			if yIsVec {
				c = ys[i]
			}
			if a.IsUnset() || c.IsUnset() {
				out.Elems[i] = value.Unset
				continue
			}
			efr.locals[0], efr.locals[1] = a, c
			out.Elems[i] = op.fn(efr)
		}
		return value.Value{R: out}
	}}
}

// slice compiles "s[lo:hi]" on strings. An omitted bound is the start or
// the end; a negative one counts from the end; bounds are clamped to the
// string, and an empty range gives "". Bro 2.6 slices nothing else.
func (sc *scope) slice(e *ast.Slice) compiled {
	x := sc.expr(e.X)
	if x.t == nil {
		return bad
	}
	if x.t.Kind() != types.String {
		return sc.errorAt(e.Pos, "slice notation indexing only supported for strings currently (%s)", sc.describeSlice(e))
	}
	bound := func(b ast.Expr) exprFn {
		if b == nil {
			return nil
		}
		c := sc.expr(b)
		if c.t == nil {
			return nil
		}
		switch c.t.Kind() {
		case types.Count, types.Counter, types.Int:
			return c.fn
		}
		// Bro's grammar reports this without naming the expression.
		sc.in.errorAt(e.Pos, "slice notation must have integral values as indexes")
		return nil
	}
	lo, hi := bound(e.Lo), bound(e.Hi)
	if (e.Lo != nil && lo == nil) || (e.Hi != nil && hi == nil) {
		return bad
	}
	return compiled{t: types.StringType, pos: e.Pos, fn: func(fr *Frame) value.Value {
		s := x.fn(fr).AsString()
		n := int64(len(s))
		first, last := int64(0), n
		if lo != nil {
			first = sliceIndex(lo(fr).AsInt(), n)
		}
		if hi != nil {
			last = sliceIndex(hi(fr).AsInt(), n)
		}
		if last <= first {
			return value.String("")
		}
		return value.String(s[first:last])
	}}
}

// sliceIndex brings a slice bound into [0, n]: negative bounds count
// from the end.
func sliceIndex(i, n int64) int64 {
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	} else if i > n {
		i = n
	}
	return i
}

// describeSlice renders "x[lo:hi]" as Bro does: as an index expression
// with two indices, a missing low bound being 0 and a missing high bound
// the size of x ("sizeofx").
func (sc *scope) describeSlice(e *ast.Slice) string {
	s := sc.describe(e.X) + "["
	if e.Lo != nil {
		s += sc.describe(e.Lo)
	} else {
		s += "0"
	}
	s += ", "
	if e.Hi != nil {
		s += sc.describe(e.Hi)
	} else {
		s += "sizeof" + sc.describe(e.X)
	}
	return s + "]"
}

// coerceContainer handles the coercions of records and containers:
// a record constructor to a declared record type, an empty constructor
// to any table, set or vector type. handled is false when neither
// applies.
func (sc *scope) coerceContainer(c compiled, t types.Type) (fn exprFn, ok, handled bool) {
	switch want := t.(type) {
	case *types.RecordType:
		// A constructor's record is made of the wanted type; a named
		// record of another shape is coerced to it, as Bro coerces.
		from, isRec := c.t.(*types.RecordType)
		if !isRec || from == want || from.Name() != "" && sameType(from, want) {
			return nil, false, false
		}
		fn, ok := sc.coerceRecord(c, from, want)
		return fn, ok, true
	case *types.TableType:
		if ctor := setCtorOf(c); ctor != nil && want.IsSet() && !anyIndex(want) && !sameType(c.t, want) {
			// Bro checks a set constructor again against the set
			// type wanted, coercing its elements to it.
			r := sc.typedCtorWithType(ctor, want)
			if r.t == nil {
				return nil, false, true
			}
			return r.fn, true, true
		}
		if from, isTab := c.t.(*types.TableType); isTab && isUnspecified(from) {
			if c.ctorAttrs != nil {
				attrs := sc.tableAttrs(c.ctorAttrs, want)
				return func(fr *Frame) value.Value {
					tab := value.NewTable(want)
					attrs(tab)
					return value.Value{R: tab}
				}, true, true
			}
			return func(fr *Frame) value.Value { return retype(c.fn(fr), want) }, true, true
		}
	case *types.VectorType:
		if from, isVec := c.t.(*types.VectorType); isVec && isUnspecified(from) {
			return func(fr *Frame) value.Value { return retype(c.fn(fr), want) }, true, true
		}
		if from, isVec := c.t.(*types.VectorType); isVec && want.Elem.Kind() == types.Any {
			// A vector of any type may stand for a vector of any
			// (Bro's same_type lets any match every type): the
			// same vector is shared, and its elements are seen as
			// any through it.
			_ = from
			return c.fn, true, true
		}
	}
	return nil, false, false
}

// sameRecordShape reports whether two record types have the same field
// names and types, in order: Bro's type identity for records.
func sameRecordShape(a, b *types.RecordType) bool { return sameRecordShapeIn(a, b, nil) }

func sameRecordShapeIn(a, b *types.RecordType, seen map[[2]*types.RecordType]bool) bool {
	if a == b {
		return true
	}
	if len(a.Fields) != len(b.Fields) {
		return false
	}
	pair := [2]*types.RecordType{a, b}
	if seen[pair] {
		return true
	}
	if seen == nil {
		seen = map[[2]*types.RecordType]bool{}
	}
	seen[pair] = true
	for i, f := range a.Fields {
		g := b.Fields[i]
		if f.Name != g.Name || !sameTypeIn(f.Type, g.Type, seen) {
			return false
		}
	}
	return true
}

// MaxVectorHole bounds how many unset elements one assignment past the
// end of a vector (or one resize) may add. Bro's vector is a plain array,
// so "v[1000000000] = 1" asks for gigabytes at once, more than any
// machine a node runs on would give; gobro reports it as an error
// instead of being killed for it.
const MaxVectorHole = 1 << 24

// GrowVector extends vec to length n, the new elements unset. It reports
// false, changing nothing, if that would add more than MaxVectorHole
// elements besides the last.
func GrowVector(vec *value.Vector, n uint64) bool {
	have := uint64(len(vec.Elems))
	if n <= have {
		return true
	}
	if n-have > MaxVectorHole+1 {
		return false
	}
	vec.Elems = slices.Grow(vec.Elems, int(n-have))
	for uint64(len(vec.Elems)) < n {
		vec.Elems = append(vec.Elems, value.Unset)
	}
	return true
}

// vectorIncr compiles "++v" and "--v" on a vector, which Bro 2.6 applies
// to each element (holes stay holes) after warning that it is
// deprecated; the elements must be integral.
func (sc *scope) vectorIncr(u *ast.Unary, x compiled, vt *types.VectorType, desc string) compiled {
	if k := vt.Elem.Kind(); k != types.Count && k != types.Int && k != types.Counter {
		return sc.errorAt(u.Pos, "vector elements must be integral for increment operator (%s)", desc)
	}
	if x.set == nil {
		return sc.notAssignable(u.X)
	}
	sc.in.warnAt(u.Pos, "increment/decrement operations for vectors deprecated")
	delta := uint64(1)
	if u.Op == "--" {
		delta = ^uint64(0) // two's complement -1
	}
	pos, d := u.Pos, sc.describer(u.X)
	return compiled{t: x.t, pos: pos, fn: func(fr *Frame) value.Value {
		v := asVector(x.fn(fr), pos, d)
		for i, e := range v.Elems {
			if !e.IsUnset() {
				v.Elems[i] = value.Count(e.AsCount() + delta)
			}
		}
		return value.Value{R: v}
	}}
}

// setCtorOf returns the "set(...)" constructor, with elements, that c
// was compiled from; nil if it is something else.
func setCtorOf(c compiled) *ast.Constructor {
	e := ast.Unparen(c.src)
	ctor, ok := e.(*ast.Constructor)
	if !ok || ctor.Kind != "set" || len(ctor.Args) == 0 {
		return nil
	}
	if _, isSet := c.t.(*types.TableType); !isSet {
		return nil
	}
	return ctor
}

// anyIndex tells whether a table is indexed by any, whose values gobro
// cannot key the table by.
func anyIndex(t *types.TableType) bool {
	for _, x := range t.Index {
		if x.Kind() == types.Any {
			return true
		}
	}
	return false
}
