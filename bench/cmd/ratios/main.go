// Command ratios runs the comparison workloads in gobro, starlark-go and
// gopher-lua and prints, for each workload, gobro's time and peak memory
// and their ratios to the other engines'.
//
// Every run happens in a child process of its own, so that peak memory
// is that process's peak resident set and engines do not share a heap.
// The child reads its peak from /proc/self/status (VmHWM): getrusage's
// ru_maxrss would not do, as Linux carries into it the resident set of
// the parent, whose address space the child shares until it executes. The children are this program built once per
// engine with the others left out (build tags no_ENGINE), so that no
// engine's figure includes another's code or start-up. Time is the run
// alone, compiling excluded; the figure shown is the best of -n runs,
// memory the median. The first row, start-up, is an empty workload: what
// each engine needs before it does anything.
//
// Usage, inside bench/:
//
//	go run ./cmd/ratios [-n runs] [-w fib,loop,...] [-shared]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"gobro/bench"
)

// sample is one child run's figures.
type sample struct {
	Output  string        `json:"output"`
	Elapsed time.Duration `json:"elapsed"`
	MaxRSS  int64         `json:"maxrss"` // KiB
}

func main() {
	child := flag.Bool("child", false, "run ENGINE WORKLOAD once and report as JSON (internal)")
	runs := flag.Int("n", 3, "runs of each workload in each engine")
	only := flag.String("w", strings.Join(bench.Workloads, ","), "workloads to run, comma-separated")
	shared := flag.Bool("shared", false, "run every engine in this program rather than in one built for it alone")
	flag.Parse()
	if *child {
		os.Exit(runChild(flag.Args(), os.Stdout))
	}
	children, cleanup, err := buildChildren(*shared)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer cleanup()
	os.Exit(compare(children, strings.Split(*only, ","), *runs, os.Stdout))
}

// buildChildren returns, for each engine, the program to run it in:
// this program built with only that engine, or this program itself if
// shared.
func buildChildren(shared bool) (map[string]string, func(), error) {
	children := map[string]string{}
	if shared {
		self, err := os.Executable()
		for _, e := range bench.Engines {
			children[e] = self
		}
		return children, func() {}, err
	}
	dir, err := os.MkdirTemp("", "ratios")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	for _, e := range bench.Engines {
		var tags []string
		for _, other := range bench.Engines {
			if other != e {
				tags = append(tags, "no_"+other)
			}
		}
		bin := filepath.Join(dir, e)
		cmd := exec.Command("go", "build", "-tags", strings.Join(tags, ","), "-o", bin, "./cmd/ratios")
		cmd.Dir = bench.Dir()
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("building the %s child: %v", e, err)
		}
		children[e] = bin
	}
	return children, cleanup, nil
}

func runChild(args []string, out io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: ratios -child ENGINE WORKLOAD")
		return 2
	}
	r, err := bench.Run(args[0], args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	json.NewEncoder(out).Encode(sample{Output: r.Output, Elapsed: r.Elapsed, MaxRSS: peakRSS()})
	return 0
}

// peakRSS returns this process's peak resident set in KiB: VmHWM from
// /proc/self/status, or ru_maxrss where there is no /proc.
func peakRSS() int64 {
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				var kib int64
				if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kib); err == nil {
					return kib
				}
			}
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return int64(ru.Maxrss)
}

// measure runs one engine on one workload in a child process.
func measure(child, engine, workload string) (sample, error) {
	cmd := exec.Command(child, "-child", engine, workload)
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %v", engine, workload, err)
	}
	var s sample
	if err := json.Unmarshal(outb, &s); err != nil {
		return sample{}, fmt.Errorf("%s %s: %v", engine, workload, err)
	}
	return s, nil
}

// figures are the best time and median peak memory of several runs.
type figures struct {
	elapsed time.Duration
	rss     int64 // KiB
	output  string
}

func measureN(child, engine, workload string, n int) (figures, error) {
	var f figures
	var rss []int64
	for i := 0; i < n; i++ {
		s, err := measure(child, engine, workload)
		if err != nil {
			return f, err
		}
		if i == 0 || s.Elapsed < f.elapsed {
			f.elapsed = s.Elapsed
		}
		if i > 0 && s.Output != f.output {
			return f, fmt.Errorf("%s %s: output changed between runs", engine, workload)
		}
		f.output = s.Output
		rss = append(rss, s.MaxRSS)
	}
	slices.Sort(rss)
	f.rss = rss[len(rss)/2]
	return f, nil
}

func compare(children map[string]string, names []string, n int, out io.Writer) int {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tgobro time\tgobro RSS\tstarlark time\tstarlark RSS\tlua time\tlua RSS\ttime/starlark\ttime/lua\tRSS/starlark\tRSS/lua\t")
	status := 0
	for _, w := range append([]string{"empty"}, names...) {
		got := map[string]figures{}
		for _, e := range bench.Engines {
			f, err := measureN(children[e], e, w, n)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			got[e] = f
		}
		g, s, l := got["gobro"], got["starlark"], got["lua"]
		for _, e := range []string{"starlark", "lua"} {
			if got[e].output != g.output {
				fmt.Fprintf(os.Stderr, "%s: outputs differ: gobro %q, %s %q\n", w, g.output, e, got[e].output)
				status = 1
			}
		}
		if w == "empty" {
			fmt.Fprintf(tw, "start-up\t\t%s\t\t%s\t\t%s\t\t\t%.2f\t%.2f\t\n",
				mib(g.rss), mib(s.rss), mib(l.rss), float64(g.rss)/float64(s.rss), float64(g.rss)/float64(l.rss))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t\n", w,
			ms(g.elapsed), mib(g.rss), ms(s.elapsed), mib(s.rss), ms(l.elapsed), mib(l.rss),
			ratio(g.elapsed, s.elapsed), ratio(g.elapsed, l.elapsed),
			float64(g.rss)/float64(s.rss), float64(g.rss)/float64(l.rss))
	}
	tw.Flush()
	return status
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0fms", float64(d)/1e6) }

func mib(kib int64) string { return fmt.Sprintf("%.1fMiB", float64(kib)/1024) }

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }
