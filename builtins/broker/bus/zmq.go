package bus

/*
#cgo pkg-config: libczmq libzmq
#include <czmq.h>
#include <errno.h>
#include <string.h>

// bus_frame describes a received frame whose zmq_msg_t stays open until
// bus_frame_close: Go copies the bytes straight out of C memory, so a
// frame costs two cgo calls whatever its size.
typedef struct {
	zmq_msg_t msg;
	void *data;
	size_t size;
	int more;
	int srcfd;
} bus_frame;

static int bus_recv(void *s, bus_frame *f) {
	zmq_msg_init(&f->msg);
	int rc = zmq_msg_recv(&f->msg, s, ZMQ_DONTWAIT);
	if (rc < 0) {
		int e = errno;
		zmq_msg_close(&f->msg);
		return -e;
	}
	f->data = zmq_msg_data(&f->msg);
	f->size = zmq_msg_size(&f->msg);
	f->more = zmq_msg_more(&f->msg);
	f->srcfd = zmq_msg_get(&f->msg, ZMQ_SRCFD);
	return 0;
}

static void bus_frame_close(bus_frame *f) {
	zmq_msg_close(&f->msg);
}

// bus_send sends [id] data as one message without blocking; id may be
// NULL (DEALER, PUSH). It returns 0 or -errno.
static int bus_send(void *s, void *id, size_t idlen, void *data, size_t len) {
	if (id != NULL) {
		if (zmq_send(s, id, idlen, ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0)
			return -errno;
	}
	if (zmq_send(s, data, len, ZMQ_DONTWAIT) < 0)
		return -errno;
	return 0;
}

static int bus_send_part(void *s, void *data, size_t len, int more) {
	if (zmq_send(s, data, len, more ? ZMQ_SNDMORE : 0) < 0)
		return -errno;
	return 0;
}

static int bus_poll(zmq_pollitem_t *items, int n, long timeout) {
	int rc = zmq_poll(items, n, timeout);
	if (rc < 0)
		return -errno;
	return rc;
}

static int bus_bind(void *s, const char *ep) {
	if (zmq_bind(s, ep) < 0)
		return errno;
	return 0;
}

static int bus_connect(void *s, const char *ep) {
	if (zmq_connect(s, ep) < 0)
		return errno;
	return 0;
}

static int bus_monitor(void *s, const char *ep) {
	if (zmq_socket_monitor(s, ep, ep ? ZMQ_EVENT_ALL : 0) < 0)
		return errno;
	return 0;
}

static int bus_keypair(char *pub, char *sec) {
	if (zmq_curve_keypair(pub, sec) < 0)
		return errno;
	return 0;
}

static void *bus_resolve(void *zsock) {
	if (!zsock_is(zsock))
		return NULL;
	return zsock_resolve(zsock);
}
*/
import "C"

import (
	"fmt"
	"syscall"
	"unsafe"

	"github.com/zeromq/goczmq"
)

// Monitor event codes of libzmq 4.3 (stable API).
const (
	evConnected        = C.ZMQ_EVENT_CONNECTED
	evConnectDelayed   = C.ZMQ_EVENT_CONNECT_DELAYED
	evConnectRetried   = C.ZMQ_EVENT_CONNECT_RETRIED
	evAccepted         = C.ZMQ_EVENT_ACCEPTED
	evClosed           = C.ZMQ_EVENT_CLOSED
	evDisconnected     = C.ZMQ_EVENT_DISCONNECTED
	evMonitorStopped   = C.ZMQ_EVENT_MONITOR_STOPPED
	evHandshakeNoDet   = C.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
	evHandshakeOK      = C.ZMQ_EVENT_HANDSHAKE_SUCCEEDED
	evHandshakeProto   = C.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
	evHandshakeAuth    = C.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
	pollIn             = C.ZMQ_POLLIN
	pollOut            = C.ZMQ_POLLOUT
	errAgain           = int(syscall.EAGAIN)
	errHostUnreachable = int(C.EHOSTUNREACH)
)

// rawSock is a goczmq socket together with its libzmq handle, for the
// calls goczmq does not offer (non-blocking sends of a routed message,
// zmq_poll with POLLOUT, the source descriptor of a frame, monitors).
type rawSock struct {
	s   *goczmq.Sock
	raw unsafe.Pointer
}

// goczmqSock mirrors the first field of goczmq.Sock (v4.1.0), the CZMQ
// socket pointer, which goczmq does not export. bus_resolve checks with
// zsock_is that the pointer really is a CZMQ socket.
type goczmqSock struct {
	zsock unsafe.Pointer
}

