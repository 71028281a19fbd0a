package logging

import (
	"fmt"
	"sync"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Manager is the log manager of one interpreter: its streams, their
// filters and the writers the filters have opened. Its methods are the
// bodies of the logging bifs and run on the interpreter's goroutine; a
// background flusher only ever takes mu to flush.
type Manager struct {
	host    Host
	mu      sync.Mutex
	streams map[int64]*stream
	order   []*stream // in creation order, for a stable shutdown

	// pending are postprocessor calls held back until shutdown, for
	// rotations that happened as the process was ending.
	pending []pendingRotation

	flusherOn bool
	stop      chan struct{}
	done      bool

	remoteState // logging to and from peers (remote.go)
}

// stream is one Log::ID.
type stream struct {
	id       int64
	name     string // the Log::ID value's name
	idValue  value.Value
	columns  *types.RecordType
	event    value.Value
	hasEvent bool
	enabled  bool
	filters  []*filter
	writers  map[writerKey]*writerInfo
	wlist    []*writerInfo // creation order
}

// writerKey names a writer within a stream: its type and path.
type writerKey struct {
	writer int64
	path   string
}

// writerInfo is an open writer.
type writerInfo struct {
	key           writerKey
	writerValue   value.Value // the Log::Writer value
	writerName    string      // its name, "Log::WRITER_ASCII"
	w             Writer
	filterName    string // the filter that opened it
	interval      float64
	postprocessor value.Value
	hasPost       bool
	openTime      float64
	cancel        func()
	removed       bool
	// disabled is set when the writer failed: as Bro 2.6 turns off a
	// writer whose backend fails, the failure is reported once and
	// later rows are dropped, so that a destination that cannot be
	// written gives one error, not one per row.
	disabled bool
	// flushErr is a failure of the background flusher, reported (and
	// the writer disabled) on the interpreter's goroutine at the next
	// row or at shutdown.
	flushErr error

	remoteWriter // what peers see of it (remote.go)
}

// pendingRotation is a finished rotation whose postprocessor has yet to
// run.
type pendingRotation struct {
	info    *writerInfo
	newName string
	open    float64
	close   float64
}

// NewManager returns an empty manager working for host.
func NewManager(host Host) *Manager {
	return &Manager{host: host, streams: map[int64]*stream{}}
}

// StreamSpec is what Log::__create_stream receives: the stream's id, its
// column type and its optional event.
type StreamSpec struct {
	ID       value.Value // the Log::ID value
	IDType   *types.EnumType
	Columns  *types.RecordType
	Event    value.Value
	HasEvent bool
	EvType   *types.FuncType // the event's type, when HasEvent
}

// CreateStream creates (or replaces) a stream, checking its columns and
// event as Bro does.
func (m *Manager) CreateStream(s StreamSpec) bool {
	logged := false
	for _, f := range s.Columns.Fields {
		if !f.Log {
			continue
		}
		if !Loggable(f.Type) {
			m.host.Error(fmt.Sprintf("type of field '%s' is not support for logging output", f.Name))
			return false
		}
		logged = true
	}
	if !logged {
		m.host.Error("logged record type does not have any &log attributes")
		return false
	}
	if s.HasEvent {
		et := s.EvType
		if et == nil || et.Flavor != types.FlavorEvent {
			m.host.Error("stream event is a function, not an event")
			return false
		}
		if len(et.Params) != 1 {
			m.host.Error("stream event must take a single argument")
			return false
		}
		if et.Params[0].Type != types.Type(s.Columns) {
			m.host.Error("stream event's argument type does not match column type")
			return false
		}
	}
	id := s.ID.AsInt()
	if old := m.streams[id]; old != nil {
		m.removeStream(old)
	}
	st := &stream{id: id, idValue: s.ID, columns: s.Columns, event: s.Event, hasEvent: s.HasEvent,
		enabled: true, writers: map[writerKey]*writerInfo{}}
	if s.IDType != nil {
		st.name = s.IDType.NameOf(id)
	}
	m.streams[id] = st
	m.order = append(m.order, st)
	return true
}

// RemoveStream closes a stream's writers and forgets it.
func (m *Manager) RemoveStream(id int64) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	m.removeStream(st)
	return true
}

