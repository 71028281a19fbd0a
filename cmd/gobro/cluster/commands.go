package cluster

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

//go:embed node.bro
var nodeScript []byte

// nodeScriptName is the node script's name in the cluster directory's
// site/.
const nodeScriptName = "gobro-cluster-node.bro"

// scriptPath is BROPATH's entries for gobro processes the launcher runs.
func (c *command) scriptPath() []string {
	for _, v := range []string{"BROPATH", "ZEEKPATH"} {
		if p := os.Getenv(v); p != "" {
			return strings.Split(p, ":")
		}
	}
	return c.env.ScriptPath
}

func (c *command) loadConfig() (*config, error) {
	var cfg config
	if err := readJSON(filepath.Join(c.dir, "cluster.json"), &cfg); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no cluster was started in %s", c.dir)
		}
		return nil, err
	}
	return &cfg, nil
}

// loadState reads supervisor.json; nil if there is none.
func (c *command) loadState() *state {
	var st state
	if readJSON(filepath.Join(c.dir, "supervisor.json"), &st) != nil {
		return nil
	}
	return &st
}

// supervisorPid is the pid of the directory's supervisor if it runs.
func (c *command) supervisorPid() int {
	b, err := os.ReadFile(filepath.Join(c.dir, "supervisor.pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if pid <= 0 || !alive(pid) {
		return 0
	}
	// A pid that was reused by another program is not the supervisor.
	cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if !bytes.Contains(cmdline, []byte("supervise")) {
		return 0
	}
	return pid
}

func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	// A zombie is not alive.
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err == nil {
		if i := bytes.LastIndexByte(b, ')'); i >= 0 && i+2 < len(b) && b[i+2] == 'Z' {
			return false
		}
	}
	return true
}

// localNodes are the nodes of cfg that this host runs.
func localNodes(cfg *config) []Node {
	var out []Node
	for _, n := range cfg.Nodes {
		if n.Local && n.runs() {
			out = append(out, n)
		}
	}
	return out
}

// absScripts makes the scripts given as files or directories here
// absolute (the nodes run elsewhere); other arguments (names on BROPATH,
// NAME=VALUE) stay as they are.
func absScripts(scripts []string) []string {
	out := make([]string, len(scripts))
	for i, s := range scripts {
		out[i] = s
		for _, cand := range []string{s, s + ".bro"} {
			if _, err := os.Stat(cand); err == nil {
				if abs, err := filepath.Abs(s); err == nil {
					out[i] = abs
				}
				break
			}
		}
	}
	return out
}

// archiveLog and deleteLog stand in for BroControl's postprocessors of
// rotated logs, which the cluster framework names
// (Log::default_rotation_postprocessor_cmd): loggers archive a rotated
// log under logs/<date of opening>/<path>.<open>-<close>.log (BroControl
// also compresses it), other nodes delete theirs. Their arguments are
// the rotated file, the log's path, and its opening and closing times
// as yy-mm-dd_HH.MM.SS; whether the process is ending and the writer's
// name follow, unused here.
const archiveLog = `#!/bin/sh
# Archives a rotated log of a gobro cluster.
set -e
file=$1 path=$2 open=$3 close=$4
day=20$(echo "$open" | cut -c1-8)
from=$(echo "$open" | cut -c10- | tr . :)
to=$(echo "$close" | cut -c10- | tr . :)
mkdir -p "LOGDIR/$day"
mv "$file" "LOGDIR/$day/$path.$from-$to.log"
`

const deleteLog = `#!/bin/sh
# Deletes a rotated log of a gobro cluster node that does not keep logs.
rm -f "$1"
`

// installSite writes site/: the node script, a copy of the layout,
// named so that "@load cluster-layout" finds it, and bin/ with the
// postprocessors of rotated logs.
func installSite(dir, layout string) (string, error) {
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		return "", err
	}
	text, err := os.ReadFile(layout)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(site, "cluster-layout.bro"), text, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(site, nodeScriptName), nodeScript, 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(site, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return "", err
	}
	for name, text := range map[string]string{"archive-log": archiveLog, "delete-log": deleteLog} {
		text = strings.ReplaceAll(text, "LOGDIR", filepath.Join(dir, "logs"))
		if err := os.WriteFile(filepath.Join(bin, name), []byte(text), 0o755); err != nil {
			return "", err
		}
	}
	return site, nil
}