func newRaw(t int) (*rawSock, error) {
	s := goczmq.NewSock(t)
	zp := (*goczmqSock)(unsafe.Pointer(s)).zsock
	if zp == nil {
		return nil, fmt.Errorf("cannot create ZeroMQ socket")
	}
	raw := C.bus_resolve(zp)
	if raw == nil {
		s.Destroy()
		return nil, fmt.Errorf("unexpected goczmq socket layout")
	}
	return &rawSock{s: s, raw: raw}, nil
}

func (r *rawSock) destroy() {
	if r != nil && r.s != nil {
		r.s.Destroy()
		r.s = nil
		r.raw = nil
	}
}

// bind binds endpoint ep, returning the OS error (for example
// "address already in use") on failure.
func (r *rawSock) bind(ep string) error {
	cs := C.CString(ep)
	defer C.free(unsafe.Pointer(cs))
	if e := C.bus_bind(r.raw, cs); e != 0 {
		return syscall.Errno(e)
	}
	return nil
}

// connect connects to endpoint ep (zmq_connect: no printf-style
// formatting of the address, unlike zsock_connect).
func (r *rawSock) connect(ep string) error {
	cs := C.CString(ep)
	defer C.free(unsafe.Pointer(cs))
	if e := C.bus_connect(r.raw, cs); e != 0 {
		return syscall.Errno(e)
	}
	return nil
}

// monitor starts (ep != "") or stops (ep == "") the socket monitor.
func (r *rawSock) monitor(ep string) error {
	var cs *C.char
	if ep != "" {
		cs = C.CString(ep)
		defer C.free(unsafe.Pointer(cs))
	}
	if e := C.bus_monitor(r.raw, cs); e != 0 {
		return syscall.Errno(e)
	}
	return nil
}

// send sends [id] data without blocking; 0 or an errno value.
func (r *rawSock) send(id, data []byte) int {
	var idp unsafe.Pointer
	if len(id) > 0 {
		idp = unsafe.Pointer(&id[0])
	}
	var dp unsafe.Pointer
	if len(data) > 0 {
		dp = unsafe.Pointer(&data[0])
	}
	rc := C.bus_send(r.raw, idp, C.size_t(len(id)), dp, C.size_t(len(data)))
	return -int(rc)
}

// sendPart sends one part of a multi-part message, blocking.
func (r *rawSock) sendPart(data []byte, more bool) int {
	var dp unsafe.Pointer
	if len(data) > 0 {
		dp = unsafe.Pointer(&data[0])
	}
	m := C.int(0)
	if more {
		m = 1
	}
	return -int(C.bus_send_part(r.raw, dp, C.size_t(len(data)), m))
}

// CurveKeypair returns a new CURVE key pair, Z85-encoded (40
// characters each), for Config.CurvePublic and CurveSecret.
func CurveKeypair() (public, secret string, err error) {
	var pub, sec [41]C.char
	if e := C.bus_keypair(&pub[0], &sec[0]); e != 0 {
		return "", "", fmt.Errorf("cannot make a CURVE key pair: %v", syscall.Errno(e))
	}
	return C.GoString(&pub[0]), C.GoString(&sec[0]), nil
}

// frame is a reusable receive slot (C memory, so libzmq may write the
// zmq_msg_t it holds).
type frame struct {
	f *C.bus_frame
}

func newFrame() frame {
	return frame{f: (*C.bus_frame)(C.calloc(1, C.size_t(unsafe.Sizeof(C.bus_frame{}))))}
}

func (f frame) free() { C.free(unsafe.Pointer(f.f)) }

// recv receives one frame without blocking into a new Go slice (never
// reused, so slices of it may be kept). ok is false when nothing is
// waiting.
func (r *rawSock) recv(f frame) (data []byte, more bool, srcfd int, ok bool) {
	if C.bus_recv(r.raw, f.f) != 0 {
		return nil, false, -1, false
	}
	n := int(f.f.size)
	data = make([]byte, n)
	if n > 0 {
		copy(data, unsafe.Slice((*byte)(f.f.data), n))
	}
	more = f.f.more != 0
	srcfd = int(f.f.srcfd)
	C.bus_frame_close(f.f)
	return data, more, srcfd, true
}

// pollSet is the argument array of zmq_poll, rebuilt each round.
type pollSet struct {
	items []C.zmq_pollitem_t
}

func (p *pollSet) reset() { p.items = p.items[:0] }

func (p *pollSet) add(r *rawSock, events int) int {
	p.items = append(p.items, C.zmq_pollitem_t{socket: r.raw, events: C.short(events)})
	return len(p.items) - 1
}

func (p *pollSet) ready(i int) int { return int(p.items[i].revents) }

func (p *pollSet) wait(timeoutMs int) {
	if len(p.items) == 0 {
		return
	}
	C.bus_poll(&p.items[0], C.int(len(p.items)), C.long(timeoutMs))
}
