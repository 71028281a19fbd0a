package interp

import (
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/value"
)

// describe renders an expression as Bro's messages show it between
// parentheses: names in full (a module's locals carry its prefix too),
// string constants unquoted, binary operators spaced, unary ones not,
// and ">"/">=" turned around into "<"/"<=".
func (sc *scope) describe(e ast.Expr) string {
	var b strings.Builder
	sc.describeTo(&b, e)
	return b.String()
}

// describer returns a describer for e, for run-time errors.
func (sc *scope) describer(e ast.Expr) describer {
	return func() string { return sc.describe(e) }
}

func (sc *scope) describeTo(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Paren:
		b.WriteByte('(')
		sc.describeTo(b, e.X)
		b.WriteByte(')')
	case *ast.Name:
		b.WriteString(sc.describeName(e.Name))
	case *ast.Const:
		c := sc.constant(e)
		if c.t == nil {
			b.WriteString(e.Text)
			return
		}
		b.WriteString(value.Render(c.fn(nil), c.t))
	case *ast.Unary:
		b.WriteString(e.Op)
		sc.describeTo(b, e.X)
	case *ast.Binary:
		x, y, op := e.X, e.Y, e.Op
		switch op {
		case ">":
			x, y, op = y, x, "<"
		case ">=":
			x, y, op = y, x, "<="
		case "!in":
			b.WriteByte('!')
			op = "in"
		}
		sc.describeTo(b, x)
		b.WriteString(" " + op + " ")
		sc.describeTo(b, y)
	case *ast.Assign:
		sc.describeTo(b, e.X)
		b.WriteString(" " + e.Op + " ")
		sc.describeTo(b, e.Y)
	case *ast.Cond:
		sc.describeTo(b, e.Cond)
		b.WriteString(" ? ")
		sc.describeTo(b, e.Then)
		b.WriteString(" : ")
		sc.describeTo(b, e.Else)
	case *ast.Index:
		sc.describeTo(b, e.X)
		b.WriteByte('[')
		sc.describeList(b, e.Indices)
		b.WriteByte(']')
	case *ast.FieldExpr:
		sc.describeTo(b, e.X)
		b.WriteString("$" + e.Name)
	case *ast.HasField:
		sc.describeTo(b, e.X)
		b.WriteString("?$" + e.Name)
	case *ast.Call:
		sc.describeTo(b, e.Fun)
		b.WriteByte('(')
		if text, ok := sc.in.callArgs[e]; ok {
			b.WriteString(text)
		} else {
			sc.describeList(b, e.Args)
		}
		b.WriteByte(')')
	case *ast.FieldAssign:
		b.WriteString("$" + e.Name + "=")
		sc.describeTo(b, e.Value)
	case *ast.ListExpr:
		b.WriteByte('[')
		sc.describeList(b, e.Elems)
		b.WriteByte(']')
	case *ast.Cast:
		sc.describeTo(b, e.X)
		b.WriteString(" as " + sc.typeName(e.Type))
	case *ast.TypeTest:
		sc.describeTo(b, e.X)
		b.WriteString(" is " + sc.typeName(e.Type))
	case *ast.Size:
		b.WriteString("sizeof")
		sc.describeTo(b, e.X)
	case *ast.CopyExpr:
		b.WriteString("(*)")
		sc.describeTo(b, e.X)
	case *ast.Constructor:
		if e.Kind == "record" {
			b.WriteByte('[')
			sc.describeList(b, e.Args)
			b.WriteByte(']')
			return
		}
		b.WriteString(sc.describeCtor(e))
	case *ast.Slice:
		b.WriteString(sc.describeSlice(e))
	case *ast.HookCall:
		// Bro keeps the call the hook operator applies to.
		sc.describeTo(b, e.Call)
	case *ast.Schedule:
		b.WriteString("schedule ")
		sc.describeTo(b, e.When)
		b.WriteString(" {" + e.Event.Name + "(")
		sc.describeList(b, e.Event.Args)
		b.WriteString(")}")
	default:
		b.WriteString("<expression>")
	}
}

func (sc *scope) describeList(b *strings.Builder, list []ast.Expr) {
	for i, e := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		sc.describeTo(b, e)
	}
}

// describeName returns the full name a reference stands for.
func (sc *scope) describeName(name string) string {
	if _, ok := sc.locals[name]; ok {
		return fullName(sc.module, name)
	}
	if g := sc.in.lookup(name, sc.module); g != nil {
		return g.Name
	}
	return fullName(sc.module, name)
}

// typeName writes a type expression as messages show it.
func (sc *scope) typeName(t *ast.Type) string {
	if t.Name != "" {
		if g := sc.in.lookup(t.Name, sc.module); g != nil && g.IsType {
			return g.Name
		}
		return t.Name
	}
	saved := sc.in.nerrs
	rt := sc.resolveType(t)
	sc.in.nerrs = saved
	if rt == nil {
		return "<type>"
	}
	return rt.String()
}
