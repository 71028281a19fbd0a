package interp

import (
	"io"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// flow tells how a statement ended.
type flow uint8

const (
	flowNormal flow = iota
	flowNext
	flowBreak
	flowReturn
	flowFallthrough
	// flowFailed ends a body that a run-time error abandoned.
	flowFailed
)

// stmtFn runs a statement in a frame.
type stmtFn func(fr *Frame) flow

// body compiles the statements of a function, event or hook body: the
// locals it declares without a value are initialised when it starts.
func (sc *scope) body(list []ast.Stmt) stmtFn {
	sc.inBody = true
	run := sc.stmts(list)
	inits := sc.bodyInits
	if len(inits) == 0 {
		return run
	}
	return func(fr *Frame) flow {
		for _, init := range inits {
			init(fr)
		}
		return run(fr)
	}
}

// stmts compiles a statement list into one statement.
func (sc *scope) stmts(list []ast.Stmt) stmtFn {
	fns := make([]stmtFn, 0, len(list))
	for _, s := range list {
		if fn := sc.stmt(s); fn != nil {
			fns = append(fns, fn)
		}
	}
	return func(fr *Frame) flow {
		for _, fn := range fns {
			if f := fn(fr); f != flowNormal {
				return f
			}
		}
		return flowNormal
	}
}

// stmt checks and compiles one statement; nil for one that does nothing.
// A statement holding an expression that can fail softly (see softError)
// is wrapped so that such a failure abandons just it.
func (sc *scope) stmt(s ast.Stmt) stmtFn {
	saved := sc.softFails
	sc.softFails = false
	sc.depth++
	fn := sc.stmtKind(s)
	sc.depth--
	if sc.softFails && fn != nil {
		_, isReturn := s.(*ast.ReturnStmt)
		fn = sc.in.catchSoft(fn, isReturn)
	}
	sc.softFails = saved
	return fn
}

// stmtKind compiles a statement by its kind.
func (sc *scope) stmtKind(s ast.Stmt) stmtFn {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return nil
	case *ast.BlockStmt:
		return sc.stmts(s.Stmts)
	case *ast.ExprStmt:
		e := sc.expr(s.Expr)
		if sc.pureExpr(s.Expr) {
			sc.in.warnAt(s.Pos, "expression value ignored (%s)", sc.describeBuilt(s.Expr))
		}
		if e.t == nil {
			return nil
		}
		return func(fr *Frame) flow { e.fn(fr); return flowNormal }
	case *ast.PrintStmt:
		return sc.print(s)
	case *ast.VarDecl:
		return sc.localDecl(s)
	case *ast.IfStmt:
		return sc.ifStmt(s)
	case *ast.WhileStmt:
		return sc.whileStmt(s)
	case *ast.ForStmt:
		return sc.forStmt(s)
	case *ast.JumpStmt:
		f := map[string]flow{"next": flowNext, "break": flowBreak, "fallthrough": flowFallthrough}[s.Kind]
		return func(*Frame) flow { return f }
	case *ast.ReturnStmt:
		return sc.returnStmt(s)
	case *ast.EventStmt:
		return sc.eventStmt(s)
	case *ast.WhenStmt:
		return sc.whenStmt(s, false)
	case *ast.SwitchStmt:
		return sc.switchStmt(s)
	case *ast.AddStmt:
		return sc.addStmt(s)
	case *ast.DeleteStmt:
		return sc.deleteStmt(s)
	}
	sc.in.errorAt(s.Position(), "statement not supported yet")
	return nil
}

// print compiles "print a, b, ...". A first argument of type file
// sends the rest to that file: nothing at all once the file is closed,
// raw renderings without separators or newline if it takes raw output.
func (sc *scope) print(s *ast.PrintStmt) stmtFn {
	var fns []exprFn
	var ts []types.Type
	for _, x := range s.Exprs {
		e := sc.expr(x)
		if e.t == nil {
			return nil
		}
		fns = append(fns, e.fn)
		ts = append(ts, e.t)
	}
	out, in := sc.in.out, sc.in
	if len(ts) > 0 && ts[0].Kind() == types.File {
		target, fns, ts := fns[0], fns[1:], ts[1:]
		pos, desc := s.Pos, sc.describer(s.Exprs[0])
		return func(fr *Frame) flow {
			f, ok := target(fr).R.(*value.File)
			if !ok {
				fail(pos, desc, "value used but not set")
			}
			if !f.IsOpen() {
				return flowNormal
			}
			vals := make([]value.Value, len(fns))
			for i, fn := range fns {
				vals[i] = fn(fr)
			}
			line := value.PrintLine(vals, ts, f.Raw())
			f.Write(line)
			in.printHook(f, line)
			return flowNormal
		}
	}
	return func(fr *Frame) flow {
		vals := make([]value.Value, len(fns))
		for i, fn := range fns {
			vals[i] = fn(fr)
		}
		line := value.PrintLine(vals, ts, false)
		io.WriteString(out, line)
		if in.HasHandler("print_hook") {
			if in.stdoutFile == nil {
				in.stdoutFile = value.WriterFile("", out)
			}
			in.printHook(in.stdoutFile, line)
		}
		return flowNormal
	}
}

