package vm

import (
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/vm/term"
)

// Implementer notes: signals.
//
// Links, monitors and exit signals follow Erlang's signal model: everything one process does
// to another travels as a signal in the target's mailbox (mailbox.shared.sigs, under the mailbox's
// lock, beside the messages), and only the target acts on it, at the start of its next run
// (handleSignals, called by Run) or at once when the process signals itself (a BIF calls
// handleSignals itself). The sender makes the signal visible, then wakes the target: a
// waiting process runs, a running one runs again after its slice. Because messages and
// signals share one lock and each signal records how many messages preceded it, everything
// one process sends another arrives in the order it was sent; a receive (drain) stops at the
// first signal, so no message overtakes a signal sent before it.
//
// The link and monitor tables (procSignals) belong to the process: only it changes them
// (under its mailbox lock, so that process_info can read them from elsewhere). A link is two
// entries, one per side; link/1 makes its own side at once and sends sigLink for the other.
// unlink/1 marks its side "unlinking" with a fresh id and sends sigUnlink; the other side
// drops its entry and answers sigUnlinkAck, which drops the marked entry (if not re-linked
// meanwhile). An exit signal over a link acts only on an active entry, so after unlink/1
// returns the link has no effect, whatever crosses in flight — OTP's unlink protocol.
//
// A process that exits closes its mailbox and takes the last signals in one step
// (exitSignals): a signal that arrived before is refused here (sigLink answered with a
// noproc exit, sigMonitor with a noproc DOWN), one that arrives after is refused to its sender
// by pushSignal's false. Then it leaves its registered name, tells the processes it monitors
// to forget it, and sends its reason to every link, then every monitor (links first, as OTP).
//
// Exit reasons (and all terms in signals) travel as fragments, like messages: copied once out
// of the sender's heap, moved into each receiver's heap when it acts on the signal.

// sigKind says what a signal asks of its target.
type sigKind uint8

const (
	sigExit      sigKind = iota // exit/2 from `from` with reason
	sigLinkExit                 // `from`, linked to the target, exited with reason
	sigLink                     // `from` linked to the target
	sigUnlink                   // `from` removed its link (id: its unlink id)
	sigUnlinkAck                // the target's unlink id was seen by `from`
	sigMonitor                  // `from` monitors the target under ref id
	sigDemonitor                // `from` dropped its monitor id of the target
	sigDown                     // `from`, monitored by the target under id, exited with reason
)

// signal is a signal in flight.
type signal struct {
	kind   sigKind
	at     int       // how many inbox messages preceded it (kept by the mailbox)
	from   term.Term // the sender's pid
	id     uint64    // a monitor's reference id, or an unlink id
	reason message   // the exit reason of sigExit, sigLinkExit, sigDown
}

// monitorEntry is a monitor a process holds: the monitored pid (0 when a name was not
// registered) and the name it was monitored by, or 0.
type monitorEntry struct {
	pid, name term.Term
}

// procSignals is a process's links, monitors and exit-signal state, allocated on first use.
// The owner writes it (and Process.sig) only under Process.mb.mu, so other processes may read
// it under that lock; the owner reads it without.
type procSignals struct {
	trapExit bool
	// links maps each linked pid to 0 (active) or to the id of an unlink in flight.
	links       map[term.Term]uint64
	monitors    idTable[monitorEntry] // monitors held, by reference id
	monitoredBy idTable[term.Term]    // who monitors this process, by reference id
	// leftover are the signals behind the one that killed the process in handleSignals,
	// refused by exitSignals.
	leftover []signal
}

var (
	sigAtomEXIT           = term.MustIntern("EXIT")
	sigAtomDOWN           = term.MustIntern("DOWN")
	sigAtomProcess        = term.MustIntern("process")
	sigAtomFlush          = term.MustIntern("flush")
	sigAtomInfo           = term.MustIntern("info")
	sigAtomTrapExit       = term.MustIntern("trap_exit")
	sigAtomLinks          = term.MustIntern("links")
	sigAtomMonitors       = term.MustIntern("monitors")
	sigAtomMonitoredBy    = term.MustIntern("monitored_by")
	sigAtomRegisteredName = term.MustIntern("registered_name")
)

// sigState returns the process's procSignals, allocating it. Called only by the owner.
func (p *Process) sigState() *procSignals {
	if p.sig == nil {
		p.mb.mu.Lock()
		p.sig = &procSignals{}
		p.mb.mu.Unlock()
	}
	return p.sig
}

// setLink, delLink, setMonitor, delMonitor, setMonitoredBy and delMonitoredBy change the
// tables under the mailbox lock. Called only by the owner.
func (p *Process) setLink(pid term.Term, state uint64) {
	sg := p.sigState()
	p.mb.mu.Lock()
	if sg.links == nil {
		sg.links = map[term.Term]uint64{}
	}
	sg.links[pid] = state
	p.mb.mu.Unlock()
}

