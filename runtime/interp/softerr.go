package interp

import (
	"fmt"

	"gobro/lang/ast"
)

// Bro 2.6 reports some run-time problems, such as indexing a table with
// a missing index, as plain errors: "error in F, line N: no such index
// (t[5])". The expression yields nothing, the statement it is part of is
// abandoned, and the body carries on with its next statement. gobro
// models that with a panic caught by the statement: only statements
// holding an expression that can fail so pay for the recovery.

// softError is a run-time error that abandons one statement.
type softError struct {
	pos  ast.Pos
	msg  string
	desc string
}

// softFail abandons the running statement with an error about the
// expression desc describes.
func softFail(pos ast.Pos, desc describer, msg string) {
	text := ""
	if desc != nil {
		text = desc()
	}
	panic(&softError{pos: pos, msg: msg, desc: text})
}

// noValue abandons the statement that called a script function whose
// body a run-time error ended: in Bro 2.6 such a call yields nil, and the
// statement that wanted its value does nothing. It was reported already.
var noValue = &softError{}

// report issues the error as Bro's reporter does: on stderr in Bro's
// form, and as a reporter_error event.
func (e *softError) report(in *Interp) {
	if e == noValue {
		return
	}
	in.report(ReportError, "", location(e.pos), fmt.Sprintf("%s (%s)", e.msg, e.desc))
}

// mayFailSoftly marks the statement being compiled as holding an
// expression that can fail with a softError.
func (sc *scope) mayFailSoftly() { sc.softFails = true }

// reportSoft reports a plain error recovered from a panic; anything
// else goes on unwinding.
func (in *Interp) reportSoft(r any) {
	se, ok := r.(*softError)
	if !ok {
		panic(r)
	}
	se.report(in)
}

// catchSoft wraps a statement so that a softError ends only it. A
// return statement whose value fails still returns, with no value, as
// Bro 2.6's ReturnStmt does with a nil result: the body ends as failed,
// so the call yields noValue to its caller.
func (in *Interp) catchSoft(s stmtFn, isReturn bool) stmtFn {
	after := flowNormal
	if isReturn {
		after = flowFailed
	}
	return func(fr *Frame) (f flow) {
		defer func() {
			if r := recover(); r != nil {
				in.reportSoft(r)
				f = after
			}
		}()
		return s(fr)
	}
}
