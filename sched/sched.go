package sched

import (
	"context"
	"fmt"
	"log"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultBudget is the reductions a task may use per run unless Options.Budget says
// otherwise: erts's CONTEXT_REDS.
const DefaultBudget = 4000

// DefaultSpin is how many times an idle scheduler polls for work before it parks, unless
// Options.Spin says otherwise. See docs/SCHEDULER.md, "Parking", for the measurements.
const DefaultSpin = 0

// Options configure a System. The zero value gives the defaults.
type Options struct {
	// Schedulers is the number of schedulers; 0 means runtime.NumCPU().
	Schedulers int
	// Budget is the reductions given to each run; 0 means DefaultBudget.
	Budget int
	// NoPin leaves scheduler threads unpinned. By default scheduler i is pinned to the i-th
	// CPU the process may use (modulo their number).
	NoPin bool
	// Clock is the time source; nil means RealClock().
	Clock Clock
	// Logf reports that pinning was refused, once per System; nil means log.Printf.
	Logf func(format string, args ...any)
	// Spin is how many polls of the run queues an idle scheduler makes before it parks;
	// 0 means DefaultSpin, negative means none.
	Spin int
}

// System is a set of schedulers that run tasks.
type System struct {
	// Set by New and never changed: read freely.
	scheds []*Scheduler
	clock  Clock
	budget int
	spin   int
	pin    bool
	logf   func(string, ...any)

	// nparked counts schedulers in state parked or notified: the fast path of kickIdle.
	nparked  atomic.Int32
	stopping atomic.Bool
	rr       atomic.Uint32 // round-robin placement of work from outside the schedulers
	pinOnce  sync.Once

	life    sync.Mutex // protects started, stopped; serialises Start and Stop
	started bool
	stopped bool
	wg      sync.WaitGroup // one per running scheduler goroutine
}

// Scheduler states, in Scheduler.state.
const (
	schedRunning  uint32 = iota // running a task, looking for work, or spinning
	schedParked                 // published itself idle; blocked, or about to block, in park
	schedNotified               // a notifier took it out of parked and sent (or is sending) a token
)

// Scheduler runs tasks from its own run queue, from its runnext slot and from the queues of
// others, on one goroutine locked to one (pinned) OS thread. A *Scheduler is handed to
// Runner.Run; the methods documented "Called only by this scheduler" may be called from inside
// Run only.
type Scheduler struct {
	sys *System
	id  int
	cpu int // the CPU it pins to, or -1 when pinning is off

	rq runQueue

	// Owner-only fields: touched only by the scheduler's goroutine.
	runnext   *Task // a task woken by the running one; runs next, inheriting the slice
	sliceLeft int   // reductions left in the current slice (see next)
	running   *Task // the task inside Run, or nil
	inTimers  bool  // running timer callbacks
	rng       uint64
	alarm     Alarm
	due       []*Timer // scratch for runTimers

	hasNext atomic.Bool   // runnext != nil, for Stats
	state   atomic.Uint32 // schedRunning, schedParked, schedNotified
	wake    chan struct{} // a token: capacity 1, so a notify is never lost and never blocks
	pinned  atomic.Bool

	tmu       sync.Mutex // protects timers and every Timer's idx and state changes
	timers    timerHeap
	nextTimer atomic.Int64 // timers[0].when or noDeadline; written under tmu

	stats counters
}

// New returns a System with its schedulers created but not started: tasks may be spawned and
// timers started before Start.
func New(opts Options) *System {
	n := opts.Schedulers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	sys := &System{
		clock:  opts.Clock,
		budget: opts.Budget,
		spin:   opts.Spin,
		pin:    !opts.NoPin,
		logf:   opts.Logf,
	}
	if sys.clock == nil {
		sys.clock = RealClock()
	}
	if sys.budget <= 0 {
		sys.budget = DefaultBudget
	}
	if sys.spin == 0 {
		sys.spin = DefaultSpin
	}
	if sys.logf == nil {
		sys.logf = log.Printf
	}
	cpus := allowedCPUs()
	for i := range n {
		s := &Scheduler{sys: sys, id: i, cpu: -1, wake: make(chan struct{}, 1)}
		if sys.pin && len(cpus) > 0 {
			s.cpu = cpus[i%len(cpus)]
		}
		s.rng = uint64(i)*0x9e3779b97f4a7c15 + uint64(time.Now().UnixNano()) | 1
		s.nextTimer.Store(noDeadline)
		s.alarm = sys.clock.NewAlarm()
		sys.scheds = append(sys.scheds, s)
	}
	return sys
}

// Start starts the scheduler goroutines. Calling it twice, or after Stop, panics.
// Safe from any goroutine.
func (sys *System) Start() {
	sys.life.Lock()
	defer sys.life.Unlock()
	if sys.started || sys.stopped {
		panic("sched: Start called twice or after Stop")
	}
	sys.started = true
	sys.wg.Add(len(sys.scheds))
	for _, s := range sys.scheds {
		go s.loop()
	}
}

// Stop stops the schedulers and waits for them, or for ctx. Each finishes the run it is in
// (Stop cannot preempt a Run) and exits; tasks still queued or waiting are abandoned, never
// run again, and pending timers never fire. Shutting processes down in order is the VM's
// job, before it calls Stop. Wake, Spawn and StartTimer after Stop are harmless and have no
// effect that anyone will see. Stop returns ctx's error if a scheduler is still inside Run
// when ctx ends. Safe from any goroutine; a second Stop waits again.
func (sys *System) Stop(ctx context.Context) error {
	sys.life.Lock()
	sys.stopped = true
	started := sys.started
	sys.life.Unlock()
	if !started {
		return nil
	}
	sys.stopping.Store(true)
	for _, s := range sys.scheds {
		select {
		case s.wake <- struct{}{}:
		default: // a token is pending: s will wake and see stopping
		}
	}
	done := make(chan struct{})
	go func() { sys.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("sched: Stop: %w", ctx.Err())
	}
}

// Now returns the System's clock reading in nanoseconds: the scale of timer deadlines.
// Safe from any goroutine.
func (sys *System) Now() int64 { return sys.clock.Now() }

// Budget returns the reductions each run is given. Safe from any goroutine.
func (sys *System) Budget() int { return sys.budget }

// Schedulers returns the schedulers, indexed by ID. Safe from any goroutine.
func (sys *System) Schedulers() []*Scheduler { return sys.scheds }

// pick returns a scheduler for work from outside: round robin. Safe from any goroutine.
func (sys *System) pick() *Scheduler {
	return sys.scheds[int(sys.rr.Add(1)-1)%len(sys.scheds)]
}

// Spawn makes an Idle task runnable for the first time, on a scheduler chosen round robin.
// It sets the task's Runner and priority. Spawning a task twice panics. Safe from any
// goroutine. From inside Run, prefer [Scheduler.Spawn].
func (sys *System) Spawn(t *Task, r Runner, prio Priority) {
	sys.prepare(t, r, prio)
	q := sys.pick()
	q.rq.push(t)
	sys.notify(q, false)
}

// prepare sets an Idle task up and makes it Runnable; the caller then queues it. Safe from
// any goroutine (the caller owns the Idle task).
func (sys *System) prepare(t *Task, r Runner, prio Priority) {
	t.runner = r
	t.SetPriority(prio)
	t.mustStatus(Idle, Runnable)
}

// Wake makes a waiting task runnable and queues it on the scheduler that last ran it; if the
// task is running, it marks it so that it runs again after this run, whatever the run
// returns. A wake for a task that is runnable, already woken, idle or exited does nothing.
// Every wake is followed by a run of the task that begins after the Wake call began (unless
// the task exits first): see docs/SCHEDULER.md, "The wake protocol". Safe from any goroutine.
func (sys *System) Wake(t *Task) {
	if t.wake() {
		q := t.owner.Load()
		if q == nil {
			q = sys.pick()
		}
		q.rq.push(t)
		sys.notify(q, false)
	}
}

// wake performs the status half of a wake and reports whether the caller now owns a Runnable
// task that it must queue. Safe from any goroutine.
func (t *Task) wake() bool {
	for {
		switch Status(t.status.Load()) {
		case Waiting:
			if t.casStatus(Waiting, Runnable) {
				return true
			}
		case Running:
			if t.casStatus(Running, RunningWoken) {
				return false
			}
		default: // Idle, Runnable, RunningWoken, Exited: a run is already due, or never will be
			return false
		}
	}
}

// notify tells q that its queue gained a task. If q is parked it wakes q. Otherwise q is
// busy, and a parked scheduler is kicked to steal, unless q pushed onto its own queue
// between two runs (ownNext) and the task is the only one queued: q runs it next anyway, and
// a kick would bounce a lone yielding task between cores at every yield. A push during a run
// (a spawn, a wake) does kick: the running task may keep q busy for a whole slice. Safe from
// any goroutine.
func (sys *System) notify(q *Scheduler, ownNext bool) {
	if sys.notifyParked(q) {
		return
	}
	if ownNext && q.rq.total.Load() <= 1 {
		return
	}
	sys.kickIdle()
}

// notifyParked wakes q if it is parked, and reports whether q is parked or notified. Safe
// from any goroutine.
func (sys *System) notifyParked(q *Scheduler) bool {
	switch q.state.Load() {
	case schedParked:
		if q.state.CompareAndSwap(schedParked, schedNotified) {
			q.stats.wakeups.Add(1)
			select {
			case q.wake <- struct{}{}:
			default:
			}
		}
		return true
	case schedNotified:
		return true
	}
	return false
}

// kickIdle wakes one parked scheduler, if any, so that it steals. Safe from any goroutine.
func (sys *System) kickIdle() {
	if sys.nparked.Load() == 0 {
		return
	}
	n := len(sys.scheds)
	start := int(sys.rr.Add(1))
	for i := range n {
		s := sys.scheds[(start+i)%n]
		if s.state.Load() == schedParked && s.state.CompareAndSwap(schedParked, schedNotified) {
			s.stats.wakeups.Add(1)
			select {
			case s.wake <- struct{}{}:
			default:
			}
			return
		}
	}
}

// StartTimer starts a timer on a scheduler chosen round robin; see [Scheduler.StartTimer].
// Safe from any goroutine.
func (sys *System) StartTimer(deadline int64, f func()) *Timer {
	return sys.pick().StartTimer(deadline, f)
}

// After starts a timer that fires d from now; see [Scheduler.StartTimer]. Safe from any
// goroutine.
func (sys *System) After(d time.Duration, f func()) *Timer {
	return sys.StartTimer(sys.clock.Now()+int64(d), f)
}

// AfterGen is After for a callback that takes an argument: f(gen) runs when the timer fires.
// A caller that arms timers often passes the same f (a method value made once) and a
// generation, instead of a new closure per timer. Safe from any goroutine.
func (sys *System) AfterGen(d time.Duration, f func(uint64), gen uint64) *Timer {
	s := sys.pick()
	return s.start(&Timer{when: sys.clock.Now() + int64(d), fg: f, gen: gen, owner: s})
}

// ID returns the scheduler's index in System.Schedulers. Safe from any goroutine.
func (s *Scheduler) ID() int { return s.id }

// System returns the scheduler's System. Safe from any goroutine.
func (s *Scheduler) System() *System { return s.sys }

// Pinned reports whether the scheduler's thread is pinned to a CPU. Safe from any goroutine.
func (s *Scheduler) Pinned() bool { return s.pinned.Load() }

// CPU returns the CPU the scheduler pins its thread to, or -1 if pinning is off. Safe from
// any goroutine.
func (s *Scheduler) CPU() int { return s.cpu }

// Wake is System.Wake for a caller running on s (inside Run, or a timer callback on s): a
// task it makes runnable goes to s's runnext slot, to run as soon as the current run ends
// and for what is left of the current slice, the way a reply is handed straight to the
// process that waits for it. A task previously in runnext moves to the back of s's queue.
// Called only by this scheduler.
func (s *Scheduler) Wake(t *Task) {
	s.assertOwner("Wake")
	if !t.wake() {
		return
	}
	if randomize && s.rand()%2 == 0 {
		s.rq.push(t)
		s.sys.notify(s, false)
		return
	}
	if old := s.runnext; old != nil {
		s.rq.push(old)
		s.sys.notify(s, false)
	}
	s.runnext = t
	s.hasNext.Store(true)
}

// Spawn is System.Spawn for a caller running on s: the task goes to the back of s's queue, as
// erts places a spawned process on its parent's scheduler. Called only by this scheduler.
func (s *Scheduler) Spawn(t *Task, r Runner, prio Priority) {
	s.assertOwner("Spawn")
	s.sys.prepare(t, r, prio)
	s.rq.push(t)
	s.sys.notify(s, false)
}

// assertOwner checks, in debug builds, that s is inside Run or a timer callback: the only
// places where "Called only by this scheduler" methods may be called. (From another goroutine
// the read of s.running is also a data race that the race detector reports.)
func (s *Scheduler) assertOwner(what string) {
	if debug && s.running == nil && !s.inTimers {
		panic("sched: Scheduler." + what + " called outside Run or a timer callback on this scheduler")
	}
}

// rand is xorshift64*. Called only by this scheduler.
func (s *Scheduler) rand() uint64 {
	x := s.rng
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	s.rng = x
	return x * 0x2545f4914f6cdd1d
}

// loop is the scheduler goroutine.
func (s *Scheduler) loop() {
	defer s.sys.wg.Done()
	runtime.LockOSThread()
	if s.cpu >= 0 {
		if err := pinThreadFunc(s.cpu); err != nil {
			s.sys.pinOnce.Do(func() {
				s.sys.logf("sched: cannot pin scheduler threads to CPUs (%v); running unpinned", err)
			})
			defer runtime.UnlockOSThread()
		} else {
			// No UnlockOSThread: a goroutine that exits locked takes its thread with it,
			// so a pinned thread never returns to Go's pool with a one-CPU mask.
			s.pinned.Store(true)
		}
	} else {
		defer runtime.UnlockOSThread()
	}
	for !s.sys.stopping.Load() {
		s.runTimers()
		if t, budget := s.next(); t != nil {
			s.execute(t, budget)
			continue
		}
		s.park()
	}
}

// next returns the task to run and its budget, or nil if s found no work (it has already
// tried to steal). Called only by this scheduler.
//
// A runnext task runs first unless a queued task has a higher priority, and it inherits what
// is left of the current slice rather than starting a new one: a pair of tasks handing
// messages back and forth through runnext shares one budget, and when that is spent the
// runnext task goes to the back of the queue like any other, so the pair cannot starve the
// queue (the Go runtime's inheritTime).
func (s *Scheduler) next() (*Task, int) {
	if t := s.runnext; t != nil {
		s.runnext = nil
		s.hasNext.Store(false)
		if s.sliceLeft > 0 && t.Priority().level() <= s.rq.bestLevel() {
			return t, s.sliceLeft
		}
		s.rq.push(t)
		s.sys.notify(s, true)
	}
	t := s.rq.pop()
	if t == nil {
		t = s.steal()
	}
	if t == nil {
		return nil, 0
	}
	s.sliceLeft = s.sys.budget
	return t, s.sys.budget
}

// steal takes half of the highest non-empty level of the first victim that has work (victims
// in order after s, randomised under the race detector) into s's queue, and pops from it.
// Called only by this scheduler.
func (s *Scheduler) steal() *Task {
	n := len(s.sys.scheds)
	if n == 1 {
		return nil
	}
	start := s.id + 1
	if randomize {
		start = int(s.rand() % uint64(n))
	}
	for i := range n {
		v := s.sys.scheds[(start+i)%n]
		if v == s || v.rq.total.Load() == 0 {
			continue
		}
		head, level, k := v.rq.stealHalf()
		if k == 0 {
			continue
		}
		s.stats.steals.Add(1)
		s.stats.stolen.Add(uint64(k))
		s.rq.pushChain(head, level)
		if k > 1 {
			s.sys.kickIdle() // the rest is stealable again: let a third scheduler help
		}
		if t := s.rq.pop(); t != nil {
			return t
		}
	}
	return nil
}

// execute runs t for at most budget reductions and files it according to the outcome.
// Called only by this scheduler.
func (s *Scheduler) execute(t *Task, budget int) {
	t.mustStatus(Runnable, Running)
	if t.owner.Load() != s {
		t.owner.Store(s)
	}
	if randomize && budget > 1 && s.rand()%8 == 0 {
		budget = 1 + int(s.rand()%uint64(budget))
	}
	s.running = t
	out, used := t.runner.Run(s, budget)
	s.running = nil
	used = min(max(used, 0), budget)
	s.sliceLeft -= used
	s.stats.runs.Add(1)
	s.stats.reductions.Add(uint64(used))
	switch out {
	case Yield:
		if !t.casStatus(Running, Runnable) {
			t.mustStatus(RunningWoken, Runnable)
		}
		s.sliceLeft = 0 // a yield ends the slice: runnext must not run on its remains
		s.rq.push(t)
		s.sys.notify(s, true)
	case Wait:
		if t.casStatus(Running, Waiting) {
			return
		}
		// A wake arrived during the run: the task may have decided to wait before the
		// message it was woken for was visible, so it must look again.
		t.mustStatus(RunningWoken, Runnable)
		s.rq.push(t)
		s.sys.notify(s, true)
	case Exit:
		if !t.casStatus(Running, Exited) {
			t.mustStatus(RunningWoken, Exited)
		}
	default:
		panic(fmt.Sprintf("sched: Run returned bad outcome %v", out))
	}
}

// park waits for work: a short bounded spin, then it publishes itself parked, looks at every
// source of work once more, and blocks until notified or its next timer is due. Called only
// by this scheduler. See docs/SCHEDULER.md, "Parking", for why no wake-up is lost.
func (s *Scheduler) park() {
	for range s.sys.spin {
		if s.workVisible() {
			return
		}
	}
	if testHookBeforePark != nil {
		testHookBeforePark(s)
	}
	s.state.Store(schedParked)
	s.sys.nparked.Add(1)
	defer func() {
		s.sys.nparked.Add(-1)
		s.state.Store(schedRunning)
	}()
	// The re-check: any push or timer start that came before our Store above is visible
	// now; any that comes after sees us parked and sends a token.
	if s.workVisible() {
		return
	}
	s.stats.parks.Add(1)
	deadline := s.nextTimer.Load()
	if deadline == noDeadline {
		<-s.wake
		return
	}
	s.alarm.Set(deadline)
	select {
	case <-s.wake:
	case <-s.alarm.C():
	}
	s.alarm.Stop()
}

// pinThreadFunc is pinThread, replaced by a test to see a refusal.
var pinThreadFunc = pinThread

// testHookBeforePark, if set (by tests, before any System starts), runs when a scheduler has
// found no work and is about to publish itself parked: the window of the lost-wake-up race.
var testHookBeforePark func(s *Scheduler)

// workVisible reports whether s has something to do: a queued task here or elsewhere, a due
// timer, or a stop. Called only by this scheduler.
func (s *Scheduler) workVisible() bool {
	if s.sys.stopping.Load() || s.rq.total.Load() > 0 || s.timerDue() {
		return true
	}
	for _, v := range s.sys.scheds {
		if v.rq.total.Load() > 0 {
			return true
		}
	}
	return false
}
