package vm

import (
	"math"
	"sync/atomic"

	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// procExt is the state most processes never use, allocated on first use (Process.extState):
// the process dictionary, the heap limit set by process_flag or spawn_opt, a receive's timer
// and reference marker, and Go's hook on the exit. The priority lives in the Task (atomic, so
// other processes may read it), trap_exit in the signal state (signal.go), the registered name
// in the mailbox (mailbox.shared).
//
// Only the scheduler running the owning process touches a procExt, except firedGen.
type procExt struct {
	// roots are the collector roots among this state (see Process.extRoots): the process
	// dictionary, one map term (key => value), or Nil when it is empty; and the receive
	// marker's reference.
	roots [extNumRoots]term.Term
	// maxHeapNoKill is max_heap_size's kill => false: a collection that leaves the heap over
	// the limit (gc.Options.MaxHeapSize, which the collector checks) does not kill the process.
	maxHeapNoKill bool

	// The receive timeout (interp_receive.go): timer is the pending one; firedGen is set by
	// its callback (on any scheduler) to its generation and read by wait_timeout.
	timer    *sched.Timer
	timerGen uint64 // generation of the current timer; moves on at every cancel
	firedGen atomic.Uint64
	fired    func(uint64) // the timer's callback, made once per process (receiveTimeout)
	marker   recvMarker   // its ref is roots[extMarkerRef]

	// onExit, when set, is called on the process's scheduler as it exits, with its heap still
	// intact: how Go code (Apply, the embedding API) learns a process's result.
	onExit func(p *Process, normal bool)

	// trap is the state of a BIF that trapped, for the next run of its call (trap.go).
	trap *bifTrap
}

const (
	extDict      = iota // the process dictionary: a map term, or Nil
	extMarkerRef        // the receive marker's reference, or Nil
	extNumRoots         // how many roots a procExt holds
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

// onExitHook returns the hook Go code set for the process's exit, or nil.
func (p *Process) onExitHook() func(p *Process, normal bool) {
	if p.ext == nil {
		return nil
	}
	return p.ext.onExit
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
	heap       pubPair // Heap.Size, and the young generation's size
	stack      pubPair // stack words, and messages in the owner-only queue (the inbox apart)
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
	pub.heap.store(p.heap.Size(), youngSize(p))
	pub.stack.store(len(p.stack), len(p.mb.queue)+p.mb.pendLen())
	pub.fn.Store(p.fn)
	pub.memBytes.Store(p.memoryBytes())
}

// pubPair is two counters published in one word, 32 bits each (saturating): a process
// publishes several, and every process has a procPub.
type pubPair struct{ w atomic.Uint64 }

func (pp *pubPair) store(a, b int) {
	clamp := func(n int) uint64 { return uint64(min(max(n, 0), math.MaxUint32)) }
	pp.w.Store(clamp(a)<<32 | clamp(b))
}

// first and second return the counters stored last.
func (pp *pubPair) first() int64  { return int64(pp.w.Load() >> 32) }
func (pp *pubPair) second() int64 { return int64(pp.w.Load() & math.MaxUint32) }

func youngSize(p *Process) int { return max(p.heap.Limit, len(p.heap.Young)) }

// published returns where the process publishes its counters for other processes (Run calls
// publish at the end of every run that does not end the process).
func (p *Process) published() *procPub { return &p.pub }
