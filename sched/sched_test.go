package sched

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpawnRunExit: spawned tasks run until they exit, a yielding task is run again, and the
// counters see it.
func TestSpawnRunExit(t *testing.T) {
	sys, _ := newTestSystem(t, 2, Options{})
	const tasks, runsEach = 50, 5
	var wg sync.WaitGroup
	wg.Add(tasks)
	var runs atomic.Int64
	for range tasks {
		n := 0
		task := &Task{}
		sys.Spawn(task, funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
			runs.Add(1)
			n++
			if n == runsEach {
				wg.Done()
				return Exit, 1
			}
			return Yield, budget
		}), Normal)
	}
	sys.Start()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	waitChan(t, "tasks to exit", done)
	require.EqualValues(t, tasks*runsEach, runs.Load())
	eventually(t, "counters", func() bool { return sys.Stats().Total().Runs == tasks*runsEach })
	require.Panics(t, sys.Start)
}

// TestWakeWhileRunning: a wake that arrives while the task runs (after it looked at its
// mailbox) makes it run again, even though it returns Wait. Deterministic: the wake is sent
// from inside Run, after the look.
func TestWakeWhileRunning(t *testing.T) {
	sys, _ := newTestSystem(t, 1, Options{})
	task := &Task{}
	var mailbox atomic.Int64
	runs := 0
	done := make(chan struct{})
	sys.Spawn(task, funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
		runs++
		if mailbox.Swap(0) > 0 {
			close(done)
			return Exit, 1
		}
		// The mailbox looked empty; a sender now appends and wakes before we return Wait.
		mailbox.Add(1)
		sys.Wake(task)
		require.Equal(t, RunningWoken, task.Status())
		return Wait, 1
	}), Normal)
	sys.Start()
	waitChan(t, "second run", done)
	require.Equal(t, 2, runs)
	require.Equal(t, Exited, task.Status())
	sys.Wake(task) // ignored
	require.Equal(t, Exited, task.Status())
}

// pingPong is a pair of tasks that pass a counter back and forth through Wake, and a trace
// of who ran, for the fairness tests.
type pingPong struct {
	sys     *System
	local   bool // wake through Scheduler.Wake (runnext) rather than System.Wake
	target  int
	cost    int // reductions one exchange costs
	a, b    ppTask
	count   int // exchanges so far; touched only by runs, which a single scheduler serialises
	trace   []byte
	done    chan struct{}
	hogRuns int
}

type ppTask struct {
	Task
	pp    *pingPong
	peer  *ppTask
	inbox atomic.Int64
}

func (p *ppTask) Run(s *Scheduler, budget int) (Outcome, int) {
	if p.inbox.Swap(0) == 0 {
		return Wait, 1
	}
	pp := p.pp
	pp.count++
	pp.trace = append(pp.trace, 'x')
	if pp.count == pp.target {
		close(pp.done)
		return Exit, pp.cost
	}
	p.peer.inbox.Add(1)
	if pp.local {
		s.Wake(&p.peer.Task)
	} else {
		pp.sys.Wake(&p.peer.Task)
	}
	return Wait, pp.cost
}

func newPingPong(sys *System, local bool, target, cost int) *pingPong {
	pp := &pingPong{sys: sys, local: local, target: target, cost: cost, done: make(chan struct{})}
	pp.a.pp, pp.b.pp = pp, pp
	pp.a.peer, pp.b.peer = &pp.b, &pp.a
	return pp
}

