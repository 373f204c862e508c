package sched

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// hammer runs body(g) on p goroutines released together, and waits for them (the wazero
// recipe: all start at once, so the interleavings are dense).
func hammer(t *testing.T, p int, body func(g int)) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(runtime.GOMAXPROCS(0), 4)))
	start := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(p)
	for g := range p {
		go func() {
			defer wg.Done()
			<-start
			body(g)
		}()
	}
	close(start)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	// A lost wake-up shows as a hang; the bound turns it into a failure.
	waitChan(t, "hammer goroutines (a hang here is a lost wake-up)", done)
}

// mbTask is a task with a one-counter mailbox: senders add to sent and Wake it; a run takes
// what is there and waits. The window between the take and the return of Wait is the one in
// which a lost wake-up would happen.
type mbTask struct {
	Task
	sent, seen atomic.Int64
	runs       atomic.Int64
	inRun      atomic.Bool
	bad        *atomic.Int64
}

func (m *mbTask) Run(s *Scheduler, budget int) (Outcome, int) {
	if !m.inRun.CompareAndSwap(false, true) {
		m.bad.Add(1) // run on two schedulers at once
	}
	m.runs.Add(1)
	n := m.sent.Load()
	m.seen.Store(n)
	// Work a little after looking, so that sends land in the window.
	x := 0
	for i := range 50 + int(n%64) {
		x += i
	}
	_ = x
	m.inRun.Store(false)
	return Wait, 1
}

// TestHammerWake: P goroutines send to and wake tasks that decide to wait, two senders per
// task. After each send a sender waits until its message is seen. If, after its Wake has
// returned, the task is Waiting and has not seen the message, a wake-up was lost: with the
// protocol of docs/SCHEDULER.md that state is impossible (Wake either made the task Runnable,
// or marked it woken, or found it Runnable with its run still to come). At the end,
// everything quiet, each task has seen all it was sent. Removing the woken bit (Wake leaving a
// Running task alone) fails this at once; it did when tried by hand.
func TestHammerWake(t *testing.T) {
	for _, n := range []int{1, 2, 3} {
		t.Run(map[int]string{1: "1sched", 2: "2sched", 3: "3sched"}[n], func(t *testing.T) {
			sys, _ := newTestSystem(t, n, Options{})
			var bad, lost atomic.Int64
			const p = 8
			tasks := make([]*mbTask, p/2)
			for i := range tasks {
				tasks[i] = &mbTask{bad: &bad}
				sys.Spawn(&tasks[i].Task, tasks[i], Priority(i%NumPriorities))
			}
			sys.Start()
			iters := scale(2000)
			hammer(t, p, func(g int) {
				m := tasks[g/2]
				for range iters {
					mine := m.sent.Add(1)
					sys.Wake(&m.Task)
					for m.seen.Load() < mine {
						if m.Status() == Waiting && m.seen.Load() < mine {
							lost.Add(1)
							sys.Wake(&m.Task) // recover, so that the test ends
						}
						runtime.Gosched()
					}
				}
			})
			require.Zero(t, lost.Load(), "lost wake-ups")
			eventually(t, "quiescence", func() bool { return quiescent(sys) })
			var total int64
			for i, m := range tasks {
				require.Equal(t, m.sent.Load(), m.seen.Load(), "task %d lost a wake-up", i)
				require.Equal(t, Waiting, m.Status())
				total += m.sent.Load()
			}
			require.EqualValues(t, p*iters, total)
			require.Zero(t, bad.Load(), "a task ran on two schedulers at once")
		})
	}
}

