package loader

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gobro/lang/ast"
	"gobro/lang/parser"
)

// recorder is a Target that records what it is given. Globals declared so
// far answer @ifdef; "@if ( x )" is true if global x was declared.
type recorder struct {
	log     []string
	globals map[string]bool
}

func (r *recorder) Decide(c *parser.Condition, module string) (bool, error) {
	name := c.Name
	if c.Expr != nil {
		name = c.Expr.(*ast.Name).Name
	}
	r.log = append(r.log, fmt.Sprintf("decide %s %s in %s", c.Directive, name, module))
	defined := r.globals[name]
	if c.Directive == "@ifndef" {
		return !defined, nil
	}
	return defined, nil
}

func (r *recorder) Declare(d ast.Decl, s Scope) error {
	name := "?"
	switch d := d.(type) {
	case *ast.VarDecl:
		name = d.Name
		r.globals[d.Name] = true
	case *ast.FuncDecl:
		name = d.Kind + " " + d.Name
	case *ast.StmtDecl:
		name = "statement"
	}
	export := ""
	if s.Export {
		export = " export"
	}
	r.log = append(r.log, fmt.Sprintf("%s %s %s%s", filepath.Base(s.File), name, s.Module, export))
	return nil
}

// tree writes files below a temporary directory and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newLoader(path ...string) (*Loader, *recorder) {
	r := &recorder{globals: map[string]bool{}}
	return New(path, r), r
}

