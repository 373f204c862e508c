package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// retAddr is a continuation: resume fn at instruction ip. A nil fn returns from the process's
// first function: the process is done.
type retAddr struct {
	fn *function
	ip int32
}

// frame is a stack frame made by allocate: the continuation it saved and where its y slots
// start in Process.stack.
type frame struct {
	cp    retAddr
	ybase int32
	size  int32
}

// catchEntry is an active try or catch: where its handler is and how much of the stack it
// owns.
type catchEntry struct {
	fn      *function
	handler int32
	frames  int32 // len(Process.frames) when the try ran; the try's own frame is the last
	isCatch bool  // catch (old style) rather than try
}

// Process is one beamlite process: its heap, registers, stack and execution state. Only the
// scheduler running it touches its fields, except those marked otherwise (the mailbox's inbox,
// the Task status, timeoutFired).
type Process struct {
	sched.Task
	vm   *VM
	pid  term.Term
	heap *gc.Heap
	mb   mailbox

	// Execution state, valid while the process is not running.
	fn    *function
	cp    retAddr
	ip    int32
	ybase int32 // start of the current frame's y slots

	// x is the register file: its scheduler's while the process runs. xlive is one more than
	// the highest register any function the process entered may name: x0..x(xlive-1) always
	// hold valid terms and are collector roots (a conservative but exact-enough rule: stale
	// registers only keep garbage a little longer). While the process is suspended, xsaved
	// holds x0..x(xlive-1).
	x      *[bytecode.MaxX]term.Term
	xlive  int
	xsaved []term.Term
	sched  *sched.Scheduler // the scheduler running the process, while it runs

	// sig holds links, monitors and trap_exit (signal.go); ext the rarely used state: the
	// process dictionary, the receive timer, the receive marker, the heap-limit flag and the
	// like (procext.go). Both are allocated on first use, so that an idle process costs
	// neither.
	sig *procSignals
	ext *procExt
	pub procPub // what other processes' process_info may read (procext.go)

	// overMaxHeap is set when a collection left the heap over max_heap_size: the process is
	// killed at the end of its slice.
	overMaxHeap bool
	// resumeClear is set when the process waits: no x register is live across a wait, so the
	// registers it keeps as roots are cleared when it runs again.
	resumeClear bool

	// start is how the process begins (startApply, startFun) until its first run resolves it.
	start      startKind
	startArity uint8
	// reds is the reductions left in the slice while the interpreter loop has handed control
	// to Go code that charges for its work (trap.go).
	reds int32

	stack   []term.Term // y slots of all frames
	frames  []frame
	catches []catchEntry

	// The exception being raised or just caught.
	exc     exception
	bifArgs [3]term.Term // arguments of an inline BIF call (bif1..bif3)
	// bifClass and bifReason are the exception a BIF reports by returning NonValue.
	bifClass, bifReason term.Term
	// bifTrace is the stack trace erlang:raise/3 gives, or NonValue.
	bifTrace term.Term

	reductions int64

	bin *binAppend // the writable tail of the last binary built by appending (binary_create.go)
}

// exception is an Erlang exception: class (error, exit, throw), reason and stack trace.
type exception struct {
	class, reason, trace term.Term
}

// VisitRoots implements gc.Roots: the live registers, the stack, and the pending exception.
func (p *Process) VisitRoots(visit func([]term.Term)) {
	visit(p.x[:p.xlive])
	visit(p.stack)
	visit(p.mb.queue)
	if roots := p.extRoots(); roots != nil {
		visit(roots)
	}
	exc := [3]term.Term{p.exc.class, p.exc.reason, p.exc.trace}
	visit(exc[:])
	p.exc = exception{exc[0], exc[1], exc[2]}
}

func newProcess(v *VM, opts gc.Options) *Process {
	p := &Process{vm: v, heap: gc.New(opts)}
	p.exc = exception{term.Nil, term.Nil, term.Nil}
	p.bifClass, p.bifReason, p.bifTrace = term.Error, term.Badarg, term.NonValue
	return p
}

// enter makes the process's x registers up to n collector roots.
func (p *Process) enter(f *function) {
	if f.xmax > p.xlive {
		for i := p.xlive; i < f.xmax; i++ {
			p.x[i] = term.Nil
		}
		p.xlive = f.xmax
	}
}

// collect runs a collection and returns its cost in reductions. Called only at safe points,
// where x0..x(xlive-1), the stack, the mailbox and the pending exception are every root; the
// loop tests len(Young) > Limit itself first, so that the common case costs no call.
func (p *Process) collect() int {
	p.dropTrap()
	st := p.heap.Collect(p, 0)
	p.countGC(st)
	if st.OverMax && p.maxHeapKill() {
		// max_heap_size: the process is killed. The huge cost ends its slice at the next
		// safe point that tests the budget, and Run turns the yield into the exit.
		p.overMaxHeap = true
		return 1 << 30
	}
	return st.Reductions()
}