// TestHammerRunQueueSteal: on 3 schedulers (more than the cores, so threads are preempted
// mid-protocol), tasks yield, wait, and spawn children from inside their runs, while P
// goroutines spawn more and keep waking tasks at random, so queues fill unevenly and idle
// schedulers steal from busy ones all along. Afterwards: every task ran exactly the number
// of times it asked for, never on two schedulers at once, and exited once. Removing the lock
// from stealHalf fails this (the race detector, or a bad status transition).
func TestHammerRunQueueSteal(t *testing.T) {
	sys, _ := newTestSystem(t, 3, Options{Budget: 50})
	const p = 4
	perG := scale(100)
	const runsEach = 40
	type hTask struct {
		Task
		left   int
		parent bool // spawned from outside: spawns one child from inside
		inRun  atomic.Bool
	}
	var bad, exits, runs atomic.Int64
	var mu sync.Mutex
	var all []*hTask // for the wakers
	var runner func(h *hTask) Runner
	newTask := func() *hTask {
		h := &hTask{left: runsEach}
		mu.Lock()
		all = append(all, h)
		mu.Unlock()
		return h
	}
	runner = func(h *hTask) Runner {
		return funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
			if !h.inRun.CompareAndSwap(false, true) {
				bad.Add(1)
			}
			defer h.inRun.Store(false)
			runs.Add(1)
			h.left--
			switch {
			case h.left == 0:
				exits.Add(1)
				return Exit, 1
			case h.left == runsEach/2 && h.parent:
				c := newTask() // one child each, spawned from inside, on this scheduler
				s.Spawn(&c.Task, runner(c), h.Priority())
				return Yield, budget
			case h.left%3 == 0:
				return Wait, 1 // the wakers will wake it
			case h.left%5 == 0:
				s.Wake(&h.Task) // wake itself while running: runs again
				return Wait, 1
			default:
				return Yield, budget
			}
		})
	}
	sys.Start()
	total := int64(p * perG * 2) // each outside task has one child
	var wg sync.WaitGroup
	wg.Add(1)
	stopWaking := make(chan struct{})
	go func() { // the waker: until the end, wake random tasks
		defer wg.Done()
		r := rand.New(rand.NewPCG(9, 9))
		for {
			select {
			case <-stopWaking:
				return
			default:
			}
			mu.Lock()
			var h *hTask
			if len(all) > 0 {
				h = all[r.IntN(len(all))]
			}
			mu.Unlock()
			if h != nil {
				sys.Wake(&h.Task)
			}
		}
	}()
	hammer(t, p, func(g int) {
		r := rand.New(rand.NewPCG(uint64(g), 2))
		for range perG {
			h := newTask()
			h.parent = true
			sys.Spawn(&h.Task, runner(h), Priority(r.IntN(NumPriorities)))
			mu.Lock()
			other := all[r.IntN(len(all))]
			mu.Unlock()
			sys.Wake(&other.Task)
		}
	})
	eventually(t, "all tasks to exit", func() bool { return exits.Load() == total })
	close(stopWaking)
	wg.Wait()
	require.Zero(t, bad.Load(), "a task ran on two schedulers at once")
	require.Equal(t, total, exits.Load())
	require.Equal(t, total*runsEach, runs.Load())
	eventually(t, "quiescence", func() bool { return quiescent(sys) })
	for _, h := range all {
		require.Equal(t, Exited, h.Status())
	}
	st := sys.Stats().Total()
	t.Logf("tasks %d runs %d steals %d stolen %d parks %d wakeups %d", total, st.Runs, st.Steals, st.Stolen, st.Parks, st.Wakeups)
}

// TestHammerTimers: P goroutines start timers on the fake clock and cancel some of them,
// while another goroutine advances the clock. Each timer fires exactly once or is cancelled
// exactly once, never both, and never fires before its deadline. Removing the lock from
// CancelTimer fails this (a corrupted heap, or the race detector), as tried by hand.
func TestHammerTimers(t *testing.T) {
	sys, clock := newTestSystem(t, 2, Options{})
	sys.Start()
	const p = 6
	iters := scale(3000)
	type rec struct {
		fired, cancelled atomic.Int32
		deadline         int64
	}
	recs := make([][]rec, p)
	for g := range recs {
		recs[g] = make([]rec, iters)
	}
	var early atomic.Int64
	var resolved sync.WaitGroup
	resolved.Add(p * iters)
	var advancing atomic.Bool
	advancing.Store(true)
	advancerDone := make(chan struct{})
	go func() {
		defer close(advancerDone)
		for advancing.Load() {
			clock.Advance(time.Microsecond)
			runtime.Gosched()
		}
	}()
	hammer(t, p, func(g int) {
		r := rand.New(rand.NewPCG(uint64(g), 3))
		var started []*Timer
		for i := range iters {
			x := &recs[g][i]
			x.deadline = clock.Now() + int64(r.IntN(200))*int64(time.Microsecond/10)
			tm := sys.StartTimer(x.deadline, func() {
				if clock.Now() < x.deadline {
					early.Add(1)
				}
				x.fired.Add(1)
				resolved.Done()
			})
			started = append(started, tm)
			if r.IntN(2) == 0 {
				victim := r.IntN(len(started))
				if _, ok := sys.CancelTimer(started[victim]); ok {
					recs[g][victim].cancelled.Add(1)
					resolved.Done()
				}
			}
		}
	})
	advancing.Store(false)
	<-advancerDone
	clock.Advance(time.Second) // everything left is due now
	done := make(chan struct{})
	go func() { resolved.Wait(); close(done) }()
	waitChan(t, "every timer fired or cancelled", done)
	var fired, cancelled int
	for g := range recs {
		for i := range recs[g] {
			f, c := recs[g][i].fired.Load(), recs[g][i].cancelled.Load()
			require.EqualValues(t, 1, f+c, "timer %d/%d fired %d cancelled %d", g, i, f, c)
			fired += int(f)
			cancelled += int(c)
		}
	}
	require.Zero(t, early.Load(), "a timer fired before its deadline")
	require.Positive(t, cancelled)
	require.EqualValues(t, fired, sys.Stats().Total().TimersFired)
	t.Logf("fired %d cancelled %d", fired, cancelled)
}
