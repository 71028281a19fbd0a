package main

import (
	"bufio"
	"bytes"
	"testing"
)

// TestLineWriter checks terminal line buffering: pieces of a line are
// held, and a write that ends a line sends it out.
func TestLineWriter(t *testing.T) {
	var dst bytes.Buffer
	w := &lineWriter{bufio.NewWriterSize(&dst, 4096)}
	w.Write([]byte("a, "))
	w.Write([]byte("b"))
	if dst.Len() != 0 {
		t.Errorf("part of a line written: %q", dst.String())
	}
	w.Write([]byte("\nc"))
	if dst.String() != "a, b\n" && dst.String() != "a, b\nc" {
		t.Errorf("after the newline: %q", dst.String())
	}
}
