package interp

import (
	"sync"
	"sync/atomic"
	"time"

	"gobro/runtime/value"
)

// ScriptFile is a loaded script, for the bro_script_loaded event: its
// path and how deeply it was nested in @loads (0 for the scripts named
// on the command line and the core scripts).
type ScriptFile struct {
	Path  string
	Level int
}

// exitRequest unwinds the interpreter when the script ends the process
// at once: exit(code), Reporter::fatal.
type exitRequest struct{ code int }

// Exit ends the process at once with status code, as Bro's exit() does:
// no bro_done, no draining. It does not return.
func (in *Interp) Exit(code int) { panic(&exitRequest{code: code}) }

// SetScripts records the loaded scripts, in load order, for the
// bro_script_loaded events raised at start-up.
func (in *Interp) SetScripts(files []ScriptFile) { in.scripts = files }

// Terminating reports whether the process is shutting down, as
// bro_is_terminating() does.
func (in *Interp) Terminating() bool { return in.ev.terminating }

// Terminate asks the process to end as terminate() does in Bro 2.6: like a
// SIGTERM to itself, noticed by the main loop at the end of its current
// round. It reports false if the process is already shutting down.
func (in *Interp) Terminate() bool {
	if in.ev.terminating {
		return false
	}
	in.signal.Store(1)
	return true
}

// Interrupt tells the interpreter that SIGINT or SIGTERM arrived. It may
// be called from any goroutine; the main loop ends cleanly through
// bro_done at the end of its current round.
func (in *Interp) Interrupt() {
	in.signal.Store(1)
	in.Post(func() {})
}

// Post runs f on the interpreter's goroutine during the main loop. Any
// goroutine may call it, and it never blocks: asynchronous builtins
// deliver their results through it. Work posted when no loop runs is
// dropped at exit.
func (in *Interp) Post(f func()) {
	in.ev.inbox.mu.Lock()
	in.ev.inbox.work = append(in.ev.inbox.work, f)
	in.ev.inbox.mu.Unlock()
	select {
	case in.ev.inbox.wake <- struct{}{}:
	default:
	}
}

// inbox is work posted from other goroutines.
type inbox struct {
	mu   sync.Mutex
	work []func()
	wake chan struct{} // one token: there is work
}

// runPosted runs the work posted so far.
func (in *Interp) runPosted() {
	in.ev.inbox.mu.Lock()
	work := in.ev.inbox.work
	in.ev.inbox.work = nil
	in.ev.inbox.mu.Unlock()
	for _, f := range work {
		f()
	}
}

// AddSource and DoneSource count an event source that keeps the main
// loop running, as an IO source keeps Bro's (for example a listening
// communication endpoint).
func (in *Interp) AddSource() { in.ev.sources++ }

// DoneSource is the end of a source counted with AddSource.
func (in *Interp) DoneSource() { in.ev.sources-- }

// boolGlobal reads a bool global, false where it is not declared.
func (in *Interp) boolGlobal(name string) bool {
	g := in.globals[name]
	return g != nil && g.Value.AsBool()
}

// Run plays the life of a Bro 2.6 process without packet input: the
// clock set from the wall clock, bro_init queued, the top-level
// statements, bro_script_loaded for every script, the queue drained;
// then the main loop if anything keeps it running (a counted event
// source; exit_only_after_terminate keeps it running in real time until
// terminate() or a signal), and the end of the network (pending timers
// fire); then bro_done. It returns the exit status.
func (in *Interp) Run() (status int) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*exitRequest)
			if !ok {
				panic(r)
			}
			status = e.code
			// exit() skips bro_done, but the rows already logged
			// still reach their files.
			in.runShutdown()
		}
	}()
	in.running = true
	in.loadTimeRecords = nil
	in.ev.netTime = wallClock()
	in.raise("bro_init", nil)
	in.warnUnusedHandlers()
	// As Bro's main: the top-level statements run before the
	// bro_script_loaded events are queued.
	if len(in.topLevel) > 0 {
		fr := in.topScope.frame()
		for _, s := range in.topLevel {
			if _, ok := in.protect(func() value.Value { s(fr); return value.Value{} }); !ok {
				break
			}
		}
	}
	for _, f := range in.scripts {
		in.raise("bro_script_loaded", []value.Value{value.String(f.Path), value.Count(uint64(f.Level))})
	}
	in.viaEvents = true
	in.drain()

	if in.ev.sources > 0 || in.ev.timers.size() > 0 || in.boolGlobal("exit_only_after_terminate") {
		if in.mainLoop() {
			in.reportInfo("received termination signal")
		}
		in.doneWithNetwork()
	}
	in.terminateRun()
	return 0
}

