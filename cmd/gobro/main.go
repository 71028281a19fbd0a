// Command gobro runs Bro 2.6 scripts.
//
// Usage:
//
//	gobro check FILE|DIR...   check the syntax of scripts, loading nothing
//	gobro cluster COMMAND ... run a local cluster (see package cluster)
//	gobro -v | --version      print the version
//	gobro -h | --help         print this help
//
//	gobro [-a] [-b] [-e CODE] [file ...]   load and run scripts, as bro does
//
// With no script and no -e, the script is read from standard input, as
// Bro reads it.
//
// The interpreter runs a part of the language so far: see the README.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	_ "gobro/builtins/all" // every builtin registers itself
	"gobro/builtins/broker/bus"
	"gobro/builtins/env"
	"gobro/cmd/gobro/cluster"
)

// stdinIsTerminal reports whether standard input is a terminal (or
// another character device, such as /dev/null).
func stdinIsTerminal() bool {
	info, err := os.Stdin.Stat()
	return err != nil || info.Mode()&os.ModeCharDevice != 0
}

// version is what "gobro --version" prints.
const version = "0.1.0"

const usage = `usage: gobro [options] [file ...] [NAME=VALUE ...]
       gobro check FILE|DIR ...
       gobro cluster COMMAND ...
       gobro curve-keypair

commands:
  check FILE|DIR ...   parse each script on its own (directories: every
                       .bro file below them) and report syntax errors in
                       Bro's form; exit status 1 if any file has errors
  cluster COMMAND ...  write a cluster layout from a BroControl node.cfg,
                       start, supervise, inspect and stop a local cluster
                       ("gobro cluster help" lists the commands)
  curve-keypair        print a new CURVE key pair for Broker links: the
                       public key, then the secret key (Z85), one a line

options:
  -a, --parse-only     load and check the scripts, then exit without
                       running them (status 1 if they have errors)
  -b, --bare-mode      load only base/init-bare.bro before the scripts
  -e, --exec CODE      run CODE after the scripts (the last -e counts)
  -B, --debug STREAMS  accepted for Bro's debug builds, and ignored
  -G, --load-seeds FILE
                       take the random seeds from FILE (as BRO_SEED_FILE)
  -H, --save-seeds FILE
                       save the random seeds to FILE
  -p, --prefix PREFIX  also load PREFIX.<name> for every script loaded
                       (as @prefixes += PREFIX; BRO_PREFIXES adds more)
  -h, --help           print this help
  -v, --version        print the version ("bro version 2.6" on stderr
                       when run by the name bro, as Bro prints it)

A NAME=VALUE argument redefines the global NAME (a string needs no
quotes). With no script and no -e, the script is read from stdin.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command line; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 && stdinIsTerminal() {
		// Bro would wait for a script on the terminal; gobro says
		// how to call it instead.
		fmt.Fprint(stderr, usage)
		return 1
	}
	if len(args) > 0 && args[0] == "check" {
		return check(args[1:], stderr)
	}
	if len(args) == 1 && args[0] == "curve-keypair" {
		return curveKeypair(stdout, stderr)
	}
	if len(args) > 0 && args[0] == "cluster" {
		exe, err := os.Executable()
		if err != nil {
			exe = os.Args[0]
		}
		return cluster.Main(args[1:], cluster.Env{Exe: exe, ScriptPath: defaultScriptPath(), Stdout: stdout, Stderr: stderr})
	}
	return runScripts(args, stdout, stderr)
}

// progName is the name gobro was invoked by.
func progName() string { return filepath.Base(os.Args[0]) }

// printVersion answers -v. Invoked as "bro" it answers as Bro 2.6 does,
// on stderr with the name it was run by ("bro version 2.6"), since
// tools and test suites that call bro parse that line; as gobro it gives
// its own version on stdout.
func printVersion(stdout, stderr io.Writer) int {
	if progName() == "bro" {
		fmt.Fprintf(stderr, "%s version %s\n", os.Args[0], env.Version)
		return 0
	}
	fmt.Fprintf(stdout, "gobro version %s\n", version)
	return 0
}

// curveKeypair prints a new CURVE key pair, for the Broker::curve_*
// options: the public key on the first line, the secret key on the
// second.
func curveKeypair(stdout, stderr io.Writer) int {
	public, secret, err := bus.CurveKeypair()
	if err != nil {
		fmt.Fprintf(stderr, "gobro: cannot make a key pair: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n%s\n", public, secret)
	return 0
}
