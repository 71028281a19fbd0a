// Command clusterstart measures a local gobro cluster of 1 manager, 1
// logger, 2 proxies and 8 workers started by "gobro cluster start": the
// time from the start to the manager's last Cluster::node_up, each idle
// node's resident memory, and the events per second that the 8 workers
// publishing to the manager sustain, every event counted at the manager;
// beside that figure, what raw goczmq sustains from 8 DEALER sockets to
// one ROUTER with frames of the same size, measured in the same run.
//
// Usage (from bench/, after tools/setup has built ../build/gobro):
//
//	go run ./cmd/clusterstart [-gobro PATH] [-n EVENTS_PER_WORKER] [-runs N]
//
// The cluster runs in a temporary directory on free ports of 127.0.0.1
// and is stopped at the end, also when a step fails or on SIGINT.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gobro/bench/internal/rawzmq"
	"gobro/builtins/broker"
)

//go:embed bench.bro
var benchScript string

var (
	gobroPath = flag.String("gobro", "../build/gobro", "the gobro binary")
	perWorker = flag.Int("n", 100000, "events each worker publishes")
	runs      = flag.Int("runs", 1, "how many times to start, measure and stop the cluster")
	keep      = flag.Bool("keep", false, "keep the cluster directory")
)

// The layout's nodes, in BroControl's order.
var names = []string{"logger-1", "manager", "proxy-1", "proxy-2",
	"worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6", "worker-7", "worker-8"}

