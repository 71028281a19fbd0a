package interp

import (
	"fmt"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
)

// checkedArgs is the outcome of checking a call's arguments against the
// parameters: one conversion per parameter (nil where the parameter's
// &default applies).
type checkedArgs struct {
	fns []exprFn
	ok  bool
	// filled holds the &default expressions (as messages show them)
	// that Bro adds to the call's arguments.
	filled []string
}

// argFns returns the compiled arguments of a call that gave given of
// them, those left out computing ft's &default for their parameter.
func (sc *scope) argFns(checked checkedArgs, given int, ft *types.FuncType) []exprFn {
	args := checked.fns
	for i := given; i < len(args); i++ {
		args[i] = sc.paramDefaultFn(ft, i)
	}
	return args
}

// withDefaults describes a call whose description is desc (ending in
// ")") with the &default arguments Bro has added to its nargs arguments.
func withDefaults(desc string, nargs int, filled []string) string {
	if len(filled) == 0 || !strings.HasSuffix(desc, ")") {
		return desc
	}
	sep := ", "
	if nargs == 0 {
		sep = ""
	}
	return desc[:len(desc)-1] + sep + strings.Join(filled, ", ") + ")"
}

// checkArgs checks the arguments of a function call, hook call or event
// invocation against the parameters, as Bro 2.6's check of call
// arguments does. All arguments are checked first on their own (an error
// inside one fails the call without a further message). Missing
// arguments take the parameters' &default (only if defaults is set);
// then each argument in turn must promote to its parameter's type. The
// first that does not is reported with Bro's three messages: the
// promotion check's ("error in count and F, line N: arithmetic mixed
// with non-arithmetic (count and a)"), "type mismatch" on the argument,
// and fail on the call, naming it ("argument type mismatch in function
// call (f(a))"). Too many arguments are an "indexing mismatch" against
// the list of parameter types.
func (sc *scope) checkArgs(args []ast.Expr, params []types.Param, defaults bool, pos ast.Pos, fail string, call func() string) checkedArgs {
	compiledArgs := make([]compiled, len(args))
	for i, a := range args {
		compiledArgs[i] = sc.expr(a)
		if compiledArgs[i].t == nil {
			return checkedArgs{}
		}
	}
	return sc.checkCompiledArgs(args, compiledArgs, params, defaults, pos, fail, call)
}

// checkCompiledArgs is checkArgs for arguments already compiled.
func (sc *scope) checkCompiledArgs(args []ast.Expr, compiledArgs []compiled, params []types.Param, defaults bool, pos ast.Pos, fail string, call func() string) checkedArgs {
	var filled []string // the defaults Bro adds to the call's arguments
	failed := func() checkedArgs {
		sc.in.errorAt(pos, "%s (%s)", fail, withDefaults(call(), len(args), filled))
		return checkedArgs{}
	}
	if len(args) < len(params) {
		for _, p := range params[len(args):] {
			if !defaults || !p.Default {
				return failed()
			}
		}
		for _, p := range params[len(args):] {
			filled = append(filled, p.DefaultText)
		}
	}
	if len(args) > len(params) {
		ts := make([]string, len(params))
		for i, p := range params {
			ts[i] = p.Type.String()
		}
		as := make([]string, len(args))
		for i, a := range args {
			as[i] = sc.describe(a)
		}
		sc.in.errorAt(pos, "indexing mismatch (list of %s and %s)", strings.Join(ts, ","), strings.Join(as, ", "))
		return failed()
	}
	fns := make([]exprFn, len(params))
	for i, c := range compiledArgs {
		fn, ok := sc.coerce(c, params[i].Type)
		if !ok {
			sc.argMismatch(args[i], c.t, params[i].Type)
			return failed()
		}
		fns[i] = fn
	}
	return checkedArgs{fns: fns, ok: true, filled: filled}
}

// argMismatch reports an argument e of type from that does not promote
// to the parameter type want, with the two messages Bro 2.6 gives before
// the call itself fails. A basic type's location is its name; the
// location of other types is not tracked, so their messages name only
// the argument's place.
func (sc *scope) argMismatch(e ast.Expr, from, want types.Type) {
	what := sc.describe(e)
	pos := e.Position()
	msg := "type clash"
	_, r1 := want.(*types.RecordType)
	_, r2 := from.(*types.RecordType)
	switch {
	case isArith(want) && isArith(from):
		msg = "over-promotion of arithmetic value"
	case isArith(want) || isArith(from):
		msg = "arithmetic mixed with non-arithmetic"
	case r1 && r2:
		msg = "incompatible record types"
	}
	if b, ok := want.(*types.Basic); ok {
		sc.in.errorLine(fmt.Sprintf("error in %s and %s, line %d: %s (%s and %s)", b, pos.Filename, pos.Line, msg, b, what))
		sc.in.errorLine(fmt.Sprintf("error in %s, line %d and %s: type mismatch (%s and %s)", pos.Filename, pos.Line, b, what, b))
		return
	}
	sc.in.errorAt(pos, "%s (%s and %s)", msg, want, what)
	sc.in.errorAt(pos, "type mismatch (%s and %s)", what, want)
}

// errorLine reports a check-time error already in its final form.
func (in *Interp) errorLine(line string) {
	in.nerrs++
	if in.aborted {
		return
	}
	fmt.Fprintln(in.errOut, line)
}

// describeEventCall renders "e(args)" of an event statement or a
// schedule as Bro's messages show it.
func (sc *scope) describeEventCall(c *ast.EventCall) string {
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteByte('(')
	sc.describeList(&b, c.Args)
	b.WriteByte(')')
	return b.String()
}
