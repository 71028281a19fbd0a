package interp

import (
	"net/netip"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
	"io"
)

// Tables, sets and vectors: the set(), table() and vector()
// constructors, brace initializers, indexing with several indices,
// &default, membership, add and delete, and copy().

// isUnspecified reports whether t is the type of an empty set(),
// table() or vector() constructor, which takes the type it is assigned
// to.
func isUnspecified(t types.Type) bool {
	switch t := t.(type) {
	case *types.TableType:
		return len(t.Index) == 0
	case *types.VectorType:
		return t.Elem == nil
	}
	return false
}

// implicitType is the type a variable takes from its initializer: that
// of the initializer, except that an empty "vector()" makes a vector of
// any, which holds elements of every type.
func implicitType(t types.Type) types.Type {
	if vt, ok := t.(*types.VectorType); ok && vt.Elem == nil {
		return &types.VectorType{Elem: types.AnyType}
	}
	return t
}

// retype gives an empty container built by an unspecified constructor
// the type it is assigned to, keeping any &default it was given.
func retype(v value.Value, t types.Type) value.Value {
	switch c := v.R.(type) {
	case *value.Table:
		if tt, ok := t.(*types.TableType); ok {
			if c.Expiry() != nil {
				// Its expiration timer holds this very table: the
				// constructor made it afresh and empty, so it takes
				// the type in place.
				c.Type = tt
				return v
			}
			out := value.NewTable(tt)
			out.Default = c.Default
			return value.Value{R: out}
		}
	case *value.Vector:
		if vt, ok := t.(*types.VectorType); ok {
			return value.Value{R: &value.Vector{Type: vt}}
		}
	}
	return v
}

// constructor compiles "set(...)", "table(...)", "vector(...)" and
// "record(...)" where no type is known from the context: the element
// types give the container's type.
func (sc *scope) constructor(e *ast.Constructor) compiled {
	switch e.Kind {
	case "record":
		return sc.recordCtor(e.Pos, e.Args)
	case "vector":
		if len(e.Args) == 0 {
			return sc.ctorWithType(e, &types.VectorType{})
		}
		first := sc.expr(e.Args[0])
		if first.t == nil {
			return bad
		}
		return sc.ctorWithType(e, &types.VectorType{Elem: first.t})
	case "set", "table":
		if len(e.Args) == 0 {
			if e.Kind == "set" {
				return sc.ctorWithType(e, &types.TableType{})
			}
			return sc.ctorWithType(e, &types.TableType{Yield: types.VoidType})
		}
		t := sc.elemTableType(e.Kind == "set", e.Args[0])
		if t == nil {
			return bad
		}
		return sc.ctorWithType(e, t)
	}
	return sc.errorAt(e.Pos, "constructor not supported (%s)", e.Kind)
}

// elemTableType infers a set or table type from its first element.
func (sc *scope) elemTableType(isSet bool, first ast.Expr) *types.TableType {
	var idx []ast.Expr
	var yield ast.Expr
	if isSet {
		idx = indexList(first)
	} else {
		a, ok := first.(*ast.Assign)
		if !ok || a.Op != "=" {
			sc.in.errorAt(first.Position(), "values in table(...) constructor do not specify a table (%s)", sc.describe(first))
			return nil
		}
		idx, yield = indexList(a.X), a.Y
	}
	t := &types.TableType{}
	for _, x := range idx {
		c := sc.expr(x)
		if c.t == nil {
			return nil
		}
		t.Index = append(t.Index, c.t)
	}
	if yield != nil {
		c := sc.expr(yield)
		if c.t == nil {
			return nil
		}
		t.Yield = c.t
	}
	return t
}

// indexList returns the index expressions of a set element or table key:
// the items of "[a, b]" (unless it is a record constructor), else the
// expression alone.
func indexList(e ast.Expr) []ast.Expr {
	if l, ok := e.(*ast.ListExpr); ok && !isRecordCtor(l) {
		return l.Elems
	}
	return []ast.Expr{e}
}

