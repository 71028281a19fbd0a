package cluster

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The supervisor is the parent of every node process of a cluster
// directory. It starts them, restarts one that dies (at once the first
// time, then with a delay that doubles, up to maxBackoff, while it keeps
// dying within stableAfter of its start), writes a crash report into the
// node's directory, and stops them all, workers first and loggers last,
// on SIGTERM. "gobro cluster start" runs it as a daemon; its pid is in
// supervisor.pid, its state in supervisor.json, its log in
// supervisor.log.

const (
	firstBackoff = 500 * time.Millisecond
	maxBackoff   = time.Minute
	stableAfter  = time.Minute
	stopWait     = 20 * time.Second // SIGTERM, then SIGKILL after this
	keepReports  = 10               // crash reports and old runs kept per node
)

// config is cluster.json: what "start" asked for.
type config struct {
	Layout  string    `json:"layout"`  // the user's layout
	Scripts []string  `json:"scripts"` // given to every node after the node script
	Exe     string    `json:"exe"`
	BroPath string    `json:"bropath"`
	Nodes   []Node    `json:"nodes"`
	Created time.Time `json:"created"`
}

// state is supervisor.json.
type state struct {
	Pid      int          `json:"pid"`
	Started  time.Time    `json:"started"`
	Stopping bool         `json:"stopping,omitempty"`
	Stopped  bool         `json:"stopped,omitempty"`
	Nodes    []*nodeState `json:"nodes"`
}

// nodeState is the supervisor's view of one node.
type nodeState struct {
	Name      string    `json:"name"`
	State     string    `json:"state"` // running, crashed (restart pending), stopped
	Pid       int       `json:"pid,omitempty"`
	Started   time.Time `json:"started,omitempty"`
	Restarts  int       `json:"restarts"`
	LastExit  string    `json:"last_exit,omitempty"`
	NextStart time.Time `json:"next_start,omitempty"`

	node      Node
	cmd       *exec.Cmd
	quick     int  // deaths in a row soon after starting
	requested bool // a restart was asked for: no crash
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// writeJSON replaces path in one step.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

type exitMsg struct {
	ns  *nodeState
	pid int
	ps  *os.ProcessState
}

type supervisor struct {
	dir   string
	cfg   config
	st    state
	exits chan exitMsg
	log   io.Writer
}

// supervise is "gobro cluster supervise": the supervisor's main loop.
func supervise(dir string, env Env) int {
	s := &supervisor{dir: dir, exits: make(chan exitMsg, 64), log: env.Stdout}
	if err := readJSON(filepath.Join(dir, "cluster.json"), &s.cfg); err != nil {
		fmt.Fprintf(env.Stderr, "gobro cluster supervise: %v\n", err)
		return 1
	}
	// Processes the nodes leave behind (the postprocessors of logs
	// rotated at shutdown) become the supervisor's, so that stop can
	// wait for them.
	const prSetChildSubreaper = 36
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0)
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	s.st = state{Pid: os.Getpid(), Started: time.Now()}
	for _, n := range s.cfg.Nodes {
		if n.Local && n.runs() {
			s.st.Nodes = append(s.st.Nodes, &nodeState{Name: n.Name, State: "stopped", node: n})
		}
	}
	os.WriteFile(filepath.Join(dir, "supervisor.pid"), []byte(fmt.Sprintf("%d\n", os.Getpid())), 0o644)
	s.logf("supervisor started (pid %d)", os.Getpid())
	for _, ns := range s.st.Nodes {
		s.launch(ns, "")
	}
	s.save()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	lastReap := time.Now()
	for {
		select {
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				s.requests()
				continue
			}
			s.stopAll()
			return 0
		case m := <-s.exits:
			s.exited(m)
		case <-tick.C:
			s.requests()
			now := time.Now()
			if now.Sub(lastReap) > 10*time.Second {
				s.reapOrphans()
				lastReap = now
				// A cluster directory removed under a running cluster
				// (cluster.json gone) leaves no command able to stop
				// it: the supervisor stops it itself.
				if _, err := os.Stat(filepath.Join(s.dir, "cluster.json")); errors.Is(err, os.ErrNotExist) {
					s.logf("%s is gone", filepath.Join(s.dir, "cluster.json"))
					s.stopAll()
					return 0
				}
			}
			for _, ns := range s.st.Nodes {
				if ns.State == "crashed" && !now.Before(ns.NextStart) {
					s.launch(ns, restartReason(ns))
				}
			}
		}
	}
}

func (s *supervisor) logf(format string, args ...any) {
	fmt.Fprintf(s.log, "%s %s\n", time.Now().UTC().Format("2006-01-02T15:04:05.000Z"), fmt.Sprintf(format, args...))
}

func (s *supervisor) save() {
	if err := writeJSON(filepath.Join(s.dir, "supervisor.json"), &s.st); err != nil {
		s.logf("cannot write state: %v", err)
	}
}