// start is "gobro cluster start".
func (c *command) start(layout string, scripts []string) int {
	t0 := time.Now()
	if pid := c.supervisorPid(); pid != 0 {
		return c.errorf("a cluster is running in %s (supervisor pid %d): stop it first", c.dir, pid)
	}
	if layout == "" {
		layout = "cluster-layout.bro"
	}
	layout, err := filepath.Abs(layout)
	if err != nil {
		return c.errorf("%v", err)
	}
	exe := c.env.Exe
	nodes, err := readLayout(exe, layout, c.scriptPath())
	if err != nil {
		return c.errorf("%v", err)
	}
	cfg := &config{Layout: layout, Scripts: absScripts(scripts), Exe: exe, Nodes: nodes, Created: t0}
	local := localNodes(cfg)
	if len(local) == 0 {
		return c.errorf("no node of %s is on this host", layout)
	}
	for _, n := range local {
		l, err := net.Listen("tcp", net.JoinHostPort(canonIP(n.IP), strconv.Itoa(n.Port)))
		if err != nil {
			if inner := errors.Unwrap(err); inner != nil {
				err = inner
			}
			return c.errorf("%s cannot listen on %s:%d/tcp: %v", n.Name, n.IP, n.Port, shortErr(err))
		}
		l.Close()
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return c.errorf("%v", err)
	}
	site, err := installSite(c.dir, layout)
	if err != nil {
		return c.errorf("%v", err)
	}
	cfg.BroPath = strings.Join(append([]string{site, filepath.Dir(layout)}, c.scriptPath()...), ":")
	if err := writeJSON(filepath.Join(c.dir, "cluster.json"), cfg); err != nil {
		return c.errorf("%v", err)
	}
	os.Remove(filepath.Join(c.dir, "supervisor.json"))
	os.RemoveAll(filepath.Join(c.dir, "requests"))
	for _, n := range local {
		os.Remove(filepath.Join(c.dir, n.Name, "ready"))
		os.Remove(filepath.Join(c.dir, n.Name, "status"))
	}
	logf, err := os.OpenFile(filepath.Join(c.dir, "supervisor.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return c.errorf("%v", err)
	}
	sup := exec.Command(exe, "cluster", "supervise", "--dir", c.dir)
	sup.Stdout, sup.Stderr = logf, logf
	sup.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := sup.Start(); err != nil {
		logf.Close()
		return c.errorf("cannot start the supervisor: %v", err)
	}
	logf.Close()
	supPid := sup.Process.Pid
	// The supervisor outlives this command; its exit is reaped here only
	// if it ends while we wait.
	supDone := make(chan struct{})
	go func() { sup.Wait(); close(supDone) }()
	for _, n := range local {
		fmt.Fprintf(c.env.Stdout, "starting %s ...\n", n.Name)
	}
	deadline := t0.Add(c.timeout)
	for {
		st := c.loadState()
		var notUp []string
		for _, n := range local {
			if ok, why := c.up(cfg, st, n); !ok {
				notUp = append(notUp, n.Name+": "+why)
			}
		}
		if len(notUp) == 0 {
			fmt.Fprintf(c.env.Stdout, "%d nodes up in %.2fs (supervisor pid %d)\n", len(local), time.Since(t0).Seconds(), supPid)
			return 0
		}
		select {
		case <-supDone:
			return c.errorf("the supervisor ended; see %s", filepath.Join(c.dir, "supervisor.log"))
		default:
		}
		if time.Now().After(deadline) {
			fmt.Fprintf(c.env.Stderr, "gobro cluster: not up after %s:\n", c.timeout)
			for _, s := range notUp {
				fmt.Fprintf(c.env.Stderr, "  %s\n", s)
			}
			fmt.Fprintf(c.env.Stderr, "the cluster is left running: see \"gobro cluster status\"; \"gobro cluster stop\" stops it\n")
			return 1
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// nodeStatus is a node's status file.
type nodeStatus struct {
	pid               int
	at                float64
	up                map[string]float64
	msgsIn, msgsOut   int64
	bytesIn, bytesOut int64
	logWrites         int64
}

// readStatus reads the status file a node writes; nil if there is none
// or it is incomplete.
func readStatus(path string) *nodeStatus {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	s := &nodeStatus{up: map[string]float64{}}
	complete := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 1 && f[0] == "end" {
			complete = true
			continue
		}
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "pid":
			s.pid = int(n)
		case "time":
			s.at, _ = strconv.ParseFloat(f[1], 64)
		case "up":
			if len(f) == 3 {
				s.up[f[1]], _ = strconv.ParseFloat(f[2], 64)
			}
		case "msgs_in":
			s.msgsIn = n
		case "msgs_out":
			s.msgsOut = n
		case "bytes_in":
			s.bytesIn = n
		case "bytes_out":
			s.bytesOut = n
		case "log_writes":
			s.logWrites = n
		}
	}
	if !complete {
		return nil
	}
	return s
}

func findNodeState(st *state, name string) *nodeState {
	if st == nil {
		return nil
	}
	for _, ns := range st.Nodes {
		if ns.Name == name {
			return ns
		}
	}
	return nil
}

// up says whether a node is up: its process runs, its bro_init handlers
// have run (it wrote its ready file), it listens on its port, and it has
// seen every node of this host it peers with come up (Cluster::node_up).
// If not, it says why.
func (c *command) up(cfg *config, st *state, n Node) (bool, string) {
	ns := findNodeState(st, n.Name)
	if ns == nil {
		return false, "not started yet"
	}
	nd := filepath.Join(c.dir, n.Name)
	if ns.State != "running" || !alive(ns.Pid) {
		why := "not running"
		if ns.LastExit != "" {
			why = fmt.Sprintf("%s, restart %d pending", ns.LastExit, ns.Restarts)
		}
		if tail := tailLines(filepath.Join(nd, "stderr"), 5); len(tail) > 0 {
			why += "; its stderr ends:\n      " + strings.Join(tail, "\n      ")
		} else if crash := lastCrash(nd); crash != "" {
			why += "; see " + crash
		}
		return false, why
	}
	// A node restarted after dying says how it died last.
	before := ""
	if ns.Restarts > 0 && ns.LastExit != "" {
		before = fmt.Sprintf("; restarted %d times, last after %s", ns.Restarts, ns.LastExit)
		if crash := lastCrash(nd); crash != "" {
			before += " (" + crash + ")"
		}
	}
	ready, _ := os.ReadFile(filepath.Join(nd, "ready"))
	if strings.TrimSpace(string(ready)) != strconv.Itoa(ns.Pid) {
		return false, "its bro_init handlers have not finished" + before
	}
	if !listening(ns.Pid, n.Port) {
		why := fmt.Sprintf("not listening on port %d/tcp", n.Port)
		if tail := tailLines(filepath.Join(nd, "stderr"), 3); len(tail) > 0 {
			why += "; its stderr ends:\n      " + strings.Join(tail, "\n      ")
		}
		return false, why
	}
	s := readStatus(filepath.Join(nd, "status"))
	if s == nil || s.pid != ns.Pid {
		return false, "no status yet"
	}
	var missing []string
	for _, p := range peersOf(n, localNodes(cfg)) {
		if _, ok := s.up[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		return false, "not connected to " + strings.Join(missing, ", ")
	}
	return true, ""
}

// started says whether a running node has finished starting: its
// bro_init handlers have run and it listens on its port.
func (c *command) started(ns *nodeState, n Node) bool {
	ready, _ := os.ReadFile(filepath.Join(c.dir, n.Name, "ready"))
	return strings.TrimSpace(string(ready)) == strconv.Itoa(ns.Pid) && listening(ns.Pid, n.Port)
}

// lastCrash is the newest crash report of a node directory.
func lastCrash(nd string) string {
	m, _ := filepath.Glob(filepath.Join(nd, "crash-*.txt"))
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1]
}

// listening says whether process pid has a listening TCP socket on port
// (from /proc/net/tcp{,6} and the process's descriptors).
func listening(pid, port int) bool {
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			fs := strings.Fields(line)
			if len(fs) < 10 || fs[3] != "0A" {
				continue
			}
			i := strings.LastIndexByte(fs[1], ':')
			p, err := strconv.ParseInt(fs[1][i+1:], 16, 32)
			if err == nil && int(p) == port {
				inodes["socket:["+fs[9]+"]"] = true
			}
		}
	}
	if len(inodes) == 0 {
		return false
	}
	fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	for _, fd := range fds {
		l, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name()))
		if err == nil && inodes[l] {
			return true
		}
	}
	return false
}

