package interp

import (
	"math"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"gobro/lang/ast"
	"gobro/lang/scanner"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// exprFn computes an expression's value in a frame.
type exprFn func(fr *Frame) value.Value

// compiled is a checked expression: its code and its static type. A nil
// type means the expression had errors, already reported.
type compiled struct {
	fn  exprFn
	t   types.Type
	pos ast.Pos
	// set assigns to the expression when it can stand on the left of "=".
	set func(fr *Frame, v value.Value)
	// konst marks a literal, whose fn ignores its frame.
	konst bool
	// slot is a local's slot + 1 when the expression just reads that
	// local; 0 otherwise.
	slot int
	// src is the expression compiled, for messages about it.
	src ast.Expr
	// badCoerce, on an expression with errors, is set when it is a
	// record constructor "T(...)" whose coercion to T failed: Bro's
	// coercion then has the error type, and badCoerce describes what
	// it coerced.
	badCoerce string
	// ctorAttrs are the attributes of an empty "table()" or "set()"
	// constructor, which has no type of its own to check them
	// against: they are checked and applied when it is coerced.
	ctorAttrs []*ast.Attr
	// fieldErrs, on a record constructor "[$f=e, ...]", counts the
	// errors reported while checking field values that failed: Bro
	// gives such a field the error type and keeps the constructor, so
	// these errors do not make the constructor itself erroneous.
	fieldErrs int
	// site is the call site of a function call, so that what contains
	// the call can mark it a tail call.
	site *callSite
	// share, on a read of a variable holding a scalar, is fn for a read
	// whose value is copied as it is into another place (see copied):
	// a value without an identity gets one, in the variable too.
	share exprFn
}

// copied returns c for a place where its value is stored as it is: an
// assignment, an argument, a returned value, a constructor's element.
// In Bro 2.6 that place and the one read then hold the same value, which
// same_object can tell. So a scalar read from a variable without an
// identity gets one here, written back into the variable, and both
// places hold it (see value.Ident). Any other read, such as an
// operand of arithmetic, leaves the value as it is.
func (sc *scope) copied(c compiled) compiled {
	if c.share != nil {
		c.fn, c.share, c.slot = c.share, nil, 0
	}
	return c
}

// storeAs is coerce for a place where c's value is stored as it is: a
// value that keeps its kind (or goes into an any) is copied (see
// copied); one that changes it is a new value anyway.
func (sc *scope) storeAs(c compiled, t types.Type) (exprFn, bool) {
	if t != nil && c.t != nil && (t.Kind() == c.t.Kind() || t.Kind() == types.Any) {
		c = sc.copied(c)
	}
	return sc.coerce(c, t)
}

// hasIdentity reports whether values of type t are scalars, whose
// identity copied keeps.
func hasIdentity(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Counter, types.Double,
		types.Time, types.Interval, types.Enum, types.Port:
		return true
	}
	return false
}

// bad is the result of an expression with errors.
var bad = compiled{}

func (sc *scope) errorAt(pos ast.Pos, format string, args ...any) compiled {
	sc.in.errorAt(pos, format, args...)
	return bad
}

// expr checks and compiles an expression.
func (sc *scope) expr(e ast.Expr) compiled {
	c := sc.exprKind(e)
	if c.src == nil {
		c.src = e
	}
	return c
}

// exprKind compiles an expression by its kind.
func (sc *scope) exprKind(e ast.Expr) compiled {
	switch e := e.(type) {
	case *ast.Paren:
		return sc.expr(e.X)
	case *ast.Const:
		return sc.constant(e)
	case *ast.Name:
		return sc.name(e)
	case *ast.Unary:
		return sc.unary(e)
	case *ast.Binary:
		return sc.binary(e)
	case *ast.Assign:
		return sc.assign(e)
	case *ast.Cond:
		return sc.cond(e)
	case *ast.Call:
		return sc.call(e)
	case *ast.FieldExpr:
		return sc.field(e)
	case *ast.HasField:
		return sc.hasField(e)
	case *ast.Index:
		return sc.index(e)
	case *ast.Size:
		return sc.size(e)
	case *ast.HookCall:
		return sc.hookCall(e)
	case *ast.Schedule:
		return sc.schedule(e)
	case *ast.Cast:
		return sc.cast(e)
	case *ast.TypeTest:
		return sc.typeTest(e)
	case *ast.FuncLit:
		return sc.funcLit(e)
	case *ast.ListExpr:
		if isRecordCtor(e) {
			return sc.recordCtor(e.Pos, e.Elems)
		}
		if sc.bracketsRecordCtor(e) {
			// Bro's grammar makes it a record constructor, which
			// refuses each element that is not "$f = e".
			for _, x := range e.Elems {
				if _, ok := x.(*ast.FieldAssign); !ok {
					sc.in.errorAt(x.Position(), "bad type in record constructor (%s and %s)", sc.describe(e), sc.describe(x))
				}
			}
			return bad
		}
		return sc.errorAt(e.Pos, "list used as a value (%s)", sc.describe(e))
	case *ast.Constructor:
		return sc.constructor(e)
	case *ast.CopyExpr:
		return sc.copyExpr(e)
	case *ast.Slice:
		return sc.slice(e)
	}
	return sc.errorAt(e.Position(), "expression not supported yet")
}

