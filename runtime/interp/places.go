package interp

import (
	"fmt"

	"gobro/lang/ast"
	"gobro/runtime/types"
)

// posLoc names a place in a script as Bro's messages do: "FILE, line N".
func posLoc(p ast.Pos) string {
	if p.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s, line %d", p.Filename, p.Line)
}

// typeLoc names where a type stands for messages about it: a basic type
// has no place in a file, and Bro gives it a pseudo-location named after
// the type ("count"); any other type is where it was written, at.
func typeLoc(t types.Type, at ast.Pos) string {
	if b, ok := t.(*types.Basic); ok {
		return b.String()
	}
	return posLoc(at)
}

// joinLocs joins the two places of a message whose second object stands
// elsewhere, as Bro's reporter does: "A and B"; the second is left out
// when it is empty or the same place.
func joinLocs(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || b == a:
		return a
	}
	return a + " and " + b
}

// errorIn reports an error located at one or two places.
func (in *Interp) errorIn(a, b string, format string, args ...any) {
	in.nerrs++
	if in.aborted {
		return
	}
	in.printMessage("error", joinLocs(a, b), fmt.Sprintf(format, args...))
}

// warnIn reports a warning located at one or two places.
func (in *Interp) warnIn(a, b string, format string, args ...any) {
	if in.aborted {
		return
	}
	in.printMessage("warning", joinLocs(a, b), fmt.Sprintf(format, args...))
}

func (in *Interp) printMessage(prefix, loc, msg string) {
	if loc == "" {
		fmt.Fprintf(in.errOut, "%s: %s\n", prefix, msg)
		return
	}
	fmt.Fprintf(in.errOut, "%s in %s: %s\n", prefix, loc, msg)
}
