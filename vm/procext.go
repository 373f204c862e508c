package vm

import (
	"sync/atomic"

	"github.com/beamlite/beamlite/vm/term"
)

// procExt is the state most processes never use, allocated on first use (Process.extState):
// the process dictionary and the heap limits set by process_flag or spawn_opt. The priority
// lives in the Task (atomic, so other processes may read it), trap_exit and the registered
// name in the signal state (signal.go).
//
// Only the scheduler running the owning process touches a procExt.
type procExt struct {
	// roots are the collector roots among this state (see Process.extRoots): the process
	// dictionary, one map term (key => value), or Nil when it is empty.
	roots [extNumRoots]term.Term
	// maxHeapNoKill is max_heap_size's kill => false: a collection that leaves the heap over
	// the limit (gc.Options.MaxHeapSize, which the collector checks) does not kill the process.
	maxHeapNoKill bool
}

const (
	extDict     = iota // the process dictionary: a map term, or Nil
	extNumRoots        // how many roots a procExt holds
)

// extState returns the process's procExt, allocating it on first use. Called only by the
// owner's scheduler.
func (p *Process) extState() *procExt {
	if p.ext == nil {
		p.ext = &procExt{}
		for i := range p.ext.roots {
			p.ext.roots[i] = term.Nil
		}
	}
	return p.ext
}

// extRoots returns the collector roots held in procExt (the process dictionary), as a slice
// that aliases the storage: the collector rewrites the terms in place. It returns nil when the
// process has no procExt. Process.VisitRoots must visit it. Called only by the owner's
// scheduler.
func (p *Process) extRoots() []term.Term {
	if p.ext == nil {
		return nil
	}
	return p.ext.roots[:]
}

// procPub is what a process publishes about itself for other processes' process_info: the
// fields of Process are the owner's, and reading them while it runs is a data race, so the
// owner copies these at the end of each run (Process.publish) and others read only them.
// Every field is atomic: safe from any goroutine, and possibly one run stale.
type procPub struct {
	reductions atomic.Int64
	heapWords  atomic.Int64 // Heap.Size
	youngWords atomic.Int64 // the young generation's size
	stackWords atomic.Int64
	queueLen   atomic.Int64 // messages in the owner-only queue (the inbox is counted apart)
	fn         atomic.Pointer[function]
	memBytes   atomic.Int64 // Process.memoryBytes, for erlang:memory (bif_memory.go)
}

// publish copies the process's counters into pub for other processes to read. Called only
// by the owner's scheduler, at the end of a run (Run), with the process's state consistent.
func (p *Process) publish(pub *procPub) {
	if pub == nil || p.heap == nil {
		return
	}
	pub.reductions.Store(p.reductions)
	pub.heapWords.Store(int64(p.heap.Size()))
	pub.youngWords.Store(int64(youngSize(p)))
	pub.stackWords.Store(int64(len(p.stack)))
	pub.queueLen.Store(int64(len(p.mb.queue)))
	pub.fn.Store(p.fn)
	pub.memBytes.Store(p.memoryBytes())
}

func youngSize(p *Process) int { return max(p.heap.Limit, len(p.heap.Young)) }

// published returns where the process publishes its counters for other processes (Run calls
// publish at the end of every run that does not end the process).
func (p *Process) published() *procPub { return &p.pub }