// TestPreemptionFairness: on one scheduler, a task that always spends its whole budget does
// not keep a ping-pong pair from progressing, and the pair does not keep the hog from
// running: between two exchanges the hog runs at most once (one budget), and between two hog
// runs the pair makes at most one slice's worth of exchanges. Counted, never timed.
func TestPreemptionFairness(t *testing.T) {
	for _, c := range []struct {
		local  bool
		budget int
	}{{false, 400}, {true, 400}, {false, 1}, {true, 1}} {
		local, budget := c.local, c.budget
		name := map[bool]string{false: "System.Wake", true: "Scheduler.Wake"}[local]
		t.Run(fmt.Sprintf("%s/budget=%d", name, budget), func(t *testing.T) {
			const cost = 10
			sys, _ := newTestSystem(t, 1, Options{Budget: budget})
			pp := newPingPong(sys, local, scale(2000), cost)
			stopHog := atomic.Bool{}
			hog := &Task{}
			sys.Spawn(hog, funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
				if stopHog.Load() {
					return Exit, 1
				}
				pp.hogRuns++
				pp.trace = append(pp.trace, 'H')
				return Yield, budget
			}), Normal)
			sys.Spawn(&pp.a.Task, &pp.a, Normal)
			sys.Spawn(&pp.b.Task, &pp.b, Normal)
			pp.a.inbox.Add(1)
			sys.Start()
			waitChan(t, "exchanges", pp.done)
			stopHog.Store(true)
			stop(t, sys) // orders the trace's writes before our reads

			require.Equal(t, pp.target, pp.count)
			require.Positive(t, pp.hogRuns)
			// The hog keeps running after the last exchange until told to stop; and at the
			// start both partners sit in the queue, so skip to the first hog run after the
			// first exchange.
			trace := pp.trace[:bytes.LastIndexByte(pp.trace, 'x')+1]
			first := bytes.IndexByte(trace, 'x')
			h := bytes.IndexByte(trace[first:], 'H')
			require.GreaterOrEqual(t, h, 0, "the hog never ran between exchanges")
			trace = trace[first+h:]
			maxHogRun, maxPairRun, run := 0, 0, 0
			for i, c := range trace {
				run++
				if i+1 == len(trace) || trace[i+1] != c {
					if c == 'H' {
						maxHogRun = max(maxHogRun, run)
					} else {
						maxPairRun = max(maxPairRun, run)
					}
					run = 0
				}
			}
			assert.LessOrEqual(t, maxHogRun, 1, "hog ran twice between two exchanges")
			// Through runnext the pair shares one slice (budget/cost exchanges, plus the run
			// that starts it); through the queue each exchange waits behind the hog.
			assert.LessOrEqual(t, maxPairRun, max(1, budget/cost+1))
		})
	}
}

// TestPriorities: max before high before normal; normal and low share turns, low less often
// (one run per LowSkips+1 turns of the normal queue).
func TestPriorities(t *testing.T) {
	t.Run("order", func(t *testing.T) {
		sys, _ := newTestSystem(t, 1, Options{})
		var order []string
		var wg sync.WaitGroup
		for _, x := range []struct {
			name string
			p    Priority
		}{{"n1", Normal}, {"l1", Low}, {"h1", High}, {"m1", Max}, {"n2", Normal}, {"h2", High}, {"m2", Max}} {
			wg.Add(1)
			sys.Spawn(&Task{}, funcRunner(func(*Scheduler, int) (Outcome, int) {
				order = append(order, x.name)
				wg.Done()
				return Exit, 1
			}), x.p)
		}
		sys.Start()
		wg.Wait()
		require.Equal(t, []string{"m1", "m2", "h1", "h2", "n1", "n2", "l1"}, order)
	})
	t.Run("low shares turns", func(t *testing.T) {
		sys, _ := newTestSystem(t, 1, Options{})
		const normals = 3
		runs := map[Priority]int{}
		target := scale(100)
		done := make(chan struct{})
		yielder := func(p Priority) Runner {
			return funcRunner(func(_ *Scheduler, budget int) (Outcome, int) {
				if runs[Low] >= target {
					return Exit, 1
				}
				runs[p]++
				if p == Low && runs[Low] == target {
					close(done)
				}
				return Yield, budget
			})
		}
		sys.Spawn(&Task{}, yielder(Low), Low)
		for range normals {
			sys.Spawn(&Task{}, yielder(Normal), Normal)
		}
		sys.Start()
		waitChan(t, "low runs", done)
		stop(t, sys)
		// Each low run costs LowSkips+1 turns of the normals at the head, give or take the
		// turn in progress.
		ratio := float64(runs[Normal]) / float64(runs[Low])
		require.InDelta(t, float64(normals*(LowSkips+1)), ratio, float64(normals)+0.5)
	})
	t.Run("high starves normal", func(t *testing.T) {
		sys, _ := newTestSystem(t, 1, Options{})
		var normalRan atomic.Bool
		highRuns := 0
		done := make(chan struct{})
		sys.Spawn(&Task{}, funcRunner(func(*Scheduler, int) (Outcome, int) {
			normalRan.Store(true)
			return Exit, 1
		}), Normal)
		sys.Spawn(&Task{}, funcRunner(func(_ *Scheduler, budget int) (Outcome, int) {
			highRuns++
			require.False(t, normalRan.Load(), "normal ran while high was runnable")
			if highRuns == 100 {
				close(done)
				return Exit, 1
			}
			return Yield, budget
		}), High)
		sys.Start()
		waitChan(t, "high runs", done)
		eventually(t, "normal task", normalRan.Load)
	})
	t.Run("set priority", func(t *testing.T) {
		// A yielding task raises itself to max; from its next queueing on it runs before
		// the normal tasks queued ahead of it.
		sys, _ := newTestSystem(t, 1, Options{})
		var order []string
		var wg sync.WaitGroup
		wg.Add(3)
		riser := &Task{}
		sys.Spawn(riser, funcRunner(func(_ *Scheduler, budget int) (Outcome, int) {
			order = append(order, "r")
			if riser.Priority() == Max {
				wg.Done()
				return Exit, 1
			}
			riser.SetPriority(Max)
			return Yield, budget
		}), Normal)
		for _, name := range []string{"a", "b"} {
			sys.Spawn(&Task{}, funcRunner(func(*Scheduler, int) (Outcome, int) {
				order = append(order, name)
				wg.Done()
				return Exit, 1
			}), Normal)
		}
		sys.Start()
		wg.Wait()
		require.Equal(t, []string{"r", "r", "a", "b"}, order)
	})
}