func main() {
	flag.Parse()
	exe, err := filepath.Abs(*gobroPath)
	if err == nil {
		_, err = os.Stat(exe)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "clusterstart: no gobro binary (%v): run tools/setup first\n", err)
		os.Exit(1)
	}
	failed := false
	for i := 0; i < *runs; i++ {
		if err := run(exe); err != nil {
			fmt.Fprintf(os.Stderr, "clusterstart: %v\n", err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// freePorts finds n consecutive free TCP ports on 127.0.0.1.
func freePorts(n int) (int, error) {
	for base := 37000; base+n < 40000; base += n {
		ok := true
		var ls []net.Listener
		for p := base; p < base+n; p++ {
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
			if err != nil {
				ok = false
				break
			}
			ls = append(ls, l)
		}
		for _, l := range ls {
			l.Close()
		}
		if ok {
			return base, nil
		}
	}
	return 0, errors.New("no free ports")
}

func layout(base int) string {
	var b strings.Builder
	b.WriteString("redef Cluster::manager_is_logger = F;\nredef Cluster::nodes = {\n")
	fmt.Fprintf(&b, "\t[\"control\"] = [$node_type=Cluster::CONTROL, $ip=127.0.0.1, $p=%d/tcp],\n", base)
	for i, n := range names {
		p := base + 1 + i
		switch {
		case strings.HasPrefix(n, "logger"):
			fmt.Fprintf(&b, "\t[%q] = [$node_type=Cluster::LOGGER, $ip=127.0.0.1, $p=%d/tcp],\n", n, p)
		case n == "manager":
			fmt.Fprintf(&b, "\t[%q] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=%d/tcp],\n", n, p)
		case strings.HasPrefix(n, "proxy"):
			fmt.Fprintf(&b, "\t[%q] = [$node_type=Cluster::PROXY, $ip=127.0.0.1, $p=%d/tcp, $manager=\"manager\"],\n", n, p)
		default:
			fmt.Fprintf(&b, "\t[%q] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=%d/tcp, $interface=\"eth0\", $manager=\"manager\"],\n", n, p)
		}
	}
	b.WriteString("};\n")
	return b.String()
}

func run(exe string) (err error) {
	tmp, err := os.MkdirTemp("", "clusterstart-")
	if err != nil {
		return err
	}
	dir := filepath.Join(tmp, "spool")
	stop := func() {
		out, err := exec.Command(exe, "cluster", "stop", "--dir", dir).CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "clusterstart: stop: %v\n%s", err, out)
		}
		if !*keep {
			os.RemoveAll(tmp)
		} else {
			fmt.Println("cluster directory:", dir)
		}
	}
	// Stopped however this ends: returns, errors, or SIGINT/SIGTERM.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-sigs:
			stop()
			os.Exit(1)
		case <-done:
		}
	}()
	base, err := freePorts(len(names) + 1)
	if err != nil {
		return err
	}
	lay := filepath.Join(tmp, "cluster-layout.bro")
	script := filepath.Join(tmp, "bench.bro")
	if err := os.WriteFile(lay, []byte(layout(base)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(script, []byte(benchScript), 0o644); err != nil {
		return err
	}
	start := exec.Command(exe, "cluster", "start", "--dir", dir, "--layout", lay, script, fmt.Sprintf("Bench::per_worker=%d", *perWorker))
	t0 := time.Now()
	out, err := start.CombinedOutput()
	returned := time.Since(t0)
	defer stop()
	if err != nil {
		return fmt.Errorf("start: %v\n%s", err, out)
	}
	// The manager's status file has the time each node came up there.
	var st struct {
		Nodes []struct {
			Name string `json:"name"`
			Pid  int    `json:"pid"`
		} `json:"nodes"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "supervisor.json"))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return err
	}
	lastUp := 0.0
	ups := 0
	status, _ := os.ReadFile(filepath.Join(dir, "manager", "status"))
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == "up" {
			ups++
			if t, _ := strconv.ParseFloat(f[2], 64); t > lastUp {
				lastUp = t
			}
		}
	}
	t0s := float64(t0.UnixNano()) / 1e9
	fmt.Printf("start to the manager's last node_up (%d nodes up there): %.3f s\n", ups, lastUp-t0s)
	fmt.Printf("gobro cluster start returned after:                  %.3f s (every node up and connected)\n", returned.Seconds())
	// Idle: the manager waits Bench::delay (3 s) after the last worker
	// came up before the workers start publishing.
	time.Sleep(1500 * time.Millisecond)
	var rss []float64
	fmt.Printf("idle resident memory (MB):")
	for _, n := range st.Nodes {
		r := rssMB(n.Pid)
		rss = append(rss, r)
		fmt.Printf(" %s=%.1f", n.Name, r)
	}
	sort.Float64s(rss)
	fmt.Printf("\n  max %.1f MB, median %.1f MB\n", rss[len(rss)-1], rss[len(rss)/2])
	// Throughput: wait for the manager's report.
	mgrOut := filepath.Join(dir, "manager", "stdout")
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		b, _ := os.ReadFile(mgrOut)
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) == 3 && f[0] == "received" {
				n, _ := strconv.Atoi(f[1])
				secs, _ := strconv.ParseFloat(f[2], 64)
				fmt.Printf("8 workers -> manager: %d events (all of them) in %.3f s: %.0f events/s\n", n, secs, float64(n)/secs)
				return rawFanIn(n / *perWorker, *perWorker)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	b, _ = os.ReadFile(mgrOut)
	return fmt.Errorf("the manager did not receive every event; it printed:\n%s", b)
}

// rawFanIn prints what raw goczmq sustains from as many senders as
// there are workers to one receiver, perSender messages each, a message
// being one frame of about a worker's message's size: the topic and a
// Broker event with one count.
func rawFanIn(senders, perSender int) error {
	size := len("bro/cluster/manager") + len(broker.AppendData(nil,
		broker.NewVector(broker.String("Bench::ev"), broker.NewVector(broker.Count(uint64(perSender))))))
	rate, err := rawzmq.Throughput(senders, perSender, size)
	if err != nil {
		return fmt.Errorf("raw goczmq: %v", err)
	}
	fmt.Printf("raw goczmq, %d DEALERs -> 1 ROUTER, %d-byte frames: %.0f msgs/s\n", senders, size, rate)
	return nil
}

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
