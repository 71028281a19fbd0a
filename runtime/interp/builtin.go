package interp

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unsafe"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Builtin is a function written in Go (a bif). It receives its arguments
// checked and converted to the declared parameter types; arguments of
// type any arrive as *value.Any, carrying their static type.
type Builtin func(c *Call, args []value.Value) value.Value

// Call is what a builtin sees of the call that invoked it.
type Call struct {
	Interp *Interp
	Pos    ast.Pos // where the call stands in the script
	Name   string  // the builtin's script-level name
	// desc renders the call expression, for builtin errors; nil when
	// the builtin was called from Go (a comparator, a handler).
	desc describer
	// async and pend are set for a call inside a "when" condition
	// (see asyncCall): its context, and where Delay keeps its Pending.
	async *asyncCtx
	pend  *Pending
	// callerPos is where the script function this builtin is called
	// from was called.
	callerPos ast.Pos
}

// CallerPos returns where the script function that makes this call was
// itself called (Log::write's caller for the Log::__write inside it),
// or the call's own position where there is none (an event body).
func (c *Call) CallerPos() ast.Pos {
	if c.callerPos.Filename == "" {
		return c.Pos
	}
	return c.callerPos
}

// ErrorfAt reports an error at pos, as Errorf does at the call.
func (c *Call) ErrorfAt(pos ast.Pos, format string, args ...any) {
	c.Interp.report(ReportError, "", location(pos), fmt.Sprintf(format, args...))
}

var builtins = map[string]Builtin{}

// Register makes fn the body of the script-level function name (fully
// qualified, "Module::f" or "f"). A script declaration of that name,
// "global name: function(...): T;", binds to it when it is loaded.
// Packages under builtins/ call Register from their init functions.
func Register(name string, fn Builtin) {
	if _, dup := builtins[name]; dup {
		panic("builtin registered twice: " + name)
	}
	builtins[name] = fn
}

