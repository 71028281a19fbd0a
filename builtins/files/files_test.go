package files

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func TestOpenWriteClose(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.txt")
	var errs bytes.Buffer
	c := &interp.Call{Interp: interp.New(&bytes.Buffer{}, &errs), Name: "open"}
	f := openFile(false)(c, []value.Value{value.String(path)})
	if !bifWriteFile(c, []value.Value{f, value.String("hello\n")}).AsBool() {
		t.Fatal("write failed")
	}
	if bifWriteFile(c, []value.Value{f, value.String("")}).AsBool() {
		t.Error("writing nothing reported success")
	}
	if !bifClose(c, []value.Value{f}).AsBool() || bifWriteFile(c, []value.Value{f, value.String("x")}).AsBool() {
		t.Error("close, then write after close")
	}
	a := openFile(true)(c, []value.Value{value.String(path)})
	file(a).Write("more\n")
	file(a).Close()
	data, _ := os.ReadFile(path)
	if string(data) != "hello\nmore\n" {
		t.Errorf("file holds %q", data)
	}
	bad := openFile(false)(c, []value.Value{value.String(filepath.Join(dir, "no", "x"))})
	if file(bad).IsOpen() || !bytes.Contains(errs.Bytes(), []byte("error: cannot open ")) {
		t.Errorf("opening in a missing directory: open %v, errors %q", file(bad).IsOpen(), errs.String())
	}
}

func TestStrerror(t *testing.T) {
	_, err := os.Stat("/no/such/file")
	if got := strerror(err); got != "No such file or directory" {
		t.Errorf("strerror = %q", got)
	}
}
