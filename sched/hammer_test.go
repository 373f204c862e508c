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

// TestHammerRunQueueSteal: tasks that yield, wait, spawn and wake each other on 3 schedulers
// (more than the cores, so threads are preempted mid-protocol), while outside goroutines spawn
// and wake too. Afterwards: every task ran exactly the number of times it asked for, never on
// two schedulers at once, and exited once.
func TestHammerRunQueueSteal(t *testing.T) {
	sys, _ := newTestSystem(t, 3, Options{Budget: 50})
	const p = 6
	perG := scale(200)
	const runsEach = 12
	var bad, exits, runs atomic.Int64
	var alive sync.WaitGroup
	alive.Add(p * perG * 2)
	type hTask struct {
		Task
		left  int
		inRun atomic.Bool
	}
	runner := func(h *hTask) Runner {
		return funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
			if !h.inRun.CompareAndSwap(false, true) {
				bad.Add(1)
			}
			defer h.inRun.Store(false)
			runs.Add(1)
			h.left--
			if h.left == 0 {
				exits.Add(1)
				alive.Done()
				return Exit, 1
			}
			switch h.left % 4 {
			case 0:
				// Wait, with a wake already sent: the woken bit or a requeue runs it again.
				s.Wake(&h.Task)
				return Wait, 1
			default:
				return Yield, budget
			}
		})
	}
	newTask := func() *hTask { return &hTask{left: runsEach} }
	sys.Start()
	var spawnedInside atomic.Int64
	hammer(t, p, func(g int) {
		r := rand.New(rand.NewPCG(uint64(g), 2))
		for range perG {
			h := newTask()
			pr := Priority(r.IntN(NumPriorities))
			sys.Spawn(&h.Task, runner(h), pr)
			// A spawner task that spawns one child from inside a scheduler.
			sp := &Task{}
			sys.Spawn(sp, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
				c := newTask()
				s.Spawn(&c.Task, runner(c), pr)
				spawnedInside.Add(1)
				return Exit, 1
			}), pr)
			if r.IntN(4) == 0 {
				sys.Wake(&h.Task) // a stray wake: harmless in any status
			}
		}
	})
	done := make(chan struct{})
	go func() { alive.Wait(); close(done) }()
	waitChan(t, "all tasks to exit", done)
	require.Zero(t, bad.Load(), "a task ran on two schedulers at once")
	require.EqualValues(t, p*perG*2, exits.Load())
	require.EqualValues(t, p*perG*2*runsEach, runs.Load())
	require.EqualValues(t, p*perG, spawnedInside.Load())
	eventually(t, "quiescence", func() bool { return quiescent(sys) })
	st := sys.Stats().Total()
	t.Logf("runs %d steals %d stolen %d parks %d wakeups %d", st.Runs, st.Steals, st.Stolen, st.Parks, st.Wakeups)
}

// TestHammerTimers: P goroutines start timers on the fake clock and cancel some of them,
// while another goroutine advances the clock. Each timer fires exactly once or is cancelled
// exactly once, never both, and never fires before its deadline.
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
