package bench

import (
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zeromq/goczmq"

	"gobro/builtins/broker/bus"
)

// busCounter counts the messages an endpoint receives.
type busCounter struct {
	n     atomic.Int64
	added chan struct{}
}

func (c *busCounter) Message(string, []byte) { c.n.Add(1) }

func (c *busCounter) Event(ev bus.PeerEvent) {
	if ev.Kind == bus.PeerAdded {
		select {
		case c.added <- struct{}{}:
		default:
		}
	}
}

// BenchmarkBusOneToOne publishes 50-byte messages from one endpoint to
// another in the same process and waits until all have arrived. See
// cmd/bus for the figures between processes.
func BenchmarkBusOneToOne(b *testing.B) {
	rc := &busCounter{added: make(chan struct{}, 1)}
	pc := &busCounter{added: make(chan struct{}, 1)}
	r, err := bus.New(bus.Config{}, rc)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	r.Subscribe("bench/")
	port, err := r.Listen("127.0.0.1", 0)
	if err != nil {
		b.Fatal(err)
	}
	p, err := bus.New(bus.Config{}, pc)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	p.Peer("127.0.0.1", port, 100*time.Millisecond)
	<-pc.added
	payload := make([]byte, 50)
	b.SetBytes(int64(len(payload)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Publish("bench/events", payload)
	}
	for rc.n.Load() < int64(b.N) {
		time.Sleep(100 * time.Microsecond)
	}
}

// BenchmarkBusRawGoczmq sends 50-byte frames DEALER -> ROUTER with
// goczmq, one frame per message: the reference for the bus figure.
func BenchmarkBusRawGoczmq(b *testing.B) {
	router := goczmq.NewSock(goczmq.Router)
	defer router.Destroy()
	router.SetRcvhwm(1000000)
	port, err := router.Bind("tcp://127.0.0.1:*")
	if err != nil {
		b.Fatal(err)
	}
	dealer, err := goczmq.NewDealer("tcp://127.0.0.1:" + strconv.Itoa(port))
	if err != nil {
		b.Fatal(err)
	}
	defer dealer.Destroy()
	dealer.SetSndhwm(1000000)
	payload := make([]byte, 50)
	b.SetBytes(int64(len(payload)))
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; i++ {
			for {
				if _, err := router.RecvMessage(); err == nil {
					break // else EINTR from a runtime signal: again
				}
			}
		}
		close(done)
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dealer.SendFrame(payload, 0)
	}
	<-done
}
