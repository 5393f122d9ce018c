package practice

import (
	"sync"
	"time"
)

// Timer measures how long each timed phase of a run takes. Its OnPhase
// is the interview's phase hook: the time from one phase's start to the
// next goes to the first, so every second of the run is counted once.
// The clock starts at the first phase. It is safe for concurrent use.
type Timer struct {
	clock Clock
	plan  Plan

	mu      sync.Mutex
	current string // the timed phase running, "" before the first and after Stop
	since   time.Time
	start   time.Time
	end     time.Time
	used    map[string]time.Duration
}

// NewTimer returns a timer for plan that reads clock.
func NewTimer(clock Clock, plan Plan) *Timer {
	return &Timer{clock: clock, plan: plan, used: map[string]time.Duration{}}
}

// Plan is the budget the timer measures against.
func (t *Timer) Plan() Plan { return t.plan }

// OnPhase records that the interview phase with this id starts. A phase
// with no budget of its own counts towards the one it belongs to (see
// Phases).
func (t *Timer) OnPhase(interviewPhase string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.clock.Now()
	if t.start.IsZero() {
		t.start = now
	}
	t.close(now)
	t.current, t.since = PhaseOf(interviewPhase), now
	t.end = time.Time{}
}

// Stop ends the run: the running phase's time is counted and the clock
// stops.
func (t *Timer) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.clock.Now()
	t.close(now)
	t.current = ""
	if !t.start.IsZero() {
		t.end = now
	}
}

func (t *Timer) close(now time.Time) {
	if t.current != "" {
		t.used[t.current] += now.Sub(t.since)
	}
}

// Current is the timed phase running, "" when none is.
func (t *Timer) Current() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.current
}

// Used is the time phase id has taken so far, the running part included.
func (t *Timer) Used(id string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	d := t.used[id]
	if id != "" && id == t.current {
		d += t.clock.Now().Sub(t.since)
	}
	return d
}

// Elapsed is the time since the first phase started, up to Stop.
func (t *Timer) Elapsed() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case t.start.IsZero():
		return 0
	case !t.end.IsZero():
		return t.end.Sub(t.start)
	}
	return t.clock.Now().Sub(t.start)
}

// Times is the time each timed phase took, by Phase.ID.
type Times map[string]time.Duration

// Times returns what every phase has taken so far.
func (t *Timer) Times() Times {
	out := Times{}
	for _, p := range Phases {
		out[p.ID] = t.Used(p.ID)
	}
	return out
}