// TestStealing: tasks spawned on one scheduler are stolen by an idle one.
func TestStealing(t *testing.T) {
	sys, _ := newTestSystem(t, 2, Options{Budget: 100})
	const tasks = 64
	var wg sync.WaitGroup
	wg.Add(tasks)
	var ranOn [2]atomic.Int64
	spawner := &Task{}
	sys.Spawn(spawner, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		for range tasks {
			n := 0
			s.Spawn(&Task{}, funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
				ranOn[s.ID()].Add(1)
				// Keep the scheduler busy long enough for the other to wake and steal.
				for i := 0; i < 20000; i++ {
					n += i & 1
				}
				if n >= 100000 {
					wg.Done()
					return Exit, budget
				}
				return Yield, budget
			}), Normal)
		}
		return Exit, 1
	}), Normal)
	sys.Start()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	waitChan(t, "tasks", done)
	st := sys.Stats().Total()
	require.Positive(t, st.Steals)
	require.Positive(t, ranOn[0].Load())
	require.Positive(t, ranOn[1].Load())
}

// TestParkAndWake: idle schedulers park (and stay parked: quiescent is a state nothing leaves
// on its own), and a Wake from outside wakes one.
func TestParkAndWake(t *testing.T) {
	sys, _ := newTestSystem(t, 2, Options{})
	task := &Task{}
	var runs atomic.Int64
	sys.Spawn(task, funcRunner(func(*Scheduler, int) (Outcome, int) {
		runs.Add(1)
		return Wait, 1
	}), Normal)
	sys.Start()
	for i := int64(1); i <= 20; i++ {
		eventually(t, "task waiting and schedulers parked", func() bool {
			return runs.Load() == i && task.Status() == Waiting && quiescent(sys)
		})
		sys.Wake(task)
	}
	eventually(t, "last run", func() bool { return runs.Load() == 21 })
	require.GreaterOrEqual(t, sys.Stats().Total().Parks, uint64(20))
}