// constant compiles a literal.
func (sc *scope) constant(c *ast.Const) compiled {
	out := compiled{pos: c.Pos, konst: true}
	var v value.Value
	switch c.Kind {
	case scanner.Bool:
		out.t, v = types.BoolType, value.Bool(c.Text == "T")
	case scanner.Count:
		n, err := strconv.ParseUint(c.Text, 10, 64)
		if err != nil {
			n = math.MaxUint64 // strtoull saturates
		}
		out.t, v = types.CountType, value.Count(n)
	case scanner.Hex:
		n, err := strconv.ParseUint(c.Text[2:], 16, 64)
		if err != nil {
			n = math.MaxUint64
		}
		out.t, v = types.CountType, value.Count(n)
	case scanner.Double:
		f, _ := strconv.ParseFloat(c.Text, 64)
		out.t, v = types.DoubleType, value.Double(f)
	case scanner.String:
		out.t, v = types.StringType, value.String(c.Value)
		if c.Value == "" {
			// same_object tells this literal from another.
			v = value.DistinctEmptyString()
		}
		sc.in.noteLiteral(c.Value, c.Pos)
	case scanner.Interval:
		out.t, v = types.IntervalType, value.Double(parseInterval(c.Text))
	case scanner.Port:
		num, proto, _ := strings.Cut(c.Text, "/")
		n, _ := strconv.ParseUint(num, 10, 32)
		p := map[string]value.Proto{"tcp": value.TCP, "udp": value.UDP, "icmp": value.ICMP}[proto]
		out.t, v = types.PortType, value.Port(uint32(n), p)
	case scanner.Addr:
		a, err := netip.ParseAddr(addrText(c.Text))
		if err != nil {
			return sc.errorAt(c.Pos, "bad address (%s)", c.Text)
		}
		out.t, v = types.AddrType, value.Addr(a)
	case scanner.Subnet:
		p, err := parseSubnet(c.Text)
		if err != nil {
			return sc.errorAt(c.Pos, "bad subnet (%s)", c.Text)
		}
		out.t, v = types.SubnetType, value.Subnet(p)
	case scanner.Pattern:
		text, ci := c.Text[1:], false
		if strings.HasSuffix(text, "/i") {
			text, ci = text[:len(text)-2], true
		} else {
			text = strings.TrimSuffix(text, "/")
		}
		p := &value.Pattern{Text: text, CaseInsensitive: ci}
		if err := CheckPattern(p); err != nil {
			return sc.errorAt(c.Pos, "%s", err)
		}
		out.t, v = types.PatternType, value.Value{R: p}
	case scanner.Directive:
		switch c.Text {
		case "@FILENAME":
			out.t, v = types.StringType, value.String(basename(c.Pos.Filename))
		default:
			out.t, v = types.StringType, value.String(scriptDir(c.Pos.Filename))
		}
	case scanner.Hostname:
		out.t, v = hostSetType, sc.in.hostConstant(c)
	default:
		return sc.errorAt(c.Pos, "constant not supported yet (%s)", c.Text)
	}
	if hasIdentity(out.t) {
		// Each literal is a value of its own, as each of Bro's
		// constant expressions holds one.
		v.R = sc.in.idents.New()
	}
	out.fn = func(*Frame) value.Value { return v }
	return out
}

// parseInterval reads "1.5 hrs" and friends as seconds.
func parseInterval(text string) float64 {
	i := strings.IndexFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || (r >= 'a' && r <= 'z' && r != 'e') })
	num, unit := text[:i], strings.TrimSpace(text[i:])
	f, _ := strconv.ParseFloat(num, 64)
	unit = strings.TrimSuffix(unit, "s")
	switch unit {
	case "day":
		return f * 86400
	case "hr":
		return f * 3600
	case "min":
		return f * 60
	case "msec":
		return f / 1e3
	case "usec":
		return f / 1e6
	}
	return f
}

func parseSubnet(text string) (netip.Prefix, error) {
	addr, bits, _ := strings.Cut(text, "/")
	a, err := netip.ParseAddr(addrText(strings.TrimSpace(addr)))
	if err != nil {
		return netip.Prefix{}, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(bits))
	if err != nil {
		return netip.Prefix{}, err
	}
	return a.Prefix(n)
}

// addrText is the address in a literal: without its brackets, and
// without the "0x" that Bro's scanner lets an IPv6 literal begin with
// ([0xaaaa::bbbb] is aaaa::bbbb).
func addrText(lit string) string {
	a := strings.Trim(lit, "[]")
	if len(lit) > 0 && lit[0] == '[' {
		a = strings.TrimPrefix(a, "0x")
	}
	return a
}

func basename(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// scriptDir is what @DIR gives for a script: its directory, made
// absolute when it is relative to the current directory ("." or "./x"),
// as Bro makes it.
func scriptDir(path string) string {
	dir := dirname(path)
	if strings.HasPrefix(dir, ".") {
		if wd, err := os.Getwd(); err == nil {
			return wd + "/" + dir
		}
	}
	return dir
}

func dirname(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[:i]
	}
	return "."
}

