package logging

import (
	"math"
	"strings"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Rotation follows Bro 2.6: a writer whose filter has a nonzero $interv
// gets a timer for the next multiple of the interval counted from
// log_rotate_base_time (midnight, local time, by default). When it fires,
// the file is closed and renamed to "<path>-<open time as
// %y-%m-%d_%H.%M.%S>.log", the filter's $postprocessor (else
// Log::__default_rotation_postprocessor, which asks the writer's entry of
// Log::default_rotation_postprocessors) is called with a
// Log::RotationInfo, and a new timer is set. Timers still pending when the
// process ends fire then, with terminating set, and their
// postprocessors run after bro_done.

// rotationTimeFormat is the layout of the temporary rotated name:
// strftime's %y-%m-%d_%H.%M.%S.
const rotationTimeFormat = "06-01-02_15.04.05"

// RotatedPath returns the name a file of path opened at open is rotated
// to, before its extension.
func RotatedPath(path string, open float64) string {
	return path + "-" + localTime(open).Format(rotationTimeFormat)
}

func localTime(t float64) time.Time {
	sec, frac := math.Modf(t)
	return time.Unix(int64(sec), int64(frac*1e9)).Local()
}

// NextRotation returns how many seconds after now the next rotation is
// due for interval, counted from base seconds after local midnight (or,
// with base < 0, from the epoch), as Bro's calc_next_rotate does.
func NextRotation(now, interval, base float64) float64 {
	if interval == 0 {
		interval = 86400
	}
	if base < 0 {
		return math.Floor(now/interval)*interval + interval - now
	}
	lt := localTime(math.Trunc(now))
	sod := float64(time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, time.Local).Unix())
	return sod + base + math.Ceil((now-sod-base)/interval)*interval - now
}

// ParseBaseTime reads log_rotate_base_time ("H:M") as seconds after
// midnight; ok is false if it does not parse.
func ParseBaseTime(s string) (float64, bool) {
	h, m, found := strings.Cut(s, ":")
	if !found {
		return 0, false
	}
	hh, ok1 := leadingInt(h)
	mm, ok2 := leadingInt(m)
	if !ok1 || !ok2 || hh > 23 || mm > 59 {
		return 0, false
	}
	return float64(hh*3600 + mm*60), true
}

func leadingInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	n, digits := 0, 0
	for digits < len(s) && digits < 2 && s[digits] >= '0' && s[digits] <= '9' {
		n = n*10 + int(s[digits]-'0')
		digits++
	}
	return n, digits > 0
}

// rotationBase returns the configured base time, 0 (midnight) by default.
func (m *Manager) rotationBase() float64 {
	v, _, ok := m.host.Global("log_rotate_base_time")
	if !ok {
		return 0
	}
	s, _ := v.R.(string)
	if s == "" {
		return -1
	}
	base, ok := ParseBaseTime(s)
	if !ok {
		m.host.Error("calc_next_rotate(): can't parse rotation base time")
		return -1
	}
	return base
}

// installRotationTimer sets the timer for a writer's next rotation.
func (m *Manager) installRotationTimer(wi *writerInfo) {
	if wi.cancel != nil {
		wi.cancel()
		wi.cancel = nil
	}
	if wi.interval <= 0 || m.done {
		return
	}
	now := m.host.NetworkTime()
	if wi.openTime == 0 {
		wi.openTime = now
	}
	delay := NextRotation(now, wi.interval, m.rotationBase())
	wi.cancel = m.host.AddTimer(delay, func(expiring bool) {
		wi.cancel = nil
		if wi.removed {
			return
		}
		m.rotate(wi, expiring)
		if !expiring {
			wi.openTime = m.host.NetworkTime()
			m.installRotationTimer(wi)
		}
	})
}

// rotate rotates one writer now. At shutdown (terminating) the
// postprocessor waits for Shutdown; otherwise it runs at once.
func (m *Manager) rotate(wi *writerInfo, terminating bool) {
	closeTime := m.host.NetworkTime()
	if wi.disabled {
		return
	}
	m.mu.Lock()
	nname, _, ok, err := wi.w.Rotate(RotatedPath(wi.key.path, wi.openTime))
	m.mu.Unlock()
	if err != nil {
		// As in Bro 2.6, a rotation that fails turns the writer off:
		// the file keeps what was written (it is never reopened and
		// truncated), and one error says why.
		wi.disabled = true
		wi.flushErr = nil
		m.host.Error(wi.name() + ": " + err.Error())
		return
	}
	if !ok {
		return
	}
	p := pendingRotation{info: wi, newName: nname, open: wi.openTime, close: closeTime}
	if terminating {
		m.pending = append(m.pending, p)
		return
	}
	m.postprocess(p, false)
}

// runPending runs the postprocessors of the rotations done at shutdown.
func (m *Manager) runPending() {
	pending := m.pending
	m.pending = nil
	for _, p := range pending {
		m.postprocess(p, true)
	}
}

// postprocess calls the rotation postprocessor with a Log::RotationInfo.
func (m *Manager) postprocess(p pendingRotation, terminating bool) {
	rt, _ := m.host.LookupType("Log::RotationInfo").(*types.RecordType)
	if rt == nil {
		return
	}
	info := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	set := func(name string, v value.Value) {
		if i := rt.FieldIndex(name); i >= 0 {
			info.Fields[i] = v
		}
	}
	for i := range info.Fields {
		info.Fields[i] = value.Unset
	}
	set("writer", p.info.writerValue)
	set("fname", value.String(p.newName))
	set("path", value.String(p.info.key.path))
	set("open", value.Double(p.open))
	set("close", value.Double(p.close))
	set("terminating", value.Bool(terminating))
	fn := p.info.postprocessor
	if !p.info.hasPost {
		v, _, ok := m.host.Global("Log::__default_rotation_postprocessor")
		if !ok {
			return
		}
		fn = v
	}
	m.host.Call(fn, value.Value{R: info})
}
