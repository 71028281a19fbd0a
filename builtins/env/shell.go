package env

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

// system runs a command through sh in the background, its standard output
// sent to standard error, and returns what the C library's system()
// returns for starting it: a wait status (0 once the shell has put the
// command in the background), not the command's own exit status. The
// script does not wait for the command.
func system(c *interp.Call, args []value.Value) value.Value {
	return value.Int(runBackground(c.CheckString(args[0].AsString())))
}

// systemEnv is system with BRO_ARG_<NAME> variables set from the table
// (names upper-cased) while the command starts, removed afterwards.
func systemEnv(c *interp.Call, args []value.Value) value.Value {
	tab, ok := args[1].R.(*value.Table)
	if !ok {
		c.BuiltinError("system_env() requires a table argument")
		return value.Int(-1)
	}
	names := envNames(tab)
	for i, e := range entries(tab) {
		os.Setenv(names[i], value.CString(e.Yield.AsString()))
	}
	status := runBackground(c.CheckString(args[0].AsString()))
	for _, n := range names {
		os.Unsetenv(n)
	}
	return value.Int(status)
}

// envNames returns the variable names for a table's keys, in the table's
// order: BRO_ARG_ and the key in upper case (ASCII letters only, as C's
// toupper does in the C locale).
func envNames(tab *value.Table) []string {
	var names []string
	for _, e := range entries(tab) {
		k := []byte(value.CString(e.Key[0].AsString()))
		for i, b := range k {
			if b >= 'a' && b <= 'z' {
				k[i] = b - 'a' + 'A'
			}
		}
		names = append(names, "BRO_ARG_"+string(k))
	}
	return names
}

// runBackground runs "(cmd) 1>&2 &" with sh and returns the shell's wait
// status as system() encodes it: the exit code shifted left by 8, or the
// signal number; 127<<8 when sh cannot be run, -1 when nothing could be
// started at all.
func runBackground(cmd string) int64 {
	sh := exec.Command("/bin/sh", "-c", "("+cmd+") 1>&2 &")
	sh.Stdin, sh.Stdout, sh.Stderr = os.Stdin, os.Stdout, os.Stderr
	return waitStatus(sh.Run())
}

func waitStatus(err error) int64 {
	if err == nil {
		return 0
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok {
			if ws.Signaled() {
				return int64(ws.Signal())
			}
			return int64(ws.ExitStatus()) << 8
		}
	}
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		return 127 << 8
	}
	return -1
}

// pipedExec starts a program through sh, writes data to its standard
// input, closes it and waits for the program to end, as popen and pclose
// do. It is false if the program could not be started or did not take
// all the data.
func pipedExec(c *interp.Call, args []value.Value) value.Value {
	prog := c.CheckString(args[0].AsString())
	data := args[1].AsString()
	cmd := exec.Command("/bin/sh", "-c", prog)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	in, err := cmd.StdinPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		c.ReporterError("Failed to popen %s", prog)
		return value.Bool(false)
	}
	n, _ := io.WriteString(in, data)
	in.Close()
	cmd.Wait()
	if n != len(data) {
		c.ReporterError("Failed to write all given data to %s", prog)
		return value.Bool(false)
	}
	return value.Bool(true)
}

// entries returns a table's elements in its iteration order.
func entries(tab *value.Table) []*value.Entry {
	var out []*value.Entry
	tab.Each(func(e *value.Entry) bool {
		out = append(out, e)
		return true
	})
	return out
}