// name compiles a reference to a local or global.
func (sc *scope) name(n *ast.Name) compiled {
	if l, ok := sc.locals[n.Name]; ok && !strings.Contains(n.Name, "::") {
		if l.t.Kind() == types.Error {
			return bad // reported where it was declared
		}
		slot := l.slot
		c := compiled{t: l.t, pos: n.Pos, slot: slot + 1, fn: func(fr *Frame) value.Value { return fr.locals[slot] }}
		if l.mayBeUnset {
			// No shortcut reads its slot: every read checks it. In
			// Bro 2.6 reading it unset is a plain error that
			// abandons the statement.
			pos, desc := n.Pos, sc.describer(n)
			sc.mayFailSoftly()
			c.slot = 0
			c.fn = func(fr *Frame) value.Value {
				v := fr.locals[slot]
				if v.IsUnset() {
					softFail(pos, desc, "value used but not set")
				}
				return v
			}
		}
		if !l.konst {
			c.set = func(fr *Frame, v value.Value) { fr.locals[slot] = v }
		}
		if hasIdentity(l.t) {
			in, get, check := sc.in, c.fn, l.mayBeUnset
			c.share = func(fr *Frame) value.Value {
				v := &fr.locals[slot]
				if v.NeedsIdent() {
					v.R = in.idents.New()
				} else if check && v.IsUnset() {
					return get(fr) // fails
				}
				return *v
			}
		}
		return c
	}
	if l := sc.outerLocal(n.Name); l != nil {
		// Checked with the outer local's type, as Bro resolves the
		// name; the error comes when the anonymous function ends.
		sc.outerUses = append(sc.outerUses, outerUse{pos: n.Pos, desc: sc.describe(n)})
		return compiled{t: l.t, pos: n.Pos, fn: func(*Frame) value.Value { return value.Unset }}
	}
	g := sc.in.lookup(n.Name, sc.module)
	if g == nil {
		return sc.unknownIdentifier(n.Pos, n.Name)
	}
	sc.in.checkExported(n.Pos, n.Name, sc.module, g)
	if g.IsType {
		// A type name stands for the type itself, as a stream's
		// $columns does.
		tt := &types.TypeType{Of: g.Type}
		return compiled{t: tt, pos: n.Pos, fn: func(*Frame) value.Value { return value.Value{R: tt} }}
	}
	if g.Deprecated {
		sc.in.warnAt(n.Pos, "deprecated (%s)", g.Name)
	}
	if g.Handler != nil {
		// An event named as a value may be raised through it.
		g.Handler.used = true
	}
	if g.Type.Kind() == types.Error {
		return bad // reported where it was declared
	}
	if g.EnumConst {
		// Bro's parser makes each use of an enum constant a literal
		// of its own.
		v := g.Value
		v.R = sc.in.idents.New()
		return compiled{t: g.Type, pos: n.Pos, konst: true, fn: func(*Frame) value.Value { return v }}
	}
	c := compiled{t: g.Type, pos: n.Pos, fn: func(*Frame) value.Value { return g.Value }}
	if g.Value.IsUnset() {
		// Declared without a value and not given one yet: the read
		// checks, since nothing can unset a global once it is set.
		pos, desc := n.Pos, sc.describer(n)
		sc.mayFailSoftly()
		c.fn = func(*Frame) value.Value {
			if g.Value.IsUnset() {
				softFail(pos, desc, "value used but not set")
			}
			return g.Value
		}
	}
	if hasIdentity(g.Type) {
		in, get := sc.in, c.fn
		c.share = func(fr *Frame) value.Value {
			if g.Value.NeedsIdent() {
				g.Value.R = in.idents.New()
			}
			return get(fr)
		}
	}
	if !g.Const {
		c.set = func(_ *Frame, v value.Value) { g.Value = v }
		if ft, ok := g.Type.(*types.FuncType); ok && ft.Flavor == types.FlavorEvent {
			// As Bro's ID::SetVal: the event's handler becomes the
			// assigned event's, so raising it runs those bodies.
			c.set = func(_ *Frame, v value.Value) {
				g.Value = v
				if f, ok := v.R.(*Func); ok && f.handlers != nil && g.Handler != nil && f.handlers != g.Handler {
					g.Handler.bodies = append([]body(nil), f.handlers.bodies...)
				}
			}
		}
	}
	return c
}

// isArith reports whether t takes part in arithmetic.
func isArith(t types.Type) bool {
	switch t.Kind() {
	case types.Count, types.Counter, types.Int, types.Double:
		return true
	}
	return false
}

// promote returns the type both arithmetic operands are brought to:
// count, then int, then double.
func promote(a, b types.Type) types.Type {
	ka, kb := a.Kind(), b.Kind()
	switch {
	case ka == types.Double || kb == types.Double:
		return types.DoubleType
	case ka == types.Int || kb == types.Int:
		return types.IntType
	}
	return types.CountType
}

// convert returns code that brings an arithmetic value of type from to
// type to.
func convert(fn exprFn, from, to types.Type) exprFn {
	if from.Kind() == to.Kind() || (from.Kind() == types.Counter && to.Kind() == types.Count) {
		return fn
	}
	switch to.Kind() {
	case types.Double:
		if from.Kind() == types.Int {
			return func(fr *Frame) value.Value { return value.Double(float64(fn(fr).AsInt())) }
		}
		return func(fr *Frame) value.Value { return value.Double(float64(fn(fr).AsCount())) }
	case types.Int:
		// Count and int share their bits; the int is a value of its
		// own.
		return func(fr *Frame) value.Value { return fn(fr).WithoutIdent() }
	}
	return fn
}