// TestStop: Stop before Start is a no-op; Stop abandons queued tasks; Stop gives up at the
// context's deadline if a Run does not return.
func TestStop(t *testing.T) {
	t.Run("before start", func(t *testing.T) {
		sys := New(Options{Schedulers: 1, NoPin: true})
		require.NoError(t, sys.Stop(context.Background()))
		require.Panics(t, sys.Start)
	})
	t.Run("abandons", func(t *testing.T) {
		sys, _ := newTestSystem(t, 1, Options{})
		release := make(chan struct{})
		entered := make(chan struct{})
		var laterRan atomic.Bool
		sys.Spawn(&Task{}, funcRunner(func(*Scheduler, int) (Outcome, int) {
			close(entered)
			<-release
			return Exit, 1
		}), Normal)
		sys.Start()
		<-entered
		later := &Task{}
		sys.Spawn(later, funcRunner(func(*Scheduler, int) (Outcome, int) {
			laterRan.Store(true)
			return Exit, 1
		}), Normal)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		require.ErrorIs(t, sys.Stop(ctx), context.Canceled) // the first Run has not returned
		close(release)
		stop(t, sys)
		require.False(t, laterRan.Load())
		require.Equal(t, Runnable, later.Status())
	})
}

// TestTimers: timers fire when the fake clock reaches them and not before, on a parked
// scheduler as well as a busy one; cancel and read report the time left.
func TestTimers(t *testing.T) {
	sys, clock := newTestSystem(t, 2, Options{})
	sys.Start()
	fired := make(chan int, 10)
	t1 := sys.After(10*time.Millisecond, func() { fired <- 1 })
	t2 := sys.After(20*time.Millisecond, func() { fired <- 2 })
	t3 := sys.After(30*time.Millisecond, func() { fired <- 3 })
	rem, ok := sys.ReadTimer(t2)
	require.True(t, ok)
	require.Equal(t, 20*time.Millisecond, rem)

	eventually(t, "schedulers parked with timers", func() bool {
		for _, s := range sys.scheds {
			if s.state.Load() != schedParked {
				return false
			}
		}
		return true
	})
	require.Empty(t, fired)
	clock.Advance(10 * time.Millisecond)
	require.Equal(t, 1, <-fired)
	rem, ok = sys.CancelTimer(t2)
	require.True(t, ok)
	require.Equal(t, 10*time.Millisecond, rem)
	_, ok = sys.CancelTimer(t2)
	require.False(t, ok)
	_, ok = sys.CancelTimer(t1)
	require.False(t, ok, "t1 has fired")
	_, ok = sys.ReadTimer(t1)
	require.False(t, ok)

	clock.Advance(25 * time.Millisecond)
	require.Equal(t, 3, <-fired)
	_, ok = sys.ReadTimer(t3)
	require.False(t, ok)
	require.Empty(t, fired)

	// A timer in the past fires at the next check; a task waits on a timer and is woken.
	task := &Task{}
	var timedOut atomic.Bool
	done := make(chan struct{})
	sys.Spawn(task, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		if timedOut.Load() {
			close(done)
			return Exit, 1
		}
		s.StartTimer(s.System().Now()+int64(time.Second), func() {
			timedOut.Store(true)
			sys.Wake(task)
		})
		return Wait, 1
	}), Normal)
	eventually(t, "task waiting", func() bool { return task.Status() == Waiting })
	clock.Advance(999 * time.Millisecond)
	require.False(t, timedOut.Load())
	clock.Advance(time.Millisecond)
	waitChan(t, "timeout", done)
	require.EqualValues(t, 3, sys.Stats().Total().TimersFired)
}

// TestTimerHeap: the 4-ary heap pops in deadline order under random pushes and removals.
func TestTimerHeap(t *testing.T) {
	var h timerHeap
	rng := uint64(12345)
	next := func() uint64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
	live := map[*Timer]bool{}
	for range scale(3000) {
		if next()%3 == 0 && len(h) > 0 {
			x := h[int(next()%uint64(len(h)))]
			h.remove(int(x.idx))
			delete(live, x)
		} else {
			x := &Timer{when: int64(next() % 1000)}
			h.push(x)
			live[x] = true
		}
		for i, x := range h {
			if x.idx != int32(i) || i > 0 && h[(i-1)/4].when > x.when {
				t.Fatalf("heap broken at %d", i)
			}
		}
	}
	last := int64(-1)
	for len(h) > 0 {
		x := h[0]
		h.remove(0)
		require.LessOrEqual(t, last, x.when)
		last = x.when
		delete(live, x)
	}
	require.Empty(t, live)
}

