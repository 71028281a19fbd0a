// Command bus measures gobro's event bus (package builtins/broker/bus)
// against raw goczmq on this machine and prints the figures side by side:
//
//   - raw: goczmq DEALER -> ROUTER over TCP loopback, one ZeroMQ frame per
//     message of the same payload size, one SendFrame/RecvFrame (one cgo
//     call) per frame: the most goczmq's API offers per message; one
//     sender, and 8 senders to one receiver (the fan-in rows' raw
//     figure). The raw rows run whatever -only selects, and each gobro
//     figure with a raw one is printed as a percentage of it;
//   - one-to-one: messages/s from one publishing endpoint to one
//     receiving endpoint in another process, for a 50-byte payload and for
//     a 42-byte one (a 32-byte string plus the ~10 bytes of header an
//     event with a count and a string needs);
//   - fan-in: 8 publishing processes to one receiver, every message
//     counted (none may be missing);
//   - latency: median and 99th percentile from Publish to the receiving
//     handler at a fixed moderate rate (both endpoints in one process, so
//     they share the clock);
//   - script: the same from Bro scripts run by gobro (script.go): events/s
//     from a script publishing an event with a count and a 32-byte string
//     in a loop to a script handler in another process that counts them,
//     one to one and from 8 publishing processes, and the latency from
//     Broker::publish to the receiving handler at the same fixed rate.
//
// Usage, inside bench/:
//
//	go run ./cmd/bus [-n messages] [-rate msgs/s] [-secs latency seconds] [-only raw,one,fanin,latency,script]
//
// To add a workload, add a func to the benches table: it returns the
// rows it prints.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gobro/bench/internal/rawzmq"
	"gobro/builtins/broker/bus"
)

var (
	nFlag    = flag.Int("n", 2000000, "messages per throughput run")
	rateFlag = flag.Int("rate", 10000, "messages per second in the latency run")
	secsFlag = flag.Float64("secs", 3, "seconds of the latency run")
	onlyFlag = flag.String("only", "", "comma-separated subset of raw,one,fanin,latency,script")
	childPub = flag.String("child-publish", "", "internal: publish to 127.0.0.1:PORT")
	sizeFlag = flag.Int("size", 50, "internal: payload size of -child-publish")
	paced    = flag.Bool("paced", false, "internal: -child-publish at -rate for -secs with timestamps")
)

// row is one printed figure.
type row struct {
	name  string
	value float64
	unit  string
	note  string
}

type bench struct {
	name string
	run  func() []row
}

var benches = []bench{
	{"raw", benchRaw},
	{"one", benchOneToOne},
	{"fanin", benchFanIn},
	{"latency", benchLatency},
	{"script", benchScript},
}

func main() {
	flag.Parse()
	if *childPub != "" {
		port, _ := strconv.Atoi(*childPub)
		publishChild(uint16(port), *nFlag, *sizeFlag)
		return
	}
	var rows []row
	for _, b := range benches {
		// The raw rows run whatever -only says: every figure is
		// printed beside raw goczmq's from the same run.
		if *onlyFlag != "" && b.name != "raw" && !slices.Contains(strings.Split(*onlyFlag, ","), b.name) {
			continue
		}
		r := b.run()
		for _, x := range r {
			fmt.Printf("%-44s %14.0f %-8s %s\n", x.name, x.value, x.unit, x.note)
		}
		rows = append(rows, r...)
	}
	value := map[string]float64{}
	for _, r := range rows {
		value[r.name] = r.value
	}
	for _, q := range []struct{ name, of, raw string }{
		{"bus / raw (50 bytes)", "bus one-to-one, 50-byte payload", rawOne50},
		{"bus fan-in / raw fan-in", "bus fan-in 8 -> 1, 50-byte payload", rawFanIn},
		{"script one-to-one / raw (42 bytes)", "gobro script events one-to-one", rawOne42},
		{"script fan-in / raw fan-in", "gobro script events fan-in 8 -> 1", rawFanIn},
	} {
		if value[q.of] > 0 && value[q.raw] > 0 {
			fmt.Printf("%-44s %14.0f %%\n", q.name, 100*value[q.of]/value[q.raw])
		}
	}
}

// The raw rows the others are compared with.
const (
	rawOne50 = "raw goczmq, 50-byte frames"
	rawOne42 = "raw goczmq, 42-byte frames"
	rawFanIn = "raw goczmq fan-in 8 -> 1, 50-byte frames"
)

// benchRaw: goczmq DEALER -> ROUTER, one frame per message.
func benchRaw() []row {
	var out []row
	for _, size := range []int{50, 42} {
		rate, err := rawzmq.Throughput(1, *nFlag, size)
		if err != nil {
			panic(err)
		}
		out = append(out, row{fmt.Sprintf("raw goczmq, %d-byte frames", size), rate, "msgs/s", "DEALER->ROUTER tcp loopback"})
	}
	rate, err := rawzmq.Throughput(8, *nFlag/8, 50)
	if err != nil {
		panic(err)
	}
	return append(out, row{rawFanIn, rate, "msgs/s", "8 DEALERs -> 1 ROUTER, tcp loopback"})
}

// counter is a Handler counting messages.
type counter struct {
	n       atomic.Int64
	want    int64
	first   atomic.Int64
	done    chan struct{}
	once    sync.Once
	added   chan struct{}
	addOnce sync.Once
	lat     []time.Duration
	latOn   bool
}

func newCounter(want int) *counter {
	return &counter{want: int64(want), done: make(chan struct{}), added: make(chan struct{})}
}

