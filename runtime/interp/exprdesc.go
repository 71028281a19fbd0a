package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Expression kinds in the order of Bro 2.6's expression tags. The order
// matters: comparisons and products put the operand of the later kind
// first, as Bro's constructors canonicalize them.
const (
	tagName = iota
	tagConst
	tagClone
	tagIncr
	tagDecr
	tagNot
	tagComplement
	tagPositive
	tagNegate
	tagAdd
	tagSub
	tagAddTo
	tagRemoveFrom
	tagTimes
	tagDivide
	tagMod
	tagBitAnd
	tagBitOr
	tagBitXor
	tagAndAnd
	tagOrOr
	tagLT
	tagLE
	tagEQ
	tagNE
	tagGE
	tagGT
	tagCond
	tagRef
	tagAssign
	tagIndex
	tagField
	tagHasField
	tagRecordCtor
	tagTableCtor
	tagSetCtor
	tagVectorCtor
	tagFieldAssign
	tagIn
	tagList
	tagCall
	tagEvent
	tagSchedule
	tagArithCoerce
	tagRecordCoerce
	tagTableCoerce
	tagVectorCoerce
	tagSize
	tagCast
	tagIs
)

// dnode is an expression as Bro's tree holds it after construction, with
// its coercions and reordered operands, ready to be written.
type dnode struct {
	tag   int
	paren bool
	// t is the static type; when nil and src is set, it is computed on
	// first use.
	t     types.Type
	src   ast.Expr
	tdone bool
	konst bool        // a literal (Bro's ConstExpr)
	val   value.Value // its value
	elems []*dnode    // the elements of a list
	write func()
}

// typ returns n's static type, or nil if unknown.
func (w *bodyWriter) typ(n *dnode) types.Type {
	if n.t == nil && !n.tdone && n.src != nil {
		n.t = w.typeOf(n.src)
		n.tdone = true
	}
	return n.t
}

// out writes n, in parentheses when the source had them around it.
func (w *bodyWriter) out(n *dnode) {
	if n.paren {
		w.d.Add("(")
	}
	n.write()
	if n.paren {
		w.d.Add(")")
	}
}

// list writes nodes separated by ", ", as Bro's ListExpr does.
// valueOf compiles a constant expression quietly (it was checked
// already) and returns its value and type; the type is nil if it fails.
func (w *bodyWriter) valueOf(compile func() compiled) (v value.Value, t types.Type) {
	t = w.sc.silently(func() types.Type {
		c := compile()
		if c.t != nil {
			v = c.fn(nil)
		}
		return c.t
	})
	return v, t
}

// enclosed writes nodes as list does, between open and close.
func (w *bodyWriter) enclosed(open string, nodes []*dnode, close string) {
	w.d.Add(open)
	w.list(nodes)
	w.d.Add(close)
}

func (w *bodyWriter) list(nodes []*dnode) {
	for i, n := range nodes {
		if i > 0 {
			w.d.Add(", ")
		}
		w.out(n)
	}
}