// printHook raises print_hook for a print to f, when the event has a
// handler, as Bro 2.6 does after every print: with what was printed,
// without its newline.
func (in *Interp) printHook(f *value.File, line string) {
	if !in.HasHandler("print_hook") {
		return
	}
	in.raise("print_hook", []value.Value{{R: f}, value.String(strings.TrimSuffix(line, "\n"))})
}

// localDecl compiles "local x: T = e;" and "const x = e;" in a body.
func (sc *scope) localDecl(d *ast.VarDecl) stmtFn {
	t := sc.resolveType(d.Type)
	var init compiled
	if d.Init != nil {
		if d.Op == "+=" || d.Op == "-=" {
			sc.in.errorAt(d.Pos, "can't use += / -= for initializations of local variables (%s)", fullName(sc.module, d.Name))
			return nil
		}
		if d.Init.Brace {
			init = sc.braceInit(d.Init, t)
		} else {
			init = sc.expr(d.Init.Elems[0])
		}
		if init.t == nil {
			// The local exists all the same, with the declared type or
			// else Bro's error type, which silences later uses.
			if t == nil {
				t = types.ErrorType
			}
			sc.declare(d.Name, t, d.Kind == "const")
			return nil
		}
		if t == nil {
			t = implicitType(init.t)
		}
	}
	if t == nil {
		// As for a global, the local exists with the error type.
		sc.in.errorAt(d.Pos, "no type given (%s)", d.Name)
		sc.declare(d.Name, types.ErrorType, d.Kind == "const")
		return nil
	}
	withDefault := sc.tableAttrs(d.Attrs, t)
	l := sc.declare(d.Name, t, d.Kind == "const")
	if d.Init == nil {
		// Records, tables, sets and vectors start empty; in a body
		// that happens when the body starts, so a declaration inside
		// a loop does not empty the variable again.
		slot := l.slot
		in := sc.in
		init := func(fr *Frame) flow {
			v := in.zeroOf(t)
			if tab, ok := v.R.(*value.Table); ok {
				withDefault(tab)
			}
			fr.locals[slot] = v
			return flowNormal
		}
		if l.mayBeUnset = startsUnset(t); l.mayBeUnset {
			init = func(fr *Frame) flow {
				fr.locals[slot] = value.Unset
				return flowNormal
			}
		}
		if sc.inBody {
			sc.bodyInits = append(sc.bodyInits, init)
			return nil
		}
		return init
	}
	// Bro turns the initialization into an assignment and checks it
	// as one.
	target := compiled{t: t, pos: d.Pos}
	desc := func() string {
		if d.Init.Brace {
			return sc.describeName(d.Name) + " = " + sc.describeCompiled(init)
		}
		return sc.describeName(d.Name) + " = " + sc.describeInit(d.Init)
	}
	fn, ok := sc.assignable(target, init, d.Pos, desc)
	if !ok {
		return nil
	}
	slot := l.slot
	if sc.depth > 1 && !l.mayBeUnset {
		// Inside a block that may be skipped.
		sc.startUnset(l)
	}
	return func(fr *Frame) flow {
		v := fn(fr)
		if tab, ok := v.R.(*value.Table); ok {
			withDefault(tab)
		}
		fr.locals[slot] = v
		return flowNormal
	}
}

// condition compiles a bool condition.
func (sc *scope) condition(e ast.Expr) exprFn {
	c := sc.expr(e)
	if c.t == nil {
		return nil
	}
	if c.t.Kind() != types.Bool {
		sc.in.errorAt(e.Position(), "conditional must be boolean")
		return nil
	}
	return c.fn
}

func orNothing(s stmtFn) stmtFn {
	if s == nil {
		return func(*Frame) flow { return flowNormal }
	}
	return s
}

func (sc *scope) ifStmt(s *ast.IfStmt) stmtFn {
	cond := sc.condition(s.Cond)
	then := orNothing(sc.stmt(s.Then))
	els := func(*Frame) flow { return flowNormal }
	if s.Else != nil {
		els = orNothing(sc.stmt(s.Else))
	}
	if cond == nil {
		return nil
	}
	return func(fr *Frame) flow {
		if cond(fr).AsBool() {
			return then(fr)
		}
		return els(fr)
	}
}

func (sc *scope) whileStmt(s *ast.WhileStmt) stmtFn {
	cond := sc.condition(s.Cond)
	body := orNothing(sc.stmt(s.Body))
	if cond == nil {
		return nil
	}
	return func(fr *Frame) flow {
		for cond(fr).AsBool() {
			switch f := body(fr); f {
			case flowBreak:
				return flowNormal
			case flowReturn, flowFailed:
				return f
			}
		}
		return flowNormal
	}
}

