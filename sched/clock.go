package sched

import (
	"sync"
	"sync/atomic"
	"time"
)

// Clock is the time source of a [System]: every timer deadline and every timed park reads it.
// Tests inject a [FakeClock] so that nothing sleeps.
type Clock interface {
	// Now returns monotonic time in nanoseconds since an arbitrary epoch fixed for the
	// clock's life. Safe from any goroutine.
	Now() int64
	// NewAlarm returns a new, disarmed alarm on this clock. Safe from any goroutine.
	NewAlarm() Alarm
}

// Alarm wakes one goroutine at a deadline. Each scheduler owns one and arms it only while it
// parks. Set and Stop are called only by the alarm's owner; C may be received from by it.
type Alarm interface {
	// Set arms the alarm: C delivers one value at or after deadline (at once if it has
	// passed), replacing any earlier setting.
	Set(deadline int64)
	// Stop disarms the alarm; after Stop returns, C delivers nothing from earlier settings.
	Stop()
	// C is the channel the alarm delivers on.
	C() <-chan time.Time
}

// RealClock returns a Clock that reads the monotonic wall clock. Its epoch is the moment of
// the call.
func RealClock() Clock { return &realClock{epoch: time.Now()} }

type realClock struct{ epoch time.Time }

// Now implements Clock.Now. time.Since reads the monotonic clock.
func (c *realClock) Now() int64 { return int64(time.Since(c.epoch)) }

// NewAlarm implements Clock.NewAlarm with a stopped time.Timer. Since Go 1.23 a Reset or Stop
// timer never delivers a stale value, which Alarm.Stop promises.
func (c *realClock) NewAlarm() Alarm {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &realAlarm{c: c, t: t}
}

type realAlarm struct {
	c *realClock
	t *time.Timer
}

func (a *realAlarm) Set(deadline int64)  { a.t.Reset(time.Duration(deadline - a.c.Now())) }
func (a *realAlarm) Stop()               { a.t.Stop() }
func (a *realAlarm) C() <-chan time.Time { return a.t.C }

// FakeClock is a Clock that moves only when told to. Advance fires every alarm whose deadline
// it reaches, so a parked scheduler wakes and runs its due timers; a running scheduler sees
// the new time at its next check, between two task runs. Timers therefore fire exactly when
// the test says, never early and never because real time passed. Advance returns without
// waiting for the callbacks: tests wait for what the callbacks do (a channel, a WaitGroup).
type FakeClock struct {
	now atomic.Int64

	mu     sync.Mutex // protects alarms and every alarm's armed/deadline; orders Set against Advance
	alarms []*fakeAlarm
}

// NewFakeClock returns a FakeClock that reads zero.
func NewFakeClock() *FakeClock { return &FakeClock{} }

// Now implements Clock.Now. Safe from any goroutine.
func (c *FakeClock) Now() int64 { return c.now.Load() }

// Advance moves the clock forward by d (d < 0 panics) and fires the alarms that are due.
// Safe from any goroutine.
func (c *FakeClock) Advance(d time.Duration) {
	if d < 0 {
		panic("sched: FakeClock.Advance with a negative duration")
	}
	c.mu.Lock()
	now := c.now.Add(int64(d))
	for _, a := range c.alarms {
		if a.armed && a.deadline <= now {
			a.fire()
		}
	}
	c.mu.Unlock()
}

// NewAlarm implements Clock.NewAlarm. Safe from any goroutine.
func (c *FakeClock) NewAlarm() Alarm {
	a := &fakeAlarm{c: c, ch: make(chan time.Time, 1)}
	c.mu.Lock()
	c.alarms = append(c.alarms, a)
	c.mu.Unlock()
	return a
}

type fakeAlarm struct {
	c        *FakeClock
	ch       chan time.Time
	armed    bool  // c.mu must be held
	deadline int64 // c.mu must be held
}

// fire delivers one value and disarms. c.mu must be held.
func (a *fakeAlarm) fire() {
	assertLocked(&a.c.mu)
	a.armed = false
	select {
	case a.ch <- time.Time{}:
	default: // a value is already pending: one is enough
	}
}

// Set implements Alarm.Set. Under c.mu, so that either Set sees the time Advance set or
// Advance sees the alarm armed: no due alarm is missed.
func (a *fakeAlarm) Set(deadline int64) {
	a.c.mu.Lock()
	a.armed, a.deadline = true, deadline
	if deadline <= a.c.now.Load() {
		a.fire()
	}
	a.c.mu.Unlock()
}

// Stop implements Alarm.Stop. Draining the channel is safe because only the owner receives.
func (a *fakeAlarm) Stop() {
	a.c.mu.Lock()
	a.armed = false
	select {
	case <-a.ch:
	default:
	}
	a.c.mu.Unlock()
}

func (a *fakeAlarm) C() <-chan time.Time { return a.ch }
