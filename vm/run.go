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
	if !p.handleSignals() {
		p.exit(false)
		p.sched, p.x = nil, nil
		return sched.Exit, 1
	}
	if p.start != startNone {
		if ok, normal := p.begin(); !ok {
			p.exit(normal)
			p.sched, p.x = nil, nil
			return sched.Exit, 1
		}
	} else if p.xlive == 0 {
		p.enter(p.fn) // resuming a receive: no register was live across the wait
	}
	before := p.reductions
	out := p.run(budget)
	used := int(p.reductions - before)
	switch out {
	case outcomeYield:
		p.xsaved = append(p.xsaved, p.x[:p.xlive]...)
		p.sched, p.x = nil, nil
		return sched.Yield, min(used, budget)
	case outcomeWait:
		// A process resumes a receive with no x register live (the verifier's rule after
		// wait); its function's registers are cleared when it runs again.
		p.xlive = 0
		p.sched, p.x = nil, nil
		return sched.Wait, min(used, budget)
	}
	p.exit(out == outcomeDone)
	p.sched, p.x = nil, nil
	return sched.Exit, min(used, budget)
}

// exit ends the process: it tells whoever waits on it, leaves the process table and drops
// everything it holds.
func (p *Process) exit(normal bool) {
	if p.timer != nil {
		p.vm.sys.CancelTimer(p.timer)
		p.timer = nil
	}
	if p.onExit != nil {
		p.onExit(p, normal)
	}
	p.exitSignals(normal)
	p.vm.procs.remove(p)
	p.mb.close()
	p.heap = nil
	p.stack, p.frames, p.catches, p.xsaved = nil, nil, nil, nil
}
