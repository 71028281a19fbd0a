package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/value"
)

// funcLit compiles an anonymous function. In Bro 2.6 an anonymous
// function is not a closure: its body sees globals and its own parameters
// and locals only, and a reference to a local of the enclosing body is
// an error ("referencing outer function IDs not supported").
func (sc *scope) funcLit(f *ast.FuncLit) compiled {
	ft := sc.funcType("function", f.Params)
	body := newScope(sc.in, sc.module, ft)
	body.outer = sc
	run := body.body(f.Body.Stmts)
	for _, u := range body.outerUses {
		sc.in.errorAt(u.pos, "referencing outer function IDs not supported (%s)", u.desc)
	}
	src := &funcSource{sc: body, params: ft.Params, body: f.Body}
	fn := &Func{Name: "anonymous-function", Type: ft, body: run, slots: body.slots, src: src}
	v := value.Value{R: fn}
	return compiled{t: ft, pos: f.Pos, fn: func(*Frame) value.Value { return v }}
}

// outerUse is a use of an enclosing body's local in an anonymous
// function, reported when the function's body ends.
type outerUse struct {
	pos  ast.Pos
	desc string
}

// outerLocal returns the local of a body enclosing this anonymous
// function's that name refers to, or nil.
func (sc *scope) outerLocal(name string) *local {
	for o := sc.outer; o != nil; o = o.outer {
		if l, ok := o.locals[name]; ok {
			return l
		}
	}
	return nil
}