// restartReason is what the restarted node reports to the manager.
func restartReason(ns *nodeState) string {
	return fmt.Sprintf("%s (restart %d)", ns.LastExit, ns.Restarts)
}

// launch starts the node's process in its directory.
func (s *supervisor) launch(ns *nodeState, reason string) {
	nd := filepath.Join(s.dir, ns.Name)
	if err := os.MkdirAll(nd, 0o755); err != nil {
		s.failed(ns, fmt.Sprintf("cannot make its directory: %v", err))
		return
	}
	archiveRun(nd)
	stdout, err1 := os.Create(filepath.Join(nd, "stdout"))
	stderr, err2 := os.Create(filepath.Join(nd, "stderr"))
	if err1 != nil || err2 != nil {
		s.failed(ns, "cannot create its stdout and stderr files")
		return
	}
	defer stdout.Close()
	defer stderr.Close()
	args := append([]string{filepath.Join(s.dir, "site", nodeScriptName)}, s.cfg.Scripts...)
	cmd := exec.Command(s.cfg.Exe, args...)
	cmd.Dir = nd
	set := map[string]string{"CLUSTER_NODE": ns.Name, "BROPATH": s.cfg.BroPath,
		"PATH": filepath.Join(s.dir, "site", "bin") + ":" + os.Getenv("PATH")}
	if reason != "" {
		set["GOBRO_CLUSTER_RESTART"] = reason
	}
	// A node whose port is taken tries again every second (rather than
	// Broker's 30 s), so that it comes up as soon as the port is free.
	if os.Getenv("BRO_DEFAULT_LISTEN_RETRY") == "" {
		set["BRO_DEFAULT_LISTEN_RETRY"] = "1"
	}
	cmd.Env = nodeEnv(os.Environ(), set, "GOBRO_CLUSTER_RESTART", "ZEEKPATH")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		s.failed(ns, fmt.Sprintf("cannot start: %v", err))
		return
	}
	ns.cmd = cmd
	ns.Pid = cmd.Process.Pid
	ns.Started = time.Now()
	ns.State = "running"
	ns.NextStart = time.Time{}
	s.logf("%s started (pid %d)", ns.Name, ns.Pid)
	s.save()
	go func(pid int) {
		cmd.Wait()
		s.exits <- exitMsg{ns: ns, pid: pid, ps: cmd.ProcessState}
	}(ns.Pid)
}

// failed handles a node that could not even be started: it is tried
// again after the back-off.
func (s *supervisor) failed(ns *nodeState, why string) {
	s.logf("%s: %s", ns.Name, why)
	ns.LastExit = why
	s.schedule(ns, time.Now())
}

// schedule plans the restart of a node that died, with the back-off.
func (s *supervisor) schedule(ns *nodeState, started time.Time) {
	if time.Since(started) >= stableAfter {
		ns.quick = 0
	}
	ns.quick++
	delay := firstBackoff
	for i := 1; i < ns.quick && delay < maxBackoff; i++ {
		delay *= 2
	}
	if delay > maxBackoff {
		delay = maxBackoff
	}
	ns.Restarts++
	ns.State = "crashed"
	ns.Pid = 0
	ns.NextStart = time.Now().Add(delay)
	s.logf("%s will be restarted in %s", ns.Name, delay)
	s.save()
}

// exitText says how a process ended.
func exitText(ps *os.ProcessState) string {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return fmt.Sprintf("killed by signal %d (%s)", int(ws.Signal()), ws.Signal())
	}
	return fmt.Sprintf("exit status %d", ps.ExitCode())
}

func (s *supervisor) exited(m exitMsg) {
	ns := m.ns
	if ns.Pid != m.pid {
		return
	}
	ns.cmd = nil
	how := exitText(m.ps)
	ran := time.Since(ns.Started).Round(time.Millisecond)
	if ns.requested {
		ns.requested = false
		s.logf("%s stopped for a restart (%s)", ns.Name, how)
		ns.Pid = 0
		s.launch(ns, "")
		return
	}
	ns.LastExit = fmt.Sprintf("%s after %s", how, ran)
	s.logf("%s (pid %d) died: %s", ns.Name, m.pid, ns.LastExit)
	s.crashReport(ns, m.pid, how, ran)
	s.schedule(ns, ns.Started)
}

// crashReport writes crash-<time>.txt into the node's directory: how
// the process ended and the last lines of its stderr.
func (s *supervisor) crashReport(ns *nodeState, pid int, how string, ran time.Duration) {
	nd := filepath.Join(s.dir, ns.Name)
	now := time.Now().UTC()
	var b strings.Builder
	fmt.Fprintf(&b, "node: %s\npid: %d\nstarted: %s\ndied: %s\nran for: %s\nhow: %s\n",
		ns.Name, pid, ns.Started.UTC().Format(time.RFC3339Nano), now.Format(time.RFC3339Nano), ran, how)
	b.WriteString("last lines of stderr:\n")
	for _, l := range tailLines(filepath.Join(nd, "stderr"), 20) {
		b.WriteString("  " + l + "\n")
	}
	name := filepath.Join(nd, "crash-"+now.Format("20060102-150405.000")+".txt")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		s.logf("cannot write crash report: %v", err)
	}
	prune(nd, "crash-*.txt", keepReports)
}