func (p *Process) delLink(pid term.Term) {
	p.mb.mu.Lock()
	delete(p.sig.links, pid)
	p.mb.mu.Unlock()
}

func (p *Process) setMonitor(id uint64, e monitorEntry) {
	sg := p.sigState()
	p.mb.mu.Lock()
	sg.monitors.set(id, e)
	p.mb.mu.Unlock()
}

func (p *Process) delMonitor(id uint64) {
	p.mb.mu.Lock()
	p.sig.monitors.del(id)
	p.mb.mu.Unlock()
}

func (p *Process) setMonitoredBy(id uint64, pid term.Term) {
	sg := p.sigState()
	p.mb.mu.Lock()
	sg.monitoredBy.set(id, pid)
	p.mb.mu.Unlock()
}

func (p *Process) delMonitoredBy(id uint64) {
	if p.sig == nil {
		return
	}
	p.mb.mu.Lock()
	p.sig.monitoredBy.del(id)
	p.mb.mu.Unlock()
}

// linkState returns the state of the link to pid: ok is false when there is none.
func (p *Process) linkState(pid term.Term) (state uint64, ok bool) {
	if p.sig == nil {
		return 0, false
	}
	state, ok = p.sig.links[pid]
	return state, ok
}

// setTrapExit sets trap_exit and returns its old value: process_flag(trap_exit, On). Called
// only by the owner.
func (p *Process) setTrapExit(on bool) (old bool) {
	if p.sig == nil && !on {
		return false
	}
	sg := p.sigState()
	p.mb.mu.Lock()
	old, sg.trapExit = sg.trapExit, on
	p.mb.mu.Unlock()
	return old
}

func (p *Process) trapping() bool { return p.sig != nil && p.sig.trapExit }

// reasonMessage packs a term of p's heap to travel in a signal.
func (p *Process) reasonMessage(r term.Term) message {
	m := message{term: r}
	if gc.NeedsCopy(r) {
		m.frag = gc.CopyOut(&p.heap.Heap, r)
	}
	return m
}

// take returns the message as a term of h.
func (m message) take(h *term.Heap) term.Term {
	if m.frag != nil {
		return m.frag.MoveIn(h)
	}
	return m.term
}

// sendSignal puts s in the queue of the process with pid to and wakes it. It returns false
// when no such process lives (or it is exiting and no longer takes signals). Called only by
// p's owner (p may be exiting).
func (p *Process) sendSignal(to term.Term, s signal) bool {
	t := p.vm.procs.lookup(to)
	if t == nil || !t.mb.pushSignal(s) {
		return false
	}
	switch {
	case t == p: // the caller acts on it itself (handleSignals)
	case p.sched != nil:
		p.sched.Wake(&t.Task)
	default:
		p.vm.sys.Wake(&t.Task)
	}
	return true
}

// signalSelf queues s to p itself and acts on every pending signal at once, as a BIF that
// signals its own process must. It returns false when that killed the process (p.exc holds
// the reason; the BIF returns p.dieNow()). Called only by the owner, inside a BIF.
func (p *Process) signalSelf(s signal) bool {
	p.mb.pushSignal(s)
	return p.handleSignals()
}

// dieNow is the result of a BIF whose process was killed by a signal: an exception no catch
// can stop, with the exit reason p.exc.reason.
func (p *Process) dieNow() term.Term {
	p.catches = p.catches[:0]
	return p.fail(term.Exit, p.exc.reason)
}

// handleSignals acts on the signals that arrived since the process last looked, taking in
// the messages around them in order (exit signals, links, monitors). It returns false when a
// signal kills the process (p.exc then holds the exit reason). Called only by the owner: by
// Run before the process runs, and by BIFs that signal their own process.
func (p *Process) handleSignals() bool {
	if !p.mb.pending.Load() {
		return true
	}
	in, sigs := p.mb.takeAll()
	h := &p.heap.Heap
	words := len(h.Young)
	// Each signal costs a reduction, each message a quarter, each 64 words copied in one more
	// (erts's signal handling counts a message a quarter of a signal).
	defer func() { p.charge(len(sigs) + (len(in)+3)/4 + max(len(h.Young)-words, 0)/copyPerRed) }()
	pos := 0
	for i := range sigs {
		s := &sigs[i]
		p.mb.moveIn(h, in[pos:s.at])
		pos = s.at
		if !p.handleSignal(s) {
			sg := p.sigState()
			sg.leftover = append(sg.leftover, sigs[i+1:]...)
			return false
		}
	}
	p.mb.moveIn(h, in[pos:])
	if len(sigs) > 0 {
		p.mb.mu.Lock()
		p.mb.shared.handling = false
		p.mb.mu.Unlock()
	}
	p.mb.spare = in[:0] // every message was moved (and cleared): the array is free again
	return true
}