// rssMB is a process's resident memory in MB.
func rssMB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// logRows counts the rows in a node directory's log files.
func logRows(nd string) int64 {
	m, _ := filepath.Glob(filepath.Join(nd, "*.log"))
	var n int64
	for _, f := range m {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			if l := sc.Bytes(); len(l) > 0 && l[0] != '#' {
				n++
			}
		}
		fh.Close()
	}
	return n
}

func fmtDuration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%dd%02dh", d/(24*time.Hour), d%(24*time.Hour)/time.Hour)
	case d >= time.Hour:
		return fmt.Sprintf("%dh%02dm", d/time.Hour, d%time.Hour/time.Minute)
	case d >= time.Minute:
		return fmt.Sprintf("%dm%02ds", d/time.Minute, d%time.Minute/time.Second)
	}
	return fmt.Sprintf("%ds", d/time.Second)
}

// status is "gobro cluster status".
func (c *command) status() int {
	cfg, err := c.loadConfig()
	if err != nil {
		return c.errorf("%v", err)
	}
	supPid := c.supervisorPid()
	st := c.loadState()
	managerLogs := true
	for _, n := range cfg.Nodes {
		if n.Type == "logger" {
			managerLogs = false
		}
	}
	w := c.env.Stdout
	fmt.Fprintf(w, "%-12s %-8s %-15s %-9s %7s %7s %7s %5s %9s %9s %9s %9s\n",
		"Name", "Type", "Host", "Status", "Pid", "Uptime", "Mem-MB", "Peers", "Msgs-in", "Msgs-out", "Logs-in", "Logs-out")
	for _, n := range localNodes(cfg) {
		ns := findNodeState(st, n.Name)
		state, pid, uptime, mem := "stopped", "-", "-", "-"
		peers, msgsIn, msgsOut, logsIn, logsOut := "-", "-", "-", "-", "-"
		nd := filepath.Join(c.dir, n.Name)
		if ns != nil && supPid != 0 {
			state = ns.State
		}
		if ns != nil && ns.State == "running" && alive(ns.Pid) {
			if supPid == 0 {
				state = "orphaned"
			} else if !c.started(ns, n) {
				state = "starting"
			}
			pid = strconv.Itoa(ns.Pid)
			uptime = fmtDuration(time.Since(ns.Started))
			mem = fmt.Sprintf("%.1f", rssMB(ns.Pid))
			if s := readStatus(filepath.Join(nd, "status")); s != nil && s.pid == ns.Pid {
				want := peersOf(n, cfg.Nodes)
				have := 0
				for _, p := range want {
					if _, ok := s.up[p]; ok {
						have++
					}
				}
				peers = fmt.Sprintf("%d/%d", have, len(want))
				msgsIn, msgsOut = strconv.FormatInt(s.msgsIn, 10), strconv.FormatInt(s.msgsOut, 10)
				logsOut = strconv.FormatInt(s.logWrites, 10)
			}
			if n.Type == "logger" || n.Type == "manager" && managerLogs {
				logsIn = strconv.FormatInt(logRows(nd), 10)
			}
		} else if ns != nil && ns.State == "crashed" && supPid != 0 {
			uptime = "restart in " + fmtDuration(time.Until(ns.NextStart))
		}
		fmt.Fprintf(w, "%-12s %-8s %-15s %-9s %7s %7s %7s %5s %9s %9s %9s %9s\n",
			n.Name, n.Type, n.IP, state, pid, uptime, mem, peers, msgsIn, msgsOut, logsIn, logsOut)
	}
	if supPid != 0 {
		restarts := 0
		for _, ns := range st.Nodes {
			restarts += ns.Restarts
		}
		fmt.Fprintf(w, "supervisor: running (pid %d), %d restarts\n", supPid, restarts)
	} else {
		fmt.Fprintln(w, "supervisor: not running")
	}
	return 0
}

