package vm

import (
	"time"

	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/vm/term"
)

// send delivers a copy of msg to the process or registered name to. It returns false for a
// destination that can never be sent to (badarg): a name that is not registered, or a term
// that is neither a pid nor an atom. A message to a dead pid is dropped, as in Erlang.
func (p *Process) send(to, msg term.Term) bool {
	var target *Process
	switch {
	case to.IsPid():
		target = p.vm.procs.lookup(to)
		if target == nil {
			return true
		}
	case to.IsAtom():
		target = p.vm.whereis(to)
		if target == nil {
			return false
		}
	default:
		return false
	}
	m := message{term: msg}
	if gc.NeedsCopy(msg) {
		m.frag = p.heap.CopyOut(msg)
		p.charge(len(m.frag.Words) / copyPerRed)
	}
	target.mb.push(m)
	if target == p {
		return true // running: its receive will look at the inbox
	}
	if p.sched != nil {
		p.sched.Wake(&target.Task) // the receiver runs next, on the rest of our slice
	} else {
		p.vm.sys.Wake(&target.Task)
	}
	return true
}

// loopRec peeks at the message under the save pointer, taking in what arrived meanwhile.
func (p *Process) loopRec() (term.Term, bool) {
	mb := &p.mb
	for mb.save >= len(mb.queue) {
		if mb.pendLen() == 0 && !p.takeIn() {
			return term.NonValue, false
		}
		p.charge(mb.moveOne(&p.heap.Heap) / copyPerRed)
	}
	return mb.queue[mb.save], true
}

// removeMessage accepts the message under the save pointer and ends the receive.
func (p *Process) removeMessage() {
	if e := p.ext; e != nil {
		if e.marker.active && p.mb.save < e.marker.pos {
			e.marker.pos--
		}
		if e.timer != nil {
			p.cancelReceiveTimer()
		}
	}
	p.mb.remove()
}

// mustWait reports whether the process may suspend: a message that arrived since its last
// look is taken instead (a wake for it may already have been spent on this very run).
func (p *Process) mustWait() bool {
	return !p.takeIn()
}

// takeIn takes the messages that arrived off the inbox (mailbox.takeInbox: they wait in
// pend until a receive reaches them, and loopRec charges for the words it moves in), and
// charges a reduction per 4 messages (erts counts a message signal a quarter of a
// reduction). It reports whether there were any.
func (p *Process) takeIn() bool {
	n := p.mb.pendLen()
	if !p.mb.takeInbox() {
		return false
	}
	p.charge((p.mb.pendLen() - n + 3) / 4)
	return true
}

// receiveTimeout handles wait_timeout's time: it returns timedOut when the receive's timer has
// fired (or the timeout is 0), and otherwise starts the timer if it is not running. ok is
// false for a timeout that is neither a non-negative integer nor infinity.
func (p *Process) receiveTimeout(t term.Term) (timedOut, ok bool) {
	switch {
	case t == term.Infinity:
		return false, true
	case !t.IsSmall() || t.Small() < 0:
		return false, false
	}
	if e := p.ext; e != nil && e.timer != nil {
		return e.firedGen.Load() == e.timerGen, true
	}
	if t.Small() == 0 {
		return true, true
	}
	e := p.extState()
	e.timerGen++
	if e.fired == nil {
		// The callback runs on a scheduler's goroutine: it touches only firedGen, which is
		// atomic. One per process, not a closure per wait; the generation comes with the
		// timer.
		v := p.vm
		e.fired = func(gen uint64) {
			e.firedGen.Store(gen)
			v.sys.Wake(&p.Task)
		}
	}
	e.timer = p.vm.sys.AfterGen(time.Duration(t.Small())*time.Millisecond, e.fired, e.timerGen)
	return false, true
}

// cancelReceiveTimer stops the receive's timer; a fire that raced with the cancel is ignored
// because the generation moves on.
func (p *Process) cancelReceiveTimer() {
	if e := p.ext; e != nil && e.timer != nil {
		p.vm.sys.StopTimer(e.timer)
		e.timer = nil
		e.timerGen++
	}
}

// endReceiveTimeout is the timeout instruction: the receive is over, its timer spent.
func (p *Process) endReceiveTimeout() {
	p.mb.save = 0
	if e := p.ext; e != nil {
		e.timer = nil
		e.timerGen++
	}
}

// recvMarker is the reference optimisation of a receive that waits for a fresh reference:
// messages before pos arrived before the reference was made, so they cannot match. The
// reference itself is a collector root, kept in procExt.roots[extMarkerRef].
type recvMarker struct {
	active bool
	pos    int
}

func (p *Process) markerReserve() term.Term {
	p.takeIn()
	return term.MakeSmall(int64(len(p.mb.queue) + p.mb.pendLen()))
}

func (p *Process) markerBind(marker, ref term.Term) {
	if marker.IsSmall() {
		e := p.extState()
		e.marker = recvMarker{active: true, pos: int(marker.Small())}
		e.roots[extMarkerRef] = ref
	}
}

func (p *Process) markerUse(ref term.Term) {
	if e := p.ext; e != nil && e.marker.active && e.roots[extMarkerRef] == ref && e.marker.pos <= len(p.mb.queue)+p.mb.pendLen() {
		for len(p.mb.queue) < e.marker.pos {
			p.charge(p.mb.moveOne(&p.heap.Heap) / copyPerRed)
		}
		p.mb.save = e.marker.pos
	}
}

func (p *Process) markerClear(ref term.Term) {
	if e := p.ext; e != nil && e.roots[extMarkerRef] == ref {
		e.marker = recvMarker{}
		e.roots[extMarkerRef] = term.Nil
	}
}
