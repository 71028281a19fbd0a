// Package files holds Bro 2.6's file and directory bifs: opening,
// writing and closing file values, and creating, renaming and removing
// files and directories.
package files

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sync"
	"syscall"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("open", openFile(false))
	interp.Register("open_for_append", openFile(true))
	interp.Register("close", bifClose)
	interp.Register("write_file", bifWriteFile)
	interp.Register("set_buf", bifSetBuf)
	interp.Register("flush_all", bifFlushAll)
	interp.Register("active_file", func(_ *interp.Call, a []value.Value) value.Value { return value.Bool(file(a[0]).IsOpen()) })
	interp.Register("get_file_name", bifGetFileName)
	interp.Register("enable_raw_output", bifEnableRawOutput)
	interp.Register("file_size", bifFileSize)
	interp.Register("file_mode", bifFileMode)
	interp.Register("rotate_file", bifRotateFile)
	interp.Register("rotate_file_by_name", bifRotateFileByName)
	interp.Register("calc_next_rotate", bifCalcNextRotate)
	interp.Register("mkdir", bifMkdir)
	interp.Register("rmdir", bifRmdir)
	interp.Register("unlink", bifUnlink)
	interp.Register("rename", bifRename)
}

// file returns the file a value holds; a file variable never assigned
// holds a closed file with no name.
func file(v value.Value) *value.File {
	if f, ok := v.R.(*value.File); ok && f != nil {
		return f
	}
	return &value.File{}
}

// strerror gives an error's text as the C library words it ("No such
// file or directory").
func strerror(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		s := errno.Error()
		if s != "" && s[0] >= 'a' && s[0] <= 'z' {
			s = string(s[0]-'a'+'A') + s[1:]
		}
		return s
	}
	return err.Error()
}

// openFile opens a file for writing (truncating it) or appending; "-"
// for writing is standard output. A file that cannot be opened is
// reported and comes back closed.
func openFile(appendTo bool) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		name := c.CheckString(args[0].AsString())
		if name == "-" && !appendTo {
			return value.Value{R: value.WriterFile("-", c.Out())}
		}
		f, err := value.OpenFile(name, appendTo)
		if err != nil {
			c.ReporterError("cannot open %s: %s", name, strerror(err))
			return value.Value{R: value.ClosedFile(name)}
		}
		flushAtExit(c.Interp)
		f.Opened = c.Interp.NetworkTime()
		v := value.Value{R: f}
		// Bro opens a file itself, and raises file_opened, for any
		// name but those of the standard streams.
		switch name {
		case "/dev/stdin", "/dev/stdout", "/dev/stderr":
		default:
			c.Interp.Dispatch("file_opened", v)
		}
		return v
	}
}

func bifClose(_ *interp.Call, args []value.Value) value.Value {
	return value.Bool(file(args[0]).Close())
}

// bifWriteFile writes the bytes; like Bro, it reports false for an
// empty string, which the C library refuses to write as one item.
func bifWriteFile(_ *interp.Call, args []value.Value) value.Value {
	data := args[1].AsString()
	if data == "" {
		return value.Bool(false)
	}
	return value.Bool(file(args[0]).Write(data))
}

func bifSetBuf(_ *interp.Call, args []value.Value) value.Value {
	file(args[0]).SetBuffered(args[1].AsBool())
	return value.Value{}
}

var (
	flushingMu sync.Mutex
	flushing   = map[*interp.Interp]bool{}
)

// flushAtExit makes sure what files hold buffered reaches them when the
// process ends, as the C library's exit does.
func flushAtExit(in *interp.Interp) {
	flushingMu.Lock()
	defer flushingMu.Unlock()
	if !flushing[in] {
		flushing[in] = true
		in.OnShutdown(value.FlushAllFiles)
	}
}

// flusher is what buffered writers, such as the interpreter's output,
// offer.
type flusher interface{ Flush() error }

func bifFlushAll(c *interp.Call, _ []value.Value) value.Value {
	value.FlushAllFiles()
	if fl, ok := c.Out().(flusher); ok {
		if fl.Flush() != nil {
			return value.Bool(false)
		}
	}
	return value.Bool(true)
}

func bifGetFileName(_ *interp.Call, args []value.Value) value.Value {
	return value.String(file(args[0]).Name)
}

func bifEnableRawOutput(_ *interp.Call, args []value.Value) value.Value {
	file(args[0]).EnableRawOutput()
	return value.Value{}
}

// bifFileSize gives a file's size in bytes, or -1 if it cannot be
// looked at.
func bifFileSize(c *interp.Call, args []value.Value) value.Value {
	st, err := os.Stat(c.CheckString(args[0].AsString()))
	if err != nil {
		return value.Double(-1)
	}
	return value.Double(float64(st.Size()))
}

// bifMkdir creates a directory; one that exists already is fine.
func bifMkdir(c *interp.Call, args []value.Value) value.Value {
	name := c.CheckString(args[0].AsString())
	err := os.Mkdir(name, 0o777)
	if err == nil {
		return value.Bool(true)
	}
	if errors.Is(err, os.ErrExist) {
		if st, serr := os.Stat(name); serr == nil && st.IsDir() {
			return value.Bool(true)
		}
	}
	c.BuiltinError(fmt.Sprintf("cannot create directory '%s': %s", name, strerror(err)))
	return value.Bool(false)
}

func bifRmdir(c *interp.Call, args []value.Value) value.Value {
	name := c.CheckString(args[0].AsString())
	if err := syscall.Rmdir(name); err != nil {
		c.BuiltinError(fmt.Sprintf("cannot remove directory '%s': %s", name, strerror(err)))
		return value.Bool(false)
	}
	return value.Bool(true)
}

