package sched

import (
	"math"
	"sync/atomic"
	"time"
)

// Timer is a pending callback at a deadline on one scheduler's timer heap. It is created by
// StartTimer and is either fired or cancelled, exactly once, never both.
type Timer struct {
	when  int64 // deadline on the System's clock; immutable
	f     func()
	fg    func(uint64) // instead of f, for AfterGen: called with gen
	gen   uint64
	owner *Scheduler    // the scheduler whose heap holds it; immutable
	state atomic.Uint32 // timerPending → timerFired | timerCancelled, under owner.tmu
	idx   int32         // position in owner.timers; owner.tmu must be held
}

const (
	timerPending uint32 = iota
	timerFired
	timerCancelled
)

// noDeadline is the nextTimer value of an empty heap.
const noDeadline = math.MaxInt64

// timerHeap is a 4-ary min-heap on deadline, as the Go runtime keeps its per-P timers: half
// the depth of a binary heap for the same cost per level, because the four children share a
// cache line of pointers. Each timer records its index, so cancel removes it in O(log n).
// All its methods: the owning scheduler's tmu must be held.
type timerHeap []*Timer

func (h *timerHeap) push(t *Timer) {
	t.idx = int32(len(*h))
	*h = append(*h, t)
	h.up(int(t.idx))
}

// remove takes out the timer at index i.
func (h *timerHeap) remove(i int) {
	s := *h
	last := len(s) - 1
	if i != last {
		s[i] = s[last]
		s[i].idx = int32(i)
	}
	s[last] = nil
	*h = s[:last]
	if i != last {
		if !h.up(i) {
			h.down(i)
		}
	}
}

// up moves the timer at i towards the root; it reports whether it moved.
func (h timerHeap) up(i int) bool {
	t := h[i]
	start := i
	for i > 0 {
		p := (i - 1) / 4
		if h[p].when <= t.when {
			break
		}
		h[i] = h[p]
		h[i].idx = int32(i)
		i = p
	}
	h[i] = t
	t.idx = int32(i)
	return i != start
}

func (h timerHeap) down(i int) {
	t := h[i]
	n := len(h)
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		best := c
		for j := c + 1; j < c+4 && j < n; j++ {
			if h[j].when < h[best].when {
				best = j
			}
		}
		if h[best].when >= t.when {
			break
		}
		h[i] = h[best]
		h[i].idx = int32(i)
		i = best
	}
	h[i] = t
	t.idx = int32(i)
}

// publishNext records the earliest deadline for lock-free readers. s.tmu must be held.
func (s *Scheduler) publishNext() {
	assertLocked(&s.tmu)
	if len(s.timers) == 0 {
		s.nextTimer.Store(noDeadline)
	} else {
		s.nextTimer.Store(s.timers[0].when)
	}
}

// StartTimer arranges for f to run on s's goroutine at or after deadline (nanoseconds on the
// System's clock, see [System.Now]). f runs between two task runs, with no lock held; it must
// be short and must not block: typically it appends a message and calls [System.Wake] (or
// s.Wake, since it runs on s). It may start and cancel timers. A
// deadline in the past fires at s's next timer check. Safe from any goroutine.
func (s *Scheduler) StartTimer(deadline int64, f func()) *Timer {
	return s.start(&Timer{when: deadline, f: f, owner: s})
}

// start puts t, made by StartTimer or AfterGen, on s's heap.
func (s *Scheduler) start(t *Timer) *Timer {
	s.tmu.Lock()
	s.timers.push(t)
	first := t.idx == 0
	if first {
		s.publishNext()
	}
	s.tmu.Unlock()
	if first {
		// s may be parked with an alarm for a later deadline (or none): make it re-arm.
		// The Dekker argument of notify applies with nextTimer in place of the queue length.
		s.sys.notifyParked(s)
	}
	return t
}

// CancelTimer cancels t (a timer of this System) if it has not fired, and returns the time that was left. ok is false
// if t had already fired or been cancelled; then its callback runs (or ran) exactly once,
// and a racing cancel cannot stop it. Safe from any goroutine.
func (sys *System) CancelTimer(t *Timer) (remaining time.Duration, ok bool) {
	s := t.owner
	s.tmu.Lock()
	if !t.state.CompareAndSwap(timerPending, timerCancelled) {
		s.tmu.Unlock()
		return 0, false
	}
	first := t.idx == 0
	s.timers.remove(int(t.idx))
	if first {
		// A parked owner may wake early for the cancelled deadline and find nothing due:
		// harmless, and cheaper than waking it now to re-arm.
		s.publishNext()
	}
	s.tmu.Unlock()
	return max(0, time.Duration(t.when-t.owner.sys.clock.Now())), true
}

// StopTimer is CancelTimer without the time left (and its clock read): it reports whether t
// was pending and is now cancelled. Safe from any goroutine.
func (sys *System) StopTimer(t *Timer) bool {
	s := t.owner
	s.tmu.Lock()
	if !t.state.CompareAndSwap(timerPending, timerCancelled) {
		s.tmu.Unlock()
		return false
	}
	first := t.idx == 0
	s.timers.remove(int(t.idx))
	if first {
		s.publishNext()
	}
	s.tmu.Unlock()
	return true
}

// ReadTimer returns the time left before t fires, or ok false if it has fired or been
// cancelled. Safe from any goroutine; the answer may be stale at once.
func (sys *System) ReadTimer(t *Timer) (remaining time.Duration, ok bool) {
	if t.state.Load() != timerPending {
		return 0, false
	}
	return max(0, time.Duration(t.when-t.owner.sys.clock.Now())), true
}

// runTimers fires every timer due at now. Called only by the owning scheduler.
func (s *Scheduler) runTimers() {
	next := s.nextTimer.Load()
	if next == noDeadline {
		return
	}
	now := s.sys.clock.Now()
	if next > now {
		return
	}
	s.tmu.Lock()
	for len(s.timers) > 0 && s.timers[0].when <= now {
		t := s.timers[0]
		s.timers.remove(0)
		// Cancel also changes state only under tmu, so this cannot fail; the CAS keeps the
		// rule "state changes once" local and checkable.
		if t.state.CompareAndSwap(timerPending, timerFired) {
			s.due = append(s.due, t)
		}
	}
	s.publishNext()
	s.tmu.Unlock()
	s.stats.timersFired.Add(uint64(len(s.due)))
	s.inTimers = true
	for i, t := range s.due {
		s.due[i] = nil
		if t.fg != nil {
			t.fg(t.gen)
		} else {
			t.f()
		}
	}
	s.inTimers = false
	s.due = s.due[:0]
}

// timerDue reports whether s has a timer due now. Safe from any goroutine.
func (s *Scheduler) timerDue() bool {
	next := s.nextTimer.Load()
	return next != noDeadline && next <= s.sys.clock.Now()
}
