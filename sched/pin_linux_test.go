//go:build linux

package sched

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// TestPinning: with pinning on, every run happens on a thread whose affinity is exactly its
// scheduler's CPU; where the kernel (or a container) refuses, the refusal is logged exactly
// once and the schedulers run unpinned. Either outcome passes; a half-pinned thread does not.
func TestPinning(t *testing.T) {
	var logs atomic.Int64
	var msg atomic.Value
	sys := New(Options{Schedulers: 2, Logf: func(format string, args ...any) {
		logs.Add(1)
		msg.Store(fmt.Sprintf(format, args...))
	}})
	t.Cleanup(func() { stop(t, sys) })
	const tasks = 20
	var wg sync.WaitGroup
	wg.Add(tasks)
	var mu sync.Mutex
	var problems []string
	for range tasks {
		runs := 0
		sys.Spawn(&Task{}, funcRunner(func(s *Scheduler, budget int) (Outcome, int) {
			var set unix.CPUSet
			err := unix.SchedGetaffinity(0, &set)
			if s.Pinned() && (err != nil || set.Count() != 1 || !set.IsSet(s.CPU())) {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("scheduler %d pinned to %d runs with mask of %d CPUs (%v)", s.ID(), s.CPU(), set.Count(), err))
				mu.Unlock()
			}
			runs++
			if runs == 3 {
				wg.Done()
				return Exit, 1
			}
			return Yield, budget
		}), Normal)
	}
	sys.Start()
	wg.Wait()
	stop(t, sys)
	require.Empty(t, problems)
	st := sys.Stats()
	pinned := 0
	for _, s := range st.Schedulers {
		if s.Pinned {
			pinned++
		}
	}
	if pinned < len(st.Schedulers) {
		assert.EqualValues(t, 1, logs.Load(), "refusal must be reported once")
		t.Logf("pinning refused: %v", msg.Load())
	} else {
		assert.Zero(t, logs.Load())
	}
	t.Logf("%d of %d schedulers pinned", pinned, len(st.Schedulers))
}

// TestNoPin: NoPin leaves the threads' masks alone and logs nothing.
func TestNoPin(t *testing.T) {
	var logs atomic.Int64
	sys := New(Options{Schedulers: 1, NoPin: true, Logf: func(string, ...any) { logs.Add(1) }})
	done := make(chan struct{})
	sys.Spawn(&Task{}, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
		close(done)
		return Exit, 1
	}), Normal)
	sys.Start()
	<-done
	stop(t, sys)
	require.False(t, sys.Schedulers()[0].Pinned())
	require.Equal(t, -1, sys.Schedulers()[0].CPU())
	require.Zero(t, logs.Load())
}

// TestPinRefused: when pinning fails on every thread, it is reported once per System and the
// schedulers run unpinned.
func TestPinRefused(t *testing.T) {
	pinThreadFunc = func(int) error { return unix.EPERM }
	t.Cleanup(func() { pinThreadFunc = pinThread })
	var logs atomic.Int64
	sys := New(Options{Schedulers: 3, Logf: func(string, ...any) { logs.Add(1) }})
	var wg sync.WaitGroup
	wg.Add(10)
	for range 10 {
		sys.Spawn(&Task{}, funcRunner(func(s *Scheduler, _ int) (Outcome, int) {
			wg.Done()
			return Exit, 1
		}), Normal)
	}
	sys.Start()
	wg.Wait()
	stop(t, sys) // all schedulers have tried to pin
	require.EqualValues(t, 1, logs.Load())
	for _, s := range sys.Schedulers() {
		require.False(t, s.Pinned())
	}
}
