package interp

import (
	"fmt"
	"slices"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// checkedArgs is a call's argument list once checked against the
// parameters: the code of each argument (a parameter left out takes its
// &default), and what it takes to describe the list as Bro does
// afterwards (text), with the arguments promoted so far and the
// defaults filled in. The description is made only for a message.
type checkedArgs struct {
	fns   []exprFn
	types []types.Type // the static types of the arguments given
	// done tells that a failed check needs no further message: a
	// record coercion reported its own errors.
	done bool

	sc       *scope
	list     []ast.Expr
	defaults []string     // the &default texts filled in, if any
	coerced  []types.Type // per argument, the type it was coerced to
}

// text describes the argument list as Bro's messages show it.
func (c checkedArgs) text() string {
	descs := make([]string, 0, len(c.list)+len(c.defaults))
	for _, a := range c.list {
		descs = append(descs, c.sc.describe(a))
	}
	descs = append(descs, c.defaults...)
	for i, t := range c.coerced {
		if t != nil && i < len(descs) {
			descs[i] = fmt.Sprintf("(coerce %s to %s)", descs[i], t)
		}
	}
	return strings.Join(descs, ", ")
}

// noteCallArgs keeps the arguments of a checked call as Bro describes the
// call from then on: its check appends the &default of each parameter
// left out and wraps the arithmetic promotions, so messages naming the
// call (a builtin's error, say) show them.
func (in *Interp) noteCallArgs(c *ast.Call, checked checkedArgs) {
	if len(checked.defaults) == 0 && !slices.ContainsFunc(checked.coerced, func(t types.Type) bool { return t != nil }) {
		return
	}
	if in.callArgs == nil {
		in.callArgs = map[*ast.Call]string{}
	}
	in.callArgs[c] = checked.text()
}

// checkArgs compiles and checks the arguments of a call, an event or a
// hook against ft's parameters, as Bro 2.6's check_and_promote_args does:
// a function whose only parameter is of type any takes anything; missing
// arguments need a &default ("parameter mismatch"); surplus ones are an
// "indexing mismatch"; each argument must promote to its parameter's
// type (the promotion message, then "type mismatch"). It reports the
// first problem with Bro's messages and returns ok false; the caller then
// names the call. An argument with errors of its own stands for Bro's
// error type, which fails the promotion too.
func (sc *scope) checkArgs(list []ast.Expr, ft *types.FuncType, at ast.Pos) (checkedArgs, bool) {
	args := make([]compiled, len(list))
	for i, a := range list {
		args[i] = sc.expr(a)
	}
	params := ft.Params
	fixed := params
	if variadic(ft) {
		fixed = params[:len(params)-1]
	} else if len(params) == 1 && params[0].Type.Kind() == types.Any {
		fixed = nil
	}
	out := checkedArgs{sc: sc, list: list}
	if len(fixed) == len(params) && len(list) > len(params) {
		sc.in.errorIn(posLoc(at), argsLoc(list, at), "indexing mismatch (%s and %s)", typeListText(params), out.text())
		return out, false
	}
	n := len(list)
	if n < len(fixed) {
		for i := len(fixed) - 1; i >= n; i-- {
			if !fixed[i].Default {
				sc.in.errorIn(ft.ArgsLoc, argsLoc(list, at), "parameter mismatch (%s and %s)", paramsText(params), out.text())
				return out, false
			}
		}
		for i := n; i < len(fixed); i++ {
			out.defaults = append(out.defaults, ft.Params[i].DefaultText)
		}
	}
	size := len(params)
	if len(fixed) != len(params) {
		size = max(len(list), len(fixed))
	}
	fns := make([]exprFn, size)
	out.coerced = make([]types.Type, size)
	for i := range fns {
		if i >= len(list) {
			if i < len(params) {
				var dt types.Type
				fns[i], dt = sc.paramDefault(ft, i)
				if dt != nil && coercesArith(dt, params[i].Type) {
					out.coerced[i] = params[i].Type
				}
			}
			continue
		}
		want := types.Type(types.AnyType)
		if i < len(fixed) {
			want = fixed[i].Type
		}
		a := args[i]
		if a.t == nil {
			// An argument with errors has Bro's error type.
			sc.argMismatch(list[i], sc.describe(list[i]), "", want, i, ft)
			return out, false
		}
		fn, ok := sc.storeAs(a, want)
		switch {
		case !ok:
			sc.argMismatch(list[i], sc.describe(list[i]), promotionMsg(want, a.t), want, i, ft)
			return out, false
		case fn == nil:
			// The coercion reported its own errors.
			return checkedArgs{done: true}, false
		}
		if coercesArith(a.t, want) {
			out.coerced[i] = want
		}
		fns[i] = fn
	}
	out.fns = fns
	out.types = make([]types.Type, len(args))
	for i, a := range args {
		out.types[i] = a.t
	}
	return out, true
}

// callMismatch ends the check of a call whose arguments do not fit, as
// Bro's CallExpr does: it names the call, with its arguments as the check
// left them.
func (sc *scope) callMismatch(c *ast.Call, checked checkedArgs) compiled {
	if checked.done {
		// Bro's call itself checked fine; its argument failed.
		return bad
	}
	sc.noteFailedCall(c)
	return sc.errorAt(c.Pos, "argument type mismatch in function call (%s(%s))", sc.describe(c.Fun), checked.text())
}

// argMismatch reports argument i that does not promote to its
// parameter's type: Bro's promotion message on the type, then "type
// mismatch" on the argument. msg is "" for an argument whose own errors
// gave it the error type.
func (sc *scope) argMismatch(arg ast.Expr, desc, msg string, want types.Type, i int, ft *types.FuncType) {
	if msg == "" {
		msg = "type clash"
		if isArith(want) {
			msg = "arithmetic mixed with non-arithmetic"
		}
	}
	tloc := ""
	if i < len(ft.Params) {
		tloc = ft.Params[i].TypeLoc
	}
	if b, ok := want.(*types.Basic); ok {
		tloc = b.String()
	}
	aloc := posLoc(arg.Position())
	sc.in.errorIn(tloc, aloc, "%s (%s and %s)", msg, want, desc)
	sc.in.errorIn(aloc, tloc, "type mismatch (%s and %s)", desc, want)
}

// promotionMsg is Bro's message for a value of type from where type t is
// wanted and no promotion leads there.
func promotionMsg(t, from types.Type) string {
	_, rt := t.(*types.RecordType)
	_, rf := from.(*types.RecordType)
	switch {
	case isArith(t) && isArith(from):
		return "over-promotion of arithmetic value"
	case isArith(t) || isArith(from):
		return "arithmetic mixed with non-arithmetic"
	case rt && rf:
		return "incompatible record types"
	}
	return "type clash"
}

// argsLoc is where an argument list stands: its first argument, or the
// call itself when there is none.
func argsLoc(list []ast.Expr, at ast.Pos) string {
	if len(list) > 0 {
		return posLoc(list[0].Position())
	}
	return posLoc(at)
}

// typeListText describes parameter types as Bro describes a type list:
// "list of count,string".
func typeListText(params []types.Param) string {
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = p.Type.String()
	}
	return "list of " + strings.Join(parts, ",")
}