// unary compiles a prefix operator.
func (sc *scope) unary(u *ast.Unary) compiled {
	x := sc.expr(u.X)
	if x.t == nil {
		return bad
	}
	pos := u.Pos
	desc := sc.describe(u)
	switch u.Op {
	case "!":
		if k := x.t.Kind(); k != types.Bool && k != types.Count && k != types.Counter && k != types.Int {
			return sc.errorAt(pos, "requires an integral or boolean operand (%s)", desc)
		}
		return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value { return value.Bool(x.fn(fr).N == 0) }}
	case "~":
		if k := x.t.Kind(); k != types.Count && k != types.Counter {
			return sc.errorAt(pos, "requires \"count\" operand (%s)", desc)
		}
		return compiled{t: types.CountType, pos: pos, fn: func(fr *Frame) value.Value { return value.Count(^x.fn(fr).AsCount()) }}
	case "-":
		switch x.t.Kind() {
		case types.Count, types.Counter, types.Int:
			return compiled{t: types.IntType, pos: pos, fn: func(fr *Frame) value.Value { return value.Int(-x.fn(fr).AsInt()) }}
		case types.Double, types.Interval:
			return compiled{t: x.t, pos: pos, fn: func(fr *Frame) value.Value { return value.Double(-x.fn(fr).AsDouble()) }}
		}
		return sc.errorAt(pos, "requires an integral or double operand (%s)", desc)
	case "+":
		if !isArith(x.t) && x.t.Kind() != types.Interval {
			return sc.errorAt(pos, "requires an integral or double operand (%s)", desc)
		}
		if x.t.Kind() == types.Count {
			// The int is a new value; Bro's "+" hands back an int,
			// double or interval operand itself.
			return compiled{t: types.IntType, pos: pos, fn: func(fr *Frame) value.Value { return x.fn(fr).WithoutIdent() }}
		}
		return compiled{t: x.t, pos: pos, fn: x.fn, share: x.share}
	case "++", "--":
		if vt, ok := x.t.(*types.VectorType); ok {
			return sc.vectorIncr(u, x, vt, desc)
		}
		if k := x.t.Kind(); k != types.Count && k != types.Int && k != types.Counter {
			return sc.errorAt(pos, "requires an integral operand (%s)", desc)
		}
		if x.set == nil {
			return sc.notAssignable(u.X)
		}
		delta := uint64(1)
		if u.Op == "--" {
			delta = math.MaxUint64 // two's complement -1
			if x.t.Kind() != types.Int {
				// Bro 2.6 reports a count going below zero as a
				// plain error and stores the wrapped value.
				in, desc := sc.in, sc.describer(u)
				return compiled{t: x.t, pos: pos, fn: func(fr *Frame) value.Value {
					old := x.fn(fr).AsCount()
					if old == 0 {
						in.report(ReportError, "", location(pos), "count underflow ("+desc()+")")
					}
					v := value.Count(old + delta)
					x.set(fr, v)
					return v
				}}
			}
		}
		return compiled{t: x.t, pos: pos, fn: func(fr *Frame) value.Value {
			v := value.Count(x.fn(fr).AsCount() + delta)
			x.set(fr, v)
			return v
		}}
	}
	return sc.errorAt(pos, "operator %s not supported yet", u.Op)
}

// binary compiles an infix operator.
func (sc *scope) binary(b *ast.Binary) compiled {
	switch b.Op {
	case "&&", "||":
		return sc.logical(b)
	case "in", "!in":
		if l, ok := b.X.(*ast.ListExpr); ok && !isRecordCtor(l) {
			return sc.listMembership(b, l)
		}
	}
	x, y := sc.expr(b.X), sc.expr(b.Y)
	if x.t == nil || y.t == nil {
		return bad
	}
	if c, ok := sc.setBinary(b, x, y); ok {
		return c
	}
	if c, ok := sc.containerBinary(b, x, y); ok {
		return c
	}
	pos := b.Pos
	switch b.Op {
	case "+", "-", "*", "/", "%":
		return sc.arith(b.Op, x, y, pos, sc.describer(b))
	case "==", "!=", "<", "<=", ">", ">=":
		return sc.compare(b.Op, x, y, pos, sc.describer(b))
	case "in", "!in":
		return sc.membership(b.Op == "!in", x, y, pos, sc.describer(b.Y))
	case "&", "|", "^":
		return sc.bitwise(b.Op, x, y, pos, sc.describer(b))
	}
	return sc.errorAt(pos, "operator %s not supported yet", b.Op)
}