// Registered returns the names of all registered builtins, sorted.
func Registered() []string {
	names := make([]string, 0, len(builtins))
	for n := range builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// builtinFor returns the function value for a declared function whose
// name has a registered builtin. One whose result is a string gives it
// bytes of its own (ownResult) however it is called; no other result is
// a Go string.
func builtinFor(name string, t *types.FuncType) (value.Value, bool) {
	fn, ok := builtins[name]
	if !ok {
		return value.Value{}, false
	}
	if t.Result != nil && t.Result.Kind() == types.String {
		inner := fn
		fn = func(c *Call, args []value.Value) value.Value { return ownResult(inner(c, args), args) }
	}
	return value.Value{R: &Func{Name: name, Type: t, builtin: fn}}, true
}

// variadic reports whether a function takes any number of trailing
// arguments of any type: its last parameter is "va_args: any", as bifs
// declare "..." (fmt takes only those; sort takes a vector, then them).
func variadic(ft *types.FuncType) bool {
	n := len(ft.Params)
	return n > 0 && ft.Params[n-1].Name == "va_args" && ft.Params[n-1].Type.Kind() == types.Any
}

// FlushOutput writes out what print has buffered, as flush_all does for
// stdout.
func (in *Interp) FlushOutput() {
	if f, ok := in.out.(interface{ Flush() error }); ok {
		f.Flush()
	}
}

// Out returns where print writes.
func (c *Call) Out() io.Writer { return c.Interp.out }

// Errorf reports an error at the call, as a bif's builtin_error does,
// and lets the script go on.
func (c *Call) Errorf(format string, args ...any) {
	c.Interp.report(ReportError, "", location(c.Pos), fmt.Sprintf(format, args...))
}

// BuiltinError reports an error as a bif's builtin_error does: at the
// call, with the call expression described after the message, and lets
// the script go on.
func (c *Call) BuiltinError(msg string) {
	if c.desc == nil {
		c.Interp.report(ReportError, "", location(c.Pos), msg)
		return
	}
	c.Interp.report(ReportError, "", location(c.Pos), fmt.Sprintf("%s (%s)", msg, c.desc()))
}

// ReporterError reports an error as a bif's reporter->Error does at run
// time: no location is pushed while a script runs, so the message has
// none.
func (c *Call) ReporterError(format string, args ...any) {
	c.Interp.report(ReportError, "", "", fmt.Sprintf(format, args...))
}

// CheckString returns the bytes of a string argument for a builtin that
// hands them on as a C string (a file name, a number to parse), as Bro's
// BroString::CheckString does: a string with an embedded NUL is an error,
// "string with embedded NUL: "..."" (escaped as print shows it), and
// stands as "<string-with-NUL>" from there on.
func (c *Call) CheckString(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	c.ReporterError("string with embedded NUL: \"%s\"", value.EscapeString(s))
	return "<string-with-NUL>"
}

// ErrOut returns where errors and warnings go.
func (c *Call) ErrOut() io.Writer { return c.Interp.errOut }

// CurrentEventRemote reports whether the event being handled came from a
// peer rather than from this process.
func (in *Interp) CurrentEventRemote() bool { return in.currentRemote }

// Fail aborts the running handler with a run-time error at the call.
func (c *Call) Fail(format string, args ...any) {
	name := c.Name
	fail(c.Pos, func() string { return name + "()" }, fmt.Sprintf(format, args...))
}

// RuntimeError aborts the running handler as a bif's
// reporter->RuntimeError at its call's location does: "runtime error in
// FILE, line N: msg", with no expression after it.
func (c *Call) RuntimeError(format string, args ...any) {
	panic(&runtimeError{pos: c.Pos, msg: fmt.Sprintf(format, args...), plain: true})
}

// CallFunc calls a script or builtin function value with arguments, as
// a sort comparator or a change handler is called. A function that a
// run-time error ends yields the zero value.
func (in *Interp) CallFunc(f value.Value, args ...value.Value) (v value.Value) {
	fn, ok := f.R.(*Func)
	if !ok {
		return value.Value{}
	}
	// A script function a run-time error ended yields no value; that
	// is not to unwind through the Go code of the builtin calling it.
	defer func() {
		if r := recover(); r != nil {
			if r != noValue {
				panic(r)
			}
			v = value.Value{}
		}
	}()
	given := make([]bool, len(args))
	for i := range given {
		given[i] = true
	}
	return fn.invoke(in, args, given, ast.Pos{})
}

// LookupGlobal returns a global by its full name, or nil.
func (in *Interp) LookupGlobal(name string) *Global { return in.globals[name] }

// LookupType returns the type a script declared under a full name, or
// nil if the name is not a type.
func (in *Interp) LookupType(name string) types.Type {
	if g := in.globals[name]; g != nil && g.IsType {
		return g.Type
	}
	return nil
}

// Globals calls f for every global, in name order.
func (in *Interp) Globals(f func(g *Global)) {
	names := make([]string, 0, len(in.globals))
	for n := range in.globals {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f(in.globals[n])
	}
}

// SameType is Bro 2.6's same_type, as builtins check a function's
// parameters against the values they will be given: any matches every
// type, at any depth, and enum types are not told apart.
func SameType(a, b types.Type) bool { return sameTypeIn(a, b, nil) }

// BuiltinErrorValue is BuiltinError naming the value at fault too, as
// builtin_error(msg, arg) does: "msg (call and value)", the value
// described as messages describe values (strings unquoted, escaped).
func (c *Call) BuiltinErrorValue(msg string, v value.Value, t types.Type) {
	d := value.NewDesc(value.ModeMessage)
	d.AddValue(v, t)
	site := c.Name + "()"
	if c.desc != nil {
		site = c.desc()
	}
	loc := location(c.Pos)
	if s, ok := v.R.(string); ok {
		if at, ok := c.Interp.literalPos(s); ok {
			// Bro's value made from a literal while parsing has the
			// literal's location, which its message adds when it is
			// not the call's.
			loc = joinLocs(loc, location(at))
		}
	}
	c.Interp.report(ReportError, "", loc, fmt.Sprintf("%s (%s and %s)", msg, site, d.String()))
}

// ownResult gives a builtin's string result bytes of its own where it is
// one of the arguments unchanged (Go's string functions hand back their
// input when there is nothing to change): Bro's builtins make a new
// value, neither the same object as the argument (see same_object) nor
// a copy of the literal it may have come from (see literalPos).
func ownResult(v value.Value, args []value.Value) value.Value {
	s, ok := v.R.(string)
	if !ok || unsafe.StringData(s) == nil {
		return v
	}
	for _, a := range args {
		if as, ok := a.R.(string); ok && len(as) == len(s) && unsafe.StringData(as) == unsafe.StringData(s) {
			return value.String(strings.Clone(s)) // an empty one with no bytes at all
		}
	}
	return v
}

// literalKey identifies a string by its bytes in memory: a string
// assigned from another shares them, one made anew does not.
type literalKey struct {
	data *byte
	n    int
}

// noteLiteral records where the string literal s was written. Bro's
// values made while parsing carry their location; gobro's strings keep
// it here, by identity, so that copies of the literal find it and equal
// strings made otherwise do not.
func (in *Interp) noteLiteral(s string, pos ast.Pos) {
	if s == "" {
		return // empty strings share no bytes to tell them apart by
	}
	if in.literals == nil {
		in.literals = map[literalKey]ast.Pos{}
	}
	in.literals[literalKey{unsafe.StringData(s), len(s)}] = pos
}

// literalPos returns where s was written, if it is (a copy of) a string
// literal.
func (in *Interp) literalPos(s string) (ast.Pos, bool) {
	if s == "" || in.literals == nil {
		return ast.Pos{}, false
	}
	p, ok := in.literals[literalKey{unsafe.StringData(s), len(s)}]
	return p, ok
}

// ReporterWarning reports a warning as a bif's reporter->Warning does
// at run time: with no location, "warning: msg".
func (c *Call) ReporterWarning(format string, args ...any) {
	c.Interp.report(ReportWarning, "", "", fmt.Sprintf(format, args...))
}