func TestLoadOrderAndModules(t *testing.T) {
	dir := tree(t, map[string]string{
		"base/fw/__load__.bro": "@load ./main\n",
		"base/fw/main.bro":     "module FW;\nexport { global fw_x = 1; }\nglobal fw_y = 2;\n@load ../util\n",
		"base/util.bro":        "global util_z = 3;\n",
		"site/local.bro":       "global site_a = 1;\n",
		"top.bro":              "module Top;\nglobal before = 1;\n@load base/fw\n@load base/util\n@load base/fw/main.bro\nglobal after = 2;\n",
	})
	l, r := newLoader(dir, filepath.Join(dir, "site"))
	if err := l.Load("top"); err != nil {
		t.Fatal(err)
	}
	if err := l.Load("local"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"top.bro before Top",
		"main.bro fw_x FW export",
		"main.bro fw_y FW",
		// A loaded file starts in the loader's module (FW here).
		"util.bro util_z FW",
		// The module is restored when a loaded file ends.
		"top.bro after Top",
		"local.bro site_a GLOBAL",
	}
	if got := strings.Join(r.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(l.Errors()) > 0 {
		t.Error(l.Errors())
	}
	var names []string
	for _, f := range l.Files() {
		rel, _ := filepath.Rel(dir, f)
		names = append(names, rel)
	}
	if got := strings.Join(names, " "); got != "top.bro base/fw/__load__.bro base/fw/main.bro base/util.bro site/local.bro" {
		t.Errorf("files: %s", got)
	}
}

func TestSearchRules(t *testing.T) {
	dir := tree(t, map[string]string{
		"a/x.bro":     "global in_a_x = 1;\n",
		"b/x.bro":     "global in_b_x = 1;\n",
		"b/y":         "global bare_y = 1;\n",
		"b/y.bro":     "global y_with_ext = 1;\n",
		"b/pkg/z.bro": "global never = 1;\n",
	})
	l, r := newLoader(filepath.Join(dir, "a"), filepath.Join(dir, "b"))
	for _, name := range []string{"x", "y"} {
		if err := l.Load(name); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(r.log, ","); got != "x.bro in_a_x GLOBAL,y.bro y_with_ext GLOBAL" {
		t.Errorf("got %s", got)
	}
	err := l.Load("nosuch")
	if err == nil || err.Error() != "fatal error: can't find nosuch" {
		t.Errorf("missing script: %v", err)
	}
	err = l.Load("pkg")
	if err == nil || !strings.Contains(err.Error(), "can't open") {
		t.Errorf("package without __load__.bro: %v", err)
	}
}

func TestMissingLoadIsFatalAtItsLine(t *testing.T) {
	dir := tree(t, map[string]string{"t.bro": "global a = 1;\n@load nosuch\nglobal b = 2;\n"})
	l, r := newLoader(dir)
	err := l.Load("t")
	want := fmt.Sprintf("fatal error in %s/t.bro, line 2: can't find nosuch", dir)
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if len(r.log) != 1 {
		t.Errorf("declarations after a fatal error were applied: %v", r.log)
	}
}

// Conditions are decided with what the declarations before them made, in
// the module in effect.
func TestConditionsSeeEarlierDeclarations(t *testing.T) {
	dir := tree(t, map[string]string{
		"lib.bro": "global from_lib = 1;\n",
		"t.bro": `module M;
@ifdef ( from_lib )
global too_early = 1;
@endif
@load lib
@ifdef ( from_lib )
global after_load = 1;
@endif
@if ( after_load )
global chained = 1;
@else
global not_taken = 1;
@endif
@ifndef ( nothing )
global negated = 1;
@endif
`,
	})
	l, r := newLoader(dir)
	if err := l.Load("t"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"decide @ifdef from_lib in M",
		"lib.bro from_lib M",
		"decide @ifdef from_lib in M",
		"t.bro after_load M",
		"decide @if after_load in M",
		"t.bro chained M",
		"decide @ifndef nothing in M",
		"t.bro negated M",
	}
	if got := strings.Join(r.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

func TestUnloadAndPrefixes(t *testing.T) {
	dir := tree(t, map[string]string{
		"t.bro":                       "@unload skipped\n@prefixes += lcl\n@load skipped\n@load fw\nglobal t = 1;\n",
		"skipped.bro":                 "global skipped = 1;\n",
		"fw/__load__.bro":             "@load ./main\n",
		"fw/main.bro":                 "global fw = 1;\n",
		"lcl.t.bro":                   "global prefixed_t = 1;\n",
		"lcl.fw.bro":                  "global prefixed_fw = 1;\n",
		"lcl.fw.main.bro":             "global prefixed_main = 1;\n",
		"lcl.lcl.fw.main.bro":         "global doubly_prefixed = 1;\n",
		"unrelated/lcl.fw.main.bro":   "global never2 = 1;\n",
		"unrelated/ignored/x.bro.bro": "",
	})
	l, r := newLoader(dir)
	if err := l.Load("t"); err != nil {
		t.Fatal(err)
	}
	if err := l.Finish(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range r.log {
		got = append(got, strings.Fields(line)[1])
	}
	// Prefixed files are scripts too: their own prefixed variants load.
	want := "fw t prefixed_t prefixed_fw prefixed_main doubly_prefixed"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

// An erroneous file stops all further loading, as in Bro.
func TestErrorsStopLoading(t *testing.T) {
	dir := tree(t, map[string]string{
		"bad.bro":  "global a = 1;\nglobal b = = 2;\n",
		"good.bro": "global c = 3;\n",
		"t.bro":    "@load bad\n@load good\nglobal d = 4;\n",
	})
	l, r := newLoader(dir)
	if err := l.Load("t"); err != nil {
		t.Fatal(err)
	}
	if err := l.Load("good"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.log, ","); got != "bad.bro a GLOBAL" {
		t.Errorf("applied %s", got)
	}
	errs := l.Errors()
	want := fmt.Sprintf(`error in %s/bad.bro, line 2: syntax error, at or near "="`, dir)
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("errors %v, want %s", errs, want)
	}
}

func TestLoadSourceAndSigs(t *testing.T) {
	dir := tree(t, map[string]string{"sigs/s.sig": "signature x {}\n"})
	l, r := newLoader(dir)
	if err := l.LoadSource("<command line>", []byte("@load-sigs sigs/s\n@load-sigs nosuch\nprint 1;\n;\n")); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.log, ","); got != "<command line> statement GLOBAL,<command line> statement GLOBAL" {
		t.Errorf("got %s", got)
	}
	if sigs := l.Signatures(); len(sigs) != 1 || !strings.HasSuffix(sigs[0], "sigs/s.sig") {
		t.Errorf("signatures %v", sigs)
	}
	if errs := l.Errors(); len(errs) != 1 || errs[0].Error() != "error in <command line>, line 2: failed to find file associated with @load-sigs nosuch" {
		t.Errorf("errors %v", errs)
	}
}

func TestDirnameIsPOSIX(t *testing.T) {
	for in, want := range map[string]string{
		"":                     ".",
		"t.bro":                ".",
		"./t.bro":              ".",
		"././sub/__load__.bro": "././sub",
		"a//b":                 "a",
		"a/b/":                 "a",
		"/a":                   "/",
		"/":                    "/",
		"//x//y//":             "//x",
	} {
		if got := dirname(in); got != want {
			t.Errorf("dirname(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOversizedScriptsAreRefused checks that a script over MaxScriptSize,
// a regular file or one that never ends (/dev/zero), is refused with a
// clear fatal error instead of being read until memory runs out.
func TestOversizedScriptsAreRefused(t *testing.T) {
	defer func(old int64) { MaxScriptSize = old }(MaxScriptSize)
	MaxScriptSize = 1000
	dir := t.TempDir()
	big := filepath.Join(dir, "big.bro")
	if err := os.WriteFile(big, []byte("global x = 1;\n"+strings.Repeat("#\n", 600)), 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.bro")
	if err := os.WriteFile(small, []byte("global y = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{big, "/dev/zero"} {
		_, err := ReadScript(path)
		var tl *ScriptTooLargeError
		if !errors.As(err, &tl) || err.Error() != "can't load "+path+": larger than 1000 bytes" {
			t.Errorf("%s: got %v", path, err)
		}
	}
	if src, err := ReadScript(small); err != nil || string(src) != "global y = 1;\n" {
		t.Errorf("small script: %q, %v", src, err)
	}
	if _, err := ReadStdinScript(strings.NewReader(strings.Repeat("x", 1001))); err == nil || err.Error() != "fatal error: can't load <stdin>: larger than 1000 bytes" {
		t.Errorf("stdin: got %v", err)
	}
}