// stop is "gobro cluster stop".
func (c *command) stop() int {
	cfg, err := c.loadConfig()
	if err != nil {
		return c.errorf("%v", err)
	}
	local := localNodes(cfg)
	for i := len(local) - 1; i >= 0; i-- {
		fmt.Fprintf(c.env.Stdout, "stopping %s ...\n", local[i].Name)
	}
	if pid := c.supervisorPid(); pid != 0 {
		syscall.Kill(pid, syscall.SIGTERM)
		deadline := time.Now().Add(c.timeout + 4*stopWait)
		for alive(pid) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if alive(pid) {
			return c.errorf("the supervisor (pid %d) did not stop", pid)
		}
	}
	// Nodes left over from a supervisor that died are stopped here.
	if st := c.loadState(); st != nil {
		for i := len(st.Nodes) - 1; i >= 0; i-- {
			ns := st.Nodes[i]
			if ns.Pid == 0 || !alive(ns.Pid) || !isNodeProcess(ns.Pid, ns.Name) {
				continue
			}
			syscall.Kill(ns.Pid, syscall.SIGTERM)
			deadline := time.Now().Add(stopWait)
			for alive(ns.Pid) && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if alive(ns.Pid) {
				syscall.Kill(ns.Pid, syscall.SIGKILL)
			}
		}
	}
	fmt.Fprintln(c.env.Stdout, "stopped")
	return 0
}