// build turns a source expression into the node Bro would have built.
func (w *bodyWriter) build(e ast.Expr) *dnode {
	d := w.d
	switch e := e.(type) {
	case *ast.Paren:
		n := w.build(e.X)
		n.paren = true
		return n
	case *ast.Name:
		name := w.sc.describeName(e.Name)
		return &dnode{tag: tagName, src: e, write: func() { d.Add(name) }}
	case *ast.Const:
		v, t := w.valueOf(func() compiled { return w.sc.constant(e) })
		if t == nil {
			text := e.Text
			return &dnode{tag: tagConst, write: func() { d.Add(text) }}
		}
		return &dnode{tag: tagConst, t: t, konst: true, val: v, write: func() { d.AddValue(v, t) }}
	case *ast.FuncLit:
		v, t := w.valueOf(func() compiled { return w.sc.funcLit(e) })
		return &dnode{tag: tagConst, t: t, konst: true, val: v, write: func() { d.AddValue(v, t) }}
	case *ast.Unary:
		return w.unary(e)
	case *ast.Binary:
		return w.binary(e)
	case *ast.Assign:
		lhs := w.build(e.X)
		rhs := w.build(e.Y)
		return w.assignNode(lhs, rhs, e.Op)
	case *ast.LocalExpr:
		name := fullName(w.sc.module, e.Name)
		rhs := w.build(e.Value)
		lhs := &dnode{tag: tagName, t: w.typ(rhs), write: func() { d.Add(name) }}
		return w.binaryNode(tagAssign, "=", lhs, rhs, w.typ(rhs))
	case *ast.Cond:
		return w.cond(e)
	case *ast.Call:
		return w.call(e)
	case *ast.HookCall:
		n := w.build(e.Call)
		n.src = e
		return n
	case *ast.Index:
		x := w.build(e.X)
		idx := make([]*dnode, len(e.Indices))
		for i, ix := range e.Indices {
			idx[i] = w.build(ix)
		}
		return w.index(e, x, idx)
	case *ast.Slice:
		return w.slice(e)
	case *ast.FieldExpr:
		x := w.build(e.X)
		name := e.Name
		return &dnode{tag: tagField, src: e, write: func() {
			w.out(x)
			d.Add("$")
			d.Add(name)
		}}
	case *ast.HasField:
		x := w.build(e.X)
		name := e.Name
		return &dnode{tag: tagHasField, t: types.BoolType, write: func() {
			w.out(x)
			d.Add("?$")
			d.Add(name)
		}}
	case *ast.FieldAssign:
		x := w.build(e.Value)
		name := e.Name
		return &dnode{tag: tagFieldAssign, t: w.typ(x), write: func() {
			d.Add("$")
			d.Add(name)
			d.Add("=")
			w.out(x)
		}}
	case *ast.Size:
		return w.prefix(tagSize, "sizeof", w.build(e.X), types.CountType)
	case *ast.CopyExpr:
		x := w.build(e.X)
		return w.prefix(tagClone, "(*)", x, nil)
	case *ast.Cast:
		x := w.build(e.X)
		t := w.sc.silently(func() types.Type { return w.sc.resolveType(e.Type) })
		text := types.Describe(t)
		return &dnode{tag: tagCast, t: t, write: func() {
			w.out(x)
			d.Add(" as ")
			d.Add(text)
		}}
	case *ast.TypeTest:
		x := w.build(e.X)
		t := w.sc.silently(func() types.Type { return w.sc.resolveType(e.Type) })
		text := types.Describe(t)
		return &dnode{tag: tagIs, t: types.BoolType, write: func() {
			w.out(x)
			d.Add(" is ")
			d.Add(text)
		}}
	case *ast.ListExpr:
		if isRecordCtor(e) {
			return w.recordCtor(e.Elems)
		}
		elems := make([]*dnode, len(e.Elems))
		for i, x := range e.Elems {
			elems[i] = w.build(x)
		}
		n := &dnode{tag: tagList, elems: elems}
		n.write = func() { w.list(n.elems) }
		return n
	case *ast.Constructor:
		return w.constructor(e, nil)
	case *ast.Schedule:
		when := w.build(e.When)
		ev := w.event(e.Event)
		return &dnode{tag: tagSchedule, src: e, write: func() {
			d.Add("schedule")
			d.SP()
			w.out(when)
			d.SP()
			d.Add("{")
			d.PushIndent()
			w.out(ev)
			d.PopIndent()
			d.Add("}")
		}}
	}
	return &dnode{tag: tagConst, write: func() { d.Add("<expression>") }}
}

// prefix builds an expression Bro writes as its operator's name followed
// directly by its operand.
func (w *bodyWriter) prefix(tag int, name string, x *dnode, t types.Type) *dnode {
	d := w.d
	return &dnode{tag: tag, t: t, write: func() {
		d.Add(name)
		w.out(x)
	}}
}

