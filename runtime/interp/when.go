package interp

import (
	"sync/atomic"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// A "when" statement becomes a trigger: Bro 2.6's Trigger. The condition
// is evaluated at once in a copy of the frame; if it holds, the body runs
// there and then. Otherwise the trigger waits, its condition evaluated
// again each time the event queue has drained, until it holds (the body
// runs) or its timeout passes (the timeout block runs). Bro re-evaluates a
// condition when a value it reads changes; gobro re-evaluates every
// pending condition after each drain, which observes the same changes at
// the same points (both evaluate only after a drain).
//
// Calls inside a condition may be asynchronous: a function that executes
// "return when", or a builtin that calls Call.Delay, delays the result.
// The condition's evaluation then stops, and it is evaluated again once
// the result has arrived; the call then yields the delivered value,
// looked up before its callee and arguments are evaluated, as Bro's
// CallExpr::Eval does. A delayed tail call (the whole condition, or a
// function's "return f(...)" on the way to it) stops the evaluation by
// returning; any other delayed call unwinds it with a panic.

// callSite identifies one call expression, the key under which a
// delayed result is cached for a trigger.
type callSite struct {
	// tail marks a call whose value is at once the value of what
	// contains it: the whole condition of a "when" (or the value of its
	// "local x = ..."), or the result of a function's "return". When
	// such a call is delayed, nothing after it is evaluated whatever
	// happens, so it returns instead of unwinding: a condition that
	// waits for a query pays no panic.
	tail bool
	// through marks the call of a function whose body is nothing but
	// "return <this call>" and whose parameters have no defaults (see
	// passThrough). Running such a function again to reach this call
	// has no effect; where the function's own call is plain too
	// (plainArgs), evaluating that call again has none either. Inside a
	// "when" condition this call then stands for the function's call: a
	// delayed result is kept under the caller's site, and the condition,
	// evaluated again, takes it there without entering the function (as
	// Broker::get(h, k) does for __get, once per query). Bro keys the
	// result by this call and evaluates the outer one again; with
	// nothing to evaluate but names and constants, the result is the
	// same.
	through bool
	// plainArgs marks a call whose callee and arguments are names or
	// constants: evaluating them again has no effect.
	plainArgs bool
	// fn and call are the builtin last called here outside a "when"
	// condition and the Call it was handed: every such call of fn
	// from here sees the same Call, so it is made once.
	fn   *Func
	call *Call
}

// key returns the site under which the result of this call, made from
// frame fr inside a "when" condition, is kept: the caller's for a call
// that passes through.
func (site *callSite) key(fr *Frame) *callSite {
	if site.through && fr.async.site != nil && fr.async.site.plainArgs {
		return fr.async.site
	}
	return site
}

// delivered returns the result delivered for this call to the "when"
// whose condition frame fr serves, if any: as in Bro's CallExpr, it
// stands for the call, before the callee and the arguments are
// evaluated again.
func (site *callSite) delivered(fr *Frame) (value.Value, bool) {
	if fr.async == nil {
		return value.Value{}, false
	}
	return fr.async.trig.cached(site.key(fr))
}

// plainCall reports whether a call's callee and arguments are names or
// constants.
func plainCall(c *ast.Call) bool {
	for _, e := range append([]ast.Expr{c.Fun}, c.Args...) {
		switch ast.Unparen(e).(type) {
		case *ast.Name, *ast.Const:
		default:
			return false
		}
	}
	return true
}

// passThrough reports whether a function body is a single "return
// f(a, ...)" whose callee is a name and whose arguments are the
// function's parameters or constants: evaluating it again does nothing
// but make the same call.
func passThrough(body []ast.Stmt, ft *types.FuncType) bool {
	if len(body) != 1 {
		return false
	}
	r, ok := body[0].(*ast.ReturnStmt)
	if !ok || r.Result == nil {
		return false
	}
	c, ok := ast.Unparen(r.Result).(*ast.Call)
	if !ok {
		return false
	}
	if _, ok := ast.Unparen(c.Fun).(*ast.Name); !ok {
		return false
	}
	for _, a := range c.Args {
		switch a := ast.Unparen(a).(type) {
		case *ast.Const:
		case *ast.Name:
			param := false
			for _, p := range ft.Params {
				param = param || p.Name == a.Name
			}
			if !param {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// throughCall is the builtin call of a pass-through function that hands
// its parameters, in order, to a builtin whose parameters have the same
// types. Inside a "when" condition, a call of such a function whose
// callee and arguments are names or constants makes this call itself,
// with the caller's arguments, from the condition's frame: the
// function's frame, its "return" and the second call would only hand
// the same values on, and the result is kept under the caller's call
// either way (see callSite.through). It is made as the function's body
// makes it: at the same place and with the same description, for its
// messages.
type throughCall struct {
	callee *Global // the builtin's name
	pos    ast.Pos
	desc   describer
}

// throughCallOf returns the throughCall of a pass-through function's
// "return f(...)", or nil where it is not one.
func (sc *scope) throughCallOf(r *ast.ReturnStmt, ft *types.FuncType) *throughCall {
	c := ast.Unparen(r.Result).(*ast.Call)
	name := ast.Unparen(c.Fun).(*ast.Name).Name
	if sc.locals[name] != nil {
		return nil // a parameter: no name of a builtin
	}
	g := sc.in.lookup(name, sc.module)
	if g == nil {
		return nil
	}
	bt, ok := g.Type.(*types.FuncType)
	if !ok || bt.Flavor != types.FlavorFunction || variadic(bt) || len(bt.Params) != len(ft.Params) || len(c.Args) != len(ft.Params) {
		return nil
	}
	for i, a := range c.Args {
		n, ok := ast.Unparen(a).(*ast.Name)
		if !ok || n.Name != ft.Params[i].Name || !sameType(ft.Params[i].Type, bt.Params[i].Type) {
			return nil
		}
	}
	return &throughCall{callee: g, pos: c.Pos, desc: sc.describer(c)}
}

// callThrough makes tc's builtin call for a call at site, with the
// caller's arguments args (all given), inside a "when" condition
// evaluated in fr. It reports false, having evaluated nothing, where the
// name no longer holds a builtin: the function then runs as any other.
func (in *Interp) callThrough(tc *throughCall, fr *Frame, site *callSite, args []exprFn) (value.Value, bool) {
	f, ok := tc.callee.Value.R.(*Func)
	if !ok || f.builtin == nil {
		return value.Value{}, false
	}
	return in.callBuiltinAt(f, fr, site, args, tc.pos, tc.desc), true
}

// builtinCall returns the Call for builtin f called from the site
// outside a "when" condition.
func (site *callSite) builtinCall(in *Interp, f *Func, pos ast.Pos, desc describer) *Call {
	if site.fn != f {
		site.fn, site.call = f, &Call{Interp: in, Pos: pos, Name: f.Name, desc: desc}
	}
	return site.call
}

// asyncCtx is carried by the frame of a condition being evaluated and by
// the frames of the functions that condition calls.
type asyncCtx struct {
	trig *trigger
	site *callSite // the call in the condition that led here
	// delayed: the result of the current call will come later. On the
	// condition's own context it tells that a tail call was delayed.
	delayed bool
}

// delaySignal unwinds a condition's evaluation when a call in it that is
// not a tail call is delayed.
type delaySignal struct{}

// trigger is a pending "when".
type trigger struct {
	cond    exprFn
	body    stmtFn
	timeout stmtFn // nil without a timeout block
	frame   *Frame
	tm      timer // the timeout's, set where there is a timeout block
	in      *Interp
	// root is the context of the condition's own frame.
	root asyncCtx
	// The delayed results received: nearly always one, so the first is
	// kept here and any further ones in more.
	cacheSite *callSite
	cacheVal  value.Value
	cacheMore map[*callSite]value.Value
	done      bool
	waiting   bool // a call in the condition was delayed: wait for it
	// delivered is set when a delayed result arrives; a result that
	// arrives while the condition is being evaluated (a "return when"
	// whose condition already holds) must not leave the trigger waiting.
	delivered bool
	// deferred is set when a result arrives while the pending triggers
	// are being evaluated: Bro appends the trigger to the list being
	// evaluated, so it is evaluated again only after the others.
	deferred bool
	isReturn bool // "return when": results go to the parent's call
	parent   *trigger
	site     *callSite // the parent's call this trigger answers
}

// builtinCallStore is what a builtin's call inside a "when" condition
// needs: the asyncCall, and room for the arguments of most builtins.
type builtinCallStore struct {
	ac   asyncCall
	args [3]value.Value
}

// whenStmt compiles "when ( c ) body [timeout t { ... }]", and with
// isReturn the "return when" of an asynchronous function.
func (sc *scope) whenStmt(s *ast.WhenStmt, isReturn bool) stmtFn {
	var cond exprFn
	if le, ok := s.Cond.(*ast.LocalExpr); ok {
		// "when ( local x = f() )" holds once the value is there.
		v := sc.expr(le.Value)
		if v.t == nil {
			return nil
		}
		if v.site != nil {
			v.site.tail = true
		}
		// The local has no value until the condition holds.
		l := sc.declare(le.Name, v.t, false)
		sc.startUnset(l)
		slot := l.slot
		cond = func(fr *Frame) value.Value {
			x := v.fn(fr)
			if fr.async.delayed {
				// The local keeps its value until the result is
				// there.
				return value.Bool(false)
			}
			fr.locals[slot] = x
			return value.Bool(true)
		}
	} else {
		c := sc.expr(s.Cond)
		if c.t == nil {
			return nil
		}
		if c.t.Kind() != types.Bool {
			sc.in.errorAt(s.Pos, "conditional in test must be boolean")
			return nil
		}
		if c.site != nil {
			c.site.tail = true
		}
		cond = c.fn
	}
	body := orNothing(sc.stmt(s.Body))
	var timeoutAfter exprFn
	var onTimeout stmtFn
	if s.Timeout != nil {
		t := sc.expr(s.Timeout)
		if t.t == nil {
			return nil
		}
		if t.t.Kind() != types.Interval && t.t.Kind() != types.Time {
			sc.in.errorAt(s.Pos, "when timeout requires a time or time interval")
			return nil
		}
		timeoutAfter = t.fn
		onTimeout = orNothing(sc.stmt(s.OnTime))
	}
	in := sc.in
	pos := s.Pos
	return func(fr *Frame) flow {
		t := newTrigger(fr)
		t.cond, t.body, t.timeout, t.isReturn, t.in = cond, body, onTimeout, isReturn, in
		if isReturn {
			if fr.async == nil {
				in.Report(ReportError, pos, "return trigger in context which does not allow delaying result")
				return flowReturn
			}
			t.parent, t.site = fr.async.trig, fr.async.site
			fr.async.delayed = true
		}
		var after float64
		if timeoutAfter != nil {
			after = timeoutAfter(fr).AsDouble()
		}
		if !in.evalTrigger(t) {
			if timeoutAfter != nil {
				t.tm = timer{at: in.ev.netTime + after, trig: t}
				in.ev.timers.hold(&t.tm)
			}
			in.ev.triggers = append(in.ev.triggers, t)
		}
		if isReturn {
			return flowReturn
		}
		return flowNormal
	}
}

// newTrigger returns a trigger whose frame is a copy of fr, as Bro 2.6
// clones it: the trigger sees the locals as they were when the "when"
// ran, containers included. A trigger of a frame of up to 8 locals is
// made in one allocation with its frame and locals, of the smaller of
// two sizes that holds them.
func newTrigger(fr *Frame) *trigger {
	n := len(fr.locals)
	var t *trigger
	switch {
	case n <= 4:
		x := new(triggerWith4)
		t = x.t.with(&x.f, x.l[:n:n])
	case n <= 8:
		x := new(triggerWith8)
		t = x.t.with(&x.f, x.l[:n:n])
	default:
		t = &trigger{frame: &Frame{locals: make([]value.Value, n)}}
	}
	for i, v := range fr.locals {
		t.frame.locals[i] = cloneValue(v)
	}
	return t
}

// triggerWith4 and triggerWith8 are a trigger with its frame and room
// for its locals, in one allocation.
type (
	triggerWith4 struct {
		t trigger
		f Frame
		l [4]value.Value
	}
	triggerWith8 struct {
		t trigger
		f Frame
		l [8]value.Value
	}
)

// with gives t the frame f holding locals, and returns t.
func (t *trigger) with(f *Frame, locals []value.Value) *trigger {
	f.locals = locals
	t.frame = f
	return t
}

// cloneValue copies containers deeply; other values are immutable.
func cloneValue(v value.Value) value.Value {
	switch r := v.R.(type) {
	case *value.Table:
		// The clone keeps the table's &default, as Bro's clone keeps
		// its attributes; Insert copies the keys.
		t := value.NewTable(r.Type)
		t.Default = r.Default
		r.Each(func(e *value.Entry) bool {
			t.Insert(e.Key, cloneValue(e.Yield))
			return true
		})
		return value.Value{R: t}
	case *value.Vector:
		elems := make([]value.Value, len(r.Elems))
		for i, e := range r.Elems {
			elems[i] = cloneValue(e)
		}
		return value.Value{R: &value.Vector{Type: r.Type, Elems: elems}}
	case *value.Record:
		fields := make([]value.Value, len(r.Fields))
		for i, f := range r.Fields {
			fields[i] = cloneValue(f)
		}
		return value.Value{R: &value.Record{Type: r.Type, Fields: fields}}
	case *value.Any:
		return value.Value{R: &value.Any{Type: r.Type, Value: cloneValue(r.Value)}}
	}
	// Bro clones a scalar too; a string keeps its bytes (same_object
	// then still sees the variable the "when" copied).
	return v.WithoutIdent()
}

// evalTrigger evaluates a trigger's condition; if it holds, the body runs
// and the trigger is done. It reports whether the trigger is done.
func (in *Interp) evalTrigger(t *trigger) bool {
	if t.done {
		return true
	}
	if t.waiting || t.deferred {
		return false
	}
	fr := t.frame
	t.root = asyncCtx{trig: t}
	fr.async = &t.root
	t.delivered = false
	holds, delayed := in.evalCond(t)
	fr.async = nil
	delayed = delayed || t.root.delayed
	t.waiting = delayed && !t.delivered
	if delayed || !holds {
		return false
	}
	t.done = true
	if t.timeout != nil {
		in.ev.timers.cancel(&t.tm)
	}
	in.finishTrigger(t, t.body)
	return true
}

// evalCond evaluates a trigger's condition in its frame, reporting a
// run-time error in it. delayed tells that a call in it that is not a
// tail call was delayed and unwound the evaluation.
func (in *Interp) evalCond(t *trigger) (holds, delayed bool) {
	// A delayed call unwinds the script functions it was called from
	// without their returns: their calls are no longer under way.
	depth := in.callDepth
	defer func() {
		if r := recover(); r != nil {
			holds = false
			if _, ok := r.(delaySignal); ok {
				in.callDepth = depth
				in.ev.unwound++
				delayed = true
				return
			}
			// A run-time error is reported, as protect does.
			in.recovered(r)
		}
	}()
	return t.cond(t.frame).AsBool(), false
}

// timeoutTrigger runs the timeout block of a trigger whose time is up.
func (in *Interp) timeoutTrigger(t *trigger) {
	if t.done {
		return
	}
	t.done = true
	in.finishTrigger(t, t.timeout)
}

// finishTrigger runs a body or timeout block in the trigger's frame,
// which nothing needs once the trigger is done; for "return when" the
// value it returns answers the parent's delayed call.
func (in *Interp) finishTrigger(t *trigger, run stmtFn) {
	fr := t.frame
	if run != nil {
		in.runBody(run, fr)
	}
	if t.isReturn && t.parent != nil {
		in.deliver(t.parent, t.site, fr.ret)
	}
}

// deliver caches the result of a delayed call for trigger t; its
// condition is evaluated again, after the triggers already due when the
// pending ones are being evaluated, else after the next drain.
func (in *Interp) deliver(t *trigger, site *callSite, v value.Value) {
	t.store(site, v)
	t.waiting = false
	t.delivered = true
	t.deferred = in.ev.evaluating
	in.ev.requeued = true
}

// store caches the result of the delayed call at site.
func (t *trigger) store(site *callSite, v value.Value) {
	switch {
	case t.cacheSite == nil || t.cacheSite == site:
		t.cacheSite, t.cacheVal = site, v
	default:
		if t.cacheMore == nil {
			t.cacheMore = map[*callSite]value.Value{}
		}
		t.cacheMore[site] = v
	}
}

// cached returns the result of the delayed call at site, if it has
// arrived.
func (t *trigger) cached(site *callSite) (value.Value, bool) {
	if t.cacheSite == site && site != nil {
		return t.cacheVal, true
	}
	v, ok := t.cacheMore[site]
	return v, ok
}

// evaluateTriggers evaluates every pending trigger, in creation order,
// and forgets the finished ones. A trigger that received a delayed
// result during the pass (a "return when" finishing) is evaluated again
// in a further pass, as Bro requeues it onto the list being evaluated.
// Each pass starts from the triggers still pending, so that a chain of
// passes (each answer starting the next queries) does not walk the
// finished ones again.
func (in *Interp) evaluateTriggers() {
	defer in.ev.timers.release()
	in.runBeforeTriggers()
	if len(in.ev.triggers) == 0 {
		in.ev.requeued = false
		return
	}
	in.ev.evaluating = true
	for pass := 0; pass < maxTriggerPasses; pass++ {
		in.ev.requeued = false
		pending := in.ev.triggers
		n := len(pending)
		for i := 0; i < n; i++ {
			in.evalTrigger(pending[i])
		}
		in.runBeforeTriggers()
		in.forgetDone()
		in.ev.timers.forgetCancelled()
		if !in.ev.requeued {
			break
		}
	}
	in.ev.evaluating = false
}

// BeforeTriggers runs f once, on the interpreter's goroutine, just before
// the pending "when" triggers are next evaluated: when the queue has
// drained, or at the end of the pass of an evaluation under way. A
// result that f delivers (Pending.DeliverNow) is then seen by that
// evaluation, as one delivered where its builtin was called would be.
// It lets a builtin gather the work of many calls and do it at once.
func (in *Interp) BeforeTriggers(f func()) {
	in.ev.beforeTriggers = append(in.ev.beforeTriggers, f)
}

// runBeforeTriggers runs the functions given to BeforeTriggers, those
// they add included.
func (in *Interp) runBeforeTriggers() {
	for len(in.ev.beforeTriggers) > 0 {
		fs := in.ev.beforeTriggers
		in.ev.beforeTriggers = nil
		for _, f := range fs {
			f()
		}
	}
}

// forgetDone drops the finished triggers from the pending list, keeping
// the order of the others, after a pass: those deferred to the next
// pass are no longer.
func (in *Interp) forgetDone() {
	kept := in.ev.triggers[:0]
	for _, t := range in.ev.triggers {
		if !t.done {
			t.deferred = false
			kept = append(kept, t)
		}
	}
	clear(in.ev.triggers[len(kept):])
	in.ev.triggers = kept
}

// maxTriggerPasses bounds the passes of evaluateTriggers: each further
// pass needs a result delivered in the one before, and a chain of
// asynchronous functions longer than this waits for the next drain,
// which comes at once (requeued stays set; see waitForWork).
const maxTriggerPasses = 100

// callAt runs a call made from frame fr at site. Inside a "when"
// condition (where the caller has already looked for a delivered result)
// a delayed result makes the caller's own call delayed, for a tail call,
// or unwinds the condition.
func (in *Interp) callAt(f *Func, fr *Frame, site *callSite, vals []value.Value, given []bool, pos ast.Pos, desc describer) value.Value {
	if fr.async == nil {
		return f.invokeIn(in, vals, given, pos, desc, nil)
	}
	if f.builtin != nil {
		return in.builtinAt(&asyncCall{}, f, fr, site, vals, pos, desc)
	}
	ctx := site.context(fr)
	v := f.invokeIn(in, vals, given, pos, desc, &ctx)
	return in.delayedAt(fr, site, v, ctx.delayed)
}

// asyncCall is the storage of a builtin's call inside a "when"
// condition: the Call, its context, and the Pending that Delay returns.
type asyncCall struct {
	c    Call
	ctx  asyncCtx
	pend Pending
}

// context returns the context of the call at site made from frame fr
// inside a "when" condition.
func (site *callSite) context(fr *Frame) asyncCtx {
	return asyncCtx{trig: fr.async.trig, site: site.key(fr)}
}

// builtinAt runs builtin f in ac (storage made by the caller) for a call
// at site inside a "when" condition.
func (in *Interp) builtinAt(ac *asyncCall, f *Func, fr *Frame, site *callSite, vals []value.Value, pos ast.Pos, desc describer) value.Value {
	ac.ctx = site.context(fr)
	ac.c = Call{Interp: in, Pos: pos, Name: f.Name, desc: desc, async: &ac.ctx, pend: &ac.pend}
	v := f.builtin(&ac.c, vals)
	return in.delayedAt(fr, site, v, ac.ctx.delayed)
}

// callBuiltinAt runs builtin f for a call at site inside a "when"
// condition: the Call, its context and the arguments are made in one
// allocation, as such a call is made for every query.
func (in *Interp) callBuiltinAt(f *Func, fr *Frame, site *callSite, args []exprFn, pos ast.Pos, desc describer) value.Value {
	x := &builtinCallStore{}
	vals := x.args[:0]
	if len(args) > len(x.args) {
		vals = make([]value.Value, 0, len(args))
	}
	for _, a := range args {
		var v value.Value
		if a != nil {
			v = a(fr)
		}
		vals = append(vals, v)
	}
	return in.builtinAt(&x.ac, f, fr, site, vals, pos, desc)
}

// callScriptAt runs script function f, whose arguments are in its frame
// callee, for a call at site inside a "when" condition; the callee's
// context is kept in its frame.
func (in *Interp) callScriptAt(f *Func, fr *Frame, site *callSite, callee *Frame, given []bool, pos ast.Pos) value.Value {
	callee.actx = site.context(fr)
	callee.async = &callee.actx
	f.fillDefaults(callee, given)
	callee.callPos = pos
	v, delayed := f.runDelayable(in, callee)
	return in.delayedAt(fr, site, v, delayed)
}

// delayedAt returns the value v of the call at site made from frame fr;
// where the call's result is delayed, the caller's own call is delayed
// in turn for a tail call, else the condition unwinds.
func (in *Interp) delayedAt(fr *Frame, site *callSite, v value.Value, delayed bool) value.Value {
	if !delayed {
		return v
	}
	if site.tail {
		// What contains the call yields its value at once.
		fr.async.delayed = true
		return value.Value{}
	}
	panic(delaySignal{})
}

// Pending is a result that a builtin delivers later, from any goroutine.
type Pending struct {
	in   *Interp
	trig *trigger
	site *callSite
	sent atomic.Bool // only the first delivery counts
}

// Delay tells the interpreter that the builtin's result will come later
// through the returned Pending's Deliver; the value the builtin returns
// now is ignored. It works only inside a "when" condition: elsewhere it
// reports Bro's error for an asynchronous builtin called outside one and
// returns ok false.
func (c *Call) Delay() (p *Pending, ok bool) {
	if c.async == nil {
		c.BuiltinError(c.Name + "() can only be called inside a when-condition")
		return nil, false
	}
	c.async.delayed = true
	// Kept with the Call, which is made for this call alone.
	*c.pend = Pending{in: c.Interp, trig: c.async.trig, site: c.async.site}
	return c.pend, true
}

// WhenContext reports whether the call stands in a "when" condition
// (directly or in a function the condition calls), and whether that
// "when" has a timeout block, as Bro's store queries check before they
// delay their result.
func (c *Call) WhenContext() (inWhen, hasTimeout bool) {
	if c.async == nil {
		return false, false
	}
	return true, c.async.trig.timeout != nil
}

// DeliverNow hands over a result that is known at once, as Bro's DNS
// manager answers a lookup in fake mode: the waiting "when" evaluates its
// condition again once the event queue has drained, and the call then
// yields v. It must be called on the interpreter's goroutine (from the
// builtin that called Delay); only the first delivery counts.
func (p *Pending) DeliverNow(v value.Value) {
	if p.sent.CompareAndSwap(false, true) {
		p.in.deliver(p.trig, p.site, v)
	}
}

// Deliver hands over the delayed result; the "when" that waits for it
// evaluates its condition again, and the call yields v. Only the first
// delivery counts. Any goroutine may call it.
func (p *Pending) Deliver(v value.Value) {
	if p.sent.CompareAndSwap(false, true) {
		p.in.Post(func() {
			p.in.deliver(p.trig, p.site, v)
		})
	}
}
