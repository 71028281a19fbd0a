// Package files holds Bro 2.6's file and directory bifs: opening,
// writing and closing file values, and creating, renaming and removing
// files and directories.
package files

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"gobro/runtime/interp"
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
	file(args[0]).Buffered = args[1].AsBool()
	return value.Value{}
}

// flusher is what buffered writers, such as the interpreter's output,
// offer.
type flusher interface{ Flush() error }

func bifFlushAll(c *interp.Call, _ []value.Value) value.Value {
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