// paramsText describes a parameter list as Bro describes the record type
// that holds it: "record { a:count; b:string; }".
func paramsText(params []types.Param) string {
	var b strings.Builder
	b.WriteString("record { ")
	for _, p := range params {
		b.WriteString(p.Name + ":" + p.Type.String() + "; ")
	}
	b.WriteByte('}')
	return b.String()
}

// coercesArith tells whether a value of type from goes to type to by an
// arithmetic coercion, which Bro describes as "(coerce x to T)".
func coercesArith(from, to types.Type) bool {
	return isArith(from) && isArith(to) && from.Kind() != to.Kind()
}

// noteFailedCall remembers a call that failed its checks: Bro counts such
// a call a pure expression, so that a statement made of it draws the
// "expression value ignored" warning.
func (sc *scope) noteFailedCall(c *ast.Call) {
	if sc.in.failedCalls == nil {
		sc.in.failedCalls = map[*ast.Call]bool{}
	}
	sc.in.failedCalls[c] = true
}

// pureExpr tells whether Bro 2.6 counts an expression pure, which makes a
// statement of it draw the warning "expression value ignored": constants
// and constant names, and operators over pure operands; never an
// assignment, an increment, a schedule or a call, except a call that
// failed its checks.
func (sc *scope) pureExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Paren:
		return sc.pureExpr(e.X)
	case *ast.Const, *ast.FuncLit:
		return true
	case *ast.Name:
		if l, ok := sc.locals[e.Name]; ok {
			return l.konst
		}
		g := sc.in.lookup(e.Name, sc.module)
		return g != nil && g.Const && !g.Option
	case *ast.Unary:
		return e.Op != "++" && e.Op != "--" && sc.pureExpr(e.X)
	case *ast.Binary:
		return sc.pureExpr(e.X) && sc.pureExpr(e.Y)
	case *ast.Assign:
		return e.Op != "=" && sc.pureExpr(e.X) && sc.pureExpr(e.Y)
	case *ast.Cond:
		return sc.pureExpr(e.Cond) && sc.pureExpr(e.Then) && sc.pureExpr(e.Else)
	case *ast.Call:
		if sc.in.failedCalls[e] {
			return true
		}
		if n, ok := e.Fun.(*ast.Name); ok {
			if _, local := sc.locals[n.Name]; !local {
				if g := sc.in.lookup(n.Name, sc.module); g != nil && g.IsType {
					return sc.pureList(e.Args)
				}
			}
		}
		return false
	case *ast.HookCall:
		c, ok := e.Call.(*ast.Call)
		if !ok {
			return sc.pureExpr(e.Call)
		}
		return sc.in.failedCalls[c]
	case *ast.Index:
		return sc.pureExpr(e.X) && sc.pureList(e.Indices)
	case *ast.Slice:
		return sc.pureExpr(e.X) && (e.Lo == nil || sc.pureExpr(e.Lo)) && (e.Hi == nil || sc.pureExpr(e.Hi))
	case *ast.FieldExpr:
		return sc.pureExpr(e.X)
	case *ast.HasField:
		return sc.pureExpr(e.X)
	case *ast.FieldAssign:
		return sc.pureExpr(e.Value)
	case *ast.Size:
		return sc.pureExpr(e.X)
	case *ast.ListExpr:
		return sc.pureList(e.Elems)
	case *ast.Constructor:
		return sc.pureList(e.Args)
	case *ast.CopyExpr:
		return sc.pureExpr(e.X)
	case *ast.Cast:
		return sc.pureExpr(e.X)
	case *ast.TypeTest:
		return sc.pureExpr(e.X)
	}
	return false
}

func (sc *scope) pureList(list []ast.Expr) bool {
	for _, e := range list {
		if !sc.pureExpr(e) {
			return false
		}
	}
	return true
}

// describeArgs describes an argument list as Bro's ListExpr does.
func (sc *scope) describeArgs(list []ast.Expr) string {
	parts := make([]string, len(list))
	for i, a := range list {
		parts[i] = sc.describe(a)
	}
	return strings.Join(parts, ", ")
}

// describeBuilt describes e as Bro's tree holds it once built, operands
// reordered and coercions written out: how Bro's messages show an
// expression that checked, such as the one of an ignored value.
func (sc *scope) describeBuilt(e ast.Expr) string {
	d := value.NewDesc(value.ModeMessage)
	w := &bodyWriter{sc: sc, d: d}
	w.out(w.build(e))
	return d.String()
}