func (sc *scope) logical(b *ast.Binary) compiled {
	x, y := sc.expr(b.X), sc.expr(b.Y)
	if x.t == nil || y.t == nil {
		return bad
	}
	_, xv := x.t.(*types.VectorType)
	_, yv := y.t.(*types.VectorType)
	if xv || yv {
		// Element by element, without short-circuit.
		return sc.vectorOpWith(b, x, y, func(ex, ey compiled) compiled {
			if ex.t.Kind() != types.Bool || ey.t.Kind() != types.Bool {
				return sc.errorAt(b.Pos, "requires boolean operands (%s)", sc.describe(b))
			}
			and := b.Op == "&&"
			return compiled{t: types.BoolType, pos: b.Pos, fn: func(fr *Frame) value.Value {
				l, r := ex.fn(fr).AsBool(), ey.fn(fr).AsBool()
				if and {
					return value.Bool(l && r)
				}
				return value.Bool(l || r)
			}}
		})
	}
	if x.t.Kind() != types.Bool || y.t.Kind() != types.Bool {
		return sc.errorAt(b.Pos, "requires boolean operands (%s)", sc.describe(b))
	}
	if b.Op == "&&" {
		return compiled{t: types.BoolType, pos: b.Pos, fn: func(fr *Frame) value.Value {
			return value.Bool(x.fn(fr).AsBool() && y.fn(fr).AsBool())
		}}
	}
	return compiled{t: types.BoolType, pos: b.Pos, fn: func(fr *Frame) value.Value {
		return value.Bool(x.fn(fr).AsBool() || y.fn(fr).AsBool())
	}}
}

// concat joins two strings into a new one, as Bro's + makes a new
// string value: Go's + hands back one side alone when the other is
// empty, which would be the same object (see sameObject, literalPos).
func concat(a, b string) string {
	if a == "" || b == "" {
		return strings.Clone(a + b)
	}
	return a + b
}

// arith compiles + - * / % on numbers, and + on strings.
func (sc *scope) arith(op string, x, y compiled, pos ast.Pos, desc describer) compiled {
	if op == "+" && x.t.Kind() == types.String && y.t.Kind() == types.String {
		return compiled{t: types.StringType, pos: pos, fn: func(fr *Frame) value.Value {
			return value.String(concat(x.fn(fr).AsString(), y.fn(fr).AsString()))
		}}
	}
	if c, ok := sc.temporalArith(op, x, y, pos, desc); ok {
		return c
	}
	if !isArith(x.t) || !isArith(y.t) {
		return sc.errorAt(pos, "requires arithmetic operands (%s)", desc())
	}
	t := promote(x.t, y.t)
	if op == "%" && t.Kind() == types.Double {
		return sc.errorAt(pos, "requires integral operands (%s)", desc())
	}
	a, b := convert(x.fn, x.t, t), convert(y.fn, y.t, t)
	out := compiled{t: t, pos: pos}
	switch t.Kind() {
	case types.Double:
		f := map[string]func(p, q float64) float64{
			"+": func(p, q float64) float64 { return p + q },
			"-": func(p, q float64) float64 { return p - q },
			"*": func(p, q float64) float64 { return p * q },
			"/": func(p, q float64) float64 { return p / q },
			"%": math.Mod,
		}[op]
		out.fn = func(fr *Frame) value.Value {
			p, q := a(fr).AsDouble(), b(fr).AsDouble()
			if op == "/" && q == 0 {
				fail(pos, desc, "division by zero")
			}
			return value.Double(f(p, q))
		}
	case types.Int:
		if out.fn = integerOpFast[int64](op, x, y); out.fn == nil {
			out.fn = integerOp[int64](op, a, b, pos, desc)
		}
	default:
		if out.fn = integerOpFast[uint64](op, x, y); out.fn == nil {
			out.fn = integerOp[uint64](op, a, b, pos, desc)
		}
	}
	return out
}

// integral is the Go type behind count (uint64) or int (int64); both
// live in a Value's N, so one conversion serves reading and writing.
type integral interface{ int64 | uint64 }

// integerOp compiles + - * / % on counts or ints, reporting division and
// modulo by zero as Bro does.
func integerOp[T integral](op string, a, b exprFn, pos ast.Pos, desc describer) exprFn {
	get := func(v value.Value) T { return T(v.N) }
	put := func(x T) value.Value { return value.Value{N: uint64(x)} }
	switch op {
	case "+":
		return func(fr *Frame) value.Value { return put(get(a(fr)) + get(b(fr))) }
	case "-":
		return func(fr *Frame) value.Value { return put(get(a(fr)) - get(b(fr))) }
	case "*":
		return func(fr *Frame) value.Value { return put(get(a(fr)) * get(b(fr))) }
	}
	msg := "division by zero"
	if op == "%" {
		msg = "modulo by zero"
	}
	return func(fr *Frame) value.Value {
		p, q := get(a(fr)), get(b(fr))
		if q == 0 {
			fail(pos, desc, msg)
		}
		if op == "/" {
			return put(p / q)
		}
		return put(p % q)
	}
}