// isNodeProcess says whether pid runs the node (its environment names
// it), so that a reused pid is never signalled.
func isNodeProcess(pid int, name string) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
	if err != nil {
		return false
	}
	for _, kv := range bytes.Split(b, []byte{0}) {
		if string(kv) == "CLUSTER_NODE="+name {
			return true
		}
	}
	return false
}

// restart is "gobro cluster restart [NODE]".
func (c *command) restart(layout string, args []string) int {
	cfg, err := c.loadConfig()
	if err != nil {
		return c.errorf("%v", err)
	}
	if len(args) == 0 {
		if layout == "" {
			layout = cfg.Layout
		}
		if rc := c.stop(); rc != 0 {
			return rc
		}
		return c.start(layout, cfg.Scripts)
	}
	name := args[0]
	var node *Node
	for _, n := range localNodes(cfg) {
		if n.Name == name {
			node = &n
		}
	}
	if node == nil {
		return c.errorf("%s is not a node of this host in %s", name, cfg.Layout)
	}
	pid := c.supervisorPid()
	if pid == 0 {
		return c.errorf("the cluster in %s is not running", c.dir)
	}
	old := 0
	if ns := findNodeState(c.loadState(), name); ns != nil {
		old = ns.Pid
	}
	rd := filepath.Join(c.dir, "requests")
	os.MkdirAll(rd, 0o755)
	if err := os.WriteFile(filepath.Join(rd, "restart-"+name), nil, 0o644); err != nil {
		return c.errorf("%v", err)
	}
	syscall.Kill(pid, syscall.SIGHUP)
	fmt.Fprintf(c.env.Stdout, "restarting %s ...\n", name)
	deadline := time.Now().Add(c.timeout + stopWait)
	for time.Now().Before(deadline) {
		st := c.loadState()
		if ns := findNodeState(st, name); ns != nil && ns.Pid != old && ns.Pid != 0 {
			if ok, _ := c.up(cfg, st, *node); ok {
				fmt.Fprintf(c.env.Stdout, "%s is up again\n", name)
				return 0
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	_, why := c.up(cfg, c.loadState(), *node)
	return c.errorf("%s did not come up again: %s", name, why)
}

// check is "gobro cluster check": for one node of each type, the node's
// scripts load and check (gobro -a) with CLUSTER_NODE set and
// BROCTL_CHECK_CONFIG set, as BroControl checks them.
func (c *command) check(layout string, scripts []string) int {
	if cfg, err := c.loadConfig(); err == nil {
		if layout == "" {
			layout = cfg.Layout
		}
		if len(scripts) == 0 {
			scripts = cfg.Scripts
		}
	}
	if layout == "" {
		layout = "cluster-layout.bro"
	}
	nodes, err := readLayout(c.env.Exe, layout, c.scriptPath())
	if err != nil {
		return c.errorf("%v", err)
	}
	tmp, err := os.MkdirTemp("", "gobro-check-")
	if err != nil {
		return c.errorf("%v", err)
	}
	defer os.RemoveAll(tmp)
	site, err := installSite(tmp, layout)
	if err != nil {
		return c.errorf("%v", err)
	}
	layoutAbs, _ := filepath.Abs(layout)
	bropath := strings.Join(append([]string{site, filepath.Dir(layoutAbs)}, c.scriptPath()...), ":")
	scripts = absScripts(scripts)
	rc := 0
	seen := map[string]bool{}
	for _, n := range nodes {
		if !n.runs() || seen[n.Type] {
			continue
		}
		seen[n.Type] = true
		cmd := exec.Command(c.env.Exe, append([]string{"-a", filepath.Join(site, nodeScriptName)}, scripts...)...)
		cmd.Dir = tmp
		cmd.Env = nodeEnv(os.Environ(), map[string]string{"CLUSTER_NODE": n.Name, "BROCTL_CHECK_CONFIG": "1", "BROPATH": bropath}, "ZEEKPATH")
		out, err := cmd.CombinedOutput()
		if err != nil || len(out) > 0 {
			fmt.Fprintf(c.env.Stdout, "%s scripts failed.\n%s", n.Name, out)
			rc = 1
			continue
		}
		fmt.Fprintf(c.env.Stdout, "%s scripts are ok.\n", n.Name)
	}
	return rc
}

// controllerScript prints the answer of a control request.
const controllerScript = `@load policy/frameworks/control/controller
event Control::id_value_response(id: string, val: string)
	{
	print fmt("%s = %s", id, val);
	}
event Control::peer_status_response(s: string)
	{
	for ( i in split_string(s, /\n/) )
		print split_string(s, /\n/)[i];
	}
`

// control runs a controller against node n and returns what it printed.
func (c *command) control(n Node, cmd, arg string) (string, error) {
	tmp, err := os.CreateTemp("", "gobro-control-*.bro")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	tmp.WriteString(controllerScript)
	tmp.Close()
	timeout := c.timeout
	if timeout > 10*time.Second {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := []string{"-b", tmp.Name(),
		"Control::host=" + canonIP(n.IP), fmt.Sprintf("Control::host_port=%d/tcp", n.Port),
		"Control::cmd=" + cmd}
	if arg != "" {
		args = append(args, "Control::arg="+arg)
	}
	x := exec.CommandContext(ctx, c.env.Exe, args...)
	x.Env = nodeEnv(os.Environ(), map[string]string{"BROPATH": strings.Join(c.scriptPath(), ":")}, "CLUSTER_NODE", "ZEEKPATH")
	var out, errb bytes.Buffer
	x.Stdout, x.Stderr = &out, &errb
	err = x.Run()
	if ctx.Err() != nil {
		return "", fmt.Errorf("%s did not answer within %s", n.Name, timeout)
	}
	// The controller ends itself with terminate(), which says so on
	// stderr as Bro does; anything else there is an error.
	msg := strings.TrimSpace(strings.ReplaceAll(errb.String(), "received termination signal", ""))
	if err != nil || msg != "" {
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("%s: %s", n.Name, msg)
	}
	return out.String(), nil
}

// runningNode finds a running node of this host by name.
func (c *command) runningNode(name string) (*Node, error) {
	cfg, err := c.loadConfig()
	if err != nil {
		return nil, err
	}
	for _, n := range cfg.Nodes {
		if n.Name == name && n.runs() {
			return &n, nil
		}
	}
	return nil, fmt.Errorf("%s is not a node of %s", name, cfg.Layout)
}

// print is "gobro cluster print NODE ID".
func (c *command) print(name, id string) int {
	n, err := c.runningNode(name)
	if err != nil {
		return c.errorf("%v", err)
	}
	out, err := c.control(*n, "id_value", id)
	if err != nil {
		return c.errorf("%v", err)
	}
	fmt.Fprintf(c.env.Stdout, "%s   %s", name, out)
	return 0
}

// peerstatus is "gobro cluster peerstatus": each running node's peers,
// asked of all nodes at once.
func (c *command) peerstatus() int {
	cfg, err := c.loadConfig()
	if err != nil {
		return c.errorf("%v", err)
	}
	st := c.loadState()
	local := localNodes(cfg)
	outs := make([]string, len(local))
	errs := make([]error, len(local))
	var wg sync.WaitGroup
	for i, n := range local {
		ns := findNodeState(st, n.Name)
		if ns == nil || ns.State != "running" || !alive(ns.Pid) {
			errs[i] = fmt.Errorf("%s is not running", n.Name)
			continue
		}
		wg.Add(1)
		go func(i int, n Node) {
			defer wg.Done()
			outs[i], errs[i] = c.control(n, "peer_status", "")
		}(i, n)
	}
	wg.Wait()
	rc := 0
	for i, n := range local {
		if errs[i] != nil {
			fmt.Fprintf(c.env.Stderr, "gobro cluster: %v\n", errs[i])
			rc = 1
			continue
		}
		fmt.Fprintf(c.env.Stdout, "%s\n%s\n", n.Name, strings.TrimRight(outs[i], "\n"))
	}
	return rc
}
