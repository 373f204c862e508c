package sched

import (
	"sync"
	"sync/atomic"
)

// Run-queue levels. Normal and Low share levelNormal, as in erts.
const (
	levelMax = iota
	levelHigh
	levelNormal
	numLevels
)

// fifo is one level of a run queue: an intrusive singly linked list through Task.next.
// Protected by the lock of the runQueue that holds it.
type fifo struct {
	head, tail *Task
}

// runQueue is one scheduler's queue of stealable runnable tasks, by level. The owner pushes
// and pops; other schedulers steal; any goroutine pushes through Wake. One mutex per queue:
// erts measured a lock-free run queue and kept the locked one (see docs/SCHEDULER.md), and a
// priority queue with the Low skip rule does not fit a fixed ring.
type runQueue struct {
	mu sync.Mutex // protects lv and every queued task's next and skips
	lv [numLevels]fifo

	// n[l] is the number of tasks in lv[l]; written under mu, read without it by parkers,
	// thieves and Stats. A thief or parker that reads a stale zero is covered by the
	// notify protocol (docs/SCHEDULER.md, "Parking").
	n     [numLevels]atomic.Int32
	total atomic.Int32
}

// push appends t at the back of its priority's level. Safe from any goroutine; takes rq.mu.
func (rq *runQueue) push(t *Task) {
	p := t.Priority()
	l := p.level()
	rq.mu.Lock()
	t.skips = 0
	if p == Low {
		t.skips = LowSkips
	}
	rq.append(l, t)
	rq.mu.Unlock()
}

// append links t at the back of level l. rq.mu must be held.
func (rq *runQueue) append(l int, t *Task) {
	assertLocked(&rq.mu)
	t.next = nil
	f := &rq.lv[l]
	if f.tail == nil {
		f.head = t
	} else {
		f.tail.next = t
	}
	f.tail = t
	rq.n[l].Add(1)
	rq.total.Add(1)
}

// pop removes the task that should run next: the head of the highest non-empty level; in the
// normal level a Low task at the head with skips left goes to the back instead, unless it is
// the last one there. Called only by the owning scheduler (thieves use stealHalf).
func (rq *runQueue) pop() *Task {
	if rq.total.Load() == 0 {
		return nil
	}
	rq.mu.Lock()
	defer rq.mu.Unlock()
	for l := range numLevels {
		f := &rq.lv[l]
		for f.head != nil {
			t := f.head
			f.head = t.next
			if f.head == nil {
				f.tail = nil
				rq.n[l].Add(-1)
				rq.total.Add(-1)
				t.next = nil
				return t
			}
			if t.skips > 0 {
				// Passed over: to the back with one pass fewer. Terminates because every
				// turn of this loop spends a skip or returns.
				t.skips--
				t.next = nil
				f.tail.next = t
				f.tail = t
				continue
			}
			rq.n[l].Add(-1)
			rq.total.Add(-1)
			t.next = nil
			return t
		}
	}
	return nil
}

// stealHalf removes the first half (rounded up) of the highest non-empty level and returns it
// as a chain, with its level and length. Safe from any goroutine; takes rq.mu.
func (rq *runQueue) stealHalf() (head *Task, level, k int) {
	if rq.total.Load() == 0 {
		return nil, 0, 0
	}
	rq.mu.Lock()
	defer rq.mu.Unlock()
	for l := range numLevels {
		f := &rq.lv[l]
		n := int(rq.n[l].Load())
		if n == 0 {
			continue
		}
		k = (n + 1) / 2
		head = f.head
		last := head
		for range k - 1 {
			last = last.next
		}
		f.head = last.next
		if f.head == nil {
			f.tail = nil
		}
		last.next = nil
		rq.n[l].Add(int32(-k))
		rq.total.Add(int32(-k))
		return head, l, k
	}
	return nil, 0, 0
}

// pushChain appends a chain taken by stealHalf to level l, keeping each task's skips so that a
// Low task is not favoured by being stolen. Safe from any goroutine; takes rq.mu.
func (rq *runQueue) pushChain(head *Task, l int) {
	rq.mu.Lock()
	for t := head; t != nil; {
		next := t.next
		skips := t.skips
		rq.append(l, t)
		t.skips = skips
		t = next
	}
	rq.mu.Unlock()
}

// bestLevel returns the highest non-empty level, or numLevels if the queue is empty. Safe from
// any goroutine; the answer may be stale.
func (rq *runQueue) bestLevel() int {
	for l := range numLevels {
		if rq.n[l].Load() > 0 {
			return l
		}
	}
	return numLevels
}
