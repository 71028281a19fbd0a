// Package all links every builtin package into a program. Each package
// under builtins/ registers its functions with interp.Register when it is
// initialised; importing this package for its side effect brings them all.
package all

import (
	_ "gobro/builtins/broker"     // Broker data, endpoints and messaging
	_ "gobro/builtins/cluster"    // publishing to pools of cluster nodes
	_ "gobro/builtins/containers" // whole tables and vectors, types, identifiers
	_ "gobro/builtins/convert"    // conversions between types
	_ "gobro/builtins/dns"        // name lookups into "when"
	_ "gobro/builtins/env"        // environment, shell commands, process identity
	_ "gobro/builtins/exec"       // Exec::run's commands
	_ "gobro/builtins/files"      // files and directories
	_ "gobro/builtins/format"     // cat, cat_sep, fmt
	_ "gobro/builtins/hash"       // digests, identifiers, random numbers
	_ "gobro/builtins/logging"    // the logging framework's manager and writers
	_ "gobro/builtins/math"       // floor, sqrt, logarithms, distances
	_ "gobro/builtins/option"     // Option::set and change handlers
	_ "gobro/builtins/process"    // time, termination, exit, Reporter
	_ "gobro/builtins/strings"    // string processing
)