// ctorWithType compiles a set, table or vector constructor building a
// container of type t, with the constructor's attributes.
func (sc *scope) ctorWithType(e *ast.Constructor, t types.Type) compiled {
	desc := func() string { return sc.describeCtor(e) }
	switch t := t.(type) {
	case *types.VectorType:
		var elems []exprFn
		for i, a := range e.Args {
			c := sc.expr(a)
			if c.t == nil {
				return bad
			}
			if t.Elem == nil {
				return sc.errorAt(e.Pos, "inconsistent types in vector constructor (%s)", desc())
			}
			fn, ok := sc.storeAs(c, t.Elem)
			if !ok && sc.typedCtor {
				sc.promotionError(c.pos, t.Elem, c.t, sc.describe(a))
				sc.errorAtAnd(c.pos, t.Elem, "type mismatch (%s and %s)", sc.describe(a), t.Elem)
				return sc.errorAt(e.Pos, "inconsistent types in vector constructor (%s)", desc())
			}
			if !ok {
				if i == 0 || e.Kind != "vector" {
					return sc.errorAt(e.Pos, "type mismatch at index %d (%s and %s)", i, desc(), sc.describe(a))
				}
				return sc.errorAt(e.Pos, "inconsistent types in vector constructor (%s)", desc())
			}
			elems = append(elems, fn)
		}
		return compiled{t: t, pos: e.Pos, fn: func(fr *Frame) value.Value {
			vec := &value.Vector{Type: t, Elems: make([]value.Value, len(elems))}
			for i, fn := range elems {
				vec.Elems[i] = fn(fr)
			}
			return value.Value{R: vec}
		}}
	case *types.TableType:
		var add []func(fr *Frame, tab *value.Table)
		for _, a := range e.Args {
			before := sc.in.nerrs
			f := sc.tableElem(a, t, e.Kind == "set", desc)
			if f == nil {
				if sc.typedCtor && sc.in.nerrs > before {
					if t.IsSet() && len(t.Index) == 1 {
						return sc.errorAt(e.Pos, "inconsistent type in set constructor (%s)", desc())
					}
					if !t.IsSet() {
						return sc.errorAt(e.Pos, "inconsistent types in table constructor (%s)", desc())
					}
				}
				return bad
			}
			add = append(add, f)
		}
		if isUnspecified(t) && len(e.Attrs) > 0 {
			return compiled{t: t, pos: e.Pos, ctorAttrs: e.Attrs, fn: func(*Frame) value.Value {
				return value.Value{R: value.NewTable(t)}
			}}
		}
		withDefault := sc.tableAttrs(e.Attrs, t)
		return compiled{t: t, pos: e.Pos, fn: func(fr *Frame) value.Value {
			tab := value.NewTable(t)
			for _, f := range add {
				f(fr, tab)
			}
			withDefault(tab)
			return value.Value{R: tab}
		}}
	}
	return sc.errorAt(e.Pos, "bad constructor type (%s)", t)
}

// typedCtorWithType is ctorWithType for a constructor given its type
// ("T(...)" with T a named type, or a set constructor checked again for
// the set it is assigned to): its elements' mismatches are reported as
// Bro's promotion check reports them, then the constructor.
func (sc *scope) typedCtorWithType(e *ast.Constructor, t types.Type) compiled {
	saved := sc.typedCtor
	sc.typedCtor = true
	defer func() { sc.typedCtor = saved }()
	return sc.ctorWithType(e, t)
}

// describeCtor renders a constructor as Bro's messages show it.
func (sc *scope) describeCtor(e *ast.Constructor) string {
	var b strings.Builder
	b.WriteString(e.Kind + "(")
	for i, a := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		if as, ok := a.(*ast.Assign); ok {
			b.WriteString(sc.describeIndexList(indexList(as.X)) + " = ")
			sc.describeTo(&b, as.Y)
			continue
		}
		sc.describeTo(&b, a)
	}
	b.WriteByte(')')
	return b.String()
}

func (sc *scope) describeIndexList(list []ast.Expr) string {
	var b strings.Builder
	for i, e := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		sc.describeTo(&b, e)
	}
	return b.String()
}

// tableElem compiles one element of a set or table constructor or brace
// initializer: "x", "[x, y]", or "[x, y] = v".
func (sc *scope) tableElem(a ast.Expr, t *types.TableType, isSet bool, desc describer) func(fr *Frame, tab *value.Table) {
	var idx []ast.Expr
	var yield exprFn
	if t.IsSet() {
		if as, ok := a.(*ast.Assign); ok {
			sc.in.errorAt(as.Pos, "not a set initialization (%s)", sc.describe(a))
			return nil
		}
		idx = indexList(a)
	} else {
		as, ok := a.(*ast.Assign)
		if !ok || as.Op != "=" {
			sc.in.errorAt(a.Position(), "not a table initialization (%s and %s)", sc.describe(a), t)
			return nil
		}
		idx = indexList(as.X)
		y := sc.expr(as.Y)
		if y.t == nil {
			return nil
		}
		fn, ok := sc.storeAs(y, t.Yield)
		if !ok {
			sc.in.errorAt(as.Pos, "type clash in table assignment (%s = %s)", sc.describeIndexList(idx), sc.describe(as.Y))
			return nil
		}
		yield = fn
	}
	if sc.inBraceInit {
		if keys, expands := sc.expandedKeys(a.Position(), idx, t); expands {
			if keys == nil {
				return nil
			}
			return func(fr *Frame, tab *value.Table) {
				var v value.Value
				if yield != nil {
					v = yield(fr)
				}
				for _, k := range keys(fr) {
					tab.Insert(k, v)
				}
			}
		}
	}
	key := sc.indexKey(a.Position(), idx, t, desc)
	if key == nil {
		return nil
	}
	return func(fr *Frame, tab *value.Table) {
		var v value.Value
		if yield != nil {
			v = yield(fr)
		}
		tab.Insert(key(fr), v)
	}
}

