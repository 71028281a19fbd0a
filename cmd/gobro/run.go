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
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/loader"
	"gobro/runtime/seed"
	"gobro/runtime/types"
)

// options is a parsed "gobro [options] [file ...]" command line.
type options struct {
	bare, parseOnly, help, version bool
	code                           string // the -e code; the last -e wins, as in Bro
	haveCode                       bool
	files, params, plugins         []string
	prefixes                       []string // -p
	loadSeeds, saveSeeds           string   // -G, -H
}

// parseArgs parses the command line as Bro's getopt_long does: short
// options may be combined ("-ab") and -e may hold its code ("-eCODE");
// long options take "--exec CODE" or "--exec=CODE"; "--" ends the
// options. Of the other arguments, "X=Y" sets a variable, "A::B" names a
// plugin and anything else is a script.
func parseArgs(args []string) (options, error) {
	var o options
	rest := []string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			switch name {
			case "bare-mode":
				o.bare = true
			case "parse-only":
				o.parseOnly = true
			case "help":
				o.help = true
			case "version":
				o.version = true
			case "exec", "prefix", "debug", "load-seeds", "save-seeds":
				if !hasVal {
					if i+1 == len(args) {
						return o, fmt.Errorf("option %s needs an argument", a)
					}
					i++
					val = args[i]
				}
				switch name {
				case "exec":
					o.code, o.haveCode = val, true
				case "prefix":
					o.prefixes = append(o.prefixes, val)
				case "load-seeds":
					o.loadSeeds = val
				case "save-seeds":
					o.saveSeeds = val
				}
			default:
				return o, fmt.Errorf("unknown option %s", a)
			}
			if hasVal && name != "exec" && name != "prefix" && name != "debug" && name != "load-seeds" && name != "save-seeds" {
				return o, fmt.Errorf("option --%s takes no argument", name)
			}
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a); j++ {
				switch a[j] {
				case 'b':
					o.bare = true
				case 'a':
					o.parseOnly = true
				case 'h', '?':
					o.help = true
				case 'v':
					o.version = true
				case 'e', 'p', 'B', 'G', 'H':
					val := a[j+1:]
					if val == "" {
						if i+1 == len(args) {
							return o, fmt.Errorf("option -%c needs an argument", a[j])
						}
						i++
						val = args[i]
					}
					switch a[j] {
					case 'e':
						o.code, o.haveCode = val, true
					case 'p':
						o.prefixes = append(o.prefixes, val)
					case 'G':
						o.loadSeeds = val
					case 'H':
						o.saveSeeds = val
					}
					// -B names debug streams, which only Bro's debug
					// builds have; gobro accepts them and ignores them.
					j = len(a)
				default:
					return o, fmt.Errorf("unknown option -%c", a[j])
				}
			}
		default:
			rest = append(rest, a)
		}
	}
	for _, a := range rest {
		switch {
		case strings.Contains(a, "="):
			o.params = append(o.params, a)
		case strings.Contains(a, "::"):
			o.plugins = append(o.plugins, a)
		default:
			o.files = append(o.files, a)
		}
	}
	return o, nil
}

// runScripts loads and runs scripts as "bro [options] file..." does.
func runScripts(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n%s", progName(), err, usage)
		return 1
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, usage)
		return 0
	case o.version:
		return printVersion(stdout, stderr)
	case len(o.plugins) > 0:
		// gobro has no dynamic plugins to activate.
		for _, p := range o.plugins {
			fmt.Fprintf(stderr, "error: plugin %s is not available\n", p)
		}
		fmt.Fprintln(stderr, "fatal error: Failed to activate requested dynamic plugin(s).")
		return 1
	}
	if err := seed.Init(o.loadSeeds, o.saveSeeds, stderr); err != nil {
		fmt.Fprintf(stderr, "fatal error: %v\n", err)
		return 1
	}
	bare, parseOnly, files, params := o.bare, o.parseOnly, o.files, o.params
	// Bro reads its script from standard input when it is given none.
	readStdin := len(files) == 0 && len(params) == 0 && !o.haveCode

	out, flush := bufferStdout(stdout)
	defer flush()
	in := interp.New(out, stderr)
	l := loader.New(scriptPath(), in)
	if p := os.Getenv("BRO_PREFIXES"); p != "" {
		l.AddPrefixes(strings.Split(p, ":")...)
	}
	l.AddPrefixes(o.prefixes...)
	// As in Bro 2.6, the frameworks that the core builtins depend on
	// (logging, Broker) load even in bare mode.
	load := []string{"base/init-bare", "base/init-frameworks-and-bifs"}
	if !bare {
		load = append(load, "base/init-default")
	}
	load = append(load, files...)
	if readStdin {
		load = append(load, "-")
	}
	for _, f := range load {
		if f == "-" {
			src, rerr := loader.ReadStdinScript(os.Stdin)
			if rerr != nil {
				fmt.Fprintln(stderr, rerr)
				return 1
			}
			err = l.LoadStdin(src)
		} else {
			err = l.Load(f)
		}
		if err != nil {
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
	if err == nil && o.haveCode {
		if err = l.LoadSource("<command line>", []byte(o.code+"\n;\n")); err == nil {
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
	// Bro looks for calls to the old communication system once the
	// scripts are parsed, before it counts their errors.
	if msg := in.OldCommFatal(); err == nil && msg != "" {
		fmt.Fprintln(stderr, "fatal error: "+msg)
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
	stop := handleSignals(in, stderr)
	defer stop()
	return in.Run()
}

// handleSignals makes SIGINT and SIGTERM end the run cleanly, through
// bro_done, as they end Bro. A second signal while the first is still
// being handled (a handler that never returns) ends the process at once,
// after writing out the whole log rows held in buffers and saying so.
func handleSignals(in *interp.Interp, stderr io.Writer) (stop func()) {
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
					fmt.Fprintln(stderr, "fatal error: second termination signal, exit forced (log buffers flushed)")
					in.RunForcedExit(forcedExitWait)
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

// forcedExitWait bounds how long a forced exit waits to write out log
// buffers.
const forcedExitWait = 2 * time.Second

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
	return defaultScriptPath()
}

// defaultScriptPath is BROPATH's entries when it is not set: the current
// directory and the scripts tree installed with gobro.
func defaultScriptPath() []string {
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
