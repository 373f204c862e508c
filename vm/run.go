package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// regFile is a scheduler's x registers: a process uses its scheduler's file while it runs and
// keeps only its live registers (xsaved) while it is suspended, so an idle process costs no
// register file.
type regFile = [bytecode.MaxX]term.Term

// Run implements sched.Runner: it runs the process for at most budget reductions on s.
func (p *Process) Run(s *sched.Scheduler, budget int) (sched.Outcome, int) {
	p.x = p.vm.regs[s.ID()]
	copy(p.x[:], p.xsaved)
	p.xsaved = p.xsaved[:0]
	p.sched = s
	before := p.reductions
	// Go code charges its work by lowering p.reds (trap.go): first the signals that arrived
	// since the last run, then a new process's first call if it is a BIF.
	p.reds = int32(budget)
	end := outcomeYield // not ending
	if !p.handleSignals() {
		end = outcomeExit
	} else if p.start != startNone {
		switch p.begin() {
		case beginTrap:
			p.reductions += int64(budget)
			p.xsaved = append(p.xsaved, p.x[:p.xlive]...)
			p.sched, p.x = nil, nil
			return sched.Yield, budget
		case beginDone:
			end = outcomeDone
		case beginFailed:
			end = outcomeExit
		}
	} else if p.resumeClear {
		// Resuming a receive: no register was live across the wait, and the register file
		// is this scheduler's, holding other processes' words. Every register the process
		// keeps as a root (xlive of them: its callers' too, not only the current function's)
		// must be a valid term again.
		p.resumeClear = false
		for i := range p.x[:p.xlive] {
			p.x[i] = term.Nil
		}
	}
	p.reductions += int64(budget - int(p.reds))
	if end != outcomeYield {
		p.exit(end == outcomeDone)
		p.sched, p.x = nil, nil
		return sched.Exit, max(min(int(p.reductions-before), budget), 1)
	}
	out := p.run(max(int(p.reds), 1))
	used := int(p.reductions - before)
	switch out {
	case outcomeYield:
		if p.overMaxHeap {
			p.exc = exception{term.Exit, term.Killed, term.Nil}
			break
		}
		p.xsaved = append(p.xsaved, p.x[:p.xlive]...)
		p.publish(&p.pub)
		p.sched, p.x = nil, nil
		return sched.Yield, min(used, budget)
	case outcomeHibernate:
		p.xsaved = append(p.xsaved, p.x[:p.xlive]...)
		if p.start == startTrap {
			// A BIF trapped: the process yields, and its call runs again when it runs next.
			p.start = startNone
			p.publish(&p.pub)
			p.sched, p.x = nil, nil
			return sched.Yield, min(used, budget)
		}
		p.sched, p.x = nil, nil
		if p.hibernateWake() {
			return sched.Yield, min(used, budget)
		}
		return sched.Wait, min(used, budget)
	case outcomeWait:
		// No x register is live across a wait (the verifier's rule): none is saved, and the
		// process's root registers are cleared when it runs again. The saved registers'
		// array goes too: a waiting process should hold as little as it can.
		p.resumeClear = true
		p.xsaved = nil
		p.publish(&p.pub)
		p.sched, p.x = nil, nil
		return sched.Wait, min(used, budget)
	}
	p.exit(out == outcomeDone)
	p.sched, p.x = nil, nil
	return sched.Exit, min(used, budget)
}

// exit ends the process: it tells whoever waits on it, and drops everything it holds: its
// receive timer and the timers that would send to it, its links and monitors (signalled),
// its name, mailbox and heap. From the moment its mailbox closes (exitSignals) it is exiting:
// not alive for anyone (lookupAlive); it leaves the process table once its exit signals are
// sent.
func (p *Process) exit(normal bool) {
	p.cancelReceiveTimer()
	if f := p.onExitHook(); f != nil {
		f(p, normal)
	}
	p.exitSignals(normal)
	p.vm.procs.remove(p)
	p.mb.close()
	p.heap = nil
	p.stack, p.frames, p.catches, p.xsaved = nil, nil, nil, nil
}