func (m *Manager) removeStream(st *stream) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, wi := range st.wlist {
		m.finishWriter(wi)
	}
	st.writers = map[writerKey]*writerInfo{}
	st.wlist = nil
	delete(m.streams, st.id)
	for i, o := range m.order {
		if o == st {
			m.order = append(m.order[:i:i], m.order[i+1:]...)
			break
		}
	}
}

func (m *Manager) finishWriter(wi *writerInfo) {
	if wi.cancel != nil {
		wi.cancel()
		wi.cancel = nil
	}
	wi.removed = true
	if wi.flushErr != nil && !wi.disabled {
		wi.disabled = true
		m.host.Error(wi.name() + ": " + wi.flushErr.Error())
	}
	if err := wi.w.Finish(); err != nil && !wi.disabled {
		m.host.Error(err.Error())
	}
}

// EnableStream turns writing back on.
func (m *Manager) EnableStream(id int64) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	st.enabled = true
	return true
}

// DisableStream makes writes to the stream do nothing.
func (m *Manager) DisableStream(id int64) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	st.enabled = false
	return true
}

// SetBuf turns buffering on or off for every writer of the stream.
func (m *Manager) SetBuf(id int64, buffered bool) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, wi := range st.wlist {
		if wi.disabled {
			continue
		}
		if err := wi.w.SetBuf(buffered); err != nil {
			m.disable(wi, err)
		}
	}
	return true
}

// Flush writes out what the stream's writers hold.
func (m *Manager) Flush(id int64) bool {
	st := m.streams[id]
	if st == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, wi := range st.wlist {
		if wi.disabled {
			continue
		}
		if err := wi.w.Flush(); err != nil {
			m.disable(wi, err)
		}
	}
	return true
}

// disable turns off a writer that failed, reporting the failure.
func (m *Manager) disable(wi *writerInfo, err error) {
	wi.disabled = true
	wi.flushErr = nil
	m.host.WriterError(wi.name() + ": " + err.Error())
}

// name is how Bro's messages name a writer: its path and writer type,
// "conn/Log::WRITER_ASCII".
func (wi *writerInfo) name() string {
	w := wi.writerName
	if w == "" {
		w = "Log::WRITER_ASCII"
	}
	return wi.key.path + "/" + w
}

// Shutdown is the end of the process: rotations that happened as it
// ended get their postprocessors, and every writer flushes and closes.
// Nothing written before is lost.
func (m *Manager) Shutdown() {
	m.runPending()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return
	}
	m.done = true
	if m.stop != nil {
		close(m.stop)
	}
	for _, st := range m.order {
		for _, wi := range st.wlist {
			if !wi.removed {
				m.finishWriter(wi)
			}
		}
	}
}

// FlushAll writes out every writer's buffer; the process may then be
// killed without losing a row written so far.
func (m *Manager) FlushAll() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, st := range m.order {
		for _, wi := range st.wlist {
			if !wi.removed && !wi.disabled && wi.flushErr == nil {
				wi.flushErr = wi.w.Flush()
			}
		}
	}
}

// flushInterval is how long a buffered row may wait before the
// background flusher writes it out, like Bro's writer heartbeat.
const flushInterval = time.Second

// startFlusher starts the background flusher once a writer exists, so
// that a buffered row reaches its file within flushInterval even when no
// further row follows it.
func (m *Manager) startFlusher() {
	if m.flusherOn {
		return
	}
	m.flusherOn = true
	m.stop = make(chan struct{})
	stop := m.stop
	go func() {
		t := time.NewTicker(flushInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				m.FlushAll()
			}
		}
	}()
}