// mainLoop is Bro's net_run for a process without packet sources. Each
// pass waits for something to do, sets network time from the wall clock,
// fires the timers due and drains the queue (two rounds of events, so an
// event that keeps raising itself sees the clock move from pass to pass).
// It returns true if it ended on a termination request.
func (in *Interp) mainLoop() bool {
	for in.ev.sources > 0 || (in.boolGlobal("exit_only_after_terminate") && !in.ev.terminating) {
		in.waitForWork()
		in.ev.passes++
		in.ev.netTime = wallClock()
		in.ev.timers.advanceUpTo(in.ev.netTime, in.maxTimerExpires())
		in.drain()
		if in.signal.Load() != 0 {
			return true
		}
	}
	return false
}

// Bro's loop pauses 100 ms in a pass with no input ready (1 ms while its
// communication is active), which also paces events left in the queue by
// a drain; gobro waits that long only when such events are left, and
// otherwise sleeps until a timer is due or work is posted.
const (
	idlePause    = 100 * time.Millisecond
	idlePauseCom = time.Millisecond
)

// waitForWork waits until the next pass is due: at once on a termination
// request, when timers are already due or when delayed results wait for
// their "when" to be evaluated; otherwise until work is posted
// (it runs here), the next timer is due, or, with events left in the
// queue, a pause as long as Bro's has passed. With none of these it
// blocks on the inbox.
func (in *Interp) waitForWork() {
	if in.signal.Load() != 0 {
		return
	}
	in.runPosted()
	if in.ev.requeued {
		// Delayed results have arrived that no pass evaluated yet:
		// the next drain evaluates them.
		return
	}
	var d time.Duration = -1
	if at, ok := in.ev.timers.next(); ok {
		d = time.Duration((at - wallClock()) * float64(time.Second))
		if d <= 0 {
			return
		}
	}
	if !in.ev.queue.empty() {
		pause := idlePause
		if in.ev.sources > 0 {
			pause = idlePauseCom
		}
		if d < 0 || pause < d {
			d = pause
		}
	}
	var wake <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		wake = t.C
	}
	in.FlushOutput() // going idle: what was printed reaches its file
	select {
	case <-in.ev.inbox.wake:
	case <-wake:
	}
	in.runPosted()
}

// maxTimerExpires is Bro's max_timer_expires: how many timers one pass
// of the loop fires at most (0: no bound).
func (in *Interp) maxTimerExpires() int {
	if g := in.globals["max_timer_expires"]; g != nil {
		return int(g.Value.AsCount())
	}
	return 0
}

// doneWithNetwork is what Bro's done_with_network does once its loop
// ends: the queue drained and net_done handled at once, then shutdown
// begins, every pending timer fires (scheduled events are raised, "when"
// timeouts run) and the queue is drained three times (two, then
// net_finish's).
func (in *Interp) doneWithNetwork() {
	if g := in.globals["net_done"]; g != nil && in.HasHandler("net_done") {
		in.drain()
		in.dispatch(queued{h: g.Handler, args: []value.Value{value.Double(in.ev.netTime)}})
	}
	in.ev.terminating = true
	in.ev.timers.expire(in.ev.netTime)
	in.drain()
	in.drain()
	in.drain()
}

// terminateRun ends the process as Bro's terminate_bro does: bro_done is
// queued, timers still pending fire, the queue is drained three times
// (between the steps of Bro's shutdown); what is still queued then is
// dropped.
func (in *Interp) terminateRun() {
	in.ev.terminating = true
	in.raise("bro_done", nil)
	in.ev.timers.expire(in.ev.netTime)
	in.drain()
	in.drain()
	in.drain()
	in.runShutdown()
}

// signalFlag is set by Terminate and Interrupt.
type signalFlag = atomic.Int32
