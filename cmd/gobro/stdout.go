package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"syscall"
	"unsafe"
)

// bufferStdout returns the writer print should use for w, and a function
// that flushes it. Bro prints through C stdio, which fully buffers stdout
// when it is a file or a pipe (in blocks of the file's preferred size)
// while stderr is unbuffered; so in a combined capture such as
// "bro t.bro >out 2>&1", Bro's messages come before its prints. gobro
// buffers the same way to print the same bytes in the same order, and
// the interpreter flushes whenever its event loop goes idle, so that a
// node's output reaches a file that a supervisor tails even if the
// process is later killed. On a terminal output is line-buffered, as
// stdio does there.
func bufferStdout(w io.Writer) (io.Writer, func()) {
	f, ok := w.(*os.File)
	if !ok {
		return w, func() {}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		return w, func() {}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFCHR {
		if !isTerminal(f) {
			return w, func() {} // /dev/null and the like
		}
		lw := &lineWriter{bufio.NewWriterSize(f, 4096)}
		return lw, func() { lw.Flush() }
	}
	size := int(st.Blksize)
	if size <= 0 {
		size = 4096
	}
	bw := bufio.NewWriterSize(f, size)
	return bw, func() { bw.Flush() }
}

// lineWriter is stdio's line buffering: output is held until a write
// that ends a line, so that a busy loop printing pieces of lines does not
// make a system call per piece.
type lineWriter struct{ *bufio.Writer }

func (w *lineWriter) Write(p []byte) (int, error) {
	n, err := w.Writer.Write(p)
	if err == nil && bytes.IndexByte(p, '\n') >= 0 {
		err = w.Writer.Flush()
	}
	return n, err
}

// isTerminal reports whether f is a terminal: whether it answers the
// terminal attributes request, as isatty does.
func isTerminal(f *os.File) bool {
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
