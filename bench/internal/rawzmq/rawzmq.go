// Package rawzmq measures what goczmq itself sustains on this machine, the
// figure the benchmarks print beside gobro's own: DEALER sockets sending
// one frame per message over TCP loopback to one ROUTER that receives
// them all, one SendFrame / RecvMessage (one cgo call) per message.
package rawzmq

import (
	"fmt"
	"sync"
	"time"

	"github.com/zeromq/goczmq"
)

// Throughput sends n messages of size bytes from each of senders DEALER
// sockets (one goroutine each) to one ROUTER, and returns the messages
// per second the ROUTER received, timed from the first message to the
// last. Every message is received; none is dropped on the way (the
// high-water marks hold them all).
func Throughput(senders, n, size int) (float64, error) {
	total := senders * n
	router := goczmq.NewSock(goczmq.Router)
	defer router.Destroy()
	router.SetRcvhwm(total)
	port, err := router.Bind("tcp://127.0.0.1:*")
	if err != nil {
		return 0, err
	}
	dealers := make([]*goczmq.Sock, senders)
	for i := range dealers {
		d := goczmq.NewSock(goczmq.Dealer)
		defer d.Destroy()
		d.SetSndhwm(n)
		if err := d.Connect(fmt.Sprintf("tcp://127.0.0.1:%d", port)); err != nil {
			return 0, err
		}
		dealers[i] = d
	}
	done := make(chan time.Duration)
	go func() {
		var start time.Time
		for i := 0; i < total; i++ {
			// A Go runtime signal interrupts the blocking receive
			// (EINTR): try again.
			for {
				if _, err := router.RecvMessage(); err == nil {
					break
				}
			}
			if i == 0 {
				start = time.Now()
			}
		}
		done <- time.Since(start)
	}()
	payload := make([]byte, size)
	var wg sync.WaitGroup
	for _, d := range dealers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				d.SendFrame(payload, 0)
			}
		}()
	}
	wg.Wait()
	d := <-done
	// The first message starts the clock: it is not counted.
	return float64(total-1) / d.Seconds(), nil
}