// handleSignal acts on one signal; false when it kills the process.
func (p *Process) handleSignal(s *signal) bool {
	h := &p.heap.Heap
	switch s.kind {
	case sigExit:
		r := s.reason.take(h)
		switch {
		case r == term.Kill:
			return p.killedBy(term.Killed)
		case p.trapping():
			p.deliver(term.MakeTuple(h, sigAtomEXIT, s.from, r))
		case r == term.Normal && s.from != p.pid:
		default:
			return p.killedBy(r)
		}
	case sigLinkExit:
		state, ok := p.linkState(s.from)
		if !ok {
			return true
		}
		p.delLink(s.from)
		if state != 0 {
			return true // unlinked meanwhile
		}
		r := s.reason.take(h)
		switch {
		case p.trapping():
			p.deliver(term.MakeTuple(h, sigAtomEXIT, s.from, r))
		case r == term.Normal:
		default:
			return p.killedBy(r)
		}
	case sigLink:
		if _, ok := p.linkState(s.from); !ok {
			p.setLink(s.from, 0)
		}
	case sigUnlink:
		if state, ok := p.linkState(s.from); ok && state == 0 {
			p.delLink(s.from)
		}
		p.sendSignal(s.from, signal{kind: sigUnlinkAck, from: p.pid, id: s.id})
	case sigUnlinkAck:
		if state, ok := p.linkState(s.from); ok && state == s.id {
			p.delLink(s.from)
		}
	case sigMonitor:
		p.setMonitoredBy(s.id, s.from)
	case sigDemonitor:
		p.delMonitoredBy(s.id)
	case sigDown:
		if p.sig == nil {
			return true
		}
		e, ok := p.sig.monitors.get(s.id)
		if !ok {
			return true // demonitored
		}
		p.delMonitor(s.id)
		obj := e.pid
		if e.name != 0 {
			obj = term.MakeTuple(h, e.name, atomNonode)
		}
		r := s.reason.take(h)
		p.deliver(term.MakeTuple(h, sigAtomDOWN, term.MakeRef(h, s.id), sigAtomProcess, obj, r))
	}
	return true
}

// lookupAlive returns the process with pid if it is alive as p sees it, or nil; wait is true
// when p cannot tell yet and must ask again later (its BIF retries: trap.go). Erlang promises
// that when is_process_alive or process_info answers, every signal the caller sent the
// process before has taken effect, and that a process that is exiting or has exited is not
// alive; so that exit(Pid, kill) followed by is_process_alive(Pid) is false, and that once
// it is false the process's exit signals ('DOWN', 'EXIT') have reached the caller. erts asks
// the process itself with a signal and waits for its answer; here the caller looks at the
// process's mailbox under its lock and waits (yields and asks again) while an exit signal it
// sent is still queued there or being acted on, or while the process is exiting (its mailbox
// closed, its exit signals on their way): it leaves the process table only once they are
// sent. Safe from any goroutine.
func (p *Process) lookupAlive(pid term.Term) (q *Process, wait bool) {
	q = p.vm.procs.lookup(pid)
	if q == nil || q == p {
		return q, false
	}
	mb := &q.mb
	mb.mu.Lock()
	defer mb.mu.Unlock()
	if mb.closed {
		return nil, true
	}
	if mb.shared != nil {
		if mb.shared.handling {
			return nil, true // it is acting on signals, perhaps an exit signal from p
		}
		for i := range mb.shared.sigs {
			if s := &mb.shared.sigs[i]; s.kind == sigExit && s.from == p.pid {
				return nil, true
			}
		}
	}
	return q, false
}

// killedBy records that a signal kills the process with reason r.
func (p *Process) killedBy(r term.Term) bool {
	p.exc = exception{term.Exit, r, term.Nil}
	return false
}

// deliver puts a message made of a signal at the end of the mailbox.
// The messages still pending go first, to keep the order.
func (p *Process) deliver(t term.Term) {
	p.mb.drainPend(&p.heap.Heap)
	p.mb.queue = append(p.mb.queue, t)
}

// refuseSignal answers a signal that reached a process as it exited, as a process that no
// longer exists does.
func (p *Process) refuseSignal(s *signal) {
	noproc := message{term: term.Noproc}
	switch s.kind {
	case sigLink:
		if state, ok := p.linkState(s.from); ok && state == 0 {
			return // linked from both sides already: the exit reason goes over the link
		}
		p.sendSignal(s.from, signal{kind: sigLinkExit, from: p.pid, reason: noproc})
	case sigUnlink:
		if p.sig != nil {
			p.delLink(s.from)
		}
		p.sendSignal(s.from, signal{kind: sigUnlinkAck, from: p.pid, id: s.id})
	case sigUnlinkAck, sigLinkExit:
		if p.sig != nil {
			if state, ok := p.sig.links[s.from]; ok && (s.kind == sigLinkExit || state == s.id) {
				p.delLink(s.from)
			}
		}
	case sigMonitor:
		p.sendSignal(s.from, signal{kind: sigDown, from: p.pid, id: s.id, reason: noproc})
	case sigDemonitor:
		p.delMonitoredBy(s.id)
	}
}

// exitSignals tells the process's links and monitors that it exited (normally, or with the
// reason in p.exc), cancels the timers that would send to it and leaves its registered name. Called once, from exit, by the owner.
func (p *Process) exitSignals(normal bool) {
	mb := &p.mb
	mb.mu.Lock()
	mb.closed = true // no signal, message, timer or name can arrive any more
	name := mb.nameLocked()
	var sigs []signal
	var timers map[uint64]struct{}
	if mb.shared != nil {
		sigs, timers = mb.shared.sigs, mb.shared.timers
		mb.shared.sigs, mb.shared.timers = nil, nil
	}
	mb.pending.Store(false)
	mb.mu.Unlock()
	p.exitTimers(timers)
	if p.sig != nil && len(p.sig.leftover) > 0 {
		sigs = append(p.sig.leftover, sigs...)
		p.sig.leftover = nil
	}
	for i := range sigs {
		p.refuseSignal(&sigs[i])
	}
	if name != 0 {
		p.leaveName(name)
	}
	sg := p.sig
	if sg == nil {
		return
	}
	// The processes it monitors forget it first: whoever sees this exit (a DOWN or an EXIT)
	// then finds them updated.
	for id, e := range sg.monitors.all() {
		if e.pid != 0 {
			p.sendSignal(e.pid, signal{kind: sigDemonitor, from: p.pid, id: id})
		}
	}
	if len(sg.links) > 0 || sg.monitoredBy.len() > 0 {
		reason := term.Normal
		if !normal {
			reason = p.exitReason()
		}
		r := p.reasonMessage(reason)
		for pid := range sg.links {
			p.sendSignal(pid, signal{kind: sigLinkExit, from: p.pid, reason: r})
		}
		for id, w := range sg.monitoredBy.all() {
			p.sendSignal(w, signal{kind: sigDown, from: p.pid, id: id, reason: r})
		}
	}
	p.mb.mu.Lock()
	p.sig = nil
	p.mb.mu.Unlock()
}

// leaveName releases the process's registered name. Called by the owner as it exits, after
// its mailbox closed (so no register can give it a name any more).
func (p *Process) leaveName(name term.Term) {
	v := p.vm
	v.namesMu.Lock()
	if v.names[name] == p {
		delete(v.names, name)
	}
	p.mb.mu.Lock()
	p.mb.shared.name = 0
	p.mb.mu.Unlock()
	v.namesMu.Unlock()
}

// signalInfo returns the process_info item (links, monitors, monitored_by, trap_exit,
// registered_name) of p, built on p's heap; ok is false for other items. Called only by p's
// owner; see signalInfoOn for another process.
func (p *Process) signalInfo(item term.Term) (term.Term, bool) {
	return p.signalInfoOn(&p.heap.Heap, item)
}

// signalInfoOn is signalInfo built on h (the caller's heap). Safe from any goroutine: it reads
// p's tables under p's mailbox lock (and the registered name under the names lock).
func (p *Process) signalInfoOn(h *term.Heap, item term.Term) (term.Term, bool) {
	if item == sigAtomRegisteredName {
		p.mb.mu.Lock()
		name := p.mb.nameLocked()
		p.mb.mu.Unlock()
		if name == 0 {
			return term.Nil, true
		}
		return name, true
	}
	p.mb.mu.Lock()
	defer p.mb.mu.Unlock()
	sg := p.sig
	if sg == nil {
		sg = &procSignals{}
	}
	l := term.Nil
	switch item {
	case sigAtomTrapExit:
		return term.Bool(sg.trapExit), true
	case sigAtomLinks:
		for pid, state := range sg.links {
			if state == 0 {
				l = term.Cons(h, pid, l)
			}
		}
	case sigAtomMonitors:
		for _, e := range sg.monitors.all() {
			obj := e.pid
			if e.name != 0 {
				obj = term.MakeTuple(h, e.name, atomNonode)
			}
			l = term.Cons(h, term.MakeTuple(h, sigAtomProcess, obj), l)
		}
	case sigAtomMonitoredBy:
		for _, pid := range sg.monitoredBy.all() {
			l = term.Cons(h, pid, l)
		}
	default:
		return term.NonValue, false
	}
	return l, true
}
