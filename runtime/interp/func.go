package interp

import (
	"slices"
	"sort"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Func is a function value: a script body or a builtin.
type Func struct {
	Name     string
	Type     *types.FuncType
	body     stmtFn
	slots    int
	defaults []exprFn // per parameter; nil where none
	builtin  Builtin
	// free holds frames of finished calls for reuse: a call takes one
	// (or makes one) and gives it back, cleared, when it returns.
	free []*Frame
	// src describes a script function's body; handlers, an event's or
	// hook's bodies (see Describe).
	src      *funcSource
	handlers *Handlers
	// through, on a function that passes its parameters through to a
	// builtin, is that call (see throughCall).
	through *throughCall
}

// maxFreeFrames bounds the frames a function keeps for reuse; deeper
// recursion makes new ones, which the garbage collector takes back.
const maxFreeFrames = 32

// newFrame returns a frame for a call of f, its locals unset.
func (f *Func) newFrame(async *asyncCtx) *Frame {
	if n := len(f.free); n > 0 {
		fr := f.free[n-1]
		f.free = f.free[:n-1]
		fr.async = async
		return fr
	}
	return &Frame{locals: make([]value.Value, f.slots), async: async}
}

// releaseFrame gives back a frame whose call has returned. Nothing keeps
// a frame beyond its call ("when" copies the one it needs), so it may
// serve the next call.
func (f *Func) releaseFrame(fr *Frame) {
	clear(fr.locals)
	fr.ret = value.Value{}
	fr.async = nil
	fr.actx = asyncCtx{} // not to keep a trigger alive
	fr.callPos = ast.Pos{}
	if len(f.free) < maxFreeFrames {
		f.free = append(f.free, fr)
	}
}

// fillDefaults computes, in the callee's frame, the &default of each
// parameter the caller left out (given[i] false).
func (f *Func) fillDefaults(fr *Frame, given []bool) {
	if f.defaults == nil {
		return
	}
	for i, ok := range given {
		if !ok && i < len(f.defaults) && f.defaults[i] != nil {
			fr.locals[i] = f.defaults[i](fr)
		}
	}
}

// run runs f's body in fr, which holds the arguments, and returns the
// result. A run-time error ends this body only: Bro reports it, and the
// call yields no value, so the caller's statement that made it does
// nothing (noValue) and the caller goes on with its next statement.
func (f *Func) run(in *Interp, fr *Frame) value.Value {
	v, _ := f.runDelayable(in, fr)
	return v
}

// runDelayable is run that also tells, for a call inside a "when"
// condition, whether the function's result is delayed: its frame's
// context says so, read before the frame is given back.
func (f *Func) runDelayable(in *Interp, fr *Frame) (value.Value, bool) {
	if in.callDepth >= maxCallDepth {
		f.releaseFrame(fr)
		var pos ast.Pos
		if f.src != nil && f.src.body != nil {
			pos = f.src.body.Pos
		}
		fail(pos, func() string { return f.Name }, "too many nested function calls")
	}
	in.callDepth++
	failed := in.runBody(f.body, fr) == flowFailed
	in.callDepth--
	ret := fr.ret
	delayed := fr.async != nil && fr.async.delayed
	f.releaseFrame(fr)
	if failed {
		panic(noValue)
	}
	return ret, delayed
}

// maxCallDepth bounds how deeply script functions may call each other.
// Bro 2.6 has no bound and crashes when its C stack runs out, which a
// recursion this deep would do; gobro reports a run-time error instead.
const maxCallDepth = 10000

// invoke runs the function with its arguments; given[i] is false where
// the caller left parameter i to its &default, which is computed in the
// callee's frame.
// pos is the call's position, for the messages of builtins.
func (f *Func) invoke(in *Interp, args []value.Value, given []bool, pos ast.Pos) value.Value {
	return f.invokeIn(in, args, given, pos, nil, nil)
}

// invokeIn is invoke for a call written in a script: desc renders the
// call expression for the messages of builtins, and async, set inside a
// "when" condition, lets a script callee delay its result (a builtin
// there goes through builtinAt).
func (f *Func) invokeIn(in *Interp, args []value.Value, given []bool, pos ast.Pos, desc describer, async *asyncCtx) value.Value {
	if f.builtin != nil {
		return f.builtin(&Call{Interp: in, Pos: pos, Name: f.Name, desc: desc}, args)
	}
	if f.body == nil {
		return value.Value{}
	}
	fr := f.newFrame(async)
	copy(fr.locals, args)
	f.fillDefaults(fr, given)
	fr.callPos = pos
	return f.run(in, fr)
}

// body is one handler body of an event or hook.
type body struct {
	priority int64
	order    int
	run      stmtFn
	slots    int
	src      *funcSource
}

// Handlers are the bodies of one event or hook, highest priority first,
// ties in the order they were loaded.
type Handlers struct {
	bodies []body
	// errorHandler marks an event declared &error_handler (the
	// reporter events): reporter messages issued while it is handled
	// raise no further events.
	errorHandler bool
	// observer, when set, is told of each dispatch of the event raised
	// in this process (see ObserveEvent).
	observer EventObserver
	// used tells that something may raise the event: an event
	// statement or a schedule, a reference to it by name, or the core
	// (an event declared among the builtins), as Bro's EventHandler
	// is marked used.
	used bool
}

func (h *Handlers) add(b body) {
	b.order = len(h.bodies)
	// After every body of the same or a higher priority: the list stays
	// sorted without sorting it again for each body added.
	at := sort.Search(len(h.bodies), func(i int) bool { return h.bodies[i].priority < b.priority })
	h.bodies = slices.Insert(h.bodies, at, b)
}

// call compiles a function call.
func (sc *scope) call(c *ast.Call) compiled {
	if n, ok := c.Fun.(*ast.Name); ok {
		if _, local := sc.locals[n.Name]; !local {
			if g := sc.in.lookup(n.Name, sc.module); g != nil && g.IsType {
				return sc.namedCtor(c, g)
			}
		}
	}
	fun := sc.expr(c.Fun)
	if fun.t == nil {
		return bad
	}
	sc.countOldComm(c.Fun)
	ft, ok := fun.t.(*types.FuncType)
	if !ok || ft.Flavor != types.FlavorFunction {
		return sc.badCallee(c, ft)
	}
	if variadic(ft) {
		return sc.variadicCall(c, fun, ft)
	}
	if !sc.callsBuiltin(c.Fun) {
		// A script function that fails abandons this statement.
		sc.mayFailSoftly()
	}
	checked, ok := sc.checkArgs(c.Args, ft, c.Pos)
	if !ok {
		return sc.callMismatch(c, checked)
	}
	sc.in.noteCallArgs(c, checked)
	args := checked.fns
	result := ft.Result
	if result == nil {
		result = types.VoidType
	}
	desc := sc.describer(c.Fun)
	callDesc := sc.describer(c)
	site := &callSite{plainArgs: plainCall(c)}
	given := make([]bool, len(args))
	for i, a := range args {
		given[i] = a != nil
	}
	allGiven := !slices.Contains(given, false)
	in := sc.in
	return compiled{t: result, pos: c.Pos, site: site, fn: func(fr *Frame) value.Value {
		if v, ok := site.delivered(fr); ok {
			return v
		}
		f, ok := fun.fn(fr).R.(*Func)
		if !ok {
			fail(c.Pos, desc, "value used but not set")
		}
		if f.through != nil && fr.async != nil && site.plainArgs && allGiven {
			if v, ok := in.callThrough(f.through, fr, site, args); ok {
				return v
			}
		}
		if f.builtin == nil && f.body != nil {
			// A script function: the arguments go straight into
			// the callee's frame.
			callee := f.newFrame(nil)
			for i, a := range args {
				if a != nil {
					v := a(fr)
					if i < len(callee.locals) {
						callee.locals[i] = v
					}
				}
			}
			if fr.async != nil {
				return in.callScriptAt(f, fr, site, callee, given, c.Pos)
			}
			f.fillDefaults(callee, given)
			callee.callPos = c.Pos
			return f.run(in, callee)
		}
		if f.builtin != nil && fr.async != nil {
			return in.callBuiltinAt(f, fr, site, args, c.Pos, callDesc)
		}
		vals := make([]value.Value, len(args))
		for i, a := range args {
			if a != nil {
				vals[i] = a(fr)
			}
		}
		if f.builtin != nil && fr.async == nil {
			call := site.builtinCall(in, f, c.Pos, callDesc)
			call.callerPos = fr.callPos
			return f.builtin(call, vals)
		}
		return in.callAt(f, fr, site, vals, given, c.Pos, callDesc)
	}}
}

// callsBuiltin reports whether callee names a builtin function, which
// never ends with noValue.
func (sc *scope) callsBuiltin(callee ast.Expr) bool {
	n, ok := callee.(*ast.Name)
	if !ok {
		return false
	}
	if _, local := sc.locals[n.Name]; local {
		return false
	}
	g := sc.in.lookup(n.Name, sc.module)
	if g == nil || !g.Const {
		return false
	}
	f, ok := g.Value.R.(*Func)
	return ok && f.builtin != nil
}

// variadicCall compiles a call of a builtin whose last parameter is
// "va_args: any": the parameters before it are checked as usual, and
// every further argument is passed as an any, carrying its type.
func (sc *scope) variadicCall(c *ast.Call, fun compiled, ft *types.FuncType) compiled {
	checked, ok := sc.checkArgs(c.Args, ft, c.Pos)
	if !ok {
		return sc.callMismatch(c, checked)
	}
	args := checked.fns
	if !sc.staticCheck(c, fun, checked.types) {
		return bad
	}
	result := ft.Result
	if result == nil {
		result = types.VoidType
	}
	desc := sc.describer(c.Fun)
	callDesc := sc.describer(c)
	site := &callSite{plainArgs: plainCall(c)}
	given := make([]bool, len(args))
	for i := range given {
		given[i] = true
	}
	in := sc.in
	return compiled{t: result, pos: c.Pos, site: site, fn: func(fr *Frame) value.Value {
		if v, ok := site.delivered(fr); ok {
			return v
		}
		f, ok := fun.fn(fr).R.(*Func)
		if !ok {
			fail(c.Pos, desc, "value used but not set")
		}
		vals := make([]value.Value, len(args))
		for i, a := range args {
			vals[i] = a(fr)
		}
		if f.builtin != nil && fr.async == nil {
			call := site.builtinCall(in, f, c.Pos, callDesc)
			call.callerPos = fr.callPos
			return f.builtin(call, vals)
		}
		return in.callAt(f, fr, site, vals, given, c.Pos, callDesc)
	}}
}

// badCallee reports a call of something that is not a function, as Bro
// 2.6's CallExpr does once the arguments have checked: a value that is
// no function at all, a hook (which only the hook operator calls), or
// an event (which only the event statement raises; its arguments are
// checked first). ft is nil when the callee is not a function type.
func (sc *scope) badCallee(c *ast.Call, ft *types.FuncType) compiled {
	if ft == nil || ft.Flavor == types.FlavorHook {
		for _, a := range c.Args {
			sc.expr(a)
		}
		sc.noteFailedCall(c)
		if ft == nil {
			return sc.errorAt(c.Fun.Position(), "not a function (%s)", sc.describe(c.Fun))
		}
		return sc.errorAt(c.Fun.Position(), "hook cannot be called directly, use hook operator (%s)", sc.describe(c.Fun))
	}
	checked, ok := sc.checkArgs(c.Args, ft, c.Pos)
	if !ok {
		return sc.callMismatch(c, checked)
	}
	sc.noteFailedCall(c)
	return sc.errorAt(c.Pos, "event called in expression, use event statement instead (%s(%s))", sc.describe(c.Fun), checked.text())
}