func bifUnlink(c *interp.Call, args []value.Value) value.Value {
	name := c.CheckString(args[0].AsString())
	if err := syscall.Unlink(name); err != nil {
		c.BuiltinError(fmt.Sprintf("cannot unlink file '%s': %s", name, strerror(err)))
		return value.Bool(false)
	}
	return value.Bool(true)
}

func bifRename(c *interp.Call, args []value.Value) value.Value {
	from, to := c.CheckString(args[0].AsString()), c.CheckString(args[1].AsString())
	if err := os.Rename(from, to); err != nil {
		c.BuiltinError(fmt.Sprintf("cannot rename file '%s' to '%s': %s", from, to, strerror(err)))
		return value.Bool(false)
	}
	return value.Bool(true)
}

// bifFileMode renders permission bits as ls does, the set-id and sticky
// bits in the execute positions (s or S, t or T).
func bifFileMode(_ *interp.Call, args []value.Value) value.Value {
	mode := args[0].AsCount()
	b := make([]byte, 0, 9)
	triple := func(r, w, x, special uint64, set, unset byte) {
		b = append(b, pick(mode&r != 0, 'r', '-'), pick(mode&w != 0, 'w', '-'))
		switch {
		case mode&x != 0 && mode&special != 0:
			b = append(b, set)
		case mode&special != 0:
			b = append(b, unset)
		case mode&x != 0:
			b = append(b, 'x')
		default:
			b = append(b, '-')
		}
	}
	triple(0o400, 0o200, 0o100, 0o4000, 's', 'S')
	triple(0o40, 0o20, 0o10, 0o2000, 's', 'S')
	triple(0o4, 0o2, 0o1, 0o1000, 't', 'T')
	return value.String(string(b))
}

func pick(c bool, yes, no byte) byte {
	if c {
		return yes
	}
	return no
}

// rotateInfo builds a rotate_info: the old and new names and the open
// and close times; all empty or zero after a failure.
func rotateInfo(c *interp.Call, oldName, newName string, opened, closed float64) value.Value {
	rt, _ := c.Interp.LookupType("rotate_info").(*types.RecordType)
	if rt == nil {
		return value.Value{}
	}
	r := c.Interp.NewRecord(rt)
	for i, v := range []value.Value{value.String(oldName), value.String(newName), value.Double(opened), value.Double(closed)} {
		if i < len(r.Fields) {
			r.Fields[i] = v
		}
	}
	return value.Value{R: r}
}

// rotatedName is where a rotation moves a file: its name, the process
// id and the network time, as Bro names it.
func rotatedName(c *interp.Call, name string) string {
	return fmt.Sprintf("%s.%d.%.6f.tmp", name, os.Getpid(), c.Interp.NetworkTime())
}

// bifRotateFile moves an open file's content aside and goes on writing
// to a fresh file of the same name.
func bifRotateFile(c *interp.Call, args []value.Value) value.Value {
	f := file(args[0])
	if !f.IsOpen() || f.Name == "-" || f.Name == "" {
		return rotateInfo(c, "", "", 0, 0)
	}
	newName := rotatedName(c, f.Name)
	if err := f.Rotate(newName); err != nil {
		c.ReporterError("rotate_file: can't move %s to %s: %s", f.Name, newName, strerror(err))
		return rotateInfo(c, "", "", 0, 0)
	}
	now := c.Interp.NetworkTime()
	return rotateInfo(c, f.Name, newName, f.Opened, now)
}

// bifRotateFileByName moves a file aside by name, leaving an empty file
// in its place.
func bifRotateFileByName(c *interp.Call, args []value.Value) value.Value {
	name := args[0].AsString()
	newName := rotatedName(c, name)
	if err := os.Rename(name, newName); err != nil {
		c.ReporterError("rotate_file: can't move %s to %s: %s", name, newName, strerror(err))
		return rotateInfo(c, "", "", 0, 0)
	}
	if nf, err := os.Create(name); err == nil {
		nf.Close()
	}
	now := c.Interp.NetworkTime()
	return rotateInfo(c, name, newName, now, now)
}

// bifCalcNextRotate is the time until the next rotation for an
// interval, counted from log_rotate_base_time ("%H:%M", local time) or,
// without one, from multiples of the interval. As in Bro 2.6 (bro.bif:
// new Val(..., TYPE_INTERVAL)) it is a plain interval, printed as a double.
func bifCalcNextRotate(c *interp.Call, args []value.Value) value.Value {
	interval := args[0].AsDouble()
	now := c.Interp.NetworkTime()
	base := -1.0
	if g := c.Interp.LookupGlobal("log_rotate_base_time"); g != nil && g.Value.AsString() != "" {
		if t, err := time.Parse("15:04", g.Value.AsString()); err == nil {
			base = float64(t.Hour()*3600 + t.Minute()*60)
		} else {
			c.ReporterError("calc_next_rotate(): can't parse rotation base time")
		}
	}
	if interval == 0 {
		c.ReporterError("calc_next_rotate(): interval is zero, falling back to 24hrs")
		interval = 86400
	}
	if base < 0 {
		return value.PlainInterval(math.Floor(now/interval)*interval + interval - now)
	}
	t := time.Unix(int64(now), 0)
	y, m, d := t.Date()
	startOfDay := float64(time.Date(y, m, d, 0, 0, 0, 0, time.Local).Unix())
	return value.PlainInterval(startOfDay + base + math.Ceil((now-startOfDay-base)/interval)*interval - now)
}