// tailLines returns the last n lines of a file.
func tailLines(path string, n int) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	if len(b) > 64<<10 {
		b = b[len(b)-64<<10:]
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return lines
}

// archiveRun moves what a previous run of a node left in its directory
// (stdout, stderr, logs) into runs/<time>/, and removes its ready and
// status files, so that a new run starts clean and loses nothing.
func archiveRun(nd string) {
	os.Remove(filepath.Join(nd, "ready"))
	os.Remove(filepath.Join(nd, "status"))
	var old []string
	for _, pat := range []string{"stdout", "stderr", "*.log"} {
		m, _ := filepath.Glob(filepath.Join(nd, pat))
		old = append(old, m...)
	}
	if len(old) == 0 {
		return
	}
	dst := filepath.Join(nd, "runs", time.Now().UTC().Format("20060102-150405.000000"))
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return
	}
	for _, f := range old {
		os.Rename(f, filepath.Join(dst, filepath.Base(f)))
	}
	prune(filepath.Join(nd, "runs"), "*", keepReports)
}

// prune keeps the newest keep entries matching pat in dir (names sort by
// time).
func prune(dir, pat string, keep int) {
	m, _ := filepath.Glob(filepath.Join(dir, pat))
	sort.Strings(m)
	for len(m) > keep {
		os.RemoveAll(m[0])
		m = m[1:]
	}
}

// requests carries out the requests other commands left in requests/.
func (s *supervisor) requests() {
	rd := filepath.Join(s.dir, "requests")
	ents, err := os.ReadDir(rd)
	if err != nil {
		return
	}
	for _, e := range ents {
		os.Remove(filepath.Join(rd, e.Name()))
		name, ok := strings.CutPrefix(e.Name(), "restart-")
		if !ok {
			continue
		}
		for _, ns := range s.st.Nodes {
			if ns.Name != name {
				continue
			}
			s.logf("%s: restart requested", name)
			switch ns.State {
			case "running":
				ns.requested = true
				ns.cmd.Process.Signal(syscall.SIGTERM)
			default:
				ns.quick = 0
				s.launch(ns, "")
			}
		}
	}
}

// reapOrphans collects the exit of processes the nodes left behind
// (they become the supervisor's), leaving the nodes' own to their
// waiters.
func (s *supervisor) reapOrphans() {
	nodes := map[int]bool{}
	for _, ns := range s.st.Nodes {
		nodes[ns.Pid] = true
	}
	self := os.Getpid()
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || nodes[pid] {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		i := strings.LastIndexByte(string(b), ')')
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 2 || f[0] != "Z" {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == self {
			var ws syscall.WaitStatus
			syscall.Wait4(pid, &ws, syscall.WNOHANG, nil)
		}
	}
}

// stopAll stops the nodes by type, workers first and loggers last (so
// that logs reach the loggers), each with SIGTERM so that bro_done runs
// and logs are flushed, then SIGKILL after stopWait.
func (s *supervisor) stopAll() {
	s.st.Stopping = true
	s.logf("stopping")
	s.save()
	for rank := 3; rank >= 0; rank-- {
		waiting := map[*nodeState]bool{}
		for _, ns := range s.st.Nodes {
			if startRank(ns.node.Type) != rank {
				continue
			}
			if ns.State == "running" && ns.cmd != nil {
				ns.cmd.Process.Signal(syscall.SIGTERM)
				waiting[ns] = true
			} else {
				ns.State = "stopped"
				ns.Pid = 0
			}
		}
		deadline := time.After(stopWait)
		for len(waiting) > 0 {
			select {
			case m := <-s.exits:
				if m.ns.Pid != m.pid {
					continue
				}
				delete(waiting, m.ns)
				m.ns.State = "stopped"
				m.ns.LastExit = exitText(m.ps)
				m.ns.Pid = 0
				m.ns.cmd = nil
				s.logf("%s stopped (%s)", m.ns.Name, m.ns.LastExit)
			case <-deadline:
				for ns := range waiting {
					s.logf("%s did not stop in %s: killing it", ns.Name, stopWait)
					ns.cmd.Process.Kill()
				}
				deadline = time.After(stopWait)
			}
		}
		s.save()
	}
	// Wait (a while) for what the nodes left running, such as the
	// archiving of their last logs.
	orphansGone := time.Now().Add(stopWait)
	for time.Now().Before(orphansGone) {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if err == syscall.ECHILD {
			break
		}
		if pid <= 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	s.st.Stopped = true
	s.save()
	os.Remove(filepath.Join(s.dir, "supervisor.pid"))
	s.logf("supervisor stopped")
}
