package interp

import (
	"errors"
	"fmt"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// ErrParseAborted is what Declare returns after an error that ends
// parsing in Bro (its grammar has no error recovery): an unknown
// identifier. The loader stops reading; the run fails.
var ErrParseAborted = errors.New("parsing aborted")

// unknownIdentifier reports a name that resolves to nothing. Bro raises it
// from its grammar, as a syntax error pointing at the name, and stops
// parsing there.
func (sc *scope) unknownIdentifier(pos ast.Pos, name string) compiled {
	sc.in.errorAt(pos, "unknown identifier %s, at or near \"%s\"", name, name)
	sc.in.aborted = true
	return bad
}

// deprecatedUse warns of a use of a &deprecated item, named what, once
// for the syntax node at (a type may be resolved more than once).
func (in *Interp) deprecatedUse(at any, pos ast.Pos, what string) {
	if in.deprecWarned == nil {
		in.deprecWarned = map[any]bool{}
	}
	if in.deprecWarned[at] {
		return
	}
	in.deprecWarned[at] = true
	in.warnAt(pos, "deprecated (%s)", what)
}

// Warn reports a warning found while loading, in Bro's form.
func (in *Interp) Warn(pos ast.Pos, msg string) { in.warnAt(pos, "%s", msg) }

// warnAt reports a warning in Bro's form; warnings do not stop a run.
func (in *Interp) warnAt(pos ast.Pos, format string, args ...any) {
	if in.aborted {
		return
	}
	fmt.Fprintf(in.errOut, "warning in %s, line %d: %s\n", pos.Filename, pos.Line, fmt.Sprintf(format, args...))
}

// notAssignable reports an assignment to something that cannot take
// one, with Bro's reason.
func (sc *scope) notAssignable(e ast.Expr) compiled {
	e = ast.Unparen(e)
	desc := sc.describe(e)
	if n, ok := e.(*ast.Name); ok {
		if _, local := sc.locals[n.Name]; !local {
			if g := sc.in.lookup(n.Name, sc.module); g != nil {
				switch {
				case g.IsType:
					return sc.errorAt(e.Position(), "Type name is not an lvalue (%s)", desc)
				case g.Option:
					return sc.errorAt(e.Position(), "option is not a modifiable lvalue (%s)", desc)
				}
			}
		}
		return sc.errorAt(e.Position(), "const is not a modifiable lvalue (%s)", desc)
	}
	return sc.errorAt(e.Position(), "can't be assigned to (%s)", desc)
}

// assignable checks the right side of "x = e" against x's type with the
// rules of Bro's assignment: numbers convert (a double or an int going
// into a narrower type with a warning), time takes 0, anything else must
// have the same type. It returns code giving the value to store.
func (sc *scope) assignable(x, y compiled, pos ast.Pos, desc describer) (exprFn, bool) {
	kx, ky := x.t.Kind(), y.t.Kind()
	if kx == ky || kx == types.Any {
		y = sc.copied(y)
	}
	if kx == types.Error || ky == types.Error {
		return y.fn, true
	}
	if (kx == types.Enum) != (ky == types.Enum) {
		sc.errorAt(pos, "can't convert to/from enumerated type (%s)", desc())
		return nil, false
	}
	if isArith(x.t) {
		if !isArith(y.t) {
			sc.errorAt(pos, "assignment of non-arithmetic value to arithmetic (%s/%s) (%s)", kx, ky, desc())
			return nil, false
		}
		fn := y.fn
		if ky == types.Double && kx != types.Double {
			sc.in.warnAt(pos, "dangerous assignment of double to integral (%s)", desc())
			if kx == types.Int {
				return func(fr *Frame) value.Value { return value.Int(int64(fn(fr).AsDouble())) }, true
			}
			return func(fr *Frame) value.Value { return value.Count(uint64(fn(fr).AsDouble())) }, true
		}
		if kx != types.Int && kx != types.Double && ky == types.Int {
			sc.in.warnAt(pos, "dangerous assignment of integer to count (%s)", desc())
			return fn, true
		}
		return convert(fn, y.t, x.t), true
	}
	if kx == types.Time && isArith(y.t) && isZeroConst(y) {
		return func(*Frame) value.Value { return value.Double(0) }, true
	}
	fn, ok := sc.coerce(y, x.t)
	if !ok {
		sc.errorAt(pos, "type clash in assignment (%s)", desc())
		return nil, false
	}
	return fn, true
}

// isZeroConst reports whether c is the constant 0 (it has no frame
// dependence: constants ignore their frame).
func isZeroConst(c compiled) bool {
	return c.konst && c.fn(nil).N == 0
}
