package vm

import (
	"sync"
	"sync/atomic"

	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/vm/term"
)

// message is a message in flight: a fragment copied out of the sender's heap, or (when the
// message needs no copy: an immediate or a literal) the term itself.
type message struct {
	frag *gc.Fragment
	term term.Term
}

// mailbox is a process's message queue in two parts. Senders append to inbox under mu, a
// lock the receiver takes only to swap the inbox out, never while it runs code. The receiver
// moves what it takes into its heap and onto queue, which only it touches; queue's terms are
// collector roots. The save pointer of a selective receive indexes queue.
//
// Signals (signal.go) travel beside the messages, in sigs, under the same lock: each records
// how long the inbox was when it arrived, so the owner takes messages and signals in the order
// they were sent. drain stops at the first signal; the owner handles signals (and the
// messages behind them) in handleSignals, at the start of its next run.
type mailbox struct {
	mu      sync.Mutex  // guards inbox, closed, shared, and writes to Process.sig
	pending atomic.Bool // signals are queued (len(shared.sigs) > 0); written under mu, read without
	closed  bool        // the process has exited: messages and signals are refused
	inbox   []message

	// shared is what other processes set on this one, allocated on first use: the signals in
	// flight, its registered name and the timers that will send to it. Guarded by mu (and the
	// name also by VM.namesMu).
	shared *mbShared

	queue []term.Term // owner only: received messages, oldest first
	save  int         // owner only: the receive's position in queue
	spare []message   // owner only: the last inbox, reused so that senders rarely allocate
	// pend[head:] are messages taken from the inbox but not yet moved into the heap (owner
	// only), in order after queue. A receive moves one in only when its save pointer reaches
	// the end of queue, so a long mailbox stays out of the heap and the collector never
	// copies it (the BEAM keeps its queue off-heap for the same reason).
	pend []message
	head int
}

// mbShared is the part of a mailbox that most processes never use (see mailbox.shared).
type mbShared struct {
	sigs     []signal            // signals in flight, oldest first
	lastSigs []signal            // the last batch takeAll returned, reused once handled
	name     term.Term           // the registered name, or 0
	timers   map[uint64]struct{} // ids of the pending timers whose destination is this process
	// handling is set while the owner acts on signals takeAll gave it (lookupAlive waits).
	handling bool
}

// sharedState returns mb.shared, allocating it. mu must be held.
func (mb *mailbox) sharedState() *mbShared {
	if mb.shared == nil {
		mb.shared = &mbShared{}
	}
	return mb.shared
}

// nameLocked returns the registered name, or 0. mu must be held.
func (mb *mailbox) nameLocked() term.Term {
	if mb.shared == nil {
		return 0
	}
	return mb.shared.name
}

// addTimer records that timer id will send to this process; false when the process has
// exited (the timer must not start). Safe from any goroutine.
func (mb *mailbox) addTimer(id uint64) bool {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	if mb.closed {
		return false
	}
	sh := mb.sharedState()
	if sh.timers == nil {
		sh.timers = map[uint64]struct{}{}
	}
	sh.timers[id] = struct{}{}
	return true
}

// dropTimer forgets timer id (cancelled). Safe from any goroutine.
func (mb *mailbox) dropTimer(id uint64) {
	mb.mu.Lock()
	if mb.shared != nil {
		delete(mb.shared.timers, id)
	}
	mb.mu.Unlock()
}

// pushTimer appends the message of timer id, which fired; owned says the timer was this
// process's (its destination was the pid), so it is forgotten. It returns false when the
// process has exited. Safe from any goroutine.
func (mb *mailbox) pushTimer(m message, id uint64, owned bool) bool {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	if owned && mb.shared != nil {
		delete(mb.shared.timers, id)
	}
	if mb.closed {
		return false
	}
	mb.inbox = append(mb.inbox, m)
	return true
}

// push appends a message. Safe from any goroutine.
func (mb *mailbox) push(m message) {
	mb.mu.Lock()
	if !mb.closed {
		mb.inbox = append(mb.inbox, m)
	}
	mb.mu.Unlock()
}

// close drops every message and makes later pushes drop theirs: the process has exited.
// Called only by the owner.
func (mb *mailbox) close() {
	mb.mu.Lock()
	mb.closed = true
	mb.inbox, mb.spare = nil, nil
	mb.pend, mb.head = nil, 0
	if mb.shared != nil {
		mb.shared.sigs = nil
	}
	mb.pending.Store(false)
	mb.mu.Unlock()
	mb.queue = nil
}

// drain moves every message in the inbox and every pending one into h and onto the queue;
// it reports whether there were any. Called only by the owner.
func (mb *mailbox) drain(h *term.Heap) bool {
	took := mb.takeInbox()
	return mb.drainPend(h) || took
}

// drainPend moves every pending message into h and onto the queue; it reports whether there
// were any. Called only by the owner.
func (mb *mailbox) drainPend(h *term.Heap) bool {
	any := mb.pendLen() > 0
	for mb.pendLen() > 0 {
		mb.moveOne(h)
	}
	return any
}

// takeInbox moves the messages in the inbox (up to the first signal) behind pend, without
// touching the heap; it reports whether there were any. Called only by the owner.
func (mb *mailbox) takeInbox() bool {
	mb.mu.Lock()
	if mb.pending.Load() {
		return mb.drainToSignal() // unlocks
	}
	in := mb.inbox
	if len(in) == 0 {
		mb.mu.Unlock()
		return false
	}
	mb.inbox = mb.spare[:0]
	mb.mu.Unlock()
	if mb.pendLen() == 0 {
		mb.spare = mb.pend[:0]
		mb.pend, mb.head = in, 0
		return true
	}
	mb.moveIn(nil, in)
	mb.spare = in[:0]
	return true
}

// pendLen returns how many messages wait in pend. Called only by the owner.
func (mb *mailbox) pendLen() int { return len(mb.pend) - mb.head }

// moveOne moves the oldest pending message into h and onto the queue; pend must not be
// empty. It returns the words copied. Called only by the owner.
func (mb *mailbox) moveOne(h *term.Heap) int {
	m := mb.pend[mb.head]
	mb.pend[mb.head] = message{}
	mb.head++
	if mb.head == len(mb.pend) {
		mb.pend, mb.head = mb.pend[:0], 0
	}
	t, n := m.term, 0
	if m.frag != nil {
		t, n = m.frag.MoveIn(h), len(m.frag.Words)
	}
	mb.queue = append(mb.queue, t)
	return n
}

// moveIn queues the messages of in behind pend, clearing in; the heap is not touched until
// a receive reaches them (h is unused). Called only by the owner.
func (mb *mailbox) moveIn(h *term.Heap, in []message) {
	_ = h
	mb.pend = append(mb.pend, in...)
	clear(in)
}

// drainToSignal is drain when signals are pending: it moves only the messages that arrived
// before the first signal, which handleSignals acts on at the process's next run (whoever
// sent it woke the process). Called only by the owner, with mu held; it unlocks mu.
func (mb *mailbox) drainToSignal() bool {
	sigs := mb.shared.sigs
	k := sigs[0].at
	if k == 0 {
		mb.mu.Unlock()
		return false
	}
	mb.pend = append(mb.pend, mb.inbox[:k]...)
	n := copy(mb.inbox, mb.inbox[k:])
	clear(mb.inbox[n:])
	mb.inbox = mb.inbox[:n]
	for i := range sigs {
		sigs[i].at -= k
	}
	mb.mu.Unlock()
	return true
}

// pushSignal appends a signal behind the messages already in the inbox. It returns false when
// the process has exited (or is exiting and has taken its last signals). Safe from any
// goroutine; the caller wakes the process.
func (mb *mailbox) pushSignal(s signal) bool {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	if mb.closed {
		return false
	}
	s.at = len(mb.inbox)
	sh := mb.sharedState()
	sh.sigs = append(sh.sigs, s)
	mb.pending.Store(true)
	return true
}

// takeAll takes every message and signal in flight. Called only by the owner.
func (mb *mailbox) takeAll() ([]message, []signal) {
	mb.mu.Lock()
	in := mb.inbox
	mb.inbox, mb.spare = mb.spare[:0], nil // handleSignals gives in back as the next spare
	var sigs []signal
	if sh := mb.shared; sh != nil {
		// The batch taken last time has been handled: its array takes the next signals, so
		// that a process that is monitored and demonitored at every call (a gen_server) does
		// not allocate for each.
		sigs = sh.sigs
		clear(sh.lastSigs)
		sh.sigs, sh.lastSigs = sh.lastSigs[:0], sigs
	}
	if len(sigs) > 0 {
		mb.shared.handling = true
	}
	mb.pending.Store(false)
	mb.mu.Unlock()
	return in, sigs
}

// length returns the number of messages, received or in flight. Called only by the owner.
func (mb *mailbox) length() int {
	mb.mu.Lock()
	n := len(mb.inbox)
	mb.mu.Unlock()
	return n + mb.pendLen() + len(mb.queue)
}

// remove takes the message under the save pointer off the queue and resets the save pointer.
// Called only by the owner.
func (mb *mailbox) remove() {
	i := mb.save
	switch {
	case len(mb.queue) == 1:
		// Keep the array's start: slicing the only message off would shrink the capacity
		// by one per message, and a receive that takes messages one by one would then
		// allocate a new array for each.
		mb.queue[0] = term.Nil
		mb.queue = mb.queue[:0]
	case i == 0:
		mb.queue[0] = term.Nil
		mb.queue = mb.queue[1:]
	default:
		mb.queue = append(mb.queue[:i], mb.queue[i+1:]...)
	}
	mb.save = 0
}
