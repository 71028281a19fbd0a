package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The script-level figures: the same traffic as the bus figures, but
// from a Bro script publishing in a loop (Broker::publish of an event with
// a count and a 32-byte string) to a script handler in another process
// that counts what arrives; and the latency from Broker::publish to the
// receiving handler at a fixed rate, measured by the scripts' clocks.

// scriptEvents is how many events a script throughput run publishes in
// all (each of the fan-in publishers sends its share).
const scriptEvents = 1000000

const recvScript = `
redef exit_only_after_terminate = T;
global bench_ev: event(n: count, s: string);
global total = to_count(getenv("BENCH_TOTAL"));
global got = 0;
event bro_init()
	{
	Broker::subscribe("bench/");
	Broker::listen("127.0.0.1", to_port(getenv("BENCH_PORT")));
	print "listening";
	flush_all();
	}
event bench_ev(n: count, s: string)
	{
	if ( ++got == total )
		{
		print fmt("done %.6f %d", current_time(), got);
		terminate();
		}
	}
`

const sendScript = `
redef exit_only_after_terminate = T;
global bench_ev: event(n: count, s: string);
global n = to_count(getenv("BENCH_N"));
event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BENCH_PORT")), 1sec);
	}
event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	local s = "0123456789abcdef0123456789abcdef";
	print fmt("start %.6f", current_time());
	local i = 0;
	while ( i < n )
		{
		Broker::publish("bench/ev", bench_ev, i, s);
		++i;
		}
	}
event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
`

const latRecvScript = `
redef exit_only_after_terminate = T;
global lat_ev: event(n: count, t: double);
global total = to_count(getenv("BENCH_TOTAL"));
global lat: vector of double;
event bro_init()
	{
	Broker::subscribe("bench/");
	Broker::listen("127.0.0.1", to_port(getenv("BENCH_PORT")));
	}
event lat_ev(n: count, t: double)
	{
	lat += time_to_double(current_time()) - t;
	if ( |lat| == total )
		{
		for ( i in lat )
			print fmt("%.9f", lat[i]);
		terminate();
		}
	}
`

const latSendScript = `
redef exit_only_after_terminate = T;
global lat_ev: event(n: count, t: double);
global n = to_count(getenv("BENCH_N"));
global gap = double_to_interval(1.0 / to_double(getenv("BENCH_RATE")));
event tick(i: count)
	{
	Broker::publish("bench/lat", lat_ev, i, time_to_double(current_time()));
	if ( i + 1 < n )
		schedule gap { tick(i + 1) };
	}
event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	event tick(0);
	}
event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BENCH_PORT")), 1sec);
	}
event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
`

// gobroSetup builds gobro into a temporary directory and writes the
// scripts there; it returns the directory.
func gobroSetup() (string, error) {
	dir, err := os.MkdirTemp("", "gobro-bus-bench")
	if err != nil {
		return "", err
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "gobro"), "gobro/cmd/gobro")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("building gobro: %v", err)
	}
	for name, text := range map[string]string{
		"recv.bro": recvScript, "send.bro": sendScript,
		"latrecv.bro": latRecvScript, "latsend.bro": latSendScript,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// freePort returns a TCP port of 127.0.0.1 that nobody listens on now.
func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// gobroProc starts gobro on a script with the environment given.
func gobroProc(dir, script string, env ...string) (*exec.Cmd, *bytes.Buffer) {
	scripts, _ := filepath.Abs("../scripts")
	cmd := exec.Command(filepath.Join(dir, "gobro"), "-b", filepath.Join(dir, script))
	// What the scripts write (broker.log) stays in the temporary directory.
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"BROPATH=" + scripts}, env...)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	// What the scripts say on stderr is their ending ("received
	// termination signal") unless something failed, which shows in
	// their output.
	cmd.Stderr = nil
	return cmd, &out
}

