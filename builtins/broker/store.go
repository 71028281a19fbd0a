// Broker data stores: a master keeps a store's entries in a backend
// (builtins/broker/storage) and applies Broker's operations to them on
// the interpreter's goroutine, in the order the script calls them.
//
// Queries (exists, get, put_unique, get_index_from_value, keys) are
// asynchronous as in Bro 2.6: they are answered into the "when" that
// called them. The answer is computed at the call, so it reflects every
// operation made before it. A persistent backend holds the answer back
// until the writes made before it are on disk: the writes of one pass of
// the event loop form one group, committed when the pass ends, and one
// sync covers every answer waiting at that point (group commit). A
// write is therefore acknowledged (a query has answered after it) only
// once it is durable.

package broker

import (
	"container/heap"
	"sync"
	"time"

	"gobro/builtins/broker/storage"
	"gobro/lang/ast"
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// storeHandle is the value behind "opaque of Broker::Store".
type storeHandle struct {
	name  string
	s     *store // the master; nil where it could not be made
	clone *clone // the clone, for a handle of create_clone
}

// Describe writes the handle as Bro 2.6 does.
func (h *storeHandle) Describe(d *value.Desc) { d.Add("broker::store::{" + h.name + "}") }

// stores are the open stores of one interpreter, by name.
type stores struct {
	byName map[string]*storeHandle
}

var (
	storesMu  sync.Mutex
	storesFor = map[*interp.Interp]*stores{}
)

// storesOf returns in's open stores; the first call arranges for them
// to be closed (committed and synced) when the process ends.
func storesOf(in *interp.Interp) *stores {
	storesMu.Lock()
	defer storesMu.Unlock()
	r := storesFor[in]
	if r == nil {
		r = &stores{byName: map[string]*storeHandle{}}
		storesFor[in] = r
		in.OnShutdown(func() {
			storesMu.Lock()
			delete(storesFor, in)
			storesMu.Unlock()
			for _, h := range r.byName {
				h.s.close()
			}
			r.byName = nil
		})
	}
	return r
}

// lookup returns the open store called name.
func (r *stores) lookup(name string) *storeHandle { return r.byName[name] }

// store is one master store.
type store struct {
	name   string
	in     *interp.Interp
	be     storage.Backend
	closed bool

	// Group commit: dirty is set by a write not yet covered by a sync
	// job; held are the answers that wait for the next job; posted is
	// set while a flush is due at the end of the pass.
	dirty    bool
	posted   bool
	held     []heldAnswer
	jobs     chan syncJob
	syncDone chan struct{}
	waiting  int // answers held or in a sync job, not yet delivered

	// Expiry: a heap of reminders and one timer for the earliest.
	reminders reminderHeap
	timer     *time.Timer
	timerAt   int64

	// Statistics.
	puts, gets uint64

	// results makes the queries' results, made at the first query.
	results *resultMaker
	// reads are the lookups asked for in this pass, made together
	// before the triggers waiting for them are evaluated (readLater);
	// readsHooked is set while readsDue (kept in readsDueFn, made
	// once) waits to run.
	reads       []pendingRead
	readsHooked bool
	readsDueFn  func()
	// readBuf holds the key of the current read (see readKey).
	readBuf []byte

	// Clones: the manager publishing to them (nil without an
	// endpoint), and the node ids of the clones that resolved this
	// master.
	mgr    *manager
	clones map[string]bool
}

// heldAnswer is a query answer waiting for durability.
type heldAnswer struct {
	p       *interp.Pending
	v       value.Value
	results *resultMaker // makes the FAILURE answer where the sync failed
	// reply, set instead of p, answers a clone's query; it runs on the
	// interpreter's goroutine, told whether the sync succeeded.
	reply func(ok bool)
}

// syncJob is one group's answers, delivered once a sync (if sync is set)
// has made the writes before them durable.
type syncJob struct {
	sync    bool
	answers []heldAnswer
}

// newStore starts a master over backend be.
func newStore(in *interp.Interp, name string, be storage.Backend) *store {
	s := &store{name: name, in: in, be: be}
	s.readsDueFn = s.readsDue
	if be.Persistent() {
		s.jobs = make(chan syncJob, 64)
		s.syncDone = make(chan struct{})
		go s.syncer()
	}
	be.Expiries(func(key []byte, at int64) {
		s.reminders = append(s.reminders, reminder{at: at, key: string(key)})
	})
	heap.Init(&s.reminders)
	if len(s.reminders) > 0 {
		// What expired while the store was closed goes at once, before
		// any query can see it.
		s.expire()
	}
	return s
}

// syncer delivers the answers of each job after its sync, in order.
func (s *store) syncer() {
	defer close(s.syncDone)
	for job := range s.jobs {
		var err error
		if job.sync {
			err = s.be.Sync()
		}
		for _, a := range job.answers {
			switch {
			case a.reply != nil:
				reply, ok := a.reply, err == nil
				s.in.Post(func() { reply(ok) })
			case err != nil:
				a.p.Deliver(a.results.make(Data{}, false))
			default:
				a.p.Deliver(a.v)
			}
		}
		n := len(job.answers)
		s.in.Post(func() { s.delivered(n) })
	}
}

// wrote notes a write: the group is to be committed when the pass ends.
func (s *store) wrote() {
	s.puts++
	if s.be.Persistent() {
		s.dirty = true
		s.schedule()
	}
}

// schedule arranges for the current group to be committed once the
// event loop has finished its pass.
func (s *store) schedule() {
	if s.posted {
		return
	}
	s.posted = true
	s.in.Post(s.flush)
}

// flush commits the current group and hands the waiting answers to the
// syncer.
func (s *store) flush() {
	s.posted = false
	if s.closed {
		return
	}
	if err := s.be.Commit(); err != nil {
		s.failed(err)
	}
	if len(s.held) == 0 {
		return
	}
	job := syncJob{sync: s.dirty, answers: s.held}
	s.held, s.dirty = nil, false
	s.jobs <- job
}

// pendingRead is a lookup asked for and not yet made, then its result.
type pendingRead struct {
	p      *interp.Pending
	answer func(s *store, d []Data) (Data, bool)
	d      []Data
	result Data
	ok     bool
}

// readLater makes a lookup with the others asked for in the same pass,
// just before the triggers waiting for them are evaluated: Badger then
// walks its tables for one key after another, its path through them
// still in the processor's caches, rather than between the statements
// of the script. The answers come when they would have: every query's
// answer is delivered before its "when" is evaluated again. Any change
// to the store makes the lookups asked for before it first (makeReads),
// so that each sees the store as it was asked (closing it too: gobro
// answers every query asked before Broker::close, where Bro's
// CloseStore aborts those whose answers have not arrived).
func (s *store) readLater(r pendingRead) {
	if !s.readsHooked {
		s.readsHooked = true
		s.in.BeforeTriggers(s.readsDueFn)
	}
	s.reads = append(s.reads, r)
}

// readsDue makes the lookups asked for, the triggers being about to be
// evaluated.
func (s *store) readsDue() {
	s.readsHooked = false
	s.makeReads()
}

// makeReads makes the lookups asked for, in order, then answers them.
func (s *store) makeReads() {
	reads := s.reads
	s.reads = nil
	for i := range reads {
		r := &reads[i]
		r.result, r.ok = r.answer(s, r.d)
	}
	for i, r := range reads {
		s.answer(r.p, s.queryResult(r.result, r.ok))
		reads[i] = pendingRead{}
	}
	if s.reads == nil {
		s.reads = reads[:0] // the list's storage serves the next pass
	}
}

// answersNow reports whether a query may be answered at once: nothing
// written waits for the disk, and no earlier answer is still on its way.
// An answer is on its way until delivered on the interpreter's goroutine
// (waiting), not merely until its sync job ends: a job's answers are
// posted to the interpreter, and an answer given now would overtake them.
func (s *store) answersNow() bool {
	return !s.be.Persistent() || (!s.dirty && len(s.held) == 0 && s.waiting == 0)
}

// answer delivers a query's answer: at once where no write before it
// waits for the disk, else after the sync that covers those writes.
func (s *store) answer(p *interp.Pending, v value.Value) {
	if s.answersNow() {
		p.DeliverNow(v)
		return
	}
	s.hold(heldAnswer{p: p, v: v, results: s.resultMaker()})
}

// hold keeps an answer for the next sync job. Answers on their way keep
// the event loop running, as a pending DNS request does, so that a
// script without exit_only_after_terminate still gets them.
func (s *store) hold(a heldAnswer) {
	if s.waiting == 0 {
		s.in.AddSource()
	}
	s.waiting++
	s.held = append(s.held, a)
	s.schedule()
}

// answerReply is answer for a clone's query: reply runs at once where no
// write before it waits for the disk, else after the sync.
func (s *store) answerReply(reply func(ok bool)) {
	if s.answersNow() {
		reply(true)
		return
	}
	s.hold(heldAnswer{reply: reply})
}

// delivered notes, on the interpreter's goroutine, that n answers have
// been delivered.
func (s *store) delivered(n int) {
	s.waiting -= n
	if s.waiting == 0 {
		s.in.DoneSource()
	}
}

// failed reports a backend error.
func (s *store) failed(err error) {
	s.in.Report(interp.ReportError, ast.Pos{}, "Broker store '"+s.name+"': "+err.Error())
}

// close commits and syncs the store, delivers the answers still waiting
// and releases the backend.
func (s *store) close() {
	if s == nil || s.closed {
		return
	}
	s.makeReads()
	if err := s.be.Commit(); err != nil {
		s.failed(err)
	}
	if s.jobs != nil {
		if len(s.held) > 0 {
			s.jobs <- syncJob{sync: true, answers: s.held}
			s.held = nil
		}
		close(s.jobs)
		<-s.syncDone
	}
	s.closed = true
	if s.timer != nil {
		s.timer.Stop()
	}
	if err := s.be.Close(); err != nil {
		s.failed(err)
	}
}

// reminder is a key's expiry time.
type reminder struct {
	at  int64
	key string
}

// reminderHeap orders reminders by time.
type reminderHeap []reminder

func (h reminderHeap) Len() int           { return len(h) }
func (h reminderHeap) Less(i, j int) bool { return h[i].at < h[j].at }
func (h reminderHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *reminderHeap) Push(x any)        { *h = append(*h, x.(reminder)) }
func (h *reminderHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// remind notes that key expires at at (Unix nanoseconds).
func (s *store) remind(key []byte, at int64) {
	heap.Push(&s.reminders, reminder{at: at, key: string(key)})
	if s.timer == nil || at < s.timerAt {
		s.arm(time.Now().UnixNano())
	}
}

// arm sets the timer for the earliest reminder. Broker's clock is the
// wall clock, so expiry does not follow network time.
func (s *store) arm(now int64) {
	if len(s.reminders) == 0 {
		return
	}
	at := s.reminders[0].at
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timerAt = at
	s.timer = time.AfterFunc(time.Duration(at-now), func() { s.in.Post(s.expire) })
}

// expire removes the entries whose time has come. A reminder whose key
// was put again with a later expiry, or none, is stale and ignored, as
// in Broker's master.
func (s *store) expire() {
	if s.closed {
		return
	}
	s.makeReads()
	s.timer = nil
	now := time.Now().UnixNano()
	for len(s.reminders) > 0 && s.reminders[0].at <= now {
		r := heap.Pop(&s.reminders).(reminder)
		key := []byte(r.key)
		_, at, ok, err := s.be.Get(key)
		if err != nil {
			s.failed(err)
			continue
		}
		if !ok || at == 0 || now < at {
			continue
		}
		if err := s.be.Delete(key); err != nil {
			s.failed(err)
			continue
		}
		s.puts--
		s.wrote()
		s.broadcastErase(key)
	}
	s.arm(now)
}

// expiryAt returns the absolute expiry time of an operation given the
// interval e (seconds): 0 for none, as Bro passes no expiry for 0secs.
func expiryAt(e float64) int64 {
	if e == 0 {
		return 0
	}
	return time.Now().UnixNano() + secondsToNanos(e)
}

// resultMaker makes Broker::QueryResult records, with their types
// looked up once.
type resultMaker struct {
	qr, data         *types.RecordType // data: Broker::Data, nil if missing
	success, failure int64
	found            bool // Broker::QueryResult and QueryStatus exist
}

func newResultMaker(in *interp.Interp) *resultMaker {
	m := &resultMaker{}
	m.qr, _ = in.LookupType("Broker::QueryResult").(*types.RecordType)
	m.data, _ = in.LookupType(dataTypeName).(*types.RecordType)
	et, _ := in.LookupType("Broker::QueryStatus").(*types.EnumType)
	if m.qr == nil || et == nil || len(m.qr.Fields) < 2 {
		return m
	}
	m.success, _ = et.Value("Broker::SUCCESS")
	m.failure, _ = et.Value("Broker::FAILURE")
	m.found = true
	return m
}

// make returns a Broker::QueryResult: SUCCESS with d, or FAILURE with an
// empty Broker::Data where ok is false, as Bro 2.6's query_result does.
// It touches nothing but m, so the syncer may call it too. Records of
// the shapes Bro declares are made in one allocation.
func (m *resultMaker) make(d Data, ok bool) value.Value {
	if !m.found {
		return value.Unset
	}
	status := value.Enum(m.failure)
	var dv *DataVal
	if ok {
		status = value.Enum(m.success)
		dv = &DataVal{D: d}
	}
	if m.data == nil || len(m.qr.Fields) != 2 || len(m.data.Fields) != 1 {
		r := &value.Record{Type: m.qr, Fields: make([]value.Value, len(m.qr.Fields))}
		for i := range r.Fields {
			r.Fields[i] = value.Unset
		}
		r.Fields[0] = status
		if m.data != nil {
			r.Fields[1] = value.Value{R: newDataRecord(m.data, dv)}
		}
		return value.Value{R: r}
	}
	x := &struct {
		r, data value.Record
		f       [2]value.Value
		df      [1]value.Value
		dv      DataVal
	}{}
	x.r = value.Record{Type: m.qr, Fields: x.f[:]}
	x.data = value.Record{Type: m.data, Fields: x.df[:]}
	x.f[0] = status
	x.f[1] = value.Value{R: &x.data}
	x.df[0] = value.Unset
	if ok {
		x.dv.D = d
		x.df[0] = value.Value{R: &x.dv}
	}
	return value.Value{R: &x.r}
}

// resultMaker returns the store's result maker, making it at the first
// query.
func (s *store) resultMaker() *resultMaker {
	if s.results == nil {
		s.results = newResultMaker(s.in)
	}
	return s.results
}

// readKey encodes a key for a read, in a buffer the next read reuses:
// the backends keep no reference to a key they only read.
func (s *store) readKey(k Data) []byte {
	s.readBuf = AppendData(s.readBuf[:0], k)
	return s.readBuf
}

// queryResult is the result of a query on this store.
func (s *store) queryResult(d Data, ok bool) value.Value {
	return s.resultMaker().make(d, ok)
}

// queryResult is a query's result where no store is at hand.
func queryResult(in *interp.Interp, d Data, ok bool) value.Value {
	return newResultMaker(in).make(d, ok)
}