func (w *bodyWriter) unary(e *ast.Unary) *dnode {
	x := w.build(e.X)
	tag := map[string]int{"!": tagNot, "~": tagComplement, "+": tagPositive, "-": tagNegate, "++": tagIncr, "--": tagDecr}[e.Op]
	n := w.prefix(tag, e.Op, x, nil)
	n.src = e
	return n
}

// binaryNode builds "x op y" with its operands as given.
func (w *bodyWriter) binaryNode(tag int, op string, x, y *dnode, t types.Type) *dnode {
	d := w.d
	return &dnode{tag: tag, t: t, write: func() {
		w.out(x)
		d.SP()
		d.Add(op)
		d.SP()
		w.out(y)
	}}
}

// kindOf returns the kind of t, or of its elements for a vector (Bro's
// operators apply element-wise).
func kindOf(t types.Type) types.Kind {
	if t == nil {
		return types.Error
	}
	if v, ok := t.(*types.VectorType); ok {
		if v.Elem == nil {
			return types.Void
		}
		return v.Elem.Kind()
	}
	return t.Kind()
}

// isArithKind reports whether k is one of Bro's arithmetic types.
func isArithKind(k types.Kind) bool {
	switch k {
	case types.Int, types.Count, types.Counter, types.Double:
		return true
	}
	return false
}

// maxKind is Bro's max_type: the type two arithmetic operands meet at.
func maxKind(a, b types.Kind) types.Kind {
	norm := func(k types.Kind) types.Kind {
		if k == types.Interval || k == types.Time {
			return types.Double
		}
		return k
	}
	a, b = norm(a), norm(b)
	for _, k := range []types.Kind{types.Double, types.Int, types.Count} {
		if a == k || b == k {
			return k
		}
	}
	return types.Count
}

// basicOf returns the basic type of kind k.
func basicOf(k types.Kind) types.Type {
	switch k {
	case types.Int:
		return types.IntType
	case types.Count:
		return types.CountType
	case types.Counter:
		return types.CounterType
	case types.Double:
		return types.DoubleType
	case types.Time:
		return types.TimeType
	case types.Interval:
		return types.IntervalType
	case types.Bool:
		return types.BoolType
	}
	return nil
}

// coerce wraps n in a coercion to t, which Bro writes "(coerce n to t)".
func (w *bodyWriter) coerce(n *dnode, t types.Type, tag int) *dnode {
	d := w.d
	if tag == tagVectorCoerce {
		// Bro's vector coercion is not among those its unary
		// description spells out; it writes its operator's name.
		return w.prefix(tag, "vector_coerce", n, t)
	}
	text := types.Describe(t)
	return &dnode{tag: tag, t: t, write: func() {
		d.Add("(coerce ")
		w.out(n)
		d.Add(" to ")
		d.Add(text)
		d.Add(")")
	}}
}

// arith gives n arithmetic type k, coercing it unless it has it already
// (Bro's PromoteOps, element-wise for a vector).
func (w *bodyWriter) arith(n *dnode, k types.Kind) *dnode {
	t := w.typ(n)
	if t == nil || kindOf(t) == k {
		return n
	}
	var to types.Type = basicOf(k)
	if to == nil {
		return n
	}
	if _, ok := t.(*types.VectorType); ok {
		to = &types.VectorType{Elem: to}
	}
	return w.coerce(n, to, tagArithCoerce)
}

// isZero reports whether n is a literal zero.
func isZero(n *dnode) bool {
	if !n.konst || n.t == nil {
		return false
	}
	switch n.t.Kind() {
	case types.Count, types.Counter, types.Int:
		return n.val.N == 0
	case types.Double, types.Interval, types.Time:
		return n.val.AsDouble() == 0
	}
	return false
}

var binaryTags = map[string]int{
	"+": tagAdd, "-": tagSub, "*": tagTimes, "/": tagDivide, "%": tagMod,
	"&": tagBitAnd, "|": tagBitOr, "^": tagBitXor, "&&": tagAndAnd, "||": tagOrOr,
	"<": tagLT, "<=": tagLE, ">": tagGT, ">=": tagGE, "==": tagEQ, "!=": tagNE,
	"in": tagIn,
}

