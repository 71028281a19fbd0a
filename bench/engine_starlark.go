//go:build !no_starlark

package bench

import (
	"fmt"
	"io"
	"regexp"
	"sync"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func init() { runners["starlark"] = runStarlark }

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
