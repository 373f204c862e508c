package vm

import (
	"sync"

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
type mailbox struct {
	mu     sync.Mutex // guards inbox and closed
	inbox  []message
	closed bool // the process has exited: messages are dropped

	queue []term.Term // owner only: received messages, oldest first
	save  int         // owner only: the receive's position in queue
	spare []message   // owner only: the last inbox, reused so that senders rarely allocate
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
	mb.mu.Unlock()
	mb.queue = nil
}

// drain moves every message in the inbox into h and onto the queue; it reports whether there
// were any. Called only by the owner.
func (mb *mailbox) drain(h *term.Heap) bool {
	mb.mu.Lock()
	in := mb.inbox
	if len(in) == 0 {
		mb.mu.Unlock()
		return false
	}
	mb.inbox = mb.spare[:0]
	mb.mu.Unlock()
	for i, m := range in {
		t := m.term
		if m.frag != nil {
			t = m.frag.MoveIn(h)
		}
		mb.queue = append(mb.queue, t)
		in[i] = message{}
	}
	mb.spare = in[:0]
	return true
}

// length returns the number of messages, received or in flight. Called only by the owner.
func (mb *mailbox) length() int {
	mb.mu.Lock()
	n := len(mb.inbox)
	mb.mu.Unlock()
	return n + len(mb.queue)
}

// remove takes the message under the save pointer off the queue and resets the save pointer.
// Called only by the owner.
func (mb *mailbox) remove() {
	i := mb.save
	if i == 0 {
		mb.queue[0] = term.Nil
		mb.queue = mb.queue[1:]
	} else {
		mb.queue = append(mb.queue[:i], mb.queue[i+1:]...)
	}
	mb.save = 0
}
