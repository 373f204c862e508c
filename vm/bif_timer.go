package vm

import (
	"math"
	"sync"
	"time"

	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// Timer BIFs: erlang:send_after/3,4, start_timer/3,4, cancel_timer/1,2, read_timer/1,2.
//
// A timer is a sched.Timer on the VM's schedulers. Its message is copied out of the caller's
// heap when the timer starts (a fragment, as send makes), so the callback, which runs on a
// scheduler with no lock held, only resolves the destination (a pid, or a name looked up at
// expiry), pushes the message and wakes the receiver. A timer to a name nobody has at expiry
// is dropped.
//
// A timer whose destination is a pid belongs to that process, as in Erlang: it is not started
// when the process is not alive, and it is cancelled when the process exits (exitTimers), so
// that no timer outlives its receiver holding a message for nobody. The receiver's mailbox
// keeps the ids of its timers (mailbox.shared, under the mailbox lock). A timer to a registered
// name is not tied to any process.
//
// Timers are found by their reference in the VM's timer table (VM.timers): an entry leaves
// the table when its timer fires, is cancelled, or its receiver exits.

// timerTable maps a timer's reference number to its timer.
type timerTable struct {
	mu sync.Mutex // guards m; held only for map operations and sched.System.After
	m  map[uint64]*timerEntry
}

// timerEntry is a pending timer: the scheduler's timer, and the process it belongs to (nil for
// a timer to a registered name).
type timerEntry struct {
	t    *sched.Timer
	dest *Process
}

// pending returns the number of timers in the table. Safe from any goroutine.
func (tt *timerTable) pending() int {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	return len(tt.m)
}

// take removes the entry of id and returns it, or nil. Safe from any goroutine.
func (tt *timerTable) take(id uint64) *timerEntry {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	e := tt.m[id]
	if e != nil {
		delete(tt.m, id)
	}
	return e
}

var (
	atomAbs         = term.MustIntern("abs")
	atomAsync       = term.MustIntern("async")
	atomInfo        = term.MustIntern("info")
	atomCancelTimer = term.MustIntern("cancel_timer")
	atomReadTimer   = term.MustIntern("read_timer")
)

// startTimer is send_after (withRef false) and start_timer (withRef true): a, the BIF's
// arguments, are Time, Dest, Msg and optionally the option list. Called only by p's scheduler.
func (p *Process) startTimer(a []term.Term, withRef bool) term.Term {
	h := &p.heap.Heap
	v := p.vm
	tm, dest, msg := a[0], a[1], a[2]
	abs := false
	if len(a) == 4 {
		opts, tail := term.ListToSlice(h, a[3])
		if tail != term.Nil {
			return p.badarg()
		}
		for _, o := range opts {
			if !term.IsTuple(h, o) || term.TupleArity(h, o) != 2 || term.TupleElem(h, o, 0) != atomAbs {
				return p.badarg()
			}
			switch term.TupleElem(h, o, 1) {
			case term.True:
				abs = true
			case term.False:
				abs = false
			default:
				return p.badarg()
			}
		}
	}
	if !tm.IsSmall() || (!abs && tm.Small() < 0) || (!dest.IsPid() && !dest.IsAtom()) {
		return p.badarg()
	}
	ms := tm.Small()
	if abs {
		ms -= v.sys.Now() / int64(time.Millisecond) // abs: Time is monotonic_time(millisecond)
	}
	var delay time.Duration
	switch {
	case ms <= 0:
	case ms >= math.MaxInt64/int64(time.Millisecond)/2:
		delay = math.MaxInt64 / 2 // centuries: as good as never, without overflow
	default:
		delay = time.Duration(ms) * time.Millisecond
	}
	id := refCounter.Add(1)
	ref := term.MakeRef(h, id)
	if withRef {
		msg = term.MakeTuple(h, term.Timeout, ref, msg)
	}
	var target *Process
	if dest.IsPid() {
		if target = v.procs.lookup(dest); target == nil {
			return ref // a timer to a dead process is cancelled at once
		}
	}
	m := message{term: msg}
	if gc.NeedsCopy(msg) {
		m.frag = gc.CopyOut(h, msg)
	}
	e := &timerEntry{dest: target}
	tt := &v.timers
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if target != nil && !target.mb.addTimer(id) {
		return ref // the receiver is exiting
	}
	// The callback takes tt.mu, so it cannot look for the entry before it is added.
	// sched.CancelTimer decides a race between the timer and its cancel: a cancel that comes
	// too late (it returns false) finds the callback already started, and the message is
	// delivered, even if the cancel took the entry first.
	e.t = v.sys.After(delay, func() {
		tt.take(id)
		to := target
		if to == nil {
			to = v.whereis(dest)
		}
		if to != nil && to.mb.pushTimer(m, id, target != nil) {
			v.sys.Wake(&to.Task)
		}
	})
	tt.m[id] = e
	return ref
}

// cancelTimer cancels the timer of reference id and returns what remained of it; ok is false
// when no such timer is pending. Safe from any goroutine.
func (v *VM) cancelTimer(id uint64) (left time.Duration, ok bool) {
	e := v.timers.take(id)
	if e == nil {
		return 0, false
	}
	if e.dest != nil {
		e.dest.mb.dropTimer(id)
	}
	return v.sys.CancelTimer(e.t)
}

// exitTimers cancels the timers that belong to p (those whose destination is p's pid), as its
// exit must. Called once by p's owner as it exits, after its mailbox closed.
func (p *Process) exitTimers(ids map[uint64]struct{}) {
	for id := range ids {
		if e := p.vm.timers.take(id); e != nil {
			p.vm.sys.CancelTimer(e.t)
		}
	}
}

// timerID returns the reference number of t when t is a reference (not necessarily a
// timer's); ok is false otherwise.
func timerID(h *term.Heap, t term.Term) (uint64, bool) {
	if h.Kind(t) != term.KindRef {
		return 0, false
	}
	return term.RefID(h, t), true
}

// remainingMs is what cancel_timer and read_timer return: the milliseconds left (rounded up),
// or false when the timer is not pending.
func remainingMs(d time.Duration, ok bool) term.Term {
	if !ok {
		return term.False
	}
	return term.MakeSmall(int64((d + time.Millisecond - 1) / time.Millisecond))
}

// timerOpts reads cancel_timer's and read_timer's option list: {async, Bool}, and {info,
// Bool} where info is allowed. ok is false for anything else.
func timerOpts(h *term.Heap, l term.Term, infoAllowed bool) (async, info, ok bool) {
	info = true
	opts, tail := term.ListToSlice(h, l)
	if tail != term.Nil {
		return false, false, false
	}
	for _, o := range opts {
		if !term.IsTuple(h, o) || term.TupleArity(h, o) != 2 {
			return false, false, false
		}
		k, v := term.TupleElem(h, o, 0), term.TupleElem(h, o, 1)
		if v != term.True && v != term.False {
			return false, false, false
		}
		switch {
		case k == atomAsync:
			async = v == term.True
		case k == atomInfo && infoAllowed:
			info = v == term.True
		default:
			return false, false, false
		}
	}
	return async, info, true
}

func init() {
	registerBif("erlang", "send_after", 3, func(p *Process, a []term.Term) term.Term { return p.startTimer(a, false) })
	registerBif("erlang", "send_after", 4, func(p *Process, a []term.Term) term.Term { return p.startTimer(a, false) })
	registerBif("erlang", "start_timer", 3, func(p *Process, a []term.Term) term.Term { return p.startTimer(a, true) })
	registerBif("erlang", "start_timer", 4, func(p *Process, a []term.Term) term.Term { return p.startTimer(a, true) })

	cancel := func(p *Process, ref term.Term) term.Term {
		id, ok := timerID(&p.heap.Heap, ref)
		if !ok {
			return term.False
		}
		return remainingMs(p.vm.cancelTimer(id))
	}
	read := func(p *Process, ref term.Term) term.Term {
		id, ok := timerID(&p.heap.Heap, ref)
		if !ok {
			return term.False
		}
		tt := &p.vm.timers
		tt.mu.Lock()
		e := tt.m[id]
		tt.mu.Unlock()
		if e == nil {
			return term.False
		}
		return remainingMs(p.vm.sys.ReadTimer(e.t))
	}
	registerBif("erlang", "cancel_timer", 1, func(p *Process, a []term.Term) term.Term {
		if !term.IsRef(&p.heap.Heap, a[0]) {
			return p.badarg()
		}
		return cancel(p, a[0])
	})
	registerBif("erlang", "read_timer", 1, func(p *Process, a []term.Term) term.Term {
		if !term.IsRef(&p.heap.Heap, a[0]) {
			return p.badarg()
		}
		return read(p, a[0])
	})
	// The asynchronous forms do the work at once and send the result to the caller, so the
	// caller sees the same messages as in Erlang.
	registerBif("erlang", "cancel_timer", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		async, info, ok := timerOpts(h, a[1], true)
		if !ok || !term.IsRef(h, a[0]) {
			return p.badarg()
		}
		r := cancel(p, a[0])
		switch {
		case async && info:
			p.send(p.pid, term.MakeTuple(h, atomCancelTimer, a[0], r))
			return term.Ok
		case !info:
			return term.Ok
		}
		return r
	})
	registerBif("erlang", "read_timer", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		async, _, ok := timerOpts(h, a[1], false)
		if !ok || !term.IsRef(h, a[0]) {
			return p.badarg()
		}
		r := read(p, a[0])
		if async {
			p.send(p.pid, term.MakeTuple(h, atomReadTimer, a[0], r))
			return term.Ok
		}
		return r
	})
}
