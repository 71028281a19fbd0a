// Package env holds the bifs that reach outside the script: environment
// variables, shell commands, the process and host identity, and what the
// process reads its input from.
package env

import (
	"os"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Version is what bro_version returns. Scripts parse it (base/misc/version.bro
// accepts only Bro's own forms, "2.6", "2.6-beta2", "2.6-123", "-debug")
// and compare Version::number against 20600 to select code for a release,
// so gobro presents itself as the release whose behaviour it reproduces.
const Version = "2.6"

func init() {
	interp.Register("getenv", getenv)
	interp.Register("setenv", setenv)
	interp.Register("system", system)
	interp.Register("system_env", systemEnv)
	interp.Register("piped_exec", pipedExec)
	interp.Register("getpid", getpid)
	interp.Register("gethostname", gethostname)
	interp.Register("bro_version", broVersion)
	interp.Register("reading_live_traffic", readingLiveTraffic)
	interp.Register("reading_traces", readingTraces)
	interp.Register("is_remote_event", isRemoteEvent)
	interp.Register("get_net_stats", getNetStats)
}

// getenv returns a variable's value, "" when it is not set.
func getenv(c *interp.Call, args []value.Value) value.Value {
	return value.String(os.Getenv(c.CheckString(args[0].AsString())))
}

// setenv sets a variable, overwriting it; false if the system refuses
// (a name that is empty or holds "=").
func setenv(c *interp.Call, args []value.Value) value.Value {
	name, val := c.CheckString(args[0].AsString()), c.CheckString(args[1].AsString())
	if name == "" || containsByte(name, '=') {
		return value.Bool(false)
	}
	return value.Bool(os.Setenv(name, val) == nil)
}

// getpid returns the process id.
func getpid(_ *interp.Call, _ []value.Value) value.Value {
	return value.Count(uint64(os.Getpid()))
}

// gethostname returns the host's name, "<unknown>" if it cannot be had.
func gethostname(_ *interp.Call, _ []value.Value) value.Value {
	h, err := os.Hostname()
	if err != nil {
		h = "<unknown>"
	}
	return value.String(h)
}

func broVersion(_ *interp.Call, _ []value.Value) value.Value {
	return value.String(Version)
}

// readingLiveTraffic and readingTraces are false: gobro reads no packets,
// from an interface or from a trace file.
func readingLiveTraffic(_ *interp.Call, _ []value.Value) value.Value { return value.Bool(false) }

func readingTraces(_ *interp.Call, _ []value.Value) value.Value { return value.Bool(false) }

// getNetStats returns a NetStats record with every counter zero: there
// is no packet source.
func getNetStats(c *interp.Call, _ []value.Value) value.Value {
	rt, _ := c.Interp.LookupType("NetStats").(*types.RecordType)
	r := c.Interp.NewRecord(rt)
	for i := range r.Fields {
		r.Fields[i] = value.Count(0)
	}
	return value.Value{R: r}
}

// isRemoteEvent tells whether the event being handled came from a peer.
func isRemoteEvent(c *interp.Call, _ []value.Value) value.Value {
	return value.Bool(c.Interp.CurrentEventRemote())
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}