// loop runs body once per element, honouring next, break and return.
func loop(body stmtFn, fr *Frame, each func(yield func() bool)) flow {
	result := flowNormal
	each(func() bool {
		switch f := body(fr); f {
		case flowBreak:
			return false
		case flowReturn, flowFailed:
			result = f
			return false
		}
		return true
	})
	return result
}

// forStmt compiles loops over tables, sets, vectors and strings.
func (sc *scope) forStmt(s *ast.ForStmt) stmtFn {
	x := sc.expr(s.Expr)
	if x.t == nil {
		return nil
	}
	pos, desc := s.Pos, sc.describer(s.Expr)
	switch t := x.t.(type) {
	case *types.TableType:
		if len(s.Keys) != len(t.Index) {
			sc.in.errorAt(s.Pos, "wrong index size")
			return nil
		}
		var slots []int
		var copies []bool // a key part the loop hands out as a copy
		for i, k := range s.Keys {
			slots = append(slots, sc.declare(k, t.Index[i], false).slot)
			switch t.Index[i].Kind() {
			case types.Record, types.Vector, types.Table:
				copies = append(copies, true)
			default:
				copies = append(copies, false)
			}
		}
		body := orNothing(sc.stmt(s.Body))
		return func(fr *Frame) flow {
			tab := asTable(x.fn(fr), pos, desc)
			return loop(body, fr, func(yield func() bool) {
				tab.Each(func(e *value.Entry) bool {
					for i, slot := range slots {
						// A stored key holds no identity: only a
						// container needs a copy of its own.
						if copies[i] {
							fr.locals[slot] = value.KeyCopy(e.Key[i])
						} else {
							fr.locals[slot] = e.Key[i]
						}
					}
					return yield()
				})
			})
		}
	case *types.VectorType:
		if len(s.Keys) != 1 || s.Bracketed {
			sc.in.errorAt(s.Pos, "wrong index size")
			return nil
		}
		// Bro 2.6 gives a vector's loop variable type int.
		slot := sc.declare(s.Keys[0], types.IntType, false).slot
		body := orNothing(sc.stmt(s.Body))
		return func(fr *Frame) flow {
			vec := asVector(x.fn(fr), pos, desc)
			return loop(body, fr, func(yield func() bool) {
				for i := 0; i < len(vec.Elems); i++ {
					if vec.Elems[i].IsUnset() {
						continue
					}
					fr.locals[slot] = value.Count(uint64(i))
					if !yield() {
						return
					}
				}
			})
		}
	}
	if x.t.Kind() == types.String && len(s.Keys) == 1 {
		slot := sc.declare(s.Keys[0], types.StringType, false).slot
		body := orNothing(sc.stmt(s.Body))
		return func(fr *Frame) flow {
			str := x.fn(fr).AsString()
			return loop(body, fr, func(yield func() bool) {
				for i := 0; i < len(str); i++ {
					fr.locals[slot] = value.String(str[i : i+1])
					if !yield() {
						return
					}
				}
			})
		}
	}
	sc.in.errorAt(s.Pos, "target to iterate over must be a table, set, vector, or string")
	return nil
}

func (sc *scope) returnStmt(s *ast.ReturnStmt) stmtFn {
	if s.When != nil {
		return sc.whenStmt(s.When, true)
	}
	if s.Result == nil {
		return func(*Frame) flow { return flowReturn }
	}
	if sc.result == nil || sc.result == types.VoidType {
		sc.in.errorAt(s.Pos, "return value given in function without result")
		return nil
	}
	r := sc.expr(s.Result)
	if r.t == nil {
		return nil
	}
	if n, ok := ast.Unparen(s.Result).(*ast.Name); !ok || sc.locals[n.Name] == nil {
		// A local's value goes with the frame that held it; anything
		// else still holds the value returned.
		r = sc.copied(r)
	}
	fn, ok := sc.coerce(r, sc.result)
	if !ok {
		sc.in.errorAt(s.Pos, "type clash in return")
		return nil
	}
	if r.site != nil && r.t == sc.result {
		// The call's value is the function's, unconverted: if it is
		// delayed inside a "when" condition, the function returns
		// at once and its own call is delayed in turn.
		r.site.tail = true
		sc.returnSite = r.site
	}
	return func(fr *Frame) flow { fr.ret = fn(fr); return flowReturn }
}

// eventStmt compiles "event e(args);", which queues the event: it never
// runs inline.
func (sc *scope) eventStmt(s *ast.EventStmt) stmtFn {
	ev := sc.eventCall(s.Event, s.Pos)
	if ev == nil {
		return nil
	}
	in := sc.in
	return func(fr *Frame) flow {
		h, args := ev(fr)
		in.enqueue(h, args)
		return flowNormal
	}
}