// TestParkRace makes the race of the parking protocol happen every time: when the scheduler
// has found nothing and is about to publish itself parked, another goroutine wakes a task
// and finishes its notify (which sees the scheduler still running). The scheduler's re-check
// after publishing must find the task; without it the scheduler sleeps forever with a
// runnable task (tried by hand: this test then hangs and fails).
func TestParkRace(t *testing.T) {
	sys, _ := newTestSystem(t, 1, Options{})
	task := &Task{}
	var runs atomic.Int64
	sys.Spawn(task, funcRunner(func(*Scheduler, int) (Outcome, int) {
		runs.Add(1)
		return Wait, 1
	}), Normal)
	var raced atomic.Int64
	testHookBeforePark = func(s *Scheduler) {
		if task.Status() == Waiting && raced.Load() < 5 {
			raced.Add(1)
			done := make(chan struct{})
			go func() { sys.Wake(task); close(done) }()
			<-done
		}
	}
	t.Cleanup(func() { testHookBeforePark = nil })
	sys.Start()
	eventually(t, "five raced wakes, each followed by a run", func() bool {
		return raced.Load() == 5 && runs.Load() == 6
	})
	stop(t, sys) // before the cleanup clears the hook the scheduler reads
}

// TestTimerCallbackLocalWake: a timer callback runs on the scheduler that holds the timer,
// so it may use that scheduler's Wake.
func TestTimerCallbackLocalWake(t *testing.T) {
	sys, clock := newTestSystem(t, 2, Options{})
	task := &Task{}
	var fired atomic.Bool
	done := make(chan struct{})
	sys.Spawn(task, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		if fired.Load() {
			close(done)
			return Exit, 1
		}
		s.StartTimer(s.System().Now()+5, func() {
			fired.Store(true)
			s.Wake(task)
		})
		return Wait, 1
	}), Normal)
	sys.Start()
	eventually(t, "task waiting", func() bool { return task.Status() == Waiting })
	clock.Advance(5)
	waitChan(t, "timeout", done)
}

// TestIdleStealsFromBusy: work queued on a scheduler that is busy (here: stuck in a Run until
// the work is done elsewhere) is taken by a parked scheduler, whether it was spawned from
// inside the run or pushed from outside. Without the kick the parked scheduler would sleep
// and the test would hang.
func TestIdleStealsFromBusy(t *testing.T) {
	sys, _ := newTestSystem(t, 2, Options{})
	const outside = 4
	var ran sync.WaitGroup
	ran.Add(1 + outside)
	entered := make(chan int, 1)
	blocker := &Task{}
	var ranOn [2]atomic.Int64
	runOnce := funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		ranOn[s.ID()].Add(1)
		ran.Done()
		return Exit, 1
	})
	proceed := make(chan struct{})
	sys.Spawn(blocker, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		entered <- s.ID()
		<-proceed
		s.Spawn(&Task{}, runOnce, Normal) // queued behind this run, on s
		ran.Wait()                        // everything must run on the other scheduler meanwhile
		return Exit, 1
	}), Normal)
	sys.Start()
	busy := <-entered
	other := sys.Schedulers()[1-busy]
	eventually(t, "the other scheduler to park", func() bool { return other.state.Load() == schedParked })
	close(proceed)
	eventually(t, "the spawned task to be stolen", func() bool { return ranOn[1-busy].Load() == 1 })
	for range outside { // round robin: half land on the busy scheduler's queue
		sys.Spawn(&Task{}, runOnce, Normal)
	}
	done := make(chan struct{})
	go func() { ran.Wait(); close(done) }()
	waitChan(t, "all tasks to run on the idle scheduler", done)
	require.EqualValues(t, 1+outside, ranOn[1-busy].Load())
	require.Zero(t, ranOn[busy].Load())
}
