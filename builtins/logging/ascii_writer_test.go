package logging

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// inTempDir runs the test in a fresh directory, as logs land in the
// current one.
func inTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func fixedClock() time.Time { return time.Date(2018, 11, 8, 13, 4, 5, 0, time.UTC) }

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var testCols = []Column{
	{Name: "ts", Type: types.TimeType},
	{Name: "id.orig_h", Type: types.AddrType},
	{Name: "msg", Type: types.StringType, Optional: true},
}

func TestAsciiWriterFile(t *testing.T) {
	inTempDir(t)
	w, err := NewAsciiWriter("test", testCols, DefaultAsciiOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	w.Clock = fixedClock
	if _, err := os.Stat("test.log"); err == nil {
		t.Fatal("file exists before the first write")
	}
	w.Write([]value.Value{value.Double(1.5), value.Addr(mustAddr("1.2.3.4")), value.String("#hi")})
	w.Write([]value.Value{value.Double(2), value.Addr(mustAddr("::1")), value.Unset})
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	want := "#separator \\x09\n" +
		"#set_separator\t,\n" +
		"#empty_field\t(empty)\n" +
		"#unset_field\t-\n" +
		"#path\ttest\n" +
		"#open\t2018-11-08-13-04-05\n" +
		"#fields\tts\tid.orig_h\tmsg\n" +
		"#types\ttime\taddr\tstring\n" +
		"1.500000\t1.2.3.4\t#hi\n" +
		"2.000000\t::1\t-\n" +
		"#close\t2018-11-08-13-04-05\n"
	if got := readFile(t, "test.log"); got != want {
		t.Errorf("test.log\n got %q\nwant %q", got, want)
	}
}

func TestAsciiWriterOptions(t *testing.T) {
	inTempDir(t)
	opts := DefaultAsciiOptions()
	opts.Separator = "|"
	opts.EmptyField = "EMPTY"
	opts.UnsetField = "NOT-SET"
	opts.MetaPrefix = "PREFIX<>"
	cols := []Column{{Name: "s", Type: types.StringType}, {Name: "b", Type: types.BoolType}}
	w, _ := NewAsciiWriter("ssh", cols, opts, nil)
	w.Clock = fixedClock
	w.Write([]value.Value{value.String("PREFIX<>x"), value.Unset})
	w.Write([]value.Value{value.String(""), value.Bool(true)})
	w.Finish()
	want := "PREFIX<>separator |\n" +
		"PREFIX<>set_separator|,\n" +
		"PREFIX<>empty_field|EMPTY\n" +
		"PREFIX<>unset_field|NOT-SET\n" +
		"PREFIX<>path|ssh\n" +
		"PREFIX<>open|2018-11-08-13-04-05\n" +
		"PREFIX<>fields|s|b\n" +
		"PREFIX<>types|string|bool\n" +
		"\\x50REFIX<>x|NOT-SET\n" +
		"EMPTY|T\n" +
		"PREFIX<>close|2018-11-08-13-04-05\n"
	if got := readFile(t, "ssh.log"); got != want {
		t.Errorf("ssh.log\n got %q\nwant %q", got, want)
	}
}

func TestAsciiWriterJSONAndNoMeta(t *testing.T) {
	inTempDir(t)
	opts := DefaultAsciiOptions()
	opts.UseJSON = true
	w, _ := NewAsciiWriter("j", testCols, opts, nil)
	w.Write([]value.Value{value.Double(1.5), value.Addr(mustAddr("1.2.3.4")), value.Unset})
	w.Finish()
	if got, want := readFile(t, "j.log"), `{"ts":1.5,"id.orig_h":"1.2.3.4"}`+"\n"; got != want {
		t.Errorf("j.log: got %q, want %q", got, want)
	}

	opts = DefaultAsciiOptions()
	if err := opts.ApplyConfig(map[string]string{"tsv": "T"}); err != nil {
		t.Fatal(err)
	}
	w, _ = NewAsciiWriter("t", testCols, opts, nil)
	w.Write([]value.Value{value.Double(1.5), value.Addr(mustAddr("1.2.3.4")), value.Unset})
	w.Finish()
	if got, want := readFile(t, "t.log"), "ts\tid.orig_h\tmsg\n1.500000\t1.2.3.4\t-\n"; got != want {
		t.Errorf("t.log: got %q, want %q", got, want)
	}

	if err := opts.ApplyConfig(map[string]string{"use_json": "yes"}); err == nil ||
		err.Error() != `invalid value for 'use_json', must be a string and either "T" or "F"` {
		t.Errorf("bad config: %v", err)
	}
	opts = DefaultAsciiOptions()
	opts.UseJSON = true
	opts.JSONTimestamps = "JSON::TS_NOPE"
	if _, err := NewAsciiWriter("x", testCols, opts, nil); err == nil {
		t.Error("bad timestamp format accepted")
	}
}

func TestAsciiWriterBuffering(t *testing.T) {
	inTempDir(t)
	opts := DefaultAsciiOptions()
	opts.IncludeMeta = false
	w, _ := NewAsciiWriter("buf", testCols, opts, nil)
	row := []value.Value{value.Double(1), value.Addr(mustAddr("1.2.3.4")), value.String("x")}
	w.Write(row)
	if got := readFile(t, "buf.log"); got != "" {
		t.Errorf("buffered row reached the file: %q", got)
	}
	w.Flush()
	if got := readFile(t, "buf.log"); got != "1.000000\t1.2.3.4\tx\n" {
		t.Errorf("after flush: %q", got)
	}
	w.SetBuf(false)
	w.Write(row)
	if got := readFile(t, "buf.log"); got != "1.000000\t1.2.3.4\tx\n1.000000\t1.2.3.4\tx\n" {
		t.Errorf("unbuffered row did not reach the file: %q", got)
	}
	w.Finish()
}

func TestAsciiWriterRotate(t *testing.T) {
	dir := inTempDir(t)
	opts := DefaultAsciiOptions()
	w, _ := NewAsciiWriter("rot", testCols, opts, nil)
	w.Clock = fixedClock
	if _, _, ok, _ := w.Rotate("rot-x"); ok {
		t.Error("rotated before any file was open")
	}
	w.Write([]value.Value{value.Double(1), value.Addr(mustAddr("1.2.3.4")), value.String("a")})
	nname, oname, ok, err := w.Rotate("rot-18-11-08_13.04.05")
	if !ok || err != nil || nname != "rot-18-11-08_13.04.05.log" || oname != "rot.log" {
		t.Fatalf("Rotate = %q, %q, %v, %v", nname, oname, ok, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "rot.log")); err == nil {
		t.Error("rot.log still exists after rotation")
	}
	content := readFile(t, nname)
	if !bytes.HasSuffix([]byte(content), []byte("1.000000\t1.2.3.4\ta\n#close\t2018-11-08-13-04-05\n")) {
		t.Errorf("rotated file: %q", content)
	}
	// The next row opens a fresh file with its own header.
	w.Write([]value.Value{value.Double(2), value.Addr(mustAddr("1.2.3.4")), value.String("b")})
	w.Finish()
	if got := readFile(t, "rot.log"); !bytes.Contains([]byte(got), []byte("#types\ttime\taddr\tstring\n2.000000\t1.2.3.4\tb\n#close")) {
		t.Errorf("new file: %q", got)
	}
}

func TestAsciiWriterStdout(t *testing.T) {
	inTempDir(t)
	var out bytes.Buffer
	opts := DefaultAsciiOptions()
	opts.OutputToStdout = true
	opts.IncludeMeta = false
	w, _ := NewAsciiWriter("s", testCols, opts, &out)
	w.Write([]value.Value{value.Double(1), value.Addr(mustAddr("1.2.3.4")), value.String("a")})
	if _, _, ok, _ := w.Rotate("s-x"); ok {
		t.Error("stdout rotated")
	}
	w.Finish()
	if out.String() != "1.000000\t1.2.3.4\ta\n" {
		t.Errorf("stdout: %q", out.String())
	}
	if _, err := os.Stat("s.log"); err == nil {
		t.Error("s.log written despite output_to_stdout")
	}
}

func TestAsciiGzipLevelConfig(t *testing.T) {
	// Bro reads $config["gzip_level"] with atoi, (int) strtol, and
	// refuses what lies outside 0-9: 2^32+1 is 1 to it, and -(2^32-6)
	// is 6; strtol's LONG_MAX for the overflow is -1.
	for _, c := range []struct {
		in   string
		want int
		bad  bool
	}{{"3", 3, false}, {" 7x", 7, false}, {"fast", 0, false}, {"+9", 9, false},
		{"10", 0, true}, {"-1", 0, true}, {"99999999999999999999", 0, true},
		{"4294967297", 1, false}, {"-4294967290", 6, false}} {
		opts := DefaultAsciiOptions()
		err := opts.ApplyConfig(map[string]string{"gzip_level": c.in})
		if c.bad {
			if err == nil || err.Error() != "invalid value for 'gzip_level', must be a number between 0 and 9." {
				t.Errorf("%q: got error %v", c.in, err)
			}
			continue
		}
		if err != nil || opts.GzipLevel != c.want {
			t.Errorf("%q: got %d, %v; want %d", c.in, opts.GzipLevel, err, c.want)
		}
	}
}

func TestAsciiWriterGzip(t *testing.T) {
	inTempDir(t)
	opts := DefaultAsciiOptions()
	opts.IncludeMeta = false
	opts.GzipLevel = 9
	w, _ := NewAsciiWriter("z", testCols, opts, nil)
	w.Write([]value.Value{value.Double(1.5), value.Addr(mustAddr("1.2.3.4")), value.String("x")})
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("z.log.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if want := "1.500000\t1.2.3.4\tx\n"; string(got) != want {
		t.Errorf("z.log.gz holds %q, want %q", got, want)
	}
	if zr.OS != 3 {
		t.Errorf("gzip OS byte %d, want 3 (Unix)", zr.OS)
	}
}
