package convert

import (
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("convert_for_pattern", func(_ *interp.Call, args []value.Value) value.Value {
		return value.String(EscapeForPattern(args[0].AsString()))
	})
	interp.Register("string_to_pattern", bifStringToPattern)
	interp.Register("merge_pattern", bifMergePattern)
}

// EscapeForPattern puts a backslash before each of ^$-:"\/|*+?.(){}[].
func EscapeForPattern(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`^$-:"\/|*+?.(){}[]`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// bifStringToPattern makes a pattern at run time. Bro allows it only
// before the first packet, which in a run without packets is always.
// Bro stops the C string at a NUL; so does gobro.
// A pattern that does not compile is reported as Bro's RE_Matcher
// reports it, and the value matches nothing.
func bifStringToPattern(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	if args[1].AsBool() {
		s = EscapeForPattern(s)
	}
	p := &value.Pattern{Text: value.CString(s)}
	if err := interp.CheckPattern(p); err != nil {
		c.ReporterError("%s", err)
	}
	return value.Value{R: p}
}

// bifMergePattern matches what either pattern matches.
func bifMergePattern(_ *interp.Call, args []value.Value) value.Value {
	text := func(v value.Value) string {
		p, _ := v.R.(*value.Pattern)
		if p == nil {
			return ""
		}
		return p.MatcherText()
	}
	return value.Value{R: &value.Pattern{Text: "(" + text(args[0]) + ")|(" + text(args[1]) + ")"}}
}
