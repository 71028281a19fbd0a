package interp

import (
	"io"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// This file renders function values as Bro 2.6 does in print, cat and
// fmt("%s"). A built-in function is its name. A script function is its
// name, a newline, then each of its bodies as Bro's statement tree
// describes itself: not the source text, but the statements and
// expressions Bro built from it. That tree differs from the source in
// ways the text shows:
//
//   - a body is "{ ", a newline, each statement followed by a newline,
//     then "}"; an empty body is a lone ";". Statements of a body are not
//     indented; the branches of if, for, while, when and switch are, one
//     level deeper (tabs appear only where Bro's description has a
//     buffer, that is in cat and fmt, not in print);
//   - locals declared without a value are gathered into an "<init>"
//     statement that opens the function, and their declarations leave a
//     lone ";"; "local x = e" is the assignment "x = e";
//   - the statement keyword is always followed by a blank ("next ;",
//     "return ;"), a returned value is parenthesized ("return (x);"),
//     and "if", "for", "while" and "when" put their head in parentheses;
//   - string constants are written without quotes;
//   - operands are reordered as Bro's constructors canonicalize them:
//     "x > y" becomes "y < x", "x >= y" "y <= x", "x == 1" "1 == x" (the
//     operand of the later expression kind goes first), "x * 2" "2 * x";
//   - implicit conversions show as "(coerce e to T)": arithmetic
//     promotion of mixed operands, assignments, arguments, return
//     values, string indices (to int), record constructors assigned to a
//     declared record type, empty table() and set() constructors;
//   - arguments left to their &default are written out, "[a, b]" in an
//     index or "in" loses its brackets, "|x|" is "sizeofx", copy(x) is
//     "(*)x", and a named record constructor R($a=1) is a coercion of
//     [$a=1] to R.
//
// The description needs the static types of subexpressions; they are
// recomputed from the body's scope, with error output silenced.

// funcSource is what a script body keeps of its source so that it can be
// described: the scope it was compiled in (its locals, its module and its
// result type), its parameters and its statements.
type funcSource struct {
	sc     *scope
	params []types.Param
	body   *ast.BlockStmt
}

// Describe writes f as Bro 2.6 describes a function value.
func (f *Func) Describe(d *value.Desc) {
	d.Add(f.Name)
	if f.builtin != nil {
		return
	}
	d.NL()
	if f.handlers != nil {
		for i := range f.handlers.bodies {
			if src := f.handlers.bodies[i].src; src != nil {
				src.describe(d)
			}
		}
		return
	}
	if f.src != nil {
		f.src.describe(d)
	}
}

// describe writes one body, preceded by the "<init>" statement of its
// locals declared without a value, as Bro adds it.
func (fs *funcSource) describe(d *value.Desc) {
	w := &bodyWriter{sc: fs.sc, d: d}
	inits := fs.inits()
	if len(inits) == 0 {
		w.stmtList(fs.body.Stmts)
		return
	}
	d.Add("{ ")
	d.NL()
	d.Add("<init>")
	d.SP()
	for i, name := range inits {
		if i > 0 {
			d.Add(",")
			d.SP()
		}
		d.Add(name)
	}
	d.Add(";")
	d.NL()
	w.stmtList(fs.body.Stmts)
	d.NL()
	d.Add("}")
}

// inits lists, in the order Bro's parser meets them, the locals Bro
// initializes when the body starts: those declared without a value, the
// variables a "for" introduces, and those of "case type T as x".
func (fs *funcSource) inits() []string {
	declared := map[string]bool{}
	for _, p := range fs.params {
		declared[p.Name] = true
	}
	var out []string
	add := func(name string) {
		declared[name] = true
		out = append(out, fullName(fs.sc.module, name))
	}
	var walk func(s ast.Stmt)
	walkList := func(list []ast.Stmt) {
		for _, s := range list {
			walk(s)
		}
	}
	walk = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.VarDecl:
			if s.Init == nil && !declared[s.Name] {
				add(s.Name)
			} else {
				declared[s.Name] = true
			}
		case *ast.BlockStmt:
			walkList(s.Stmts)
		case *ast.IfStmt:
			walk(s.Then)
			if s.Else != nil {
				walk(s.Else)
			}
		case *ast.WhileStmt:
			walk(s.Body)
		case *ast.ForStmt:
			for _, k := range s.Keys {
				if !declared[k] {
					add(k)
				}
			}
			walk(s.Body)
		case *ast.SwitchStmt:
			for _, c := range s.Cases {
				for _, tc := range c.Types {
					if tc.As != "" {
						add(tc.As)
					}
				}
				walkList(c.Body)
			}
		case *ast.WhenStmt:
			if le, ok := s.Cond.(*ast.LocalExpr); ok {
				declared[le.Name] = true
			}
			walk(s.Body)
			if s.OnTime != nil {
				walkList(s.OnTime.Stmts)
			}
		case *ast.ReturnStmt:
			if s.When != nil {
				walk(s.When)
			}
		}
	}
	walkList(fs.body.Stmts)
	return out
}

