package value

import (
	"io"
	"os"

	"gobro/runtime/types"
)

// File is a file value, as open() and open_for_append() return it. Files
// are shared by assignment. Writes go straight to the operating system,
// so a file's content is complete whenever the script looks at it (or
// the process ends) without a flush.
type File struct {
	Name string
	Elem types.Type // what the file holds; string for the files scripts open
	w    io.Writer
	f    *os.File // nil for a file bound to the process's standard output
	open bool
	raw  bool
	// Buffered records set_buf's choice. Output is written through
	// either way, which is what a script can observe.
	Buffered bool
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
	return &File{Name: path, Elem: types.StringType, w: f, f: f, open: true, Buffered: true}, nil
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
	return err == nil
}

// Size is the file's size in bytes, as Bro's |f| gives it: everything
// written so far counts; a file bound to standard output, or closed, has
// none.
func (f *File) Size() float64 {
	if f == nil || f.f == nil || !f.open {
		return 0
	}
	info, err := f.f.Stat()
	if err != nil {
		return 0
	}
	return float64(info.Size())
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
	f.open = false
	return f.f.Close() == nil
}

// Describe writes the file as Bro describes a file value.
func (f *File) Describe(d *Desc) { DescribeFile(d, f.Name, f.Elem) }

// ClosedFile returns a file value that could not be opened: it has a
// name, but takes no output.
func ClosedFile(name string) *File {
	return &File{Name: name, Elem: types.StringType}
}