// compare compiles the comparison operators.
func (sc *scope) compare(op string, x, y compiled, pos ast.Pos, desc describer) compiled {
	if c, ok := sc.scalarCompare(op, x, y, pos, desc); ok {
		return c
	}
	var cmp func(fr *Frame) int
	eq := op == "==" || op == "!="
	switch {
	case isArith(x.t) && isArith(y.t):
		t := promote(x.t, y.t)
		a, b := convert(x.fn, x.t, t), convert(y.fn, y.t, t)
		switch t.Kind() {
		case types.Double:
			cmp = func(fr *Frame) int { return cmpFloat(a(fr).AsDouble(), b(fr).AsDouble()) }
		case types.Int:
			return compiled{t: types.BoolType, pos: pos, fn: compareIntegralFast[int64](op, x, y)}
		default:
			return compiled{t: types.BoolType, pos: pos, fn: compareIntegralFast[uint64](op, x, y)}
		}
	case x.t.Kind() != y.t.Kind():
		if eq {
			return sc.errorAt(pos, "type clash in comparison (%s)", desc())
		}
		return sc.errorAt(pos, "operands must be of the same type (%s)", desc())
	default:
		switch x.t.Kind() {
		case types.String:
			cmp = func(fr *Frame) int { return strings.Compare(x.fn(fr).AsString(), y.fn(fr).AsString()) }
		case types.Double, types.Time, types.Interval:
			cmp = func(fr *Frame) int { return cmpFloat(x.fn(fr).AsDouble(), y.fn(fr).AsDouble()) }
		case types.Port:
			cmp = func(fr *Frame) int { return cmpOrdered(x.fn(fr).N, y.fn(fr).N) }
		case types.Bool, types.Enum:
			if !eq {
				return sc.errorAt(pos, "illegal comparison (%s)", desc())
			}
			if x.t.Kind() == types.Enum && !sameType(x.t, y.t) {
				return sc.errorAt(pos, "illegal enum comparison (%s)", desc())
			}
			cmp = func(fr *Frame) int { return cmpOrdered(x.fn(fr).N, y.fn(fr).N) }
		case types.Addr:
			cmp = func(fr *Frame) int { return compareAddrs(x.fn(fr).AsAddr(), y.fn(fr).AsAddr()) }
		default:
			return sc.errorAt(pos, "illegal comparison (%s)", desc())
		}
	}
	test := map[string]func(int) bool{
		"==": func(c int) bool { return c == 0 },
		"!=": func(c int) bool { return c != 0 },
		"<":  func(c int) bool { return c < 0 },
		"<=": func(c int) bool { return c <= 0 },
		">":  func(c int) bool { return c > 0 },
		">=": func(c int) bool { return c >= 0 },
	}[op]
	return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value { return value.Bool(test(cmp(fr))) }}
}

