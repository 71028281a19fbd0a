package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.bro", "event bro_init() { print \"hi\"; }\n")
	bad := write("sub/bad.bro", "global x = 1\nglobal y = 2;\n")
	write("sub/notes.txt", "not a script {")

	var out, errs bytes.Buffer
	if code := run([]string{"check", good}, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Errorf("good file: exit %d, stderr %q", code, errs.String())
	}

	errs.Reset()
	code := run([]string{"check", dir}, &out, &errs)
	want := "error in " + bad + ", line 2: syntax error, at or near \"global\"\n"
	if code != 1 || errs.String() != want {
		t.Errorf("directory: exit %d, stderr %q, want 1 and %q", code, errs.String(), want)
	}

	errs.Reset()
	missing := filepath.Join(dir, "missing.bro")
	if code := run([]string{"check", missing, good}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "can't find "+missing) {
		t.Errorf("missing file: exit %d, stderr %q", code, errs.String())
	}
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"--help"}, &out, &errs); code != 0 || !strings.Contains(out.String(), "gobro check") {
		t.Errorf("--help: exit %d, stdout %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"-v"}, &out, &errs); code != 0 || !strings.Contains(out.String(), "version "+version) {
		t.Errorf("-v: exit %d, stdout %q", code, out.String())
	}
	if code := run([]string{"--bogus"}, &out, &errs); code != 1 {
		t.Errorf("unknown option: exit %d", code)
	}
}

func TestParseArgs(t *testing.T) {
	o, err := parseArgs([]string{"-ab", "-e", "print 1;", "x.bro", "n=5", "--exec=print 2;", "Foo::Bar", "--", "-y.bro"})
	if err != nil {
		t.Fatal(err)
	}
	if !o.bare || !o.parseOnly || !o.haveCode || o.code != "print 2;" {
		t.Errorf("flags: %+v", o)
	}
	if strings.Join(o.files, " ") != "x.bro -y.bro" || strings.Join(o.params, " ") != "n=5" || strings.Join(o.plugins, " ") != "Foo::Bar" {
		t.Errorf("arguments: %+v", o)
	}
	if o, err := parseArgs([]string{"-eprint 3;"}); err != nil || o.code != "print 3;" {
		t.Errorf("-eCODE: %+v %v", o, err)
	}
	// -B takes its streams as an argument, which is not a script.
	for _, args := range [][]string{{"-B", "broker", "x.bro"}, {"-Bbroker", "x.bro"}, {"--debug=broker", "x.bro"}, {"--debug", "broker", "x.bro"}} {
		if o, err := parseArgs(args); err != nil || strings.Join(o.files, " ") != "x.bro" {
			t.Errorf("%q: %+v %v", args, o, err)
		}
	}
	for _, bad := range [][]string{{"-e"}, {"--exec"}, {"-B"}, {"-x"}, {"--bare-mode=1"}, {"--nope"}} {
		if _, err := parseArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCurveKeypair(t *testing.T) {
	var out, errs strings.Builder
	if st := run([]string{"curve-keypair"}, &out, &errs); st != 0 {
		t.Fatalf("status %d: %s", st, errs.String())
	}
	keys := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(keys) != 2 || len(keys[0]) != 40 || len(keys[1]) != 40 || keys[0] == keys[1] {
		t.Errorf("keys %q", keys)
	}
}
