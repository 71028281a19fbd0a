// Package process holds the builtins of a process's life and time:
// network_time, current_time, terminate, bro_is_terminating, exit, and
// the Reporter functions. Their script declarations are in
// scripts/base/bif/process.bif.bro.
package process

import (
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("network_time", func(c *interp.Call, _ []value.Value) value.Value {
		return value.Double(c.Interp.NetworkTime())
	})
	interp.Register("current_time", func(*interp.Call, []value.Value) value.Value {
		return value.Double(float64(time.Now().UnixMicro()) / 1e6)
	})
	interp.Register("terminate", func(c *interp.Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminate())
	})
	interp.Register("bro_is_terminating", func(c *interp.Call, _ []value.Value) value.Value {
		return value.Bool(c.Interp.Terminating())
	})
	interp.Register("exit", func(c *interp.Call, args []value.Value) value.Value {
		c.Interp.Exit(int(args[0].AsInt()))
		return value.Value{}
	})
	reporter := map[string]interp.ReportLevel{
		"Reporter::info":    interp.ReportInfo,
		"Reporter::warning": interp.ReportWarning,
		"Reporter::error":   interp.ReportError,
		"Reporter::fatal":   interp.ReportFatal,
	}
	for name, level := range reporter {
		level := level
		interp.Register(name, func(c *interp.Call, args []value.Value) value.Value {
			c.Interp.Report(level, c.Pos, args[0].AsString())
			return value.Bool(true)
		})
	}
}
