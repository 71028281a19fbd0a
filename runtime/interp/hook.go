package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// hookCall compiles "hook h(args)": every body of the hook runs at once,
// highest priority first, until one ends with "break". The expression is
// F if a body broke the chain, T otherwise (also with no bodies).
func (sc *scope) hookCall(h *ast.HookCall) compiled {
	call, ok := h.Call.(*ast.Call)
	if !ok {
		return sc.errorAt(h.Pos, "not a valid hook call expression")
	}
	name, ok := call.Fun.(*ast.Name)
	var g *Global
	if ok {
		g = sc.in.lookup(name.Name, sc.module)
	}
	if g == nil {
		if ok {
			return sc.unknownIdentifier(name.Pos, name.Name)
		}
		return sc.errorAt(h.Pos, "not a valid hook call expression")
	}
	ft, isFunc := g.Type.(*types.FuncType)
	if !isFunc || ft.Flavor != types.FlavorHook {
		return sc.errorAt(h.Pos, "not a valid hook call expression")
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
	return compiled{t: types.BoolType, pos: h.Pos, fn: func(fr *Frame) value.Value {
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
			fail(h.Pos, func() string { return name.Name }, "too many nested function calls")
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
	}}
}
