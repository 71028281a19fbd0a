package main

import (
	"bufio"
	"io"
	"os"
	"syscall"
)

// bufferStdout returns the writer print should use for w, and a function
// that flushes it. Bro prints through C stdio, which fully buffers stdout
// when it is a file or a pipe (in blocks of the file's preferred size)
// while stderr is unbuffered; so in a combined capture such as
// "bro t.bro >out 2>&1", Bro's messages come before its prints. gobro
// buffers the same way to print the same bytes in the same order.
func bufferStdout(w io.Writer) (io.Writer, func()) {
	f, ok := w.(*os.File)
	if !ok {
		return w, func() {}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil || st.Mode&syscall.S_IFMT == syscall.S_IFCHR {
		return w, func() {} // a terminal (or /dev/null): stdio line-buffers it
	}
	size := int(st.Blksize)
	if size <= 0 {
		size = 4096
	}
	bw := bufio.NewWriterSize(f, size)
	return bw, func() { bw.Flush() }
}
