package vm

import (
	"github.com/beamlite/beamlite/vm/term"
)

// binaryInstr executes one binary construction or matching instruction (bs_*). Instructions
// with a fail label take it as args[0]; stepFail jumps there, stepRaise means p.exc is set.
func (p *Process) binaryInstr(lits []term.Term, in *instr) step {
	p.raiseError(term.MakeTuple(&p.heap.Heap, term.MustIntern("not_implemented"), term.MustIntern(in.op.String())))
	return stepRaise
}
