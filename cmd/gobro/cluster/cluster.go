// Package cluster is "gobro cluster": it writes cluster-layout.bro from a
// BroControl node.cfg, starts the nodes of a layout that live on this host
// (each a gobro process of its own, under a supervisor that restarts the
// ones that die), and answers BroControl's commands for them: status,
// stop, restart, check, print and peerstatus.
//
// A running cluster lives in a cluster directory (--dir, default ./spool,
// as BroControl's spool): cluster.json (what was started), the
// supervisor's pid, log and state, site/ (the node script and a copy of
// the layout, first on every node's BROPATH), and one directory per node
// that is the node's working directory (its logs, stdout, stderr, the
// status file it writes, crash reports).
package cluster

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Env is what the command line passes in.
type Env struct {
	// Exe is the gobro binary the nodes run.
	Exe string
	// ScriptPath is BROPATH's entries when BROPATH is not set.
	ScriptPath []string
	Stdout     io.Writer
	Stderr     io.Writer
}

const usage = `usage: gobro cluster COMMAND [options] [args]

commands:
  layout [--port N] [-o FILE] NODE.CFG   write cluster-layout.bro for a
                          BroControl node.cfg, as BroControl 2.6 does
  start [--layout FILE] [script ...]      start this host's nodes under a
                          supervisor; return when all are up
  status                  each node: state, pid, uptime, memory, peers,
                          messages and log writes in and out
  stop                    stop every node (bro_done runs, logs are
                          flushed) and the supervisor
  restart [NODE]          restart one node, or the whole cluster
  check [--layout FILE] [script ...]
                          check that every node type's scripts load
  print NODE ID           a global's value on a node (control framework)
  peerstatus              each node's peers (control framework)

options of every command:
  --dir DIR               the cluster directory (default ./spool, or
                          $GOBRO_CLUSTER_DIR)
`

// Main runs "gobro cluster ARGS" and returns the exit status.
func Main(args []string, env Env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, usage)
		if len(args) == 0 {
			return 1
		}
		return 0
	}
	cmd, rest := args[0], args[1:]
	fs := flag.NewFlagSet("gobro cluster "+cmd, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	defDir := os.Getenv("GOBRO_CLUSTER_DIR")
	if defDir == "" {
		defDir = "spool"
	}
	dir := fs.String("dir", defDir, "the cluster directory")
	var (
		port    *int
		out     *string
		tmHost  *string
		tmPort  *string
		layout  *string
		timeout *time.Duration
	)
	switch cmd {
	case "layout":
		port = fs.Int("port", 47760, "the first port (BroControl's BroPort)")
		out = fs.String("o", "cluster-layout.bro", "the file to write (- for stdout)")
		tmHost = fs.String("time-machine", "", "the time machine's address (BroControl's TimeMachineHost)")
		tmPort = fs.String("time-machine-port", "47757/tcp", "the time machine's port (BroControl's TimeMachinePort)")
	case "start", "check", "restart":
		layout = fs.String("layout", "", "the cluster layout (default: cluster-layout.bro, or the one the cluster was started with)")
		timeout = fs.Duration("timeout", 30*time.Second, "how long to wait for the nodes to come up")
	case "status", "stop", "print", "peerstatus", "supervise":
		timeout = fs.Duration("timeout", 30*time.Second, "how long to wait")
	default:
		fmt.Fprintf(env.Stderr, "gobro cluster: unknown command %q\n%s", cmd, usage)
		return 1
	}
	args, err := parseInterleaved(fs, rest)
	if err != nil {
		return 1
	}
	absDir, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "gobro cluster: %v\n", err)
		return 1
	}
	c := &command{env: env, dir: absDir}
	if timeout != nil {
		c.timeout = *timeout
	}
	switch cmd {
	case "layout":
		if len(args) != 1 {
			fmt.Fprintln(env.Stderr, "usage: gobro cluster layout [--port N] [-o FILE] NODE.CFG")
			return 1
		}
		return c.layoutCmd(args[0], *out, layoutOptions{broPort: *port, timeMachineHost: *tmHost, timeMachinePort: *tmPort})
	case "start":
		return c.start(*layout, args)
	case "check":
		return c.check(*layout, args)
	case "restart":
		if len(args) > 1 {
			fmt.Fprintln(env.Stderr, "usage: gobro cluster restart [NODE]")
			return 1
		}
		return c.restart(*layout, args)
	case "status":
		return c.status()
	case "stop":
		return c.stop()
	case "print":
		if len(args) != 2 {
			fmt.Fprintln(env.Stderr, "usage: gobro cluster print NODE ID")
			return 1
		}
		return c.print(args[0], args[1])
	case "peerstatus":
		return c.peerstatus()
	case "supervise":
		return supervise(absDir, env)
	}
	return 1
}

// parseInterleaved parses flags wherever they stand among the arguments
// ("layout node.cfg -o -" as well as "layout -o - node.cfg"); "--" ends
// the flags. It returns the other arguments in order.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// command carries what every command needs.
type command struct {
	env     Env
	dir     string
	timeout time.Duration
}

func (c *command) errorf(format string, args ...any) int {
	fmt.Fprintf(c.env.Stderr, "gobro cluster: "+format+"\n", args...)
	return 1
}

// layoutCmd is "gobro cluster layout".
func (c *command) layoutCmd(cfg, out string, opts layoutOptions) int {
	if opts.broPort < 1 || opts.broPort > 65535 {
		return c.errorf("invalid port %d", opts.broPort)
	}
	nodes, err := readNodeCfg(cfg, c.env.Stderr)
	if err != nil {
		return c.errorf("%v", err)
	}
	text := writeLayout(nodes, opts)
	if out == "-" {
		fmt.Fprint(c.env.Stdout, text)
		return 0
	}
	if out == "cluster-layout.bro" && len(nodes) == 1 && nodes[0].typ == "standalone" {
		out = "standalone-layout.bro"
	}
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		return c.errorf("failed to write file: %v", err)
	}
	return 0
}

// shortErr is the first line of an error's text.
func shortErr(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
