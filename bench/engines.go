package bench

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strings"
	"sync"
	"time"

	lua "github.com/yuin/gopher-lua"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	_ "gobro/builtins/all"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// Workloads are the comparison's workloads, in the order they are shown.
// Each is written three times under workloads/: NAME.bro, NAME.star and
// NAME.lua, with the same algorithm.
var Workloads = []string{"fib", "loop", "table", "records", "fmt"}

// Engines are the interpreters compared: gobro first, then the others
// its figures are measured against.
var Engines = []string{"gobro", "starlark", "lua"}

//go:embed workloads
var workloads embed.FS

var extensions = map[string]string{"gobro": ".bro", "starlark": ".star", "lua": ".lua"}

// Source returns the text of a workload for an engine.
func Source(engine, workload string) ([]byte, error) {
	ext, ok := extensions[engine]
	if !ok {
		return nil, fmt.Errorf("unknown engine %q", engine)
	}
	return workloads.ReadFile("workloads/" + workload + ext)
}

// Result is one run of a workload: what it printed (normalised so that
// the engines' outputs compare equal) and how long it ran, compiling
// excluded.
type Result struct {
	Output  string
	Elapsed time.Duration
}

// Run compiles a workload for an engine, then runs it and times the run.
func Run(engine, workload string) (Result, error) {
	src, err := Source(engine, workload)
	if err != nil {
		return Result{}, err
	}
	var out bytes.Buffer
	var elapsed time.Duration
	switch engine {
	case "gobro":
		elapsed, err = runGobro(workload+".bro", src, &out)
	case "starlark":
		elapsed, err = runStarlark(workload+".star", src, &out)
	case "lua":
		elapsed, err = runLua(workload+".lua", src, &out)
	}
	if err != nil {
		return Result{}, fmt.Errorf("%s %s: %v", engine, workload, err)
	}
	return Result{Output: normalise(out.String()), Elapsed: elapsed}, nil
}

// normalise makes printed results comparable: Bro separates print
// arguments with ", ", Starlark with a space and Lua with a tab.
func normalise(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
}

// ScriptsDir returns gobro's script tree: $GOBRO_SCRIPTS, or scripts/ in
// the source tree this package belongs to.
func ScriptsDir() string {
	if d := os.Getenv("GOBRO_SCRIPTS"); d != "" {
		return d
	}
	_, file, _, _ := goruntime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "scripts")
}

// runGobro loads base/init-bare and the workload as "gobro -b" does, then
// times Run: top-level statements, bro_init, the event loop and bro_done.
func runGobro(name string, src []byte, out io.Writer) (time.Duration, error) {
	var errs bytes.Buffer
	in := interp.New(out, &errs)
	l := loader.New([]string{ScriptsDir()}, in)
	if err := l.Load("base/init-bare"); err != nil {
		return 0, err
	}
	if err := l.LoadSource(name, src); err != nil {
		return 0, err
	}
	if err := l.Finish(); err != nil {
		return 0, err
	}
	if len(l.Errors()) > 0 || in.Errors() > 0 {
		return 0, fmt.Errorf("script errors: %v %s", l.Errors(), errs.String())
	}
	start := time.Now()
	code := in.Run()
	elapsed := time.Since(start)
	if code != 0 || errs.Len() > 0 {
		return 0, fmt.Errorf("exit %d: %s", code, errs.String())
	}
	return elapsed, nil
}

// runStarlark compiles the workload with while loops and recursion
// allowed, then times its execution. Starlark has no regular
// expressions: search(pattern, s) is a Go builtin over package regexp
// that compiles each pattern once, as an embedding program would.
func runStarlark(name string, src []byte, out io.Writer) (time.Duration, error) {
	opts := &syntax.FileOptions{While: true, Recursion: true}
	predeclared := starlark.StringDict{"search": starlark.NewBuiltin("search", starlarkSearch)}
	_, prog, err := starlark.SourceProgramOptions(opts, name, src, predeclared.Has)
	if err != nil {
		return 0, err
	}
	thread := &starlark.Thread{Name: "bench", Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(out, msg) }}
	start := time.Now()
	_, err = prog.Init(thread, predeclared)
	return time.Since(start), err
}

var (
	regexpsMu sync.Mutex
	regexps   = map[string]*regexp.Regexp{}
)

func starlarkSearch(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pattern, s string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &pattern, &s); err != nil {
		return nil, err
	}
	regexpsMu.Lock()
	re := regexps[pattern]
	if re == nil {
		var err error
		if re, err = regexp.Compile(pattern); err != nil {
			regexpsMu.Unlock()
			return nil, err
		}
		regexps[pattern] = re
	}
	regexpsMu.Unlock()
	return starlark.Bool(re.MatchString(s)), nil
}

// runLua compiles the workload, then times its execution. print writes
// to out.
func runLua(name string, src []byte, out io.Writer) (time.Duration, error) {
	L := lua.NewState()
	defer L.Close()
	L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int {
		top := L.GetTop()
		for i := 1; i <= top; i++ {
			if i > 1 {
				io.WriteString(out, "\t")
			}
			io.WriteString(out, L.ToStringMeta(L.Get(i)).String())
		}
		io.WriteString(out, "\n")
		return 0
	}))
	fn, err := L.Load(bytes.NewReader(src), name)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	L.Push(fn)
	err = L.PCall(0, lua.MultRet, nil)
	return time.Since(start), err
}
