//go:build !no_gobro

package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	_ "gobro/builtins/all"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

func init() { runners["gobro"] = runGobro }

// ScriptsDir returns gobro's script tree: $GOBRO_SCRIPTS, or scripts/ in
// the source tree this package belongs to.
func ScriptsDir() string {
	if d := os.Getenv("GOBRO_SCRIPTS"); d != "" {
		return d
	}
	return filepath.Join(Dir(), "..", "scripts")
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