func (c *counter) Message(topic string, payload []byte) {
	if c.latOn && len(payload) >= 8 {
		sent := int64(binary.LittleEndian.Uint64(payload))
		c.lat = append(c.lat, time.Duration(time.Now().UnixNano()-sent))
	}
	if c.n.Add(1) == c.want {
		c.once.Do(func() { close(c.done) })
	}
}

func (c *counter) Event(ev bus.PeerEvent) {
	if ev.Kind == bus.PeerAdded {
		c.addOnce.Do(func() { close(c.added) })
	}
}

// receiver makes a listening endpoint subscribed to everything.
func receiver(c *counter) (*bus.Endpoint, uint16) {
	e, err := bus.New(bus.Config{}, c)
	if err != nil {
		panic(err)
	}
	e.Subscribe("bench/")
	p, err := e.Listen("127.0.0.1", 0)
	if err != nil {
		panic(err)
	}
	return e, p
}

// publishChild is the publishing process: it peers, waits for the
// receiver's subscription, publishes n messages and flushes.
func publishChild(port uint16, n, size int) {
	c := newCounter(-1)
	e, err := bus.New(bus.Config{}, c)
	if err != nil {
		panic(err)
	}
	e.Peer("127.0.0.1", port, 100*time.Millisecond)
	<-c.added
	time.Sleep(50 * time.Millisecond) // the receiver's subscriptions came with the handshake
	fmt.Println("READY")
	bufio.NewReader(os.Stdin).ReadString('\n')
	payload := make([]byte, size)
	if *paced {
		publishPaced(e, payload)
	} else {
		for i := 0; i < n; i++ {
			e.Publish("bench/events", payload)
		}
	}
	e.Flush(60 * time.Second)
	e.Close()
}

// publishPaced publishes -rate messages a second for -secs seconds, each
// carrying its send time.
func publishPaced(e *bus.Endpoint, payload []byte) {
	total := int(float64(*rateFlag) * *secsFlag)
	ivl := time.Second / time.Duration(*rateFlag)
	next := time.Now()
	for i := 0; i < total; i++ {
		if d := time.Until(next); d > 0 {
			time.Sleep(d)
		}
		binary.LittleEndian.PutUint64(payload, uint64(time.Now().UnixNano()))
		e.Publish("bench/lat", payload)
		next = next.Add(ivl)
	}
}

// runPublishers starts k publishing processes, waits until all are
// peered, then lets them go at once; it returns the receive time of all
// k*n messages (or an error note when some are missing).
func runPublishers(k, n, size int, extra ...string) (time.Duration, int64, string) {
	return runPublishersTo(newCounter(k*n), k, n, size, extra...)
}

func runPublishersTo(c *counter, k, n, size int, extra ...string) (time.Duration, int64, string) {
	e, port := receiver(c)
	defer e.Close()
	var cmds []*exec.Cmd
	var stdins []interface{ Close() error }
	for i := 0; i < k; i++ {
		args := append([]string{"-child-publish", strconv.Itoa(int(port)), "-n", strconv.Itoa(n), "-size", strconv.Itoa(size)}, extra...)
		cmd := exec.Command(os.Args[0], args...)
		cmd.Stderr = os.Stderr
		in, _ := cmd.StdinPipe()
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			panic(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if strings.TrimSpace(line) != "READY" {
			panic("child: " + line)
		}
		cmds = append(cmds, cmd)
		stdins = append(stdins, in)
	}
	start := time.Now()
	for _, in := range stdins {
		in.Close()
	}
	note := ""
	select {
	case <-c.done:
	case <-time.After(120 * time.Second):
		note = fmt.Sprintf("TIMEOUT: %d of %d messages", c.n.Load(), k*n)
	}
	d := time.Since(start)
	for _, cmd := range cmds {
		cmd.Wait()
	}
	time.Sleep(100 * time.Millisecond)
	if got := c.n.Load(); got != int64(k*n) && note == "" {
		note = fmt.Sprintf("LOST: %d of %d", got, k*n)
	}
	return d, c.n.Load(), note
}

func benchOneToOne() []row {
	var out []row
	for _, size := range []int{50, 42} {
		d, got, note := runPublishers(1, *nFlag, size)
		if note == "" {
			note = fmt.Sprintf("publisher process -> receiver, %d received", got)
		}
		out = append(out, row{fmt.Sprintf("bus one-to-one, %d-byte payload", size), float64(got) / d.Seconds(), "msgs/s", note})
	}
	return out
}

func benchFanIn() []row {
	n := *nFlag / 8
	d, got, note := runPublishers(8, n, 50)
	if note == "" {
		note = fmt.Sprintf("8 publisher processes, all %d received", got)
	}
	return []row{{"bus fan-in 8 -> 1, 50-byte payload", float64(got) / d.Seconds(), "msgs/s", note}}
}

func benchLatency() []row {
	total := int(float64(*rateFlag) * *secsFlag)
	c := newCounter(total)
	c.latOn = true
	c.lat = make([]time.Duration, 0, total)
	_, _, note := runPublishersTo(c, 1, total, 50, "-paced", "-rate", strconv.Itoa(*rateFlag), "-secs", fmt.Sprint(*secsFlag))
	lat := c.lat // the receiving endpoint is closed: no more handler calls
	slices.Sort(lat)
	if len(lat) == 0 {
		return []row{{"latency", 0, "us", "no messages"}}
	}
	med := lat[len(lat)/2]
	p99 := lat[len(lat)*99/100]
	if note == "" {
		note = fmt.Sprintf("publisher process at %d msgs/s for %.0fs, %d samples, max %v", *rateFlag, *secsFlag, len(lat), lat[len(lat)-1])
	}
	return []row{
		{"bus latency median", float64(med.Microseconds()), "us", note},
		{"bus latency p99", float64(p99.Microseconds()), "us", ""},
	}
}