// expandedKeys compiles an index of a set or table initializer in which
// some parts are lists ("[a, b]") or sets of the index type where a
// single value is wanted: as Bro's initialization expands them, the
// element is inserted under every combination of their members. It
// checks the parts as indexKey does; expands is false only when the
// index has the wrong number of parts, left to indexKey to report; keys
// is nil after an error.
func (sc *scope) expandedKeys(pos ast.Pos, idx []ast.Expr, t *types.TableType) (keys func(fr *Frame) [][]value.Value, expands bool) {
	if len(idx) != len(t.Index) {
		return nil, false
	}
	type part struct {
		one  exprFn   // a single value
		list []exprFn // the members of a list
		set  exprFn   // a set whose members stand here
	}
	parts := make([]part, len(idx))
	for i, x := range idx {
		want := t.Index[i]
		if l, ok := x.(*ast.ListExpr); ok && !isRecordCtor(l) {
			expands = true
			for _, e := range l.Elems {
				c := sc.expr(e)
				if c.t == nil {
					return nil, true
				}
				fn, ok := sc.coerce(c, want)
				if !ok {
					sc.errorAtAnd(c.pos, want, "type mismatch (%s and %s)", sc.describe(e), want)
					return nil, true
				}
				parts[i].list = append(parts[i].list, fn)
			}
			continue
		}
		c := sc.expr(x)
		if c.t == nil {
			return nil, true
		}
		if st, ok := c.t.(*types.TableType); ok && st.IsSet() && len(st.Index) == 1 && want.Kind() != types.Table && sameType(st.Index[0], want) {
			expands = true
			parts[i].set = c.fn
			continue
		}
		fn, ok := sc.coerce(c, want)
		if !ok && len(idx) == 1 && c.t.Kind() == types.Addr && want.Kind() == types.Subnet {
			fn, ok = hostSubnet(c.fn), true
		}
		if !ok {
			sc.errorAtAnd(c.pos, want, "type mismatch (%s and %s)", sc.describe(x), want)
			return nil, true
		}
		parts[i].one = fn
	}
	if !expands {
		// Each part compiled once, as indexKey would have.
		fns := make([]exprFn, len(parts))
		for i, p := range parts {
			fns[i] = p.one
		}
		key := keyFrom(fns)
		return func(fr *Frame) [][]value.Value { return [][]value.Value{key(fr)} }, true
	}
	return func(fr *Frame) [][]value.Value {
		out := [][]value.Value{nil}
		for _, p := range parts {
			var vals []value.Value
			switch {
			case p.one != nil:
				vals = []value.Value{p.one(fr)}
			case p.set != nil:
				if s, ok := p.set(fr).R.(*value.Table); ok {
					s.Each(func(e *value.Entry) bool {
						vals = append(vals, e.Key[0])
						return true
					})
				}
			default:
				for _, fn := range p.list {
					vals = append(vals, fn(fr))
				}
			}
			next := make([][]value.Value, 0, len(out)*len(vals))
			for _, k := range out {
				for _, v := range vals {
					nk := make([]value.Value, len(k), len(k)+1)
					copy(nk, k)
					next = append(next, append(nk, v))
				}
			}
			out = next
		}
		return out
	}, true
}

// indexKey compiles index expressions against a table's index types,
// with the arithmetic promotions Bro allows. It returns nil after
// reporting a mismatch.
func (sc *scope) indexKey(pos ast.Pos, idx []ast.Expr, t *types.TableType, desc describer) func(fr *Frame) []value.Value {
	fns := sc.indexKeyFns(pos, idx, t, desc)
	if fns == nil {
		return nil
	}
	return keyFrom(fns)
}

// keyFrom returns code computing a key from its values' code.
func keyFrom(fns []exprFn) func(fr *Frame) []value.Value {
	if len(fns) == 1 {
		fn := fns[0]
		return func(fr *Frame) []value.Value { return []value.Value{fn(fr)} }
	}
	return func(fr *Frame) []value.Value {
		key := make([]value.Value, len(fns))
		for i, fn := range fns {
			key[i] = fn(fr)
		}
		return key
	}
}

// indexKeyFns checks an index against a table's index types and
// compiles each of its values; nil if it has errors.
func (sc *scope) indexKeyFns(pos ast.Pos, idx []ast.Expr, t *types.TableType, desc describer) []exprFn {
	if len(idx) != len(t.Index) {
		sc.in.errorAt(pos, "index mismatch (%s and %s)", desc(), t)
		return nil
	}
	fns := make([]exprFn, len(idx))
	for i, x := range idx {
		c := sc.expr(x)
		if c.t == nil {
			return nil
		}
		fn, ok := sc.coerce(c, t.Index[i])
		if !ok && len(idx) == 1 && c.t.Kind() == types.Addr && t.Index[0].Kind() == types.Subnet {
			// A table indexed by subnets takes an address too, as
			// the subnet holding just that address.
			fn, ok = hostSubnet(c.fn), true
		}
		if !ok && sc.typedCtor {
			// Bro's promotion check speaks first; a table's
			// constructor then only calls its types inconsistent.
			sc.promotionError(c.pos, t.Index[i], c.t, sc.describe(x))
			if !t.IsSet() {
				return nil
			}
		}
		if !ok {
			sc.errorAtAnd(c.pos, t.Index[i], "type mismatch (%s and %s)", sc.describe(x), t.Index[i])
			return nil
		}
		if mayHoldItself(t.Index[i], nil) {
			fn = refuseSelfHolding(fn, pos, desc)
		}
		fns[i] = fn
	}
	return fns
}

// mayHoldItself reports whether a value of type t can hold itself: only
// if t's type graph reaches "any" or comes back to a type on the way
// (type S: record { next: S &optional; }). A conn_id, say, cannot, and
// its keys need no check. outer are the types on the way to t.
func mayHoldItself(t types.Type, outer []types.Type) bool {
	for _, o := range outer {
		if o == t {
			return true
		}
	}
	outer = append(outer, t)
	switch t := t.(type) {
	case *types.RecordType:
		for _, f := range t.Fields {
			if mayHoldItself(f.Type, outer) {
				return true
			}
		}
	case *types.VectorType:
		return t.Elem != nil && mayHoldItself(t.Elem, outer)
	case *types.TableType:
		for _, it := range t.Index {
			if mayHoldItself(it, outer) {
				return true
			}
		}
		return t.Yield != nil && mayHoldItself(t.Yield, outer)
	default:
		return t != nil && t.Kind() == types.Any
	}
	return false
}

// refuseSelfHolding wraps the code of a record or vector index value so
// that a value holding itself, which has no finite key, is a run-time
// error rather than a key computed without end.
func refuseSelfHolding(fn exprFn, pos ast.Pos, desc describer) exprFn {
	return func(fr *Frame) value.Value {
		v := fn(fr)
		if value.HoldsItself(v) {
			fail(pos, desc, "index value holds itself")
		}
		return v
	}
}

// braceInit compiles "{ ... }" initializing a variable of type t: the
// elements of a set, the "[k] = v" entries of a table, the elements of a
// vector.
func (sc *scope) braceInit(init *ast.Init, t types.Type) compiled {
	switch t := t.(type) {
	case *types.TableType:
		kind := "table"
		if t.IsSet() {
			kind = "set"
		}
		saved := sc.inBraceInit
		sc.inBraceInit = true
		c := sc.ctorWithType(&ast.Constructor{Pos: init.Pos, Kind: kind, Args: init.Elems}, t)
		sc.inBraceInit = saved
		return c
	case *types.VectorType:
		return sc.ctorWithType(&ast.Constructor{Pos: init.Pos, Kind: "{", Args: init.Elems}, t)
	case nil:
		if len(init.Elems) == 0 {
			return sc.errorAt(init.Pos, "empty list in untyped initialization")
		}
		// Untyped: the elements say whether it is a set or a table.
		isSet := true
		if a, ok := init.Elems[0].(*ast.Assign); ok && a.Op == "=" {
			isSet = false
		}
		tt := sc.elemTableType(isSet, init.Elems[0])
		if tt == nil {
			return bad
		}
		return sc.braceInit(init, tt)
	}
	return sc.errorAt(init.Pos, "aggregate initializer for scalar type (%s)", t)
}

// tableDefault compiles the &default among attrs for a table of type t,
// returning what installs it on a table value (nothing if there is no
// &default). A function default receives the missing index.
func (sc *scope) tableDefault(attrs []*ast.Attr, t types.Type) func(*value.Table) {
	none := func(*value.Table) {}
	tt, ok := t.(*types.TableType)
	if !ok {
		return none
	}
	for ai, a := range attrs {
		if a.Name != "&default" || a.Value == nil {
			continue
		}
		// Bro checks each attribute as it adds it to the list, and
		// its messages show the list so far.
		attrDesc := sc.describeAttrs(attrs[:ai+1])
		if tt.IsSet() {
			sc.in.errorAt(a.Pos, "&default is not valid for sets")
			return none
		}
		dsc := newScope(sc.in, sc.module, nil)
		c := dsc.expr(a.Value)
		if c.t == nil {
			return none
		}
		in := sc.in
		if ft, ok := c.t.(*types.FuncType); ok && tt.Yield.Kind() != types.Func {
			if ft.Flavor != types.FlavorFunction || len(ft.Params) != len(tt.Index) || ft.Result == nil || !sameType(ft.Result, tt.Yield) {
				sc.in.errorAt(a.Pos, "&default function type clash (%s)", attrDesc)
				return none
			}
			pos := a.Pos
			frame := dsc.framer()
			return func(tab *value.Table) {
				f, ok := c.fn(frame()).R.(*Func)
				if !ok {
					return
				}
				tab.Default = func(key []value.Value) value.Value {
					return f.invoke(in, key, nil, pos)
				}
			}
		}
		fn, ok := dsc.coerce(c, tt.Yield)
		if !ok {
			if c.t.Kind() != types.Record || tt.Yield.Kind() != types.Record {
				sc.promotionError(a.Value.Position(), tt.Yield, c.t, sc.describe(a.Value))
			}
			sc.in.errorAt(a.Pos, "&default value has inconsistent type 2 (%s)", attrDesc)
			return none
		}
		frame := dsc.framer()
		konst := c.konst
		return func(tab *value.Table) {
			// As Bro's TableVal::Default: the expression is evaluated
			// once for the table, at the first lookup that needs it;
			// each lookup then gets that value where it is a literal,
			// else a copy of it.
			var first value.Value
			evaluated := false
			tab.Default = func([]value.Value) value.Value {
				if !evaluated {
					first, evaluated = fn(frame()), true
				}
				if konst {
					return first
				}
				return cloneOf(first)
			}
		}
	}
	return none
}

