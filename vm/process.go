package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
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
// goroutine running it touches it.
type Process struct {
	vm   *VM
	pid  term.Term
	heap *gc.Heap

	// Execution state, valid while the process is not running.
	fn *function
	ip int32
	cp retAddr

	// x is the register file. xlive is one more than the highest register any function the
	// process entered may name: x0..x(xlive-1) always hold valid terms and are collector roots
	// (a conservative but exact-enough rule: stale registers only keep garbage a little longer).
	x     *[bytecode.MaxX]term.Term
	xlive int

	stack   []term.Term // y slots of all frames
	frames  []frame
	catches []catchEntry
	ybase   int32 // start of the current frame's y slots

	// The exception being raised or just caught.
	exc     exception
	bifArgs [3]term.Term // arguments of an inline BIF call (bif1..bif3)
	// bifClass and bifReason are the exception a BIF reports by returning NonValue.
	bifClass, bifReason term.Term

	reductions int64
	yields     int64 // time slices that ended because the budget was spent
}

// exception is an Erlang exception: class (error, exit, throw), reason and stack trace.
type exception struct {
	class, reason, trace term.Term
}

// VisitRoots implements gc.Roots: the live registers, the stack, and the pending exception.
func (p *Process) VisitRoots(visit func([]term.Term)) {
	visit(p.x[:p.xlive])
	visit(p.stack)
	exc := [3]term.Term{p.exc.class, p.exc.reason, p.exc.trace}
	visit(exc[:])
	p.exc = exception{exc[0], exc[1], exc[2]}
}

func newProcess(v *VM, opts gc.Options) *Process {
	p := &Process{vm: v, heap: gc.New(opts), x: new([bytecode.MaxX]term.Term)}
	p.exc = exception{term.Nil, term.Nil, term.Nil}
	p.bifClass, p.bifReason = term.Error, term.Badarg
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

// maybeGC collects if the young generation is over its limit. Called only at safe points,
// where x0..x(xlive-1), the stack and the pending exception are every root.
func (p *Process) maybeGC() int {
	if !p.heap.NeedsGC() {
		return 0
	}
	st := p.heap.Collect(p, 0)
	return st.Reductions()
}
