// Command soak runs a gobro node that does what a long-running cluster
// node keeps doing (expiring tables, patterns built at run time, regular
// expressions over large strings, logging with rotation, timers) and
// prints its resident memory and live heap over time. After warm-up both
// should stay flat: growth means a leak.
//
//	cd bench && go run ./cmd/soak -duration 3m -every 10s
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"gobro/bench"
	_ "gobro/builtins/all"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

//go:embed soak.bro
var script []byte

func main() {
	duration := flag.Duration("duration", 3*time.Minute, "how long the node runs")
	every := flag.Duration("every", 10*time.Second, "how often memory is sampled")
	memProfile := flag.String("memprofile", "", "write a heap profile here at the end")
	expire := flag.Bool("expire", true, "expire the table's entries (else delete them explicitly)")
	flag.Parse()
	if err := soak(*duration, *every, *expire); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

func soak(duration, every time.Duration, expire bool) error {
	dir, err := os.MkdirTemp("", "gobro-soak")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	scripts, err := absPath(bench.ScriptsDir())
	if err != nil {
		return err
	}
	if err := os.Chdir(dir); err != nil {
		return err
	}
	var out bytes.Buffer
	errs := &limitedBuffer{max: 1 << 16}
	in := interp.New(&out, errs)
	l := loader.New([]string{scripts}, in)
	for _, step := range []func() error{
		func() error { return l.Load("base/init-bare") },
		func() error { return l.LoadSource("soak.bro", script) },
		func() error {
			if expire {
				return nil
			}
			return l.LoadSource("<params>", []byte("redef Soak::use_expire = F;"))
		},
		l.Finish,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	if len(l.Errors()) > 0 || in.Errors() > 0 {
		return fmt.Errorf("script errors: %v %s", l.Errors(), errs.String())
	}

	fmt.Printf("%8s %10s %10s %10s %12s\n", "elapsed", "rss_MB", "live_MB", "log_rows", "table_live")
	start := time.Now()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample(start, dir)
				if time.Since(start) >= duration {
					in.Interrupt() // as SIGTERM ends a node: through bro_done
				}
			}
		}
	}()
	code := in.Run()
	close(stop)
	<-done
	sample(start, dir)
	if code != 0 || strings.Contains(errs.String(), "error") {
		return fmt.Errorf("node ended with status %d: %s", code, errs.String())
	}
	return nil
}

// sample prints the process's resident memory, the live heap after the
// last collection, how many rows the current log file holds, and how
// many entries the expiring table held at the last row (its "live"
// column).
func sample(start time.Time, dir string) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := float64(s[0].Value.Uint64()) / (1 << 20)
	rows, tableLive := readLog(dir + "/soak.log")
	fmt.Printf("%8s %10.1f %10.1f %10d %12s\n", time.Since(start).Round(time.Second), rssMB(), live, rows, tableLive)
}

// rssMB reads VmRSS from /proc/self/status.
func rssMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// readLog counts the rows of the current log file and returns the third
// column of the last one.
func readLog(path string) (int, string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, "-"
	}
	n, last := 0, "-"
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(line) > 0 && line[0] != '#' {
			n++
			if cols := strings.Split(string(line), "\t"); len(cols) > 2 {
				last = cols[2]
			}
		}
	}
	return n, last
}

func absPath(p string) (string, error) {
	if strings.HasPrefix(p, "/") {
		return p, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return wd + "/" + p, nil
}

// limitedBuffer keeps the first max bytes of what the node reports.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		if len(p) > room {
			b.Buffer.Write(p[:room])
		} else {
			b.Buffer.Write(p)
		}
	}
	return len(p), nil
}