func (w *bodyWriter) binary(e *ast.Binary) *dnode {
	x, y := w.build(e.X), w.build(e.Y)
	op := e.Op
	if op == "!in" {
		in := w.inNode(x, y)
		n := w.prefix(tagNot, "!", in, types.BoolType)
		return n
	}
	if op == "in" {
		return w.inNode(x, y)
	}
	tag := binaryTags[op]
	k1, k2 := kindOf(w.typ(x)), kindOf(w.typ(y))
	both := isArithKind(k1) && isArithKind(k2)
	switch op {
	case "<", "<=", ">", ">=":
		if op == ">" || op == ">=" {
			x, y = y, x
			k1, k2 = k2, k1
			op = map[string]string{">": "<", ">=": "<="}[op]
			tag = binaryTags[op]
		}
		if both {
			m := maxKind(k1, k2)
			x, y = w.arith(x, m), w.arith(y, m)
		}
		return w.binaryNode(tag, op, x, y, types.BoolType)
	case "==", "!=":
		switch {
		case k2 == types.Pattern:
			x, y = y, x
			k1, k2 = k2, k1
		case k1 == types.Pattern:
		case y.tag > x.tag:
			x, y = y, x
			k1, k2 = k2, k1
		}
		switch {
		case both:
			m := maxKind(k1, k2)
			x, y = w.arith(x, m), w.arith(y, m)
		case (isArithKind(k1) || isArithKind(k2)) &&
			((k1 == types.Time && isZero(y)) || (k2 == types.Time && isZero(x))):
			x, y = w.arith(x, types.Time), w.arith(y, types.Time)
		}
		return w.binaryNode(tag, op, x, y, types.BoolType)
	case "*":
		if y.tag > x.tag || k2 == types.Interval || (y.konst && !x.konst) {
			x, y = y, x
			k1, k2 = k2, k1
		}
		if k1 == types.Interval || k2 == types.Interval {
			if isArithKind(k1) || isArithKind(k2) {
				x, y = w.arith(x, types.Interval), w.arith(y, types.Interval)
			}
		} else if both {
			m := maxKind(k1, k2)
			x, y = w.arith(x, m), w.arith(y, m)
		}
	case "/":
		if k1 == types.Interval || k2 == types.Interval {
			if isArithKind(k1) || isArithKind(k2) {
				x, y = w.arith(x, types.Interval), w.arith(y, types.Interval)
			}
		} else if both {
			m := maxKind(k1, k2)
			x, y = w.arith(x, m), w.arith(y, m)
		}
	case "+", "-", "%":
		if both {
			m := maxKind(k1, k2)
			x, y = w.arith(x, m), w.arith(y, m)
		}
	}
	n := w.binaryNode(tag, op, x, y, nil)
	n.src = e
	return n
}

// inNode builds "x in y", promoting the index to y's index types when y
// is a table or set.
func (w *bodyWriter) inNode(x, y *dnode) *dnode {
	xt, yt := w.typ(x), w.typ(y)
	if tt, ok := yt.(*types.TableType); ok && xt != nil {
		switch xt.Kind() {
		case types.Pattern, types.Record:
		case types.Addr:
			if !(len(tt.Index) == 1 && tt.Index[0].Kind() == types.Subnet) {
				x = w.promoteIndexNode(x, tt.Index)
			}
		default:
			x = w.promoteIndexNode(x, tt.Index)
		}
	}
	return w.binaryNode(tagIn, "in", x, y, types.BoolType)
}

// promoteIndexNode promotes the elements of an index (a list, or a single
// expression Bro wraps into one) to a table's index types.
func (w *bodyWriter) promoteIndexNode(x *dnode, index []types.Type) *dnode {
	if x.tag == tagList {
		if len(x.elems) == len(index) {
			for i := range x.elems {
				x.elems[i] = w.promote(x.elems[i], index[i])
			}
		}
		return x
	}
	if len(index) == 1 {
		return w.promote(x, index[0])
	}
	return x
}

