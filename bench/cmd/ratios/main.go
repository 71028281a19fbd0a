// Command ratios runs the comparison workloads in gobro, starlark-go and
// gopher-lua and prints, for each workload, gobro's time and peak memory
// and their ratios to the other engines'.
//
// Every run happens in a child process of its own (this program started
// again with -child), so that peak memory is that process's peak
// resident set (getrusage ru_maxrss) and engines do not share a heap.
// Time is the run alone, compiling excluded; the figure shown is the best
// of -n runs, memory the median.
//
// Usage, inside bench/:
//
//	go run ./cmd/ratios [-n runs] [-w fib,loop,...]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
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
	MaxRSS  int64         `json:"-"` // KiB
}

func main() {
	child := flag.Bool("child", false, "run ENGINE WORKLOAD once and report as JSON (internal)")
	runs := flag.Int("n", 3, "runs of each workload in each engine")
	only := flag.String("w", strings.Join(bench.Workloads, ","), "workloads to run, comma-separated")
	flag.Parse()
	if *child {
		os.Exit(runChild(flag.Args(), os.Stdout))
	}
	os.Exit(compare(strings.Split(*only, ","), *runs, os.Stdout))
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
	json.NewEncoder(out).Encode(sample{Output: r.Output, Elapsed: r.Elapsed})
	return 0
}

// measure runs one engine on one workload in a child process.
func measure(engine, workload string) (sample, error) {
	self, err := os.Executable()
	if err != nil {
		return sample{}, err
	}
	cmd := exec.Command(self, "-child", engine, workload)
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %v", engine, workload, err)
	}
	var s sample
	if err := json.Unmarshal(outb, &s); err != nil {
		return sample{}, fmt.Errorf("%s %s: %v", engine, workload, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.MaxRSS = int64(ru.Maxrss)
	}
	return s, nil
}

// figures are the best time and median peak memory of several runs.
type figures struct {
	elapsed time.Duration
	rss     int64 // KiB
	output  string
}

func measureN(engine, workload string, n int) (figures, error) {
	var f figures
	var rss []int64
	for i := 0; i < n; i++ {
		s, err := measure(engine, workload)
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

func compare(names []string, n int, out io.Writer) int {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tgobro time\tgobro RSS\tstarlark time\tstarlark RSS\tlua time\tlua RSS\ttime/starlark\ttime/lua\tRSS/starlark\tRSS/lua\t")
	status := 0
	for _, w := range names {
		got := map[string]figures{}
		for _, e := range bench.Engines {
			f, err := measureN(e, w, n)
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