// tableIndex compiles "t[i, j]" on a table: a missing index yields the
// table's &default, else it is an error.
func (sc *scope) tableIndex(ix *ast.Index, x compiled, t *types.TableType) compiled {
	if t.IsSet() {
		return sc.errorAt(ix.Pos, "can't index a set (%s)", sc.describe(ix))
	}
	pos, desc := ix.Pos, sc.describer(ix)
	fns := sc.indexKeyFns(pos, ix.Indices, t, desc)
	if fns == nil {
		return bad
	}
	sc.mayFailSoftly()
	if t.Yield != nil && t.Yield.Kind() == types.Any {
		// The table may be one whose yields have a type of their own,
		// seen as any through this type (Bro's same_type lets any
		// match): its values are made anys when read, and must have
		// its own type when written.
		c := sc.tableIndexOf(ix, x, t, fns)
		read, write := c.fn, c.set
		c.fn = func(fr *Frame) value.Value {
			return toAnyElem(read(fr), asTable(x.fn(fr), pos, desc).Type.Yield)
		}
		c.set = func(fr *Frame, v value.Value) {
			write(fr, fromAnyElem(v, asTable(x.fn(fr), pos, desc).Type.Yield, pos, desc, "table"))
		}
		return c
	}
	return sc.tableIndexOf(ix, x, t, fns)
}

// tableIndexOf is tableIndex once the index is checked.
func (sc *scope) tableIndexOf(ix *ast.Index, x compiled, t *types.TableType, fns []exprFn) compiled {
	pos, desc := ix.Pos, sc.describer(ix)
	if len(fns) == 1 {
		// One index value: the key lives on the stack unless a
		// &default needs it.
		k0 := fns[0]
		return compiled{
			t:   t.Yield,
			pos: pos,
			fn: func(fr *Frame) value.Value {
				tab := asTable(x.fn(fr), pos, desc)
				k := [1]value.Value{k0(fr)}
				v, ok := tab.LookupBest(k[:])
				if !ok {
					if tab.Default != nil {
						return tab.Default([]value.Value{k[0]})
					}
					softFail(pos, desc, "no such index")
				}
				return v
			},
			set: func(fr *Frame, v value.Value) {
				tab := asTable(x.fn(fr), pos, desc)
				k := [1]value.Value{k0(fr)}
				tab.Insert(k[:], v)
			},
		}
	}
	key := keyFrom(fns)
	return compiled{
		t:   t.Yield,
		pos: pos,
		fn: func(fr *Frame) value.Value {
			tab := asTable(x.fn(fr), pos, desc)
			k := key(fr)
			v, ok := tab.LookupBest(k)
			if !ok {
				if tab.Default != nil {
					return tab.Default(k)
				}
				softFail(pos, desc, "no such index")
			}
			return v
		},
		set: func(fr *Frame, v value.Value) { asTable(x.fn(fr), pos, desc).Insert(key(fr), v) },
	}
}

// vectorIndex compiles "v[i]". Reading a hole or past the end is an
// error; writing past the end grows the vector, leaving holes.
func (sc *scope) vectorIndex(ix *ast.Index, x compiled, t *types.VectorType) compiled {
	pos, desc := ix.Pos, sc.describer(ix)
	if len(ix.Indices) != 1 {
		return sc.errorAt(pos, "not an index type (%s)", sc.describe(ix))
	}
	if t.Elem == nil {
		// vector() with nothing to give it a type: Bro 2.6 types it
		// "vector of void", whose elements cannot be used.
		return sc.errorAt(pos, "vector of unspecified type cannot be indexed (%s)", sc.describe(ix))
	}
	k := sc.expr(ix.Indices[0])
	if k.t == nil {
		return bad
	}
	if kk := k.t.Kind(); kk != types.Count && kk != types.Int && kk != types.Counter {
		return sc.errorAt(pos, "not an index type (%s)", sc.describe(ix))
	}
	sc.mayFailSoftly()
	anyView := t.Elem.Kind() == types.Any
	return compiled{
		t:   t.Elem,
		pos: pos,
		fn: func(fr *Frame) value.Value {
			vec := asVector(x.fn(fr), pos, desc)
			i := k.fn(fr).AsCount()
			if i >= uint64(len(vec.Elems)) || vec.Elems[i].IsUnset() {
				softFail(pos, desc, "no such index")
			}
			if anyView && vec.Type != nil {
				return toAnyElem(vec.Elems[i], vec.Type.Elem)
			}
			return vec.Elems[i]
		},
		set: func(fr *Frame, v value.Value) {
			vec := asVector(x.fn(fr), pos, desc)
			if anyView && vec.Type != nil {
				v = fromAnyElem(v, vec.Type.Elem, pos, desc, "vector")
			}
			i := k.fn(fr).AsCount()
			if n := uint64(len(vec.Elems)); i >= n && (i-n > MaxVectorHole || !GrowVector(vec, i+1)) {
				fail(pos, desc, "vector index assignment leaves too large a hole")
			}
			vec.Elems[i] = v
		},
	}
}

