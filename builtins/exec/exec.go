// Package exec runs external commands for the base/utils/exec script:
// Exec::__run starts a command through /bin/sh, feeds it its standard
// input, collects its standard output and error line by line and, once it
// has exited, the lines of the files it was asked to leave behind (which
// are then removed), and delivers all of that as an Exec::Result to the
// "when" that waits for it. It stands in for the input framework's raw
// reader that Bro 2.6's Exec module uses, and keeps its messages.
package exec

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"sync"
	"syscall"

	"gobro/lang/ast"
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("Exec::__run", run)
}

// job is one command that has not finished yet.
type job struct {
	cmd   *exec.Cmd
	files []string
}

// jobs tracks the commands still running, per interpreter, so that they
// can be stopped when the process ends.
var jobs = struct {
	sync.Mutex
	running map[*interp.Interp]map[*job]bool
}{running: map[*interp.Interp]map[*job]bool{}}

// outcome is what a finished command left.
type outcome struct {
	stdout, stderr []string
	exitCode       uint64
	signaled       bool
	files          map[string][]string // nil unless files were asked for
	errs           []string            // the raw reader's error messages
}

// run is Exec::__run(cmd, stdin, read_files): its result arrives later,
// so it may only be called inside a "when" condition.
func run(c *interp.Call, args []value.Value) value.Value {
	pending, ok := c.Delay()
	if !ok {
		return value.Value{}
	}
	command := args[0].AsString()
	stdin := args[1].AsString()
	var files []string
	if tab, ok := args[2].R.(*value.Table); ok {
		tab.Each(func(e *value.Entry) bool {
			files = append(files, e.Key[0].AsString())
			return true
		})
	}
	sort.Strings(files)
	in := c.Interp
	j := &job{cmd: exec.Command("/bin/sh", "-c", command), files: files}
	var stdout, stderr bytes.Buffer
	j.cmd.Stdin = bytes.NewReader([]byte(stdin))
	j.cmd.Stdout, j.cmd.Stderr = &stdout, &stderr
	// The reader's name, as Bro's messages about it give it: the source
	// the Exec module hands the raw reader, then the reader's type.
	name := command + " |/Input::READER_RAW"
	started := j.cmd.Start()
	if started == nil {
		track(in, j)
	}
	go func() {
		err := started
		if err == nil {
			err = j.cmd.Wait()
			untrack(in, j)
		}
		o := &outcome{stdout: lines(stdout.Bytes()), stderr: lines(stderr.Bytes())}
		o.exitCode, o.signaled = status(err)
		switch {
		case err != nil && o.exitCode == 0 && !o.signaled:
			// sh itself could not be started: what the shell
			// reports for a command it cannot find.
			o.exitCode = 127
			o.errs = append(o.errs, name+": Child process exited with non-zero return code 127")
		case o.signaled:
			o.errs = append(o.errs, name+": Child process exited due to signal "+strconv.FormatUint(o.exitCode, 10))
		case o.exitCode != 0:
			o.errs = append(o.errs, name+": Child process exited with non-zero return code "+strconv.FormatUint(o.exitCode, 10))
		}
		if files != nil {
			o.files = map[string][]string{}
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					o.errs = append(o.errs, f+"/Input::READER_RAW: Init: cannot open "+f)
					continue
				}
				o.files[f] = lines(data)
				os.Remove(f)
			}
		}
		in.Post(func() {
			for _, e := range o.errs {
				in.Report(interp.ReportError, ast.Pos{}, e)
			}
			pending.Deliver(o.result(in))
		})
	}()
	return value.Value{}
}

// result builds the Exec::Result record: stdout and stderr are set only
// when the command wrote lines there, files only when files were asked
// for (a file that could not be read is missing from it).
func (o *outcome) result(in *interp.Interp) value.Value {
	g := in.LookupGlobal("Exec::Result")
	if g == nil {
		return value.Value{}
	}
	rt, ok := g.Type.(*types.RecordType)
	if !ok {
		return value.Value{}
	}
	r := in.NewRecord(rt)
	set := func(name string, v value.Value) {
		if i := rt.FieldIndex(name); i >= 0 && i < len(r.Fields) {
			r.Fields[i] = v
		}
	}
	set("exit_code", value.Count(o.exitCode))
	set("signal_exit", value.Bool(o.signaled))
	strVec := func(ls []string) value.Value {
		vt := &types.VectorType{Elem: types.StringType}
		if i := rt.FieldIndex("stdout"); i >= 0 {
			if t, ok := rt.Fields[i].Type.(*types.VectorType); ok {
				vt = t
			}
		}
		v := &value.Vector{Type: vt}
		for _, l := range ls {
			v.Elems = append(v.Elems, value.String(l))
		}
		return value.Value{R: v}
	}
	if len(o.stdout) > 0 {
		set("stdout", strVec(o.stdout))
	}
	if len(o.stderr) > 0 {
		set("stderr", strVec(o.stderr))
	}
	if o.files != nil {
		if i := rt.FieldIndex("files"); i >= 0 {
			if tt, ok := rt.Fields[i].Type.(*types.TableType); ok {
				tab := value.NewTable(tt)
				names := make([]string, 0, len(o.files))
				for f := range o.files {
					names = append(names, f)
				}
				sort.Strings(names)
				for _, f := range names {
					vec := strVec(o.files[f]).R.(*value.Vector)
					if vt, ok := tt.Yield.(*types.VectorType); ok {
						vec.Type = vt
					}
					tab.Insert([]value.Value{value.String(f)}, value.Value{R: vec})
				}
				set("files", value.Value{R: tab})
			}
		}
	}
	return value.Value{R: r}
}

// lines splits output as Bro's raw reader does: at each newline, with a
// last line that lacks one kept as a line of its own.
func lines(data []byte) []string {
	var out []string
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			out = append(out, string(data))
			break
		}
		out = append(out, string(data[:i]))
		data = data[i+1:]
	}
	return out
}

// status returns a finished command's exit code, or the signal that
// ended it (signaled then true).
func status(err error) (code uint64, signaled bool) {
	if err == nil {
		return 0, false
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return 0, false
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); ok {
		if ws.Signaled() {
			return uint64(ws.Signal()), true
		}
		return uint64(ws.ExitStatus()), false
	}
	return uint64(exit.ExitCode()), false
}

// track records a started command; the first one of an interpreter also
// arranges for the commands still running at its end to be stopped.
func track(in *interp.Interp, j *job) {
	jobs.Lock()
	defer jobs.Unlock()
	m, ok := jobs.running[in]
	if !ok {
		m = map[*job]bool{}
		jobs.running[in] = m
		in.OnShutdown(func() { stopAll(in) })
	}
	m[j] = true
}

func untrack(in *interp.Interp, j *job) {
	jobs.Lock()
	defer jobs.Unlock()
	delete(jobs.running[in], j)
}

// stopAll ends the commands still running as the process ends, as Bro's
// raw reader does when it shuts down (SIGTERM), and removes the files
// they were to leave, as the Exec module does at bro_done.
func stopAll(in *interp.Interp) {
	jobs.Lock()
	m := jobs.running[in]
	delete(jobs.running, in)
	jobs.Unlock()
	for j := range m {
		if p := j.cmd.Process; p != nil {
			p.Signal(syscall.SIGTERM)
		}
		for _, f := range j.files {
			os.Remove(f)
		}
	}
}
