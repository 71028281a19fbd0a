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
// clock set from the wall clock, bro_init queued, bro_script_loaded for
// every script, the top-level statements, the queue drained; then the
// main loop if anything keeps it running (pending timers make it expire
// them; exit_only_after_terminate keeps it running in real time until
// terminate() or a signal); then bro_done. It returns the exit status.
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
	for _, f := range in.scripts {
		in.raise("bro_script_loaded", []value.Value{value.String(f.Path), value.Count(uint64(f.Level))})
	}
	if len(in.topLevel) > 0 {
		fr := in.topScope.frame()
		for _, s := range in.topLevel {
			if _, ok := in.protect(func() value.Value { s(fr); return value.Value{} }); !ok {
				break
			}
		}
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

// mainLoop is Bro's net_run for a process without packet sources: each
// round sets network time from the wall clock, fires the timers due and
// drains the queue. It returns true if it ended on a termination
// request.
func (in *Interp) mainLoop() bool {
	for in.ev.sources > 0 || (in.boolGlobal("exit_only_after_terminate") && !in.ev.terminating) {
		in.waitForWork()
		in.ev.netTime = wallClock()
		in.ev.timers.advance(in.ev.netTime)
		in.drain()
		if in.signal.Load() != 0 {
			return true
		}
	}
	return false
}

// waitForWork sleeps until the next timer is due, work is posted, or a
// termination request arrives; posted work runs here.
func (in *Interp) waitForWork() {
	if in.signal.Load() != 0 {
		return
	}
	in.runPosted()
	// Events queued by the bodies of "when"s that ran after the last
	// drain are handled in the next round at once, as Bro's loop does.
	if !in.ev.queue.empty() {
		return
	}
	var wake <-chan time.Time
	if at, ok := in.ev.timers.next(); ok {
		d := time.Duration((at - wallClock()) * float64(time.Second))
		if d <= 0 {
			return
		}
		t := time.NewTimer(d)
		defer t.Stop()
		wake = t.C
	}
	select {
	case <-in.ev.inbox.wake:
	case <-wake:
	}
	in.runPosted()
}

// doneWithNetwork is what Bro does once its loop ends: net_done, then
// shutdown begins and every pending timer fires (scheduled events are
// raised, "when" timeouts run) and the queue drains.
func (in *Interp) doneWithNetwork() {
	if in.HasHandler("net_done") {
		in.drain()
		in.raise("net_done", []value.Value{value.Double(in.ev.netTime)})
		in.drain()
	}
	in.ev.terminating = true
	in.ev.timers.expire(in.ev.netTime)
	in.drain()
}

// terminateRun ends the process as Bro's terminate_bro does: bro_done is
// queued, timers still pending fire, the queue drains.
func (in *Interp) terminateRun() {
	in.ev.terminating = true
	in.raise("bro_done", nil)
	in.ev.timers.expire(in.ev.netTime)
	in.drain()
	in.runShutdown()
}

// signalFlag is set by Terminate and Interrupt.
type signalFlag = atomic.Int32
