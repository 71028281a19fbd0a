// Command gobro runs Bro 2.6 scripts.
//
// Usage:
//
//	gobro check FILE|DIR...   check the syntax of scripts, loading nothing
//	gobro -v | --version      print the version
//	gobro -h | --help         print this help
//
//	gobro [-b] [-e CODE] file...   load and run scripts, as bro does
//
// The interpreter runs a part of the language so far: see the README.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	_ "gobro/builtins/all" // every builtin registers itself
)

// version is what "gobro --version" prints.
const version = "0.1.0"

const usage = `usage: gobro [options] [file ...]
       gobro check FILE|DIR ...

commands:
  check FILE|DIR ...   parse each script on its own (directories: every
                       .bro file below them) and report syntax errors in
                       Bro's form; exit status 1 if any file has errors

options:
  -a, --parse-only     load and check the scripts, then exit without
                       running them (status 1 if they have errors)
  -b, --bare-mode      load only base/init-bare.bro before the scripts
  -e, --exec CODE      run CODE after the scripts
  -h, --help           print this help
  -v, --version        print the version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command line; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 1
	}
	switch args[0] {
	case "check":
		return check(args[1:], stderr)
	case "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "-v", "--version":
		fmt.Fprintf(stdout, "%s version %s\n", filepath.Base(os.Args[0]), version)
		return 0
	}
	return runScripts(args, stdout, stderr)
}