// assignNode builds "x op y" for "=", "+=" and "-=", with the coercions
// Bro's assignment type check adds.
func (w *bodyWriter) assignNode(lhs, rhs *dnode, op string) *dnode {
	t1 := w.typ(lhs)
	t2 := w.typ(rhs)
	switch op {
	case "+=", "-=":
		tag := tagAddTo
		if op == "-=" {
			tag = tagRemoveFrom
		}
		k1, k2 := kindOf(t1), kindOf(t2)
		if isArithKind(k1) && isArithKind(k2) {
			m := maxKind(k1, k2)
			lhs, rhs = w.arith(lhs, m), w.arith(rhs, m)
		}
		return w.binaryNode(tag, op, lhs, rhs, t1)
	}
	if t1 != nil && t2 != nil {
		k1, k2 := t1.Kind(), t2.Kind()
		switch {
		case isArithKind(k1):
			if isArithKind(k2) {
				switch {
				case k1 == types.Double:
					rhs = w.arith(rhs, types.Double)
				case k2 == types.Double:
					rhs = w.arith(rhs, k1)
				case k1 == types.Int:
					rhs = w.arith(rhs, types.Int)
				case k2 == types.Int:
					rhs = w.arith(rhs, k1)
				}
			}
		case k1 == types.Time && isArithKind(k2) && isZero(rhs):
			rhs = w.arith(rhs, types.Time)
		case k1 == types.Table && k2 == types.Table && isUnspecified(t2):
			rhs = w.coerce(rhs, t1, tagTableCoerce)
		case k1 == types.Vector && k2 == types.Vector && isUnspecified(t2):
			rhs = w.coerce(rhs, t1, tagVectorCoerce)
		case k1 == types.Record && k2 == types.Record:
			if !w.sameRecordAttrs(t1.(*types.RecordType), t2.(*types.RecordType)) {
				rhs = w.coerce(rhs, t1, tagRecordCoerce)
			}
		}
	}
	return w.binaryNode(tagAssign, "=", lhs, rhs, t1)
}

// promote is Bro's check_and_promote_expr: n as a value of type t, with
// an arithmetic, record, table or vector coercion where one is needed.
func (w *bodyWriter) promote(n *dnode, t types.Type) *dnode {
	et := w.typ(n)
	if t == nil || et == nil || t.Kind() == types.Any {
		return n
	}
	tk, ek := t.Kind(), et.Kind()
	if isArithKind(tk) || isArithKind(ek) {
		if tk == ek || !isArithKind(tk) || !isArithKind(ek) {
			return n
		}
		return w.coerce(n, basicOf(tk), tagArithCoerce)
	}
	if tr, ok := t.(*types.RecordType); ok {
		if er, ok := et.(*types.RecordType); ok && !w.sameRecordAttrs(tr, er) {
			return w.coerce(n, t, tagRecordCoerce)
		}
		return n
	}
	switch {
	case tk == types.Table && ek == types.Table && isUnspecified(et):
		return w.coerce(n, t, tagTableCoerce)
	case tk == types.Vector && ek == types.Vector && isUnspecified(et):
		return w.coerce(n, t, tagVectorCoerce)
	}
	return n
}

// sameRecordAttrs is Bro's test that a record value needs no coercion to
// another record type: the same fields, and (as Bro checks it) the same
// attributes on the first field whose attributes agree, which comes down
// to some field carrying the same attributes in both.
func (w *bodyWriter) sameRecordAttrs(a, b *types.RecordType) bool {
	if a == b {
		return len(a.Fields) > 0
	}
	if len(a.Fields) != len(b.Fields) {
		return false
	}
	for i, f := range a.Fields {
		g := b.Fields[i]
		if f.Name != g.Name || !sameType(f.Type, g.Type) && !sameType(g.Type, f.Type) {
			return false
		}
	}
	for i, f := range a.Fields {
		g := b.Fields[i]
		if f.Optional == g.Optional && f.HasDefault == g.HasDefault && f.Log == g.Log {
			return true
		}
	}
	return false
}

func (w *bodyWriter) cond(e *ast.Cond) *dnode {
	d := w.d
	c, a, b := w.build(e.Cond), w.build(e.Then), w.build(e.Else)
	k2, k3 := kindOf(w.typ(a)), kindOf(w.typ(b))
	if isArithKind(k2) && isArithKind(k3) {
		m := maxKind(k2, k3)
		a, b = w.arith(a, m), w.arith(b, m)
	}
	return &dnode{tag: tagCond, src: e, write: func() {
		w.out(c)
		d.Add(" ?")
		d.SP()
		w.out(a)
		d.Add(" :")
		d.SP()
		w.out(b)
	}}
}

// args builds a call's arguments as Bro's check_and_promote_args leaves
// them: each promoted to its parameter's type, and the parameters left
// out filled with their &default expressions.
func (w *bodyWriter) args(list []ast.Expr, ft *types.FuncType) []*dnode {
	out := make([]*dnode, len(list))
	for i, a := range list {
		out[i] = w.build(a)
	}
	if ft == nil || variadic(ft) || (len(ft.Params) == 1 && ft.Params[0].Type.Kind() == types.Any) {
		return out
	}
	if len(out) < len(ft.Params) {
		defs := w.sc.in.paramDefaults[ft]
		for i := len(out); i < len(ft.Params); i++ {
			if i >= len(defs) || defs[i].expr == nil {
				return out
			}
			dw := &bodyWriter{sc: newScope(w.sc.in, defs[i].module, nil), d: w.d}
			out = append(out, dw.build(defs[i].expr))
		}
	}
	if len(out) != len(ft.Params) {
		return out
	}
	for i := range out {
		out[i] = w.promote(out[i], ft.Params[i].Type)
	}
	return out
}

func (w *bodyWriter) call(e *ast.Call) *dnode {
	if n, ok := e.Fun.(*ast.Name); ok {
		if _, local := w.sc.locals[n.Name]; !local {
			if g := w.sc.in.lookup(n.Name, w.sc.module); g != nil && g.IsType {
				return w.namedCtor(e, g.Type)
			}
		}
	}
	fn := w.build(e.Fun)
	ft, _ := w.typ(fn).(*types.FuncType)
	args := w.args(e.Args, ft)
	return &dnode{tag: tagCall, src: e, write: func() {
		w.out(fn)
		w.enclosed("(", args, ")")
	}}
}

// event builds "e(args)" of an event statement or schedule.
func (w *bodyWriter) event(e *ast.EventCall) *dnode {
	d := w.d
	name := e.Name
	var ft *types.FuncType
	if g := w.sc.in.lookup(e.Name, w.sc.module); g != nil {
		name = g.Name
		ft, _ = g.Type.(*types.FuncType)
	}
	args := w.args(e.Args, ft)
	return &dnode{tag: tagEvent, write: func() {
		d.Add(name)
		w.enclosed("(", args, ")")
	}}
}

// recordCtor builds "[$a=x, ...]", Bro's record constructor.
func (w *bodyWriter) recordCtor(args []ast.Expr) *dnode {
	elems := make([]*dnode, len(args))
	for i, a := range args {
		elems[i] = w.build(a)
	}
	return &dnode{tag: tagRecordCtor, src: &ast.ListExpr{Elems: args}, write: func() {
		w.enclosed("[", elems, "]")
	}}
}

// namedCtor builds T(args) where T names a type: a record constructor
// coerced to T, or a table, set or vector constructor of type T.
func (w *bodyWriter) namedCtor(e *ast.Call, t types.Type) *dnode {
	switch t.Kind() {
	case types.Record:
		return w.coerce(w.recordCtor(e.Args), t, tagRecordCoerce)
	case types.Table, types.Vector:
		kind := "table"
		if tt, ok := t.(*types.TableType); ok && tt.IsSet() {
			kind = "set"
		} else if t.Kind() == types.Vector {
			kind = "vector"
		}
		return w.constructor(&ast.Constructor{Pos: e.Pos, Kind: kind, Args: e.Args}, t)
	}
	return w.build(&ast.Call{Pos: e.Pos, Fun: &ast.Name{Pos: e.Pos, Name: "<type>"}, Args: e.Args})
}