func cmpOrdered[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// membership compiles "in" and "!in".
func (sc *scope) membership(negate bool, x, y compiled, pos ast.Pos, ydesc describer) compiled {
	var in func(fr *Frame) bool
	switch {
	case y.t.Kind() == types.Table:
		in = func(fr *Frame) bool {
			tab := asTable(y.fn(fr), pos, ydesc)
			k := [1]value.Value{x.fn(fr)}
			_, ok := tab.LookupBest(k[:])
			return ok
		}
	case x.t.Kind() == types.String && y.t.Kind() == types.String:
		in = func(fr *Frame) bool { return strings.Contains(y.fn(fr).AsString(), x.fn(fr).AsString()) }
	case x.t.Kind() == types.Addr && y.t.Kind() == types.Subnet:
		in = func(fr *Frame) bool { return subnetContains(y.fn(fr).AsSubnet(), x.fn(fr).AsAddr()) }
	case x.t.Kind() == types.Pattern && y.t.Kind() == types.String:
		m := matcherOf(x)
		in = func(fr *Frame) bool { return m(fr).MatchAnywhere(y.fn(fr).AsString()) }
	default:
		return sc.errorAt(pos, "not an index type")
	}
	return compiled{t: types.BoolType, pos: pos, fn: func(fr *Frame) value.Value { return value.Bool(in(fr) != negate) }}
}

// cond compiles "c ? a : b".
func (sc *scope) cond(c *ast.Cond) compiled {
	k, a, b := sc.expr(c.Cond), sc.expr(c.Then), sc.expr(c.Else)
	if k.t == nil || a.t == nil || b.t == nil {
		return bad
	}
	if k.t.Kind() != types.Bool {
		return sc.errorAt(c.Pos, "requires boolean conditional (%s)", sc.describe(c))
	}
	t := a.t
	if isArith(a.t) && isArith(b.t) {
		t = promote(a.t, b.t)
	} else if a.t.Kind() != b.t.Kind() {
		return sc.errorAt(c.Pos, "operands must be of the same type (%s)", sc.describe(c))
	}
	fa, fb := convert(a.fn, a.t, t), convert(b.fn, b.t, t)
	return compiled{t: t, pos: c.Pos, fn: func(fr *Frame) value.Value {
		if k.fn(fr).AsBool() {
			return fa(fr)
		}
		return fb(fr)
	}}
}

// assign compiles "=", "+=" and "-=".
func (sc *scope) assign(a *ast.Assign) compiled {
	x, y := sc.expr(a.X), sc.expr(a.Y)
	if x.t != nil && y.t == nil && x.set == nil && a.Op == "=" {
		// Bro makes the target an lvalue whatever the value: in
		// "foo = bar = baz" with both constant, both are refused,
		// the inner one first.
		return sc.notAssignable(a.X)
	}
	if x.t == nil || y.t == nil {
		return bad
	}
	if a.Op == "+=" && x.t.Kind() == types.Vector {
		return sc.vectorAppend(a, x, y)
	}
	if x.set == nil {
		return sc.notAssignable(a.X)
	}
	rhs := y
	if a.Op != "=" {
		rhs = sc.compoundRHS(a, x, y)
	}
	if rhs.t == nil {
		return bad
	}
	fn, ok := sc.assignable(x, rhs, a.Pos, sc.describer(a))
	if !ok {
		return bad
	}
	if slot, local := localSlot(x); local {
		return compiled{t: x.t, pos: a.Pos, fn: func(fr *Frame) value.Value {
			v := fn(fr)
			fr.locals[slot] = v
			return v
		}}
	}
	return compiled{t: x.t, pos: a.Pos, fn: func(fr *Frame) value.Value {
		v := fn(fr)
		x.set(fr, v)
		return v
	}}
}

// coerce returns code giving c's value as type t, if Bro allows it.
func (sc *scope) coerce(c compiled, t types.Type) (exprFn, bool) {
	if t == nil || t.Kind() == types.Error || c.t.Kind() == types.Error {
		return c.fn, true
	}
	if t.Kind() == types.Any {
		if c.t.Kind() == types.Any {
			return c.fn, true
		}
		ct := c.t
		if c.konst {
			// Nothing changes an any once made, so a literal's is
			// made once.
			v := value.Value{R: &value.Any{Type: ct, Value: c.fn(nil)}}
			return func(*Frame) value.Value { return v }, true
		}
		return func(fr *Frame) value.Value {
			return value.Value{R: &value.Any{Type: ct, Value: c.fn(fr)}}
		}, true
	}
	if isArith(t) && isArith(c.t) {
		if t.Kind() == types.Count && c.t.Kind() != types.Count && c.t.Kind() != types.Counter {
			return nil, false
		}
		if t.Kind() == types.Int && c.t.Kind() == types.Double {
			return nil, false
		}
		return convert(c.fn, c.t, t), true
	}
	if fn, ok, handled := sc.coerceContainer(c, t); handled {
		return fn, ok
	}
	if c.t.Kind() == types.Any && !isArith(t) && t.Kind() != types.Enum && t.Kind() != types.Void {
		// Bro lets a value of type any stand wherever a
		// non-arithmetic type is wanted; the value carries its
		// real type, which must then be the one wanted.
		return fromAny(c.fn, t, c.pos, sc.describer(c.src)), true
	}
	if !sameType(c.t, t) {
		return nil, false
	}
	return c.fn, true
}

// sameType reports whether a value of type a can stand where b is wanted.
// Below the top any matches every type, as in Bro 2.6's same_type; at
// the top a value must be made an any first (see coerce), so there it
// matches only itself.
func sameType(a, b types.Type) bool {
	if (a.Kind() == types.Any) != (b.Kind() == types.Any) {
		return false
	}
	return sameTypeIn(a, b, nil)
}

// sameTypeIn is sameType; seen holds the pairs of record types being
// compared further up, which are assumed the same so that comparing
// records that refer to themselves ends.
func sameTypeIn(a, b types.Type, seen map[[2]*types.RecordType]bool) bool {
	if a == b {
		return true
	}
	if a.Kind() == types.Any || b.Kind() == types.Any {
		// Bro 2.6's same_type lets any match every type, at any depth.
		return true
	}
	if a.Kind() != b.Kind() {
		return false
	}
	switch at := a.(type) {
	case *types.TableType:
		bt := b.(*types.TableType)
		if len(at.Index) != len(bt.Index) || at.IsSet() != bt.IsSet() {
			return false
		}
		for i := range at.Index {
			// An index of type any matches only any: gobro keys
			// tables by their values' own encodings, which an any
			// view would not find.
			if (at.Index[i].Kind() == types.Any) != (bt.Index[i].Kind() == types.Any) || !sameTypeIn(at.Index[i], bt.Index[i], seen) {
				return false
			}
		}
		return at.IsSet() || sameTypeIn(at.Yield, bt.Yield, seen)
	case *types.VectorType:
		return sameTypeIn(at.Elem, b.(*types.VectorType).Elem, seen)
	case *types.RecordType:
		// As Bro 2.6's same_type: records are the same type when
		// they have the same field names and types, in order,
		// whatever their names.
		return sameRecordShapeIn(at, b.(*types.RecordType), seen)
	case *types.EnumType:
		// Bro 2.6's same_type does not tell enum types apart.
		return true
	}
	return true
}

// field compiles "x$name".
func (sc *scope) field(f *ast.FieldExpr) compiled {
	x := sc.expr(f.X)
	if x.t == nil {
		return bad
	}
	rt, ok := x.t.(*types.RecordType)
	if !ok {
		return sc.errorAt(f.Pos, "not a record (%s)", sc.describe(f))
	}
	i := rt.FieldIndex(f.Name)
	if i < 0 {
		return sc.errorAt(f.Pos, "no such field in record (%s)", sc.describe(f))
	}
	if rt.Fields[i].Deprecated {
		sc.in.deprecatedUse(f, f.Pos, rt.Name()+"$"+f.Name)
	}
	pos := f.Pos
	desc := sc.describer(f)
	in := sc.in
	// unset is the value of a field that holds none: its &default, or
	// the error.
	unset := func() value.Value {
		if d, ok := in.defaultOf(rt.Fields[i]); ok {
			return d
		}
		fail(pos, desc, "field value missing")
		return value.Value{}
	}
	c := compiled{
		t:   rt.Fields[i].Type,
		pos: pos,
		fn: func(fr *Frame) value.Value {
			v := fieldValue(asRecord(x.fn(fr), pos, desc), i)
			if v.IsUnset() {
				return unset()
			}
			return v
		},
		set: func(fr *Frame, v value.Value) { setField(asRecord(x.fn(fr), pos, desc), i, v) },
	}
	if hasIdentity(c.t) {
		// A field holds its value as a variable does (see copied).
		c.share = func(fr *Frame) value.Value {
			r := asRecord(x.fn(fr), pos, desc)
			v := fieldValue(r, i)
			switch {
			case v.IsUnset():
				return unset()
			case v.NeedsIdent():
				v.R = in.idents.New()
				setField(r, i, v)
			}
			return v
		}
	}
	return c
}

// hasField compiles "x?$name".
func (sc *scope) hasField(f *ast.HasField) compiled {
	x := sc.expr(f.X)
	if x.t == nil {
		return bad
	}
	rt, ok := x.t.(*types.RecordType)
	if !ok {
		return sc.errorAt(f.Pos, "not a record (%s)", sc.describe(f))
	}
	i := rt.FieldIndex(f.Name)
	if i < 0 {
		return sc.errorAt(f.Pos, "no such field in record (%s)", sc.describe(f))
	}
	if rt.Fields[i].Deprecated {
		sc.in.deprecatedUse(f, f.Pos, rt.Name()+"?$"+f.Name)
	}
	pos, desc := f.Pos, sc.describer(f.X)
	return compiled{t: types.BoolType, pos: f.Pos, fn: func(fr *Frame) value.Value {
		return value.Bool(!fieldValue(asRecord(x.fn(fr), pos, desc), i).IsUnset())
	}}
}

// index compiles "x[i]" for tables, vectors and strings.
func (sc *scope) index(ix *ast.Index) compiled {
	x := sc.expr(ix.X)
	if x.t == nil {
		return bad
	}
	switch t := x.t.(type) {
	case *types.TableType:
		return sc.tableIndex(ix, x, t)
	case *types.VectorType:
		return sc.vectorIndex(ix, x, t)
	}
	var keys []compiled
	for _, e := range ix.Indices {
		k := sc.expr(e)
		if k.t == nil {
			return bad
		}
		keys = append(keys, k)
	}
	pos := ix.Pos
	if x.t.Kind() == types.String && len(keys) == 1 && isArith(keys[0].t) {
		k := keys[0]
		return compiled{t: types.StringType, pos: pos, fn: func(fr *Frame) value.Value {
			s := x.fn(fr).AsString()
			i := k.fn(fr).AsInt()
			if i < 0 {
				i += int64(len(s))
			}
			if i < 0 || i >= int64(len(s)) {
				return value.String("")
			}
			return value.String(s[i : i+1])
		}}
	}
	return sc.errorAt(pos, "not an index type")
}

// size compiles "|x|".
func (sc *scope) size(s *ast.Size) compiled {
	x := sc.expr(s.X)
	if x.t == nil {
		return bad
	}
	pos, desc := s.Pos, sc.describer(s.X)
	switch x.t.Kind() {
	case types.String:
		return compiled{t: types.CountType, pos: s.Pos, fn: func(fr *Frame) value.Value { return value.Count(uint64(len(x.fn(fr).AsString()))) }}
	case types.Table:
		return compiled{t: types.CountType, pos: s.Pos, fn: func(fr *Frame) value.Value { return value.Count(uint64(asTable(x.fn(fr), pos, desc).Len())) }}
	case types.Vector:
		return compiled{t: types.CountType, pos: s.Pos, fn: func(fr *Frame) value.Value { return value.Count(uint64(len(asVector(x.fn(fr), pos, desc).Elems))) }}
	case types.Count, types.Counter:
		return compiled{t: types.CountType, pos: s.Pos, fn: func(fr *Frame) value.Value { return x.fn(fr).WithoutIdent() }}
	case types.Int:
		return compiled{t: types.CountType, pos: s.Pos, fn: func(fr *Frame) value.Value {
			i := x.fn(fr).AsInt()
			if i < 0 {
				i = -i
			}
			return value.Count(uint64(i))
		}}
	case types.Double, types.Interval, types.Time:
		return compiled{t: types.DoubleType, pos: s.Pos, fn: func(fr *Frame) value.Value { return value.Double(math.Abs(x.fn(fr).AsDouble())) }}
	}
	if c, ok := sc.scalarSize(x, s.Pos); ok {
		return c
	}
	return sc.errorAt(s.Pos, "bad type in |...|")
}

// asRecord, asTable and asVector read a container from a value, failing
// as Bro does where a variable was never given one.
func asRecord(v value.Value, pos ast.Pos, desc describer) *value.Record {
	r, ok := v.R.(*value.Record)
	if !ok {
		fail(pos, desc, "value used but not set")
	}
	return r
}

func asTable(v value.Value, pos ast.Pos, desc describer) *value.Table {
	t, ok := v.R.(*value.Table)
	if !ok {
		fail(pos, desc, "value used but not set")
	}
	return t
}

func asVector(v value.Value, pos ast.Pos, desc describer) *value.Vector {
	vec, ok := v.R.(*value.Vector)
	if !ok {
		fail(pos, desc, "value used but not set")
	}
	return vec
}
