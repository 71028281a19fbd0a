// Package interp checks and runs Bro 2.6 scripts.
//
// It receives declarations from the loader one at a time and applies each
// at once, as Bro does: types are resolved, names bound to globals or to
// local slots, expressions checked against Bro's typing rules and compiled
// to Go closures, so that running a body does no name lookups and keeps
// scalars out of the heap. Run then plays the life of a process:
// top-level statements, bro_init, the event queue, bro_done.
package interp

import (
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strings"

	"gobro/lang/ast"
	"gobro/lang/parser"
	"gobro/runtime/loader"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Global is a global identifier: a variable, constant, option, function,
// event, hook or type.
type Global struct {
	Name  string // full name: "Module::name", or "name" in GLOBAL
	Type  types.Type
	Value value.Value
	Const bool // const, or a function, event or hook
	Redef bool // &redef
	// Deprecated marks a global declared &deprecated: each use warns.
	Deprecated bool
	Option     bool // declared with "option"
	// EnumConst marks a name of an enum type's value: Bro's parser turns
	// such a name into a constant, which case labels require.
	EnumConst bool
	IsType    bool // declared with "type"; Type is the type
	Handler   *Handlers
	Pos       ast.Pos
	// Exported tells that the global was declared in an export block:
	// other modules may name it.
	Exported bool
	// expiry are the compiled expiration attributes of a table-valued
	// global, and expirer the walk over its table, which a later
	// "redef x &attr" changes.
	expiry  *expiryAttrs
	expirer *expirer
}

// Interp is one interpreter: its globals, handlers, queue and output.
type Interp struct {
	globals map[string]*Global
	nerrs   int
	// idents gives literals and copied scalars their identities (see
	// value.Ident and scope.copied).
	idents value.Idents
	// deprecWarned holds the syntax nodes whose use of a &deprecated
	// item has been warned about.
	deprecWarned map[any]bool
	// stdoutFile is the file value print_hook receives for prints to
	// standard output.
	stdoutFile *value.File
	out        io.Writer
	errOut     io.Writer
	topLevel   []stmtFn // top-level statements, in order
	topScope   *scope   // their locals
	// currentRemote tells whether the event being handled came from a
	// peer (is_remote_event).
	currentRemote bool
	ev            engine // the event engine: queue, timers, triggers, clock
	scripts       []ScriptFile
	signal        signalFlag // a termination request is pending
	// viaEvents is set once bro_init is queued: from then on reporter
	// messages also raise the reporter_* events.
	viaEvents bool
	// aborted is set by an error that ends parsing in Bro; later
	// errors are not reported.
	aborted bool
	// oldCommCalls counts calls to the old communication system's
	// functions, for OldCommFatal.
	oldCommCalls int
	// callArgs holds, per checked call, its arguments as Bro's messages
	// describe them once the call is checked: defaults filled in,
	// coercions shown.
	callArgs map[*ast.Call]string
	// hosts caches the addresses of host name constants by name.
	hosts map[string][]netip.Addr
	// callDepth counts the script function calls under way.
	callDepth int
	// running is set once scripts have loaded and the program runs.
	running bool
	// fieldDefaults holds the compiled &default of record fields.
	fieldDefaults map[*types.Field]fieldDefault
	// fieldExpiry holds the compiled expiration attributes of record
	// fields of table type: the empty table a new record starts with
	// in such a field expires its entries by them.
	fieldExpiry map[*types.Field]*expiryAttrs
	// loadTimeRecords are the records made while loading, which a later
	// "redef record" extends.
	loadTimeRecords []*value.Record
	// paramDefaults holds the &default expressions of function
	// parameters, for the calls that leave them out and for describing
	// such calls.
	paramDefaults map[*types.FuncType][]paramDefault
	// failedCalls are the calls that failed their checks, which Bro
	// counts pure (see pureExpr).
	failedCalls map[*ast.Call]bool
	// exporting is set while a declaration inside an export block is
	// applied.
	exporting bool
	// literals holds where each string literal was written (see
	// noteLiteral).
	literals map[literalKey]ast.Pos
	// indexPos holds where a table type's index types were written:
	// Bro's messages about a table's index name that place.
	indexPos map[*types.TableType]ast.Pos
}

// New returns an interpreter that prints to out and reports run-time
// errors to errOut.
func New(out, errOut io.Writer) *Interp {
	in := &Interp{globals: map[string]*Global{}, out: out, errOut: errOut}
	in.ev.inbox.wake = make(chan struct{}, 1)
	return in
}

// Errors returns how many errors checking found. They were reported as
// they were found; a program with errors must not run.
func (in *Interp) Errors() int { return in.nerrs }

// errorAt reports an error in Bro's form at once, as Bro's reporter does.
func (in *Interp) errorAt(pos ast.Pos, format string, args ...any) {
	in.nerrs++
	if in.aborted {
		return
	}
	fmt.Fprintf(in.errOut, "error in %s, line %d: %s\n", pos.Filename, pos.Line, fmt.Sprintf(format, args...))
}

// fullName qualifies a name declared in module as Bro does: GLOBAL names
// and already qualified names stand as they are.
func fullName(module, name string) string {
	if rest, ok := strings.CutPrefix(name, "GLOBAL::"); ok {
		return rest
	}
	if module == loader.GlobalModule || strings.Contains(name, "::") {
		return name
	}
	return module + "::" + name
}

// lookup finds a global from module: the module's name first, then GLOBAL's.
func (in *Interp) lookup(name, module string) *Global {
	if g := in.globals[fullName(module, name)]; g != nil {
		return g
	}
	if !strings.Contains(name, "::") {
		return in.globals[name]
	}
	return nil
}

// checkExported reports a name qualified with another module that the
// module did not export, as Bro's lookup_ID does (a plain error at the
// name; the name is still used).
func (in *Interp) checkExported(pos ast.Pos, name, module string, g *Global) {
	if g == nil || g.Exported || !strings.Contains(name, "::") {
		return
	}
	full := fullName(module, name)
	i := strings.LastIndex(full, "::")
	if i < 0 {
		return
	}
	if mod := full[:i]; mod != loader.GlobalModule && mod != module {
		in.errorAt(pos, "identifier is not exported: %s", full)
	}
}

// Decide decides an @if, @ifdef or @ifndef with the globals that exist now.
func (in *Interp) Decide(c *parser.Condition, module string) (bool, error) {
	switch c.Directive {
	case "@ifdef", "@ifndef":
		g := in.lookup(c.Name, module)
		in.checkExported(c.Pos, c.Name, module, g)
		return (g != nil) == (c.Directive == "@ifdef"), nil
	}
	// As Bro's do_atif: a condition that yields no value (it has errors,
	// or evaluating it fails) is reported, and what it guards is read
	// as if it held.
	sc := newScope(in, module, nil)
	// Bro evaluates the condition with no frame, so a local name in it
	// (one of the enclosing function) has no value.
	if refs := localRefs(c.Expr, c.Locals); len(refs) > 0 {
		for _, n := range refs {
			in.errorAt(n.Pos, "referencing a local name in @if (%s)", n.Name)
		}
		in.errorAt(c.Expr.Position(), "invalid expression in @if (%s)", sc.describe(c.Expr))
		return true, nil
	}
	e := sc.expr(c.Expr)
	if in.aborted {
		return false, nil
	}
	invalid := func() (bool, error) {
		in.errorAt(c.Expr.Position(), "invalid expression in @if (%s)", sc.describe(c.Expr))
		return true, nil
	}
	if e.t == nil {
		return invalid()
	}
	if e.t.Kind() != types.Bool {
		in.errorAt(c.Expr.Position(), "invalid expression in @if (%s)", sc.describe(c.Expr))
		return false, nil
	}
	v, ok := in.protect(func() value.Value { return e.fn(sc.frame()) })
	if !ok {
		return invalid()
	}
	return v.AsBool(), nil
}

// localRefs returns the names in e, in source order, that are among
// locals (which take precedence over globals of the same name).
func localRefs(e ast.Expr, locals []string) []*ast.Name {
	if len(locals) == 0 {
		return nil
	}
	var refs []*ast.Name
	ast.Walk(e, func(n ast.Node) bool {
		if nm, ok := n.(*ast.Name); ok && slices.Contains(locals, nm.Name) {
			refs = append(refs, nm)
		}
		return true
	})
	return refs
}

var _ loader.Target = (*Interp)(nil)

// Frame holds the locals of one running body.
type Frame struct {
	locals []value.Value
	ret    value.Value
	// async is set while a "when" condition is evaluated, and in the
	// functions it calls, so that their results may be delayed.
	async *asyncCtx
	// actx is async's storage in the frame of a function called from
	// a "when" condition.
	actx asyncCtx
	// callPos is where the call that made this frame stands (zero for
	// an event or hook body), so that a builtin can name the script
	// line that led to it (see Call.CallerPos).
	callPos ast.Pos
}

// runtimeError is a run-time error: it aborts the running body and is
// reported as Bro reports it.
type runtimeError struct {
	pos  ast.Pos
	msg  string
	desc string // the expression, as messages describe it
	// plain marks an error raised as Bro's reporter->RuntimeError:
	// "runtime error" with no expression after the message.
	plain bool
}

// describer renders the expression a run-time error is about. It runs
// only when an error happens, so compiling pays nothing for it.
type describer func() string

// fail aborts the running body with a run-time error about the
// expression desc describes.
func fail(pos ast.Pos, desc describer, msg string) {
	text := ""
	if desc != nil {
		text = desc()
	}
	panic(&runtimeError{pos: pos, msg: msg, desc: text})
}

// protect runs f, reporting a run-time error instead of letting it end the
// process; ok is false if f failed.
func (in *Interp) protect(f func() value.Value) (v value.Value, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			in.recovered(r)
			ok = false
		}
	}()
	return f(), true
}

// recovered handles what a protected run recovered: a run-time error is
// reported, anything else goes on unwinding.
func (in *Interp) recovered(r any) {
	if se, soft := r.(*softError); soft {
		se.report(in)
		return
	}
	re, isRuntime := r.(*runtimeError)
	if !isRuntime {
		panic(r)
	}
	in.reportRuntime(re)
}
