package interp

import (
	"fmt"

	"gobro/lang/ast"
	"gobro/runtime/value"
)

// ReportLevel is the class of a reporter message.
type ReportLevel int

// Reporter message classes, as Bro 2.6's Reporter has them.
const (
	ReportInfo ReportLevel = iota
	ReportWarning
	ReportError
	ReportFatal
)

// reportClass gives each class its prefix, the option that sends it to
// stderr and the event that carries it to scripts.
var reportClass = [...]struct{ prefix, toStderr, event string }{
	ReportInfo:    {"", "Reporter::info_to_stderr", "reporter_info"},
	ReportWarning: {"warning", "Reporter::warnings_to_stderr", "reporter_warning"},
	ReportError:   {"error", "Reporter::errors_to_stderr", "reporter_error"},
	ReportFatal:   {"fatal error", "", ""},
}

// location renders a position as Bro's messages name it.
func location(pos ast.Pos) string {
	if pos.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s, line %d", pos.Filename, pos.Line)
}

// Report issues a reporter message as Bro 2.6's Reporter::DoLog does: on
// stderr when the class's *_to_stderr option is set (fatal errors always),
// as "PREFIX in FILE, line N: msg" (an info has no prefix: "FILE, line N:
// msg"); and, once start-up has queued bro_init, also as the class's
// reporter_* event (time, message, location). A fatal error then ends the
// process with status 1.
func (in *Interp) Report(level ReportLevel, pos ast.Pos, msg string) {
	in.report(level, "", location(pos), msg)
}

// report is Report with an explicit prefix for run-time errors
// ("expression error") and a location already rendered.
func (in *Interp) report(level ReportLevel, prefix, loc, msg string) {
	class := reportClass[level]
	if level == ReportError && !in.running {
		// Bro counts every error its reporter issues; one while the
		// scripts load (a global's initializer failing, say) keeps
		// them from running.
		in.nerrs++
	}
	if prefix == "" {
		prefix = class.prefix
	}
	if class.event != "" && in.viaEvents && in.ev.inErrorHandler == 0 && in.HasHandler(class.event) {
		in.raise(class.event, []value.Value{value.Double(0), value.String(msg), value.String(loc)})
	}
	if class.toStderr == "" || in.optionOr(class.toStderr, true) {
		line := msg
		switch {
		case prefix != "" && loc != "":
			line = prefix + " in " + loc + ": " + msg
		case prefix != "":
			line = prefix + ": " + msg
		case loc != "":
			line = loc + ": " + msg
		}
		fmt.Fprintln(in.errOut, line)
	}
	if level == ReportFatal {
		in.Exit(1)
	}
}

// reportInfo issues an informational message with no location.
func (in *Interp) reportInfo(msg string) { in.report(ReportInfo, "", "", msg) }

// reportRuntime reports a run-time error that ended a body.
func (in *Interp) reportRuntime(re *runtimeError) {
	if re.plain {
		in.report(ReportError, "runtime error", location(re.pos), re.msg)
		return
	}
	in.report(ReportError, "expression error", location(re.pos), fmt.Sprintf("%s [%s]", re.msg, re.desc))
}

// optionOr reads a bool global, or def where it is not declared.
func (in *Interp) optionOr(name string, def bool) bool {
	g := in.globals[name]
	if g == nil {
		return def
	}
	return g.Value.AsBool()
}
