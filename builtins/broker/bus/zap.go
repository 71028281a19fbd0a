package bus

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zeromq/goczmq"
)

// The ZAP handler (ZeroMQ's authentication protocol, RFC 27) of the
// process: libzmq asks it whether a CURVE client may connect. Each
// endpoint's listening socket has its own ZAP domain, so each endpoint
// checks its own authorised keys and learns of the refusals it makes.
var zap struct {
	mu      sync.Mutex
	domains map[string]*Endpoint
	stop    chan struct{}
	done    chan struct{}
}

const zapEndpoint = "inproc://zeromq.zap.01"

func zapRegister(domain string, e *Endpoint) error {
	zap.mu.Lock()
	defer zap.mu.Unlock()
	if zap.domains == nil {
		zap.domains = map[string]*Endpoint{}
	}
	if len(zap.domains) == 0 {
		rep, err := newRaw(goczmq.Rep)
		if err != nil {
			return err
		}
		if err := rep.bind(zapEndpoint); err != nil {
			rep.destroy()
			return fmt.Errorf("bus: cannot start the CURVE authenticator: %v", err)
		}
		zap.stop = make(chan struct{})
		zap.done = make(chan struct{})
		go zapLoop(rep, zap.stop, zap.done)
	}
	zap.domains[domain] = e
	return nil
}

func zapUnregister(domain string) {
	zap.mu.Lock()
	delete(zap.domains, domain)
	var stop, done chan struct{}
	if len(zap.domains) == 0 && zap.stop != nil {
		stop, done = zap.stop, zap.done
		zap.stop, zap.done = nil, nil
	}
	zap.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}

func zapLoop(rep *rawSock, stop, done chan struct{}) {
	defer close(done)
	defer rep.destroy()
	fr := newFrame()
	defer fr.free()
	var ps pollSet
	for {
		select {
		case <-stop:
			return
		default:
		}
		ps.reset()
		ps.add(rep, pollIn)
		ps.wait(100)
		if ps.ready(0)&pollIn == 0 {
			continue
		}
		var parts [][]byte
		for {
			b, more, _, ok := rep.recv(fr)
			if !ok {
				break
			}
			parts = append(parts, b)
			if !more {
				break
			}
		}
		if len(parts) < 6 {
			continue
		}
		status, text := zapDecide(parts)
		reply := [][]byte{[]byte("1.0"), parts[1], []byte(status), []byte(text), nil, nil}
		for i, p := range reply {
			more := i < len(reply)-1
			rep.sendPart(p, more)
		}
	}
}

// zapDecide answers one ZAP request: version, request id, domain,
// address, routing id, mechanism, credentials.
func zapDecide(parts [][]byte) (string, string) {
	domain, address, mech := string(parts[2]), string(parts[3]), string(parts[5])
	zap.mu.Lock()
	e := zap.domains[domain]
	zap.mu.Unlock()
	if e == nil {
		return "400", "unknown domain"
	}
	if mech != "CURVE" || len(parts) < 7 || len(parts[6]) != 32 {
		e.authRefused(address, "", "not a CURVE client")
		return "400", "CURVE required"
	}
	var key [32]byte
	copy(key[:], parts[6])
	if e.authKeys[key] {
		return "200", "OK"
	}
	e.authRefused(address, z85Encode(key[:]), "key not authorised")
	return "400", "key not authorised"
}

// authRefused reports a refused client (at most once per address and key
// every ten seconds).
func (e *Endpoint) authRefused(address, key, why string) {
	e.mu.Lock()
	if e.refusals == nil {
		e.refusals = map[string]time.Time{}
	}
	k := address + "|" + key
	last, seen := e.refusals[k]
	now := time.Now()
	if seen && now.Sub(last) < 10*time.Second {
		e.mu.Unlock()
		return
	}
	if len(e.refusals) > 1024 {
		clear(e.refusals)
	}
	e.refusals[k] = now
	e.mu.Unlock()
	msg := "refused peer from " + address + ": " + why
	if key != "" {
		msg += " (CURVE public key " + key + ")"
	}
	e.emit(nil, PeerEvent{Kind: Error, Code: ECPeerInvalid, Addr: address, Msg: msg})
}

const z85Chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#"

func z85Encode(b []byte) string {
	out := make([]byte, 0, len(b)*5/4)
	for i := 0; i+4 <= len(b); i += 4 {
		v := uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		var q [5]byte
		for j := 4; j >= 0; j-- {
			q[j] = z85Chars[v%85]
			v /= 85
		}
		out = append(out, q[:]...)
	}
	return string(out)
}

// z85Key decodes a 40-character Z85 CURVE key.
func z85Key(s string) ([32]byte, error) {
	var k [32]byte
	if len(s) != 40 {
		return k, errors.New("a CURVE key is 40 Z85 characters")
	}
	for i := 0; i < 8; i++ {
		var v uint64
		for j := 0; j < 5; j++ {
			d := indexZ85(s[i*5+j])
			if d < 0 {
				return k, fmt.Errorf("invalid Z85 character %q", s[i*5+j])
			}
			v = v*85 + uint64(d)
		}
		if v > 0xffffffff {
			return k, errors.New("invalid Z85 key")
		}
		k[i*4], k[i*4+1], k[i*4+2], k[i*4+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	return k, nil
}

func indexZ85(c byte) int {
	for i := 0; i < len(z85Chars); i++ {
		if z85Chars[i] == c {
			return i
		}
	}
	return -1
}
