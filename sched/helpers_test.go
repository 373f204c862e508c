package sched

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// funcRunner adapts a function to Runner.
type funcRunner func(s *Scheduler, budget int) (Outcome, int)

func (f funcRunner) Run(s *Scheduler, budget int) (Outcome, int) { return f(s, budget) }

// newTestSystem returns an unpinned System with n schedulers on a fake clock, stopped at the
// end of the test.
func newTestSystem(t testing.TB, n int, opts Options) (*System, *FakeClock) {
	t.Helper()
	clock := NewFakeClock()
	opts.Schedulers = n
	opts.NoPin = true
	if opts.Clock == nil {
		opts.Clock = clock
	}
	sys := New(opts)
	t.Cleanup(func() { stop(t, sys) })
	return sys, clock
}

func stop(t testing.TB, sys *System) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	require.NoError(t, sys.Stop(ctx))
}

// eventually polls cond, yielding the processor between polls, and fails the test if cond is
// still false after a generous wall-clock bound. The bound only turns a hang into a failure;
// nothing waits on it to synchronise.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		runtime.Gosched()
	}
}

// waitChan waits for ch to close, failing the test after a generous bound.
func waitChan(t testing.TB, what string, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// quiescent reports whether every scheduler is parked with nothing queued and no timer: a
// state no scheduler leaves on its own.
func quiescent(sys *System) bool {
	for _, s := range sys.scheds {
		if s.state.Load() != schedParked || s.rq.total.Load() != 0 || s.hasNext.Load() ||
			s.nextTimer.Load() != noDeadline {
			return false
		}
	}
	return true
}

// scale returns n, or n/10 (at least 1) under -short.
func scale(n int) int {
	if testing.Short() {
		return max(1, n/10)
	}
	return n
}