// bodyWriter writes statements and expressions of one body.
type bodyWriter struct {
	sc *scope
	d  *value.Desc
}

// stmtList writes a statement list as Bro's StmtList describes itself.
func (w *bodyWriter) stmtList(list []ast.Stmt) {
	d := w.d
	if len(list) == 0 {
		d.Add(";")
		return
	}
	d.Add("{ ")
	d.NL()
	for _, s := range list {
		w.stmt(s)
		d.NL()
	}
	d.Add("}")
}

// tag writes a statement's keyword and the blank that follows it.
func (w *bodyWriter) tag(kw string) {
	w.d.Add(kw)
	w.d.SP()
}

// indented writes s one level deeper, on lines of its own.
func (w *bodyWriter) indented(s ast.Stmt) {
	w.d.PushIndent()
	w.stmt(s)
	w.d.PopIndent()
}

func (w *bodyWriter) stmt(s ast.Stmt) {
	d := w.d
	switch s := s.(type) {
	case *ast.EmptyStmt:
		d.Add(";")
	case *ast.BlockStmt:
		w.stmtList(s.Stmts)
	case *ast.ExprStmt:
		w.out(w.build(s.Expr))
		d.Add(";")
	case *ast.PrintStmt:
		w.tag("print")
		nodes := make([]*dnode, len(s.Exprs))
		for i, e := range s.Exprs {
			nodes[i] = w.build(e)
		}
		w.list(nodes)
		d.Add(";")
	case *ast.VarDecl:
		if s.Init != nil {
			w.out(w.localInit(s))
		}
		d.Add(";")
	case *ast.IfStmt:
		w.headed("if", s.Cond)
		w.indented(s.Then)
		if s.Else != nil {
			d.Add("else")
			w.indented(s.Else)
		}
	case *ast.WhileStmt:
		// Bro 2.6's WhileStmt leaves its statement tag unset, so what
		// Bro writes here is whatever the tag's memory held; gobro
		// writes the keyword the tag was meant to be.
		w.headed("while", s.Cond)
		w.indented(s.Body)
	case *ast.ForStmt:
		w.tag("for")
		d.Add("(")
		if len(s.Keys) > 0 {
			d.Add("[")
		}
		// Bro writes the separating comma after every variable but
		// the first: [a] and [ab,].
		for i, k := range s.Keys {
			d.Add(fullName(w.sc.module, k))
			if i > 0 {
				d.Add(",")
			}
		}
		if len(s.Keys) > 0 {
			d.Add("]")
		}
		d.Add(" in ")
		w.out(w.build(s.Expr))
		d.Add(")")
		d.SP()
		w.indented(s.Body)
	case *ast.JumpStmt:
		w.tag(s.Kind)
		d.Add(";")
	case *ast.ReturnStmt:
		if s.When != nil {
			w.when(s.When)
			return
		}
		w.tag("return")
		if s.Result != nil {
			d.Add("(")
			n := w.build(s.Result)
			if r := w.sc.result; r != nil && r.Kind() != types.Void {
				n = w.promote(n, r)
			}
			w.out(n)
			d.Add(")")
		}
		d.Add(";")
	case *ast.EventStmt:
		w.tag("event")
		w.out(w.event(s.Event))
		d.Add(";")
	case *ast.WhenStmt:
		w.when(s)
	case *ast.SwitchStmt:
		w.switchStmt(s)
	case *ast.AddStmt:
		w.tag("add")
		w.out(w.build(s.Expr))
		d.Add(";")
	case *ast.DeleteStmt:
		w.tag("delete")
		w.out(w.build(s.Expr))
		d.Add(";")
	default:
		d.Add(";")
	}
}

// headed writes the head of an if, while or when statement: its tag and
// its condition in parentheses.
func (w *bodyWriter) headed(tag string, cond ast.Expr) {
	w.tag(tag)
	w.d.Add("(")
	w.out(w.build(cond))
	w.d.Add(")")
	w.d.SP()
}

func (w *bodyWriter) when(s *ast.WhenStmt) {
	d := w.d
	w.headed("when", s.Cond)
	w.indented(s.Body)
	if s.OnTime != nil {
		d.SP()
		d.Add("timeout")
		d.SP()
		w.out(w.build(s.Timeout))
		d.SP()
		d.PushIndent()
		w.stmtList(s.OnTime.Stmts)
		d.PopIndent()
	}
}

