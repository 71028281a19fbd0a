package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// hookCall compiles "hook h(args)": every body of the hook runs at once,
// highest priority first, until one ends with "break". The expression is
// F if a body broke the chain, T otherwise (also with no bodies). The
// operand is any call whose function yields a hook: a global hook, a
// local, a table element, the result of another call.
func (sc *scope) hookCall(h *ast.HookCall) compiled {
	call, ok := h.Call.(*ast.Call)
	if !ok {
		// Bro reports the operand and keeps it as the expression.
		sc.in.errorAt(h.Call.Position(), "not a valid hook call expression (%s)", sc.describe(h.Call))
		sc.expr(h.Call)
		return bad
	}
	if name, isName := call.Fun.(*ast.Name); isName {
		if _, local := sc.locals[name.Name]; !local {
			g := sc.in.lookup(name.Name, sc.module)
			if g == nil {
				return sc.unknownIdentifier(name.Pos, name.Name)
			}
			if !g.IsType {
				return sc.globalHookCall(h, call, g)
			}
		}
	}
	fun := sc.expr(call.Fun)
	if fun.t == nil {
		return bad
	}
	ft, isFunc := fun.t.(*types.FuncType)
	if !isFunc || ft.Flavor != types.FlavorHook {
		return sc.errorAt(h.Pos, "not a valid hook call expression")
	}
	checked, ok := sc.checkArgs(call.Args, ft, call.Pos)
	if !ok {
		return sc.callMismatch(call, checked)
	}
	args := checked.fns
	in := sc.in
	name := sc.describe(call.Fun)
	return compiled{t: types.BoolType, pos: h.Pos, fn: func(fr *Frame) value.Value {
		f, _ := fun.fn(fr).R.(*Func)
		if f == nil || f.handlers == nil {
			return value.Bool(true)
		}
		return in.runHook(f.handlers, args, fr, h.Pos, name)
	}}
}

// globalHookCall compiles a hook call on a global's name; the global's
// handlers are those of the hook, made here if it has none yet.
func (sc *scope) globalHookCall(h *ast.HookCall, call *ast.Call, g *Global) compiled {
	ft, isFunc := g.Type.(*types.FuncType)
	if !isFunc || ft.Flavor != types.FlavorHook {
		return sc.errorAt(h.Pos, "not a valid hook call expression")
	}
	if g.Deprecated {
		sc.in.deprecatedUse(call.Fun, call.Fun.Position(), g.Name)
	}
	checked, ok := sc.checkArgs(call.Args, ft, call.Pos)
	if !ok {
		return sc.callMismatch(call, checked)
	}
	args := checked.fns
	if g.Handler == nil {
		g.Handler = &Handlers{}
	}
	handlers := g.Handler
	in := sc.in
	name := g.Name
	return compiled{t: types.BoolType, pos: h.Pos, fn: func(fr *Frame) value.Value {
		return in.runHook(handlers, args, fr, h.Pos, name)
	}}
}

// runHook runs a hook's bodies with the arguments args compute in fr;
// pos and name, where the hook is called and what, are for the error of
// a hook nested too deeply.
func (in *Interp) runHook(handlers *Handlers, args []exprFn, fr *Frame, pos ast.Pos, name string) value.Value {
	vals := make([]value.Value, len(args))
	for i, a := range args {
		if a != nil {
			vals[i] = a(fr)
		}
	}
	// A hook that calls itself counts against the same bound as
	// functions, so that it ends in a run-time error rather than
	// exhausting the stack.
	if in.callDepth >= maxCallDepth {
		fail(pos, func() string { return name }, "too many nested function calls")
	}
	in.callDepth++
	defer func() { in.callDepth-- }()
	for i := range handlers.bodies {
		b := &handlers.bodies[i]
		hf := &Frame{locals: make([]value.Value, b.slots)}
		copy(hf.locals, vals)
		if in.runBody(b.run, hf) == flowBreak {
			return value.Bool(false)
		}
	}
	return value.Bool(true)
}
