package value

import (
	"bufio"
	"io"
	"os"
	"strings"
	"sync"

	"gobro/runtime/types"
)

// File is a file value, as open() and open_for_append() return it. Files
// are shared by assignment. A file opened on disk is buffered as the C
// library buffers Bro's: fully, or by line after set_buf(f, F); what is
// buffered reaches the disk on flush_all(), close, |f|, when the buffer
// fills, or as the process ends (FlushAllFiles).
type File struct {
	Name string
	Elem types.Type // what the file holds; string for the files scripts open
	w    io.Writer
	f    *os.File // nil for a file bound to the process's standard output
	open bool
	raw  bool
	// Buffered records set_buf's choice: true for full buffering,
	// false for line buffering.
	Buffered bool
	buf      *bufio.Writer // nil for a file bound to a writer
	// Opened is the network time the file was opened at.
	Opened float64
}

// fileBufSize is the C library's buffer for a file on disk: a block.
const fileBufSize = 4096

var (
	openMu    sync.Mutex
	openFiles = map[*File]bool{}
)

// FlushAllFiles writes out what every open file has buffered, as
// flush_all() and the end of the process do.
func FlushAllFiles() {
	openMu.Lock()
	files := make([]*File, 0, len(openFiles))
	for f := range openFiles {
		files = append(files, f)
	}
	openMu.Unlock()
	for _, f := range files {
		f.Flush()
	}
}

// Flush writes out what the file has buffered.
func (f *File) Flush() bool {
	if f == nil || f.buf == nil || !f.open {
		return true
	}
	return f.buf.Flush() == nil
}

// SetBuffered chooses full (true) or line (false) buffering, as set_buf.
func (f *File) SetBuffered(full bool) {
	f.Buffered = full
}

// OpenFile opens path for writing, truncating it, or for appending, as
// Bro's open and open_for_append do.
func OpenFile(path string, appendTo bool) (*File, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendTo {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o666)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, fileBufSize)
	file := &File{Name: path, Elem: types.StringType, w: buf, f: f, open: true, Buffered: true, buf: buf}
	openMu.Lock()
	openFiles[file] = true
	openMu.Unlock()
	return file, nil
}

// WriterFile returns a file value bound to w, as open("-") binds one to
// standard output; closing it leaves w alone.
func WriterFile(name string, w io.Writer) *File {
	return &File{Name: name, Elem: types.StringType, w: w, open: true, Buffered: true}
}

// IsOpen reports whether the file can still be written.
func (f *File) IsOpen() bool { return f != nil && f.open }

// Raw reports whether the file takes raw output (enable_raw_output).
func (f *File) Raw() bool { return f.raw }

// EnableRawOutput makes later prints to the file write raw renderings.
func (f *File) EnableRawOutput() { f.raw = true }

// Write writes data; it reports false if the file is closed or the write
// failed.
func (f *File) Write(data string) bool {
	if !f.IsOpen() {
		return false
	}
	_, err := io.WriteString(f.w, data)
	if err == nil && !f.Buffered && f.buf != nil && strings.Contains(data, "\n") {
		err = f.buf.Flush()
	}
	return err == nil
}

// Size is the file's size in bytes, as Bro's |f| gives it: everything
// written so far counts; a file bound to standard output, or closed, has
// none.
func (f *File) Size() float64 {
	if f == nil || f.f == nil || !f.open {
		return 0
	}
	f.Flush()
	info, err := f.f.Stat()
	if err != nil {
		return 0
	}
	return float64(info.Size())
}

// Rotate moves what the file holds to newName and goes on writing to a
// new, empty file under its own name, as Bro's rotation does.
func (f *File) Rotate(newName string) error {
	if f == nil || f.f == nil || !f.open {
		return os.ErrClosed
	}
	f.Flush()
	if err := os.Rename(f.Name, newName); err != nil {
		return err
	}
	nf, err := os.OpenFile(f.Name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return err
	}
	f.f.Close()
	f.f = nf
	f.buf = bufio.NewWriterSize(nf, fileBufSize)
	f.w = f.buf
	return nil
}

// Close closes the file. It reports true if the file is now closed (a
// file that was closed already counts) and false for a file bound to
// standard output, which Bro never closes.
func (f *File) Close() bool {
	if !f.open {
		return true
	}
	if f.f == nil {
		return false
	}
	f.Flush()
	f.open = false
	openMu.Lock()
	delete(openFiles, f)
	openMu.Unlock()
	return f.f.Close() == nil
}

// Describe writes the file as Bro describes a file value.
func (f *File) Describe(d *Desc) { DescribeFile(d, f.Name, f.Elem) }

// ClosedFile returns a file value that could not be opened: it has a
// name, but takes no output.
func ClosedFile(name string) *File {
	return &File{Name: name, Elem: types.StringType}
}