// listMembership compiles "[a, b] in t" and "[a, b] !in t".
func (sc *scope) listMembership(b *ast.Binary, l *ast.ListExpr) compiled {
	y := sc.expr(b.Y)
	if y.t == nil {
		return bad
	}
	tt, ok := y.t.(*types.TableType)
	if !ok {
		return sc.errorAt(b.Pos, "not an index type (%s)", sc.describe(b))
	}
	key := sc.indexKey(b.Pos, l.Elems, tt, sc.describer(b))
	if key == nil {
		return bad
	}
	negate := b.Op == "!in"
	pos, desc := b.Pos, sc.describer(b.Y)
	return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value {
		_, found := asTable(y.fn(fr), pos, desc).LookupBest(key(fr))
		return value.Bool(found != negate)
	}}
}

// tableMembership compiles "x in t" for a single index. On a table
// indexed by subnets, an address or a subnet is in it when a subnet of
// the table holds it (Bro's longest-prefix lookup).
func (sc *scope) tableMembership(b *ast.Binary, x, y compiled, tt *types.TableType) compiled {
	if len(tt.Index) != 1 {
		return sc.errorAt(b.Pos, "not an index type (%s)", sc.describe(b))
	}
	fn, ok := sc.coerce(x, tt.Index[0])
	if !ok && x.t.Kind() == types.Addr && tt.Index[0].Kind() == types.Subnet {
		fn, ok = hostSubnet(x.fn), true
	}
	if !ok {
		return sc.errorAt(b.Pos, "not an index type (%s)", sc.describe(b))
	}
	negate := b.Op == "!in"
	pos, desc := b.Pos, sc.describer(b.Y)
	return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value {
		_, found := asTable(y.fn(fr), pos, desc).LookupBest([]value.Value{fn(fr)})
		return value.Bool(found != negate)
	}}
}

// hostSubnet turns an address into the subnet of that address alone
// (/32 or /128), as a table indexed by subnets takes it.
func hostSubnet(fn exprFn) exprFn {
	return func(fr *Frame) value.Value {
		a := fn(fr).AsAddr().Unmap()
		p, _ := a.Prefix(a.BitLen())
		return value.Subnet(p)
	}
}

// vectorMembership compiles "i in v": whether v has an element at i.
func (sc *scope) vectorMembership(b *ast.Binary, x, y compiled) compiled {
	if k := x.t.Kind(); k != types.Count && k != types.Int && k != types.Counter {
		return sc.errorAt(b.Pos, "not an index type (%s)", sc.describe(b))
	}
	negate := b.Op == "!in"
	pos, desc := b.Pos, sc.describer(b.Y)
	return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value {
		vec := asVector(y.fn(fr), pos, desc)
		i := x.fn(fr).AsCount()
		found := i < uint64(len(vec.Elems)) && !vec.Elems[i].IsUnset()
		return value.Bool(found != negate)
	}}
}

// addStmt compiles "add s[x]".
func (sc *scope) addStmt(s *ast.AddStmt) stmtFn {
	ix, ok := s.Expr.(*ast.Index)
	if !ok {
		sc.in.errorAt(s.Pos, "illegal add statement (add %s)", sc.describe(s.Expr))
		return nil
	}
	x := sc.expr(ix.X)
	if x.t == nil {
		return nil
	}
	tt, ok := x.t.(*types.TableType)
	if !ok || !tt.IsSet() {
		sc.in.errorAt(s.Pos, "illegal add statement (add %s)", sc.describe(s.Expr))
		return nil
	}
	key := sc.indexKey(ix.Pos, ix.Indices, tt, sc.describer(ix))
	if key == nil {
		return nil
	}
	pos, desc := ix.Pos, sc.describer(ix.X)
	return func(fr *Frame) flow {
		asTable(x.fn(fr), pos, desc).Insert(key(fr), value.Value{})
		return flowNormal
	}
}

// deleteStmt compiles "delete t[x]", "delete s[x]" and "delete r$f".
func (sc *scope) deleteStmt(s *ast.DeleteStmt) stmtFn {
	switch e := s.Expr.(type) {
	case *ast.FieldExpr:
		return sc.deleteField(s, e)
	case *ast.Index:
		x := sc.expr(e.X)
		if x.t == nil {
			return nil
		}
		tt, ok := x.t.(*types.TableType)
		if !ok {
			break
		}
		key := sc.indexKey(e.Pos, e.Indices, tt, sc.describer(e))
		if key == nil {
			return nil
		}
		pos, desc := e.Pos, sc.describer(e.X)
		return func(fr *Frame) flow {
			asTable(x.fn(fr), pos, desc).Delete(key(fr))
			return flowNormal
		}
	}
	sc.in.errorAt(s.Pos, "illegal delete statement (delete %s)", sc.describe(s.Expr))
	return nil
}

