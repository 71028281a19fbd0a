package interp

import (
	"net/netip"
	"strconv"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// switchKey encodes an atomic value so that equal values of one type
// give equal keys.
func switchKey(v value.Value) string {
	if v.IsNumber() {
		// A plain interval too: Bro hashes it by its double, as any
		// interval.
		return "n" + strconv.FormatUint(v.N, 16)
	}
	switch r := v.R.(type) {
	case string:
		return "s" + r
	case netip.Addr:
		a := r.As16()
		return "a" + string(a[:])
	case netip.Prefix:
		a, bits := prefix16(r)
		return "p" + string(a[:]) + strconv.Itoa(bits)
	}
	return "?"
}

// isAtomic reports whether values of t can label switch cases.
func isAtomic(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Counter, types.Double,
		types.Time, types.Interval, types.String, types.Enum, types.Port,
		types.Addr, types.Subnet:
		return true
	}
	return false
}

// switchCase is one compiled arm of a switch.
type switchCase struct {
	body  stmtFn
	types []types.Type // type cases
	slots []int        // the "as" local of each type case, -1 if none
}

// switchStmt compiles "switch e { case ...: ... }". Bro runs the matching
// case (or default) and stops at its end; "fallthrough" goes on into the
// next case, "break" leaves the switch.
func (sc *scope) switchStmt(s *ast.SwitchStmt) stmtFn {
	x := sc.expr(s.Expr)
	if x.t == nil {
		return nil
	}
	xdesc := sc.describe(s.Expr)
	byValue := map[string]int{}
	cases := make([]switchCase, len(s.Cases))
	dflt := -1
	hasExprs, hasTypes := false, false
	for i, c := range s.Cases {
		if c.Default {
			if dflt >= 0 {
				sc.in.errorAt(c.Pos, "multiple default labels")
			}
			dflt = i
		}
		for _, e := range c.Values {
			hasExprs = true
			if !isAtomic(x.t) {
				sc.in.errorAt(c.Pos, "switch expression must be of an atomic type when cases are expressions (%s)", xdesc)
				break
			}
			v := sc.caseLabel(e)
			if v.t == nil {
				continue
			}
			if !v.konst {
				sc.in.errorAt(e.Position(), "case label expression isn't constant (%s)", sc.describe(e))
				continue
			}
			fn, ok := sc.coerce(v, x.t)
			if !ok || (isArith(x.t) && isArith(v.t) && promote(x.t, v.t) != x.t && x.t.Kind() != types.Double) {
				sc.in.errorAt(e.Position(), "case expression type differs from switch type (%s and %s)", sc.describe(e), xdesc)
				continue
			}
			key := switchKey(fn(nil))
			if _, dup := byValue[key]; dup {
				sc.in.errorAt(e.Position(), "duplicate case label (%s)", sc.describe(e))
				continue
			}
			byValue[key] = i
		}
		for _, tc := range c.Types {
			hasTypes = true
			t := sc.resolveType(tc.Type)
			if t == nil {
				continue
			}
			if !canCast(x.t, t) {
				sc.in.errorIn(spanLoc(c), "", "cannot cast switch expression to case type (%s)", sc.shortCase(c))
				continue
			}
			for _, prev := range cases[:i] {
				for _, pt := range prev.types {
					if sameType(pt, t) {
						sc.in.errorIn(spanLoc(c), "", "duplicate case label (%s)", sc.shortCase(c))
					}
				}
			}
			slot := -1
			if tc.As != "" {
				slot = sc.declare(tc.As, t, false).slot
			}
			cases[i].types = append(cases[i].types, t)
			cases[i].slots = append(cases[i].slots, slot)
		}
		if !endsCase(c.Body) {
			sc.in.errorIn(spanLoc(c), "", "case block must end in break/fallthrough/return statement (%s)", sc.shortCase(c))
		}
		cases[i].body = orNothing(sc.stmts(c.Body))
	}
	if hasExprs && hasTypes {
		sc.in.errorIn(spanLoc(s), "", "cannot mix cases with expressions and types (%s)", sc.shortStmt(s))
		return nil
	}
	find := func(fr *Frame, v value.Value) int {
		if i, ok := byValue[switchKey(v)]; ok {
			return i
		}
		return dflt
	}
	if hasTypes {
		in := sc.in
		find = func(fr *Frame, v value.Value) int {
			inner, vt, ok := dynamicType(v, x.t)
			if !ok {
				return dflt
			}
			for i, c := range cases {
				for j, t := range c.types {
					if fits(in, inner, vt, t) {
						if slot := c.slots[j]; slot >= 0 {
							fr.locals[slot] = inner
							if t.Kind() == types.Any {
								fr.locals[slot] = v
							} else if !sameType(vt, t) {
								fr.locals[slot], _ = converter.Convert(in, inner, t)
							}
						}
						return i
					}
				}
			}
			return dflt
		}
	}
	return func(fr *Frame) flow {
		i := find(fr, x.fn(fr))
		if i < 0 {
			return flowNormal
		}
		for ; i < len(cases); i++ {
			switch f := cases[i].body(fr); f {
			case flowFallthrough:
				continue
			case flowBreak, flowNormal:
				return flowNormal
			default:
				return f
			}
		}
		return flowNormal
	}
}

// endsCase reports whether a case body ends in break, fallthrough or
// return, as Bro requires.
func endsCase(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch last := body[len(body)-1].(type) {
	case *ast.JumpStmt:
		return last.Kind == "break" || last.Kind == "fallthrough"
	case *ast.ReturnStmt:
		return true
	case *ast.BlockStmt:
		return endsCase(last.Stmts)
	}
	return false
}

// caseLabel compiles a case label. As Bro's switch does, a unary minus or
// plus applied to a constant, and the name of a global constant, are
// folded into constants; anything else stays what it is, to be refused
// if not constant.
func (sc *scope) caseLabel(e ast.Expr) compiled {
	inner := ast.Unparen(e)
	fold := false
	switch x := inner.(type) {
	case *ast.Unary:
		operand := ast.Unparen(x.X)
		_, isConst := operand.(*ast.Const)
		fold = isConst && (x.Op == "-" || x.Op == "+")
	case *ast.Name:
		if _, local := sc.locals[x.Name]; !local {
			g := sc.in.lookup(x.Name, sc.module)
			fold = g != nil && g.Const && !g.Option && !g.IsType && !g.Value.IsUnset()
		}
	}
	v := sc.expr(e)
	if !fold || v.t == nil || v.konst || v.fn == nil {
		return v
	}
	k, ok := sc.in.protect(func() value.Value { return v.fn(sc.frame()) })
	if !ok {
		return bad
	}
	return compiled{t: v.t, pos: v.pos, src: v.src, konst: true, fn: func(*Frame) value.Value { return k }}
}
