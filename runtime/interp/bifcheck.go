package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// A StaticCheck looks at a call of a builtin while the script is being
// checked, as Bro checks fmt's format string against its arguments
// before anything runs. It returns false after reporting an error with
// Check.Error; the call then counts as not compiled.
type StaticCheck func(ck *Check) bool

// Check is what a StaticCheck sees of a call: the types of the arguments
// and the values of those that are constants.
type Check struct {
	sc   *scope
	call *ast.Call
	// Types are the arguments' static types.
	Types []types.Type
}

var staticChecks = map[string]StaticCheck{}

// RegisterCheck adds a check-time test for calls of the builtin name.
func RegisterCheck(name string, check StaticCheck) {
	if _, dup := staticChecks[name]; dup {
		panic("static check registered twice: " + name)
	}
	staticChecks[name] = check
}

// Const returns the value of argument i if it is a literal constant.
func (ck *Check) Const(i int) (value.Value, bool) {
	e := ast.Unparen(ck.call.Args[i])
	c, ok := e.(*ast.Const)
	if !ok {
		return value.Value{}, false
	}
	cc := ck.sc.constant(c)
	if cc.t == nil {
		return value.Value{}, false
	}
	return cc.fn(nil), true
}

// Error reports a check-time error about the call, described as Bro
// describes it: "msg (f(args))".
func (ck *Check) Error(msg string) {
	ck.sc.in.errorAt(ck.call.Pos, "%s (%s)", msg, ck.sc.describe(ck.call))
}

// staticCheck runs the check registered for the called builtin, if any.
func (sc *scope) staticCheck(c *ast.Call, fun compiled, argTypes []types.Type) bool {
	name, ok := c.Fun.(*ast.Name)
	if !ok {
		return true
	}
	if _, isLocal := sc.locals[name.Name]; isLocal {
		return true
	}
	g := sc.in.lookup(name.Name, sc.module)
	if g == nil {
		return true
	}
	check := staticChecks[g.Name]
	if check == nil {
		return true
	}
	return check(&Check{sc: sc, call: c, Types: argTypes})
}
