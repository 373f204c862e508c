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
// expiry), pushes the message and wakes the receiver. A timer to a dead process, or to a name
// nobody has at expiry, is dropped.
//
// Timers are found by their reference in timerRefs, shared by every VM of the Go program:
// reference numbers are unique program-wide (refCounter), and a reference never leaves its
// VM. An entry leaves the table when its timer fires or is cancelled; a VM stopped with
// timers pending leaves their entries behind.

// timerRefs maps a timer's reference number to its timer.
var timerRefs = struct {
	mu sync.Mutex // guards m; held only for map operations and sched.System.After
	m  map[uint64]*sched.Timer
}{m: map[uint64]*sched.Timer{}}

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
	m := message{term: msg}
	if gc.NeedsCopy(msg) {
		m.frag = gc.CopyOut(h, msg)
	}
	timerRefs.mu.Lock()
	// The callback takes timerRefs.mu, so it cannot remove the entry before it is added.
	timerRefs.m[id] = v.sys.After(delay, func() {
		timerRefs.mu.Lock()
		delete(timerRefs.m, id)
		timerRefs.mu.Unlock()
		var target *Process
		if dest.IsPid() {
			target = v.procs.lookup(dest)
		} else {
			target = v.whereis(dest)
		}
		if target != nil {
			target.mb.push(m)
			v.sys.Wake(&target.Task)
		}
	})
	timerRefs.mu.Unlock()
	return ref
}

// timerOf returns the timer of reference t, or nil (t is a reference, not necessarily a
// timer's). Safe from any goroutine.
func timerOf(h *term.Heap, t term.Term, remove bool) *sched.Timer {
	if h.Kind(t) != term.KindRef {
		return nil
	}
	id := term.RefID(h, t)
	timerRefs.mu.Lock()
	defer timerRefs.mu.Unlock()
	tm := timerRefs.m[id]
	if remove {
		delete(timerRefs.m, id)
	}
	return tm
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
		t := timerOf(&p.heap.Heap, ref, true)
		if t == nil {
			return term.False
		}
		return remainingMs(p.vm.sys.CancelTimer(t))
	}
	read := func(p *Process, ref term.Term) term.Term {
		t := timerOf(&p.heap.Heap, ref, false)
		if t == nil {
			return term.False
		}
		return remainingMs(p.vm.sys.ReadTimer(t))
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
