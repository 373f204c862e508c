package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// startKind says how a new process begins: what its first run resolves and calls.
type startKind uint8

const (
	startNone  startKind = iota // running already
	startApply                  // x0..x(n-1) args, x(n) module, x(n+1) function: apply
	startFun                    // x0 a fun of arity 0: call it
	startTrap                   // a BIF trapped: run its call again (trap.go); never seen by Run
)

// beginResult is what a new process's first call came to.
type beginResult uint8

const (
	beginRun    beginResult = iota // a function: run it
	beginDone                      // a BIF that returned: its result is in x0
	beginFailed                    // no such function, or a BIF that raised: p.exc is set
	beginTrap                      // a BIF that trapped: call it again at the next run
)

// begin resolves a new process's first call, as the apply and call_fun instructions do, and
// sets it up to run.
func (p *Process) begin() beginResult {
	kind := p.start
	in := instr{op: bytecode.ApplyOnly}
	in.args[0] = uint32(p.startArity)
	if kind == startFun {
		in = instr{op: bytecode.CallFunOnly}
	}
	p.start = startNone
	target, r, resolved := p.resolveCall(&in)
	switch {
	case !resolved && p.start == startTrap:
		p.start = kind
		return beginTrap
	case !resolved:
		return beginFailed
	case target == nil:
		p.x[0] = r
		return beginDone
	}
	p.fn, p.ip = target, 0
	p.enter(target)
	return beginRun
}

// spawnOpts are the options of a new process (spawn_opt's, and the defaults otherwise).
// Parsed by parseSpawnOpts (bif_proc.go).
type spawnOpts struct {
	link, monitor bool
	prio          sched.Priority
	heap          gc.Options
	noKill        bool // max_heap_size with kill => false
}

// defaultSpawnOpts are the options of spawn/1,3.
func (p *Process) defaultSpawnOpts() spawnOpts {
	return spawnOpts{heap: *p.vm.opts.Heap, prio: sched.Normal}
}

// spawn makes a process running the given start (its arguments in xs, copied out of p's heap)
// with options o, and schedules it on p's scheduler. A link or monitor the options ask for is
// set up on both sides before the child can run, so that no exit of the child can precede
// it. It returns spawn's result: the pid, {Pid, Ref} with monitor, or NonValue with the
// exception set (system_limit when the process table is full). Every spawn BIF comes here.
func (p *Process) spawn(start startKind, arity int, xs []term.Term, o spawnOpts) term.Term {
	v := p.vm
	if arity > bytecode.MaxArity {
		return p.badarg() // no function takes so many arguments
	}
	child := newProcess(v, o.heap)
	if !v.procs.insert(child) {
		return p.fail(term.Error, term.SystemLimit)
	}
	child.xsaved = p.copyArgs(xs, child)
	child.xlive = len(xs)
	child.start, child.startArity = start, uint8(arity)
	if o.noKill {
		child.extState().maxHeapNoKill = true
	}
	child.SetPriority(o.prio)
	// The child is not running yet: p sets up both sides (the child's under its lock, for
	// process_info readers).
	if o.link {
		child.setLink(p.pid, 0)
		p.setLink(child.pid, 0)
	}
	var mon uint64
	if o.monitor {
		mon = refCounter.Add(1)
		child.setMonitoredBy(mon, p.pid)
		p.setMonitor(mon, monitorEntry{pid: child.pid})
	}
	if p.sched != nil {
		p.sched.Spawn(&child.Task, child, o.prio)
	} else {
		v.sys.Spawn(&child.Task, child, o.prio)
	}
	if !o.monitor {
		return child.pid
	}
	h := &p.heap.Heap
	return term.MakeTuple(h, child.pid, term.MakeRef(h, mon))
}

// copyArgs copies a new process's first registers xs out of p's heap into child's. Immediates
// and literals need no copy, and a process spawned with only those allocates no heap at all;
// the others travel together as one fragment (of a tuple, which costs one word more than
// them), as a message does.
func (p *Process) copyArgs(xs []term.Term, child *Process) []term.Term {
	out := make([]term.Term, len(xs))
	copy(out, xs)
	var boxed []term.Term
	for _, x := range xs {
		if gc.NeedsCopy(x) {
			boxed = append(boxed, x)
		}
	}
	if len(boxed) == 0 {
		return out
	}
	h, ch := &p.heap.Heap, &child.heap.Heap
	moved := gc.CopyOut(h, term.MakeTuple(h, boxed...)).MoveIn(ch)
	k := 0
	for i, x := range xs {
		if gc.NeedsCopy(x) {
			out[i] = term.TupleElem(ch, moved, k)
			k++
		}
	}
	return out
}

func init() {
	registerBif("erlang", "spawn", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !a[0].IsAtom() || !a[1].IsAtom() || !term.IsProperList(h, a[2]) {
			return p.badarg()
		}
		args, _ := term.ListToSlice(h, a[2])
		return p.spawn(startApply, len(args), append(args, a[0], a[1]), p.defaultSpawnOpts())
	})
	registerBif("erlang", "spawn", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsFun(h, a[0]) {
			return p.badarg()
		}
		return p.spawn(startFun, 0, []term.Term{a[0]}, p.defaultSpawnOpts())
	})
	sendBif := func(p *Process, a []term.Term) term.Term {
		if !p.send(a[0], a[1]) {
			return p.badarg()
		}
		return a[1]
	}
	registerBif("erlang", "send", 2, sendBif)
	registerBif("erlang", "!", 2, sendBif)
	// halt(Status): the program ends with Status (an integer 0..255; abort is 134); halt/0 is
	// halt(0). The calling process is killed so that it runs no further.
	halt := func(p *Process, status term.Term) term.Term {
		code := 0
		switch {
		case status.IsSmall() && status.Small() >= 0:
			code = int(status.Small() & 0xFF)
		case status == atomAbort:
			code = 134
		case status.IsList() || status.IsNil():
			code = 1 // a slogan: Erlang prints it in a crash dump and exits 1
		default:
			return p.badarg()
		}
		p.vm.halt(code)
		return p.fail(term.Exit, term.Killed)
	}
	registerBif("erlang", "halt", 0, func(p *Process, a []term.Term) term.Term { return halt(p, term.MakeSmall(0)) })
	registerBif("erlang", "halt", 1, func(p *Process, a []term.Term) term.Term { return halt(p, a[0]) })
	registerBif("erlang", "is_process_alive", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsPid() {
			return p.badarg()
		}
		q, wait := p.lookupAlive(a[0])
		if wait {
			return p.retry()
		}
		return term.Bool(q != nil)
	})
}