// copyExpr compiles "copy(x)": a deep copy of records, tables and
// vectors. Other values are immutable; the copy is a value of its own
// all the same, as Bro 2.6 clones every value (see deepCopy).
func (sc *scope) copyExpr(e *ast.CopyExpr) compiled {
	x := sc.expr(e.X)
	if x.t == nil {
		return bad
	}
	return compiled{t: x.t, pos: e.Pos, fn: func(fr *Frame) value.Value {
		return cloneOf(x.fn(fr))
	}}
}

// cloneOf returns a copy of v, as deepCopy makes it.
func cloneOf(v value.Value) value.Value {
	switch v.R.(type) {
	case *value.Record, *value.Table, *value.Vector, *value.Any:
		return deepCopy(v, map[any]any{})
	}
	return deepCopy(v, nil) // nothing to remember
}

// deepCopy copies v and everything it holds; seen maps containers
// already copied to their copies, so that shared parts stay shared and
// cycles end.
func deepCopy(v value.Value, seen map[any]any) value.Value {
	switch c := v.R.(type) {
	case *value.Record:
		if done, ok := seen[c]; ok {
			return value.Value{R: done}
		}
		out := &value.Record{Type: c.Type, Fields: make([]value.Value, len(c.Fields))}
		seen[c] = out
		for i, f := range c.Fields {
			out.Fields[i] = deepCopy(f, seen)
		}
		return value.Value{R: out}
	case *value.Vector:
		if done, ok := seen[c]; ok {
			return value.Value{R: done}
		}
		out := &value.Vector{Type: c.Type, Elems: make([]value.Value, len(c.Elems))}
		seen[c] = out
		for i, e := range c.Elems {
			out.Elems[i] = deepCopy(e, seen)
		}
		return value.Value{R: out}
	case *value.Table:
		if done, ok := seen[c]; ok {
			return value.Value{R: done}
		}
		out := value.NewTable(c.Type)
		out.Default = c.Default
		seen[c] = out
		c.Each(func(e *value.Entry) bool {
			key := make([]value.Value, len(e.Key))
			for i, k := range e.Key {
				key[i] = deepCopy(k, seen)
			}
			out.Insert(key, deepCopy(e.Yield, seen))
			return true
		})
		return value.Value{R: out}
	case *value.Any:
		return value.Value{R: &value.Any{Type: c.Type, Value: deepCopy(c.Value, seen)}}
	case string:
		// A value of its own for same_object, which compares a
		// string's bytes by where they are.
		return value.String(strings.Clone(c))
	case netip.Addr:
		// Boxed anew, as where an address is made.
		return value.Addr(c)
	case netip.Prefix:
		return value.Subnet(c)
	}
	return v.WithoutIdent()
}

// describeAttrs renders attributes as Bro's messages show an attribute
// list: "&name=expr" items joined by ", ".
func (sc *scope) describeAttrs(attrs []*ast.Attr) string {
	s := ""
	for i, a := range attrs {
		if i > 0 {
			s += ", "
		}
		s += a.Name
		if a.Value != nil {
			s += "=" + sc.describe(a.Value)
		}
	}
	return s
}

// quietly runs f with the reporting of errors and warnings turned off,
// for checks whose own messages would not be Bro's; it reports whether
// f met errors.
func (sc *scope) quietly(f func()) (failed bool) {
	in := sc.in
	savedOut, savedErrs := in.errOut, in.nerrs
	in.errOut = io.Discard
	defer func() { in.errOut, in.nerrs = savedOut, savedErrs }()
	f()
	return in.nerrs > savedErrs
}

// initCtor compiles the initializer of a global of set, table or vector
// type t that is an anonymous "set(...)", "table(...)" or "vector(...)"
// of another type, as Bro's initialization does: a set's or vector's
// element values are promoted to the element type, and the first that
// cannot be is reported with its index; a table's go as initTableCtor
// says. handled is false for any other initializer.
func (sc *scope) initCtor(init compiled, t types.Type) (fn exprFn, ok, handled bool) {
	e := ast.Unparen(init.src)
	ctor, isCtor := e.(*ast.Constructor)
	if !isCtor || len(ctor.Args) == 0 || sameType(init.t, t) {
		return nil, false, false
	}
	var want types.Type
	switch tt := t.(type) {
	case *types.TableType:
		if ctor.Kind == "table" && !tt.IsSet() {
			return sc.initTableCtor(ctor, tt)
		}
		if ctor.Kind != "set" || !tt.IsSet() || len(tt.Index) != 1 {
			return nil, false, false
		}
		want = tt.Index[0]
	case *types.VectorType:
		if ctor.Kind != "vector" {
			return nil, false, false
		}
		want = tt.Elem
	default:
		return nil, false, false
	}
	desc := sc.describeCtor(ctor)
	for i, a := range ctor.Args {
		var c compiled
		var fits bool
		sc.quietly(func() {
			c = sc.expr(a)
			if c.t != nil {
				_, fits = sc.coerce(c, want)
			}
		})
		if c.t == nil || fits {
			continue
		}
		sc.promotionError(c.pos, want, c.t, sc.renderOr(c, a))
		if ctor.Kind == "set" {
			sc.in.errorAt(ctor.Pos, "initialization type mismatch in set (%s and %s)", desc, sc.describe(a))
		} else {
			sc.in.errorAt(ctor.Pos, "initialization type mismatch at index %d (%s and %s)", i, desc, sc.describe(a))
		}
		return nil, false, true
	}
	var r compiled
	if sc.quietly(func() { r = sc.typedCtorWithType(ctor, t) }) || r.t == nil {
		return nil, false, false
	}
	return r.fn, true, true
}