func (w *bodyWriter) switchStmt(s *ast.SwitchStmt) {
	d := w.d
	w.tag("switch")
	w.out(w.build(s.Expr))
	d.SP()
	d.Add("{")
	d.PushIndent()
	for _, c := range s.Cases {
		w.caseArm(c)
	}
	d.PopIndent()
	d.Add("}")
	d.NL()
}

func (w *bodyWriter) caseArm(c *ast.Case) {
	d := w.d
	if c.Default {
		d.Add("default:")
	} else {
		d.Add("case")
		for i, v := range c.Values {
			if i > 0 {
				d.Add(",")
			}
			d.SP()
			w.out(w.caseLabel(v))
		}
		for i, tc := range c.Types {
			if i > 0 {
				d.Add(",")
			}
			d.SP()
			d.Add("type")
			d.SP()
			d.Add(types.Describe(w.sc.silently(func() types.Type { return w.sc.resolveType(tc.Type) })))
			if tc.As != "" {
				d.SP()
				d.Add("as")
				d.SP()
				d.Add(fullName(w.sc.module, tc.As))
			}
		}
		d.Add(":")
	}
	d.PushIndent()
	w.stmtList(c.Body)
	d.PopIndent()
}

// caseLabel builds a case label as the switch leaves it: Bro replaces a
// constant's name, and a sign applied to a literal, by the value.
func (w *bodyWriter) caseLabel(e ast.Expr) *dnode {
	inner := ast.Unparen(e)
	folds := false
	switch x := inner.(type) {
	case *ast.Unary:
		_, lit := x.X.(*ast.Const)
		folds = lit && (x.Op == "-" || x.Op == "+")
	case *ast.Name:
		if _, local := w.sc.locals[x.Name]; !local {
			if g := w.sc.in.lookup(x.Name, w.sc.module); g != nil && g.Const && !g.IsType {
				folds = true
			}
		}
	}
	if !folds {
		return w.build(e)
	}
	var v value.Value
	t := w.sc.silently(func() types.Type {
		c := w.sc.expr(inner)
		if c.t != nil {
			v, _ = w.sc.in.protect(func() value.Value { return c.fn(w.sc.frame()) })
		}
		return c.t
	})
	if t == nil {
		return w.build(e)
	}
	d := w.d
	return &dnode{tag: tagConst, t: t, konst: true, val: v, write: func() { d.AddValue(v, t) }}
}

// localInit builds the assignment a "local x = e" (or "const") becomes.
func (w *bodyWriter) localInit(s *ast.VarDecl) *dnode {
	name := fullName(w.sc.module, s.Name)
	lt := w.sc.silently(func() types.Type {
		if l, ok := w.sc.locals[s.Name]; ok {
			return l.t
		}
		return nil
	})
	lhs := &dnode{tag: tagName, t: lt, write: func() { w.d.Add(name) }}
	var rhs *dnode
	if s.Init.Brace {
		rhs = w.braceInit(s.Init, lt)
	} else {
		rhs = w.build(s.Init.Elems[0])
	}
	return w.assignNode(lhs, rhs, "=")
}

// braceInit builds what a brace initializer becomes once assigned to a
// local of type t: a set, table or vector constructor.
func (w *bodyWriter) braceInit(init *ast.Init, t types.Type) *dnode {
	elems := make([]*dnode, len(init.Elems))
	for i, e := range init.Elems {
		elems[i] = w.ctorElem(e)
	}
	kind := "table"
	tag := tagTableCtor
	switch tt := t.(type) {
	case *types.TableType:
		if tt.IsSet() {
			kind, tag = "set", tagSetCtor
			w.promoteSetElems(elems, tt)
		}
	case *types.VectorType:
		kind, tag = "vector", tagVectorCtor
		for i := range elems {
			elems[i] = w.promote(elems[i], tt.Elem)
		}
	}
	d := w.d
	return &dnode{tag: tag, t: t, write: func() {
		d.Add(kind + "(")
		w.list(elems)
		d.Add(")")
	}}
}

// silently runs f with error and warning output discarded and the error
// count restored: it recompiles code that was checked already.
func (sc *scope) silently(f func() types.Type) (t types.Type) {
	in := sc.in
	out, nerrs, aborted := in.errOut, in.nerrs, in.aborted
	in.errOut = io.Discard
	defer func() {
		in.errOut, in.nerrs, in.aborted = out, nerrs, aborted
		if recover() != nil {
			t = nil
		}
	}()
	return f()
}

// typeOf returns the static type of e in the body's scope.
func (w *bodyWriter) typeOf(e ast.Expr) types.Type {
	return w.sc.silently(func() types.Type { return w.sc.expr(e).t })
}
