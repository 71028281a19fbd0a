package interp

import (
	"fmt"
	"io"
	"sort"

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
	site   describer
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
// name has a registered builtin.
func builtinFor(name string, t *types.FuncType) (value.Value, bool) {
	fn, ok := builtins[name]
	if !ok {
		return value.Value{}, false
	}
	return value.Value{R: &Func{Name: name, Type: t, builtin: fn}}, true
}

// variadic reports whether a function takes any number of further
// arguments of any type: its last parameter is "va_args: any", as bifs
// declare "..." (cat(...), cat_sep(sep, def, ...)).
func variadic(ft *types.FuncType) bool {
	n := len(ft.Params)
	return n > 0 && ft.Params[n-1].Name == "va_args" && ft.Params[n-1].Type.Kind() == types.Any
}

// Out returns where print writes.
func (c *Call) Out() io.Writer { return c.Interp.out }

// Errorf reports an error at the call, as a bif's builtin_error does,
// and lets the script go on.
func (c *Call) Errorf(format string, args ...any) {
	fmt.Fprintf(c.Interp.errOut, "error in %s, line %d: %s\n", c.Pos.Filename, c.Pos.Line, fmt.Sprintf(format, args...))
}

// Fail aborts the running handler with a run-time error at the call.
func (c *Call) Fail(format string, args ...any) {
	name := c.Name
	fail(c.Pos, func() string { return name + "()" }, fmt.Sprintf(format, args...))
}

// CallFunc calls a script or builtin function value with arguments, as
// a sort comparator or a change handler is called.
func (in *Interp) CallFunc(f value.Value, args ...value.Value) value.Value {
	fn, ok := f.R.(*Func)
	if !ok {
		return value.Value{}
	}
	given := make([]bool, len(args))
	for i := range given {
		given[i] = true
	}
	return fn.invoke(in, args, given, ast.Pos{}, nil)
}

// LookupGlobal returns a global by its full name, or nil.
func (in *Interp) LookupGlobal(name string) *Global { return in.globals[name] }

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

// describeSite returns the call expression as messages show it.
func (c *Call) describeSite() string {
	if c.site == nil {
		return c.Name + "()"
	}
	return c.site()
}

// BuiltinError reports a bif's complaint about its call as Bro's
// builtin_error does: "error in F, line N: msg (call)", and the script
// goes on.
func (c *Call) BuiltinError(msg string) {
	fmt.Fprintf(c.Interp.errOut, "error in %s, line %d: %s (%s)\n", c.Pos.Filename, c.Pos.Line, msg, c.describeSite())
}

// BuiltinErrorValue is BuiltinError naming the value at fault too:
// "msg (call and value)", the value described as messages describe
// values (strings unquoted, escaped).
func (c *Call) BuiltinErrorValue(msg string, v value.Value, t types.Type) {
	d := value.NewDesc(value.ModeMessage)
	d.AddValue(v, t)
	fmt.Fprintf(c.Interp.errOut, "error in %s, line %d: %s (%s and %s)\n", c.Pos.Filename, c.Pos.Line, msg, c.describeSite(), d.String())
}

// ReporterError reports an error with no location, as a bif calling
// Bro's reporter->Error at run time does: "error: msg".
func (c *Call) ReporterError(msg string) {
	fmt.Fprintf(c.Interp.errOut, "error: %s\n", msg)
}

// ReporterWarning reports a warning with no location: "warning: msg".
func (c *Call) ReporterWarning(msg string) {
	fmt.Fprintf(c.Interp.errOut, "warning: %s\n", msg)
}
