package sched

import "sync/atomic"

// counters are a scheduler's observability counters. Each is written by one goroutine at a
// time (the owner, or a notifier for wakeups) and read atomically by Stats.
type counters struct {
	runs        atomic.Uint64
	reductions  atomic.Uint64
	steals      atomic.Uint64
	stolen      atomic.Uint64
	parks       atomic.Uint64
	wakeups     atomic.Uint64
	timersFired atomic.Uint64
}

// SchedulerStats is a snapshot of one scheduler's counters.
type SchedulerStats struct {
	ID          int
	CPU         int  // the CPU it pins to, or -1
	Pinned      bool // whether pinning succeeded
	Runs        uint64
	Reductions  uint64
	Steals      uint64 // successful steal operations by this scheduler
	Stolen      uint64 // tasks it took in them
	Parks       uint64 // times it blocked
	Wakeups     uint64 // tokens sent to wake it from a park
	TimersFired uint64
	// RunQueue is the number of runnable tasks waiting on this scheduler, by priority
	// level: [0] max, [1] high, [2] normal and low; Runnext is 1 if its runnext slot is full.
	RunQueue [3]int
	Runnext  int
	Timers   int // pending timers on its heap
}

// Queued returns the number of runnable tasks waiting on the scheduler.
func (st SchedulerStats) Queued() int {
	return st.RunQueue[0] + st.RunQueue[1] + st.RunQueue[2] + st.Runnext
}

// Stats is a snapshot of a System's counters. Each field is read atomically; the snapshot as
// a whole is not (the counters move while it is taken).
type Stats struct {
	Schedulers []SchedulerStats
}

// Total sums the per-scheduler counters (ID and CPU are -1 in the result).
func (st Stats) Total() SchedulerStats {
	t := SchedulerStats{ID: -1, CPU: -1}
	for _, s := range st.Schedulers {
		t.Runs += s.Runs
		t.Reductions += s.Reductions
		t.Steals += s.Steals
		t.Stolen += s.Stolen
		t.Parks += s.Parks
		t.Wakeups += s.Wakeups
		t.TimersFired += s.TimersFired
		for l := range t.RunQueue {
			t.RunQueue[l] += s.RunQueue[l]
		}
		t.Runnext += s.Runnext
		t.Timers += s.Timers
	}
	return t
}

// Stats returns a snapshot of the counters. Safe from any goroutine.
func (sys *System) Stats() Stats {
	st := Stats{Schedulers: make([]SchedulerStats, len(sys.scheds))}
	for i, s := range sys.scheds {
		x := SchedulerStats{
			ID:          s.id,
			CPU:         s.cpu,
			Pinned:      s.pinned.Load(),
			Runs:        s.stats.runs.Load(),
			Reductions:  s.stats.reductions.Load(),
			Steals:      s.stats.steals.Load(),
			Stolen:      s.stats.stolen.Load(),
			Parks:       s.stats.parks.Load(),
			Wakeups:     s.stats.wakeups.Load(),
			TimersFired: s.stats.timersFired.Load(),
		}
		for l := range numLevels {
			x.RunQueue[l] = int(s.rq.n[l].Load())
		}
		if s.hasNext.Load() {
			x.Runnext = 1
		}
		s.tmu.Lock()
		x.Timers = len(s.timers)
		s.tmu.Unlock()
		st.Schedulers[i] = x
	}
	return st
}

// RunQueueLen returns the number of runnable tasks waiting on all schedulers (Erlang's
// statistics(run_queue)). Safe from any goroutine.
func (sys *System) RunQueueLen() int {
	n := 0
	for _, s := range sys.scheds {
		n += int(s.rq.total.Load())
		if s.hasNext.Load() {
			n++
		}
	}
	return n
}
