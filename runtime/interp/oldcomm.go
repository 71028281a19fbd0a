package interp

import "gobro/lang/ast"

// oldCommFuncs are the functions of Bro 2.6's old communication system
// whose calls stop a script at start (main.cc's old_comm_ids):
// enable_communication and get_local_event_peer, deprecated as well, are
// not among them.
var oldCommFuncs = map[string]bool{
	"connect":                 true,
	"disconnect":              true,
	"request_remote_events":   true,
	"request_remote_sync":     true,
	"request_remote_logs":     true,
	"set_accept_state":        true,
	"set_compression_level":   true,
	"listen":                  true,
	"send_id":                 true,
	"terminate_communication": true,
	"complete_handshake":      true,
	"send_ping":               true,
	"send_current_packet":     true,
	"get_event_peer":          true,
	"send_capture_filter":     true,
	"suspend_state_updates":   true,
	"resume_state_updates":    true,
}

// countOldComm counts a call whose callee is the global name of one of
// the old communication functions, as Bro counts them once the scripts
// are parsed.
func (sc *scope) countOldComm(callee ast.Expr) {
	n, ok := callee.(*ast.Name)
	if !ok {
		return
	}
	if _, local := sc.locals[n.Name]; local {
		return
	}
	if g := sc.in.lookup(n.Name, sc.module); g != nil && oldCommFuncs[g.Name] {
		sc.in.oldCommCalls++
	}
}

// OldCommFatal returns Bro 2.6's fatal error for scripts that call the
// old communication system's functions without old_comm_usage_is_ok set,
// or "" if there is none. The caller reports it (as "fatal error: ...")
// and exits with status 1 before anything runs.
func (in *Interp) OldCommFatal() string {
	if in.oldCommCalls == 0 || in.boolGlobal("old_comm_usage_is_ok") {
		return ""
	}
	return "Detected old, deprecated communication system usages that will not work " +
		"unless you explicitly take action to initizialize and set up the old comm. " +
		"system.  Set the 'old_comm_usage_is_ok' flag to bypass this error if you've " +
		"taken such actions, but the suggested solution is to port scripts to use the " +
		"new Broker API."
}
