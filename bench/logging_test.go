package bench

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// loggingWorkload writes one million rows of a six-column record to an
// ASCII log, each through Log::write with a record constructor, as a
// script logging connections would.
const loggingWorkload = `
module Bench;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts: time &log;
		uid: string &log;
		orig_h: addr &log;
		orig_p: port &log;
		n: count &log;
		msg: string &log;
	};
}

event bro_init()
	{
	Log::create_stream(Bench::LOG, [$columns=Info]);
	local t = network_time();
	local i = 0;
	while ( i < 1000000 )
		{
		Log::write(Bench::LOG, [$ts=t, $uid="CHhAvVGS1DHFjwGM9", $orig_h=10.0.0.1,
		                        $orig_p=80/tcp, $n=i, $msg="hello"]);
		i = i + 1;
		}
	}
`

// BenchmarkLogWrites runs the workload; it reports Log::write calls per
// second (the whole run: script, formatting and file output) and the peak
// heap in use, and checks that every row reached bench.log.
func BenchmarkLogWrites(b *testing.B) {
	dir := b.TempDir()
	script := filepath.Join(dir, "logwrites.bro")
	if err := os.WriteFile(script, []byte(loggingWorkload), 0o644); err != nil {
		b.Fatal(err)
	}
	scripts, err := filepath.Abs("../scripts")
	if err != nil {
		b.Fatal(err)
	}
	b.Chdir(dir)
	var peak uint64
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		in := interp.New(io.Discard, os.Stderr)
		l := loader.New([]string{dir, scripts}, in)
		for _, f := range []string{"base/init-bare", "logwrites"} {
			if err := l.Load(f); err != nil {
				b.Fatal(err)
			}
		}
		if len(l.Errors()) > 0 || in.Errors() > 0 {
			b.Fatalf("script errors: %v", l.Errors())
		}
		stop := samplePeakHeap(&peak)
		start := time.Now()
		in.Run()
		elapsed += time.Since(start)
		stop()
		if rows := countRows(b, filepath.Join(dir, "bench.log")); rows != 1000000 {
			b.Fatalf("bench.log has %d rows, want 1000000", rows)
		}
	}
	b.ReportMetric(float64(b.N)*1e6/elapsed.Seconds(), "writes/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MiB")
	}
}

// countRows counts the lines of a log that are not header lines.
func countRows(b *testing.B, name string) int {
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Bytes(); len(line) > 0 && line[0] != '#' {
			n++
		}
	}
	return n
}
