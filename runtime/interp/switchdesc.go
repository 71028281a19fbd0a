package interp

import (
	"fmt"
	"strings"

	"gobro/lang/ast"
)

// Bro's errors about a switch describe a case or the whole statement on
// one line, as its short descriptions write statements: keywords, then
// their expressions; a statement list in braces, its statements run
// together; no semicolons. They stand at the lines the case or the
// statement spans.

// shortStmt describes a statement as those messages do.
func (sc *scope) shortStmt(s ast.Stmt) string {
	switch s := s.(type) {
	case *ast.PrintStmt:
		return "print " + sc.describeArgs(s.Exprs)
	case *ast.ReturnStmt:
		if s.Result == nil {
			return "return "
		}
		return "return (" + sc.describe(s.Result) + ")"
	case *ast.JumpStmt:
		return s.Kind + " "
	case *ast.ExprStmt:
		return sc.describe(s.Expr)
	case *ast.BlockStmt:
		return sc.shortList(s.Stmts)
	case *ast.SwitchStmt:
		var b strings.Builder
		x := ast.Unparen(s.Expr)
		b.WriteString("switch (" + sc.describe(x) + ") {")
		for _, c := range s.Cases {
			b.WriteString(sc.shortCase(c))
		}
		b.WriteString("}")
		return b.String()
	}
	return ""
}

// shortList describes a statement list: "{ " and its statements run
// together, then "}"; nothing when it is empty.
func (sc *scope) shortList(list []ast.Stmt) string {
	if len(list) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("{ ")
	for _, s := range list {
		b.WriteString(sc.shortStmt(s))
	}
	b.WriteString("}")
	return b.String()
}

// shortCase describes a case: its label, then its body.
func (sc *scope) shortCase(c *ast.Case) string {
	var b strings.Builder
	switch {
	case c.Default:
		b.WriteString("default:")
	case len(c.Types) > 0:
		b.WriteString("case")
		for i, tc := range c.Types {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" type " + sc.typeName(tc.Type))
			if tc.As != "" {
				b.WriteString(" as " + tc.As)
			}
		}
		b.WriteString(":")
	default:
		b.WriteString("case " + sc.describeArgs(c.Values) + ":")
	}
	b.WriteString(sc.shortList(c.Body))
	return b.String()
}

// spanLoc is where a case or statement stands in a message: "line N",
// or "lines N-M" when what it holds reaches further down.
func spanLoc(n ast.Node) string {
	first := n.Position()
	last := first.Line
	ast.Walk(n, func(m ast.Node) bool {
		if p := m.Position(); p.Line > last && p.Filename == first.Filename {
			last = p.Line
		}
		return true
	})
	if last == first.Line {
		return posLoc(first)
	}
	return fmt.Sprintf("%s, lines %d-%d", first.Filename, first.Line, last)
}