// ctorElem builds an element of a table or set constructor: "[k] = v" is
// written "k = v", and "[a, b]" loses its brackets.
func (w *bodyWriter) ctorElem(e ast.Expr) *dnode {
	if as, ok := e.(*ast.Assign); ok && as.Op == "=" {
		k := w.build(as.X)
		v := w.build(as.Y)
		return w.binaryNode(tagAssign, "=", k, v, nil)
	}
	return w.build(e)
}

// constructor builds table(...), set(...), vector(...) and record(...);
// t is the type a named constructor gives it.
func (w *bodyWriter) constructor(e *ast.Constructor, t types.Type) *dnode {
	if e.Kind == "record" {
		return w.recordCtor(e.Args)
	}
	elems := make([]*dnode, len(e.Args))
	for i, a := range e.Args {
		elems[i] = w.ctorElem(a)
	}
	if t == nil {
		t = w.typeOf(e)
	}
	tag := map[string]int{"table": tagTableCtor, "set": tagSetCtor, "vector": tagVectorCtor}[e.Kind]
	switch ct := t.(type) {
	case *types.VectorType:
		if ct.Elem != nil {
			for i := range elems {
				elems[i] = w.promote(elems[i], ct.Elem)
			}
		}
	case *types.TableType:
		if ct.IsSet() {
			w.promoteSetElems(elems, ct)
		}
	}
	kind := e.Kind
	return &dnode{tag: tag, t: t, write: func() {
		w.enclosed(kind+"(", elems, ")")
	}}
}

// promoteSetElems promotes the elements of a one-index set constructor
// to the index type.
func (w *bodyWriter) promoteSetElems(elems []*dnode, tt *types.TableType) {
	if len(tt.Index) != 1 {
		return
	}
	for i := range elems {
		elems[i] = w.promote(elems[i], tt.Index[0])
	}
}

// index builds x[i, ...], promoting the indices of a table to its index
// types and those of a string to int.
func (w *bodyWriter) index(e ast.Expr, x *dnode, idx []*dnode) *dnode {
	switch xt := w.typ(x).(type) {
	case *types.TableType:
		subnetByAddr := len(xt.Index) == 1 && xt.Index[0].Kind() == types.Subnet &&
			len(idx) == 1 && kindOf(w.typ(idx[0])) == types.Addr
		anyIndex := len(xt.Index) == 1 && xt.Index[0].Kind() == types.Any
		if !subnetByAddr && !anyIndex && len(idx) == len(xt.Index) {
			for i := range idx {
				idx[i] = w.promote(idx[i], xt.Index[i])
			}
		}
	case *types.Basic:
		if xt.Kind() == types.String {
			for i := range idx {
				idx[i] = w.promote(idx[i], types.IntType)
			}
		}
	}
	return &dnode{tag: tagIndex, src: e, write: func() {
		w.out(x)
		w.enclosed("[", idx, "]")
	}}
}

// slice builds x[lo:hi] as Bro does: an index with two entries, a missing
// bound being 0 or |x|.
func (w *bodyWriter) slice(e *ast.Slice) *dnode {
	x := w.build(e.X)
	var lo, hi *dnode
	if e.Lo != nil {
		lo = w.build(e.Lo)
	} else {
		d := w.d
		lo = &dnode{tag: tagConst, t: types.CountType, konst: true, val: value.Count(0), write: func() { d.Add("0") }}
	}
	if e.Hi != nil {
		hi = w.build(e.Hi)
	} else {
		hi = w.prefix(tagSize, "sizeof", w.build(e.X), types.CountType)
	}
	return w.index(e, x, []*dnode{lo, hi})
}