// runScripts runs one receiver and k publishers of total/k events each;
// it returns events per second from the first publish to the last
// receipt.
func runScripts(dir string, k, total int) (float64, error) {
	port := strconv.Itoa(freePort()) + "/tcp"
	recv, recvOut := gobroProc(dir, "recv.bro", "BENCH_PORT="+port, "BENCH_TOTAL="+strconv.Itoa(total))
	if err := recv.Start(); err != nil {
		return 0, err
	}
	defer recv.Process.Kill()
	time.Sleep(300 * time.Millisecond)
	var wg sync.WaitGroup
	outs := make([]*bytes.Buffer, k)
	procs := make([]*exec.Cmd, k)
	for i := 0; i < k; i++ {
		n := total / k
		if i == k-1 {
			n = total - (k-1)*(total/k)
		}
		procs[i], outs[i] = gobroProc(dir, "send.bro", "BENCH_PORT="+port, "BENCH_N="+strconv.Itoa(n))
		if err := procs[i].Start(); err != nil {
			return 0, err
		}
		wg.Add(1)
		go func(c *exec.Cmd) { c.Wait(); wg.Done() }(procs[i])
	}
	done := make(chan error, 1)
	go func() { done <- recv.Wait() }()
	select {
	case <-done:
	case <-time.After(120 * time.Second):
		for _, p := range procs {
			p.Process.Kill()
		}
		return 0, fmt.Errorf("the receiver did not get %d events in 120 s", total)
	}
	wg.Wait()
	var end float64
	var got int
	if _, err := fmt.Sscanf(lastLine(recvOut, "done "), "done %f %d", &end, &got); err != nil || got != total {
		return 0, fmt.Errorf("receiver: %q", recvOut.String())
	}
	start := 0.0
	for _, o := range outs {
		var s float64
		if _, err := fmt.Sscanf(lastLine(o, "start "), "start %f", &s); err != nil {
			return 0, fmt.Errorf("publisher: %q", o.String())
		}
		if start == 0 || s < start {
			start = s
		}
	}
	return float64(total) / (end - start), nil
}

// lastLine returns the last line of b that starts with prefix.
func lastLine(b *bytes.Buffer, prefix string) string {
	found := ""
	sc := bufio.NewScanner(bytes.NewReader(b.Bytes()))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			found = sc.Text()
		}
	}
	return found
}

// scriptLatency publishes at rate events/s for secs seconds and returns
// the median and 99th percentile of the latencies, in microseconds.
func scriptLatency(dir string, rate int, secs float64) (float64, float64, error) {
	n := int(float64(rate) * secs)
	port := strconv.Itoa(freePort()) + "/tcp"
	recv, out := gobroProc(dir, "latrecv.bro", "BENCH_PORT="+port, "BENCH_TOTAL="+strconv.Itoa(n))
	if err := recv.Start(); err != nil {
		return 0, 0, err
	}
	defer recv.Process.Kill()
	time.Sleep(300 * time.Millisecond)
	send, _ := gobroProc(dir, "latsend.bro", "BENCH_PORT="+port, "BENCH_N="+strconv.Itoa(n), "BENCH_RATE="+strconv.Itoa(rate))
	if err := send.Start(); err != nil {
		return 0, 0, err
	}
	defer send.Process.Kill()
	done := make(chan error, 1)
	go func() { done <- recv.Wait() }()
	select {
	case <-done:
	case <-time.After(time.Duration(secs*float64(time.Second)) + 60*time.Second):
		return 0, 0, fmt.Errorf("the latency receiver did not finish")
	}
	var lat []float64
	for _, f := range strings.Fields(out.String()) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			lat = append(lat, v*1e6)
		}
	}
	if len(lat) != n {
		return 0, 0, fmt.Errorf("latency: %d of %d events", len(lat), n)
	}
	slices.Sort(lat)
	return lat[len(lat)/2], lat[len(lat)*99/100], nil
}

// benchScript is the script-level workload of the benches table.
func benchScript() []row {
	dir, err := gobroSetup()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return nil
	}
	defer os.RemoveAll(dir)
	var rows []row
	if r, err := runScripts(dir, 1, scriptEvents); err != nil {
		fmt.Fprintln(os.Stderr, "script one-to-one:", err)
	} else {
		rows = append(rows, row{"gobro script events one-to-one", r, "ev/s", "count + 32-byte string, all counted"})
	}
	if r, err := runScripts(dir, 8, scriptEvents); err != nil {
		fmt.Fprintln(os.Stderr, "script fan-in:", err)
	} else {
		rows = append(rows, row{"gobro script events fan-in 8 -> 1", r, "ev/s", "8 processes, all counted"})
	}
	if med, p99, err := scriptLatency(dir, *rateFlag, *secsFlag); err != nil {
		fmt.Fprintln(os.Stderr, "script latency:", err)
	} else {
		note := fmt.Sprintf("at %d ev/s, publish to handler", *rateFlag)
		rows = append(rows, row{"gobro script latency median", med, "us", note}, row{"gobro script latency p99", p99, "us", note})
	}
	return rows
}
