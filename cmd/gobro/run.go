package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"gobro/runtime/interp"
	"gobro/runtime/loader"
	"gobro/runtime/types"
)

// runScripts loads and runs scripts as "bro [options] file..." does.
func runScripts(args []string, stdout, stderr io.Writer) int {
	bare, parseOnly := false, false
	var code, files, params []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "-b" || a == "--bare-mode":
			bare = true
		case a == "-a" || a == "--parse-only":
			parseOnly = true
		case a == "-e" || a == "--exec":
			if i+1 == len(args) {
				fmt.Fprintf(stderr, "gobro: %s needs an argument\n%s", a, usage)
				return 1
			}
			i++
			code = append(code, args[i])
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "gobro: unknown option %s\n%s", a, usage)
			return 1
		case strings.Contains(a, "="):
			params = append(params, a)
		default:
			files = append(files, a)
		}
	}

	out, flush := bufferStdout(stdout)
	defer flush()
	in := interp.New(out, stderr)
	l := loader.New(scriptPath(), in)
	load := []string{"base/init-bare"}
	if !bare {
		load = append(load, "base/init-default")
	}
	load = append(load, files...)
	var err error
	for _, f := range load {
		if err = l.Load(f); err != nil {
			break
		}
	}
	// As Bro does once the files are read: prefixed scripts, then the
	// X=Y parameters as redefs, then the -e code.
	if err == nil {
		err = l.Finish()
	}
	if redefs := paramRedefs(params, in); err == nil && redefs != "" {
		if err = l.LoadSource("<params>", []byte(redefs)); err == nil {
			err = l.Finish()
		}
	}
	if err == nil && len(code) > 0 {
		if err = l.LoadSource("<command line>", []byte(strings.Join(code, "\n")+"\n;\n")); err == nil {
			err = l.Finish()
		}
	}
	for _, e := range l.Errors() {
		fmt.Fprintln(stderr, e)
	}
	var fatal *loader.FatalError
	if errors.As(err, &fatal) {
		fmt.Fprintln(stderr, fatal)
		return 1
	}
	if err != nil || len(l.Errors()) > 0 || in.Errors() > 0 {
		return 1
	}
	if parseOnly {
		return 0
	}
	scripts := make([]interp.ScriptFile, len(l.Files()))
	for i, f := range l.Files() {
		scripts[i] = interp.ScriptFile{Path: f, Level: l.Levels()[i]}
	}
	in.SetScripts(scripts)
	stop := handleSignals(in)
	defer stop()
	return in.Run()
}

// handleSignals makes SIGINT and SIGTERM end the run cleanly, through
// bro_done, as they end Bro. A second signal while the first is still
// being handled (a handler that never returns) ends the process at once.
func handleSignals(in *interp.Interp) (stop func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		seen := 0
		for {
			select {
			case <-sigs:
				seen++
				if seen > 1 {
					os.Exit(1)
				}
				in.Interrupt()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// paramRedefs turns "name=value" arguments into redefs, as Bro does:
// the value is quoted when name is a global of type string, and a
// parameter with an empty value is dropped.
func paramRedefs(params []string, in *interp.Interp) string {
	var b strings.Builder
	for _, p := range params {
		name, val, _ := strings.Cut(p, "=")
		if val == "" {
			continue
		}
		quote := ""
		if g := in.LookupGlobal(name); g != nil && g.Type != nil && g.Type.Kind() == types.String {
			quote = `"`
		}
		fmt.Fprintf(&b, "redef %s=%s%s%s;", name, quote, val, quote)
	}
	return b.String()
}

// scriptPath returns BROPATH's entries: $BROPATH (or $ZEEKPATH) if set,
// else the current directory and the scripts tree installed with gobro.
func scriptPath() []string {
	for _, env := range []string{"BROPATH", "ZEEKPATH"} {
		if p := os.Getenv(env); p != "" {
			return strings.Split(p, ":")
		}
	}
	root := scriptsRoot()
	return []string{".", root, root + "/policy", root + "/site"}
}

// scriptsRoot finds the scripts tree: beside the executable's directory
// (build/gobro in a source tree) or inside it.
func scriptsRoot() string {
	exe, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		dir := filepath.Dir(exe)
		for _, cand := range []string{filepath.Join(dir, "..", "scripts"), filepath.Join(dir, "scripts")} {
			if _, err := os.Stat(filepath.Join(cand, "base", "init-bare.bro")); err == nil {
				return filepath.Clean(cand)
			}
		}
	}
	return "scripts"
}
