package bench

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"
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
	run := runners[engine]
	if run == nil {
		return Result{}, fmt.Errorf("engine %s is not built into this program", engine)
	}
	var out bytes.Buffer
	elapsed, err := run(workload+extensions[engine], src, &out)
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

// A runner compiles a workload, then runs it, printing to out, and
// returns how long the run took, compiling excluded.
type runner func(name string, src []byte, out io.Writer) (time.Duration, error)

// runners are the engines built in. Each engine's file registers its
// runner unless the build tag no_ENGINE leaves it out, so that a
// program measuring one engine's memory holds no other engine's code.
var runners = map[string]runner{}

// Dir returns the directory of this package's source: the bench module.
func Dir() string {
	_, file, _, _ := goruntime.Caller(0)
	return filepath.Dir(file)
}