// initTableCtor compiles an anonymous "table(...)" initializing a global
// of another table type t, as Bro's make_var does: it checks nothing
// up front, but evaluates each element into a table of type t. A yield
// is promoted to t's yield type; an index goes in wherever its values
// hash as t's index types would, that is when each has the same
// internal representation (a count can key a table of ports). Any other
// index is reported as the table's hash rejects it, and the element is
// left out. handled is false when an element is not "[...] = v", left
// to the general check.
func (sc *scope) initTableCtor(ctor *ast.Constructor, t *types.TableType) (fn exprFn, ok, handled bool) {
	type element struct {
		key   func(fr *Frame) []value.Value
		yield exprFn
	}
	elems := make([]element, 0, len(ctor.Args))
	failed := false
	for _, a := range ctor.Args {
		as, isAssign := a.(*ast.Assign)
		if !isAssign || as.Op != "=" {
			return nil, false, false
		}
		idx := indexList(as.X)
		var parts []compiled
		var y compiled
		if sc.quietly(func() {
			for _, x := range idx {
				parts = append(parts, sc.expr(x))
			}
			y = sc.expr(as.Y)
		}) {
			return nil, false, false
		}
		yield, fits := sc.storeAs(y, t.Yield)
		if !fits {
			sc.promotionError(y.pos, t.Yield, y.t, sc.renderOr(y, as.Y))
			failed = true
			continue
		}
		fns := hashedKeyFns(parts, t.Index)
		if fns == nil {
			sc.in.errorIn(posLoc(ctor.Pos), posLoc(sc.in.indexPos[t]),
				"index type doesn't match table (%s and %s)", sc.renderParts(parts, idx), indexListText(t.Index))
			sc.in.errorAt(as.Pos, "type clash in table assignment (%s = %s)", sc.describeIndexList(idx), sc.describe(as.Y))
			failed = true
			continue
		}
		elems = append(elems, element{keyFrom(fns), yield})
	}
	if failed {
		return nil, false, true
	}
	// The constructor's attributes are the global's too (make_var).
	withAttrs := sc.tableAttrs(ctor.Attrs, t)
	return func(fr *Frame) value.Value {
		tab := value.NewTable(t)
		for _, e := range elems {
			tab.Insert(e.key(fr), e.yield(fr))
		}
		withAttrs(tab)
		return value.Value{R: tab}
	}, true, true
}

// hashedKeyFns returns code computing the index values parts stand for
// in a table indexed by want, or nil if Bro's table hash would refuse
// them: a different number of values, or a value whose internal
// representation differs from its index type's. Values of another type
// with the same representation are taken as the index type reads them.
func hashedKeyFns(parts []compiled, want []types.Type) []exprFn {
	if len(parts) != len(want) {
		return nil
	}
	fns := make([]exprFn, len(parts))
	for i, c := range parts {
		from, to := c.t, want[i]
		switch {
		case sameType(from, to):
			fns[i] = c.fn
		case types.Internal(from) != types.Internal(to) || types.Internal(to) == types.InternalOther:
			return nil
		case to.Kind() == types.Port:
			fns[i] = countAsPort(c.fn)
		case from.Kind() == types.Port:
			fns[i] = portAsCount(c.fn)
		default:
			fns[i] = c.fn // the same bits in N
		}
	}
	return fns
}

// countAsPort reads a count as the port Bro keeps as that number.
func countAsPort(fn exprFn) exprFn {
	return func(fr *Frame) value.Value { return value.PortFromWord(fn(fr).N) }
}

// portAsCount gives the number Bro keeps for a port, as a count.
func portAsCount(fn exprFn) exprFn {
	return func(fr *Frame) value.Value { return value.Count(fn(fr).PortWord()) }
}

// renderParts renders the values of an index (exprs being their
// expressions) as Bro describes a list of values: "3, foo".
func (sc *scope) renderParts(parts []compiled, exprs []ast.Expr) string {
	out := make([]string, len(parts))
	for i, c := range parts {
		out[i] = sc.renderOr(c, exprs[i])
	}
	return strings.Join(out, ", ")
}

// renderOr renders the value of c, evaluated now (at a global's
// initialization, as Bro's messages there show values), or describes
// its expression e where the evaluation fails.
func (sc *scope) renderOr(c compiled, e ast.Expr) string {
	if v, ok := sc.in.protect(func() value.Value { return c.fn(sc.frame()) }); ok {
		return value.Render(v, c.t)
	}
	return sc.describe(e)
}

// indexListText describes a table's index types as Bro describes their
// type list: one type when all are the same ("list of port"), else
// each ("list of port,count").
func indexListText(index []types.Type) string {
	for _, t := range index[1:] {
		if !sameType(t, index[0]) {
			return (&types.ListType{Types: index}).String()
		}
	}
	return (&types.ListType{Types: index[:1]}).String()
}
