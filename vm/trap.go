package vm

import (
	"math"

	"github.com/beamlite/beamlite/vm/term"
)

// Reductions for work done in Go, and BIFs that trap.
//
// DESIGN.md: "a BIF costs in proportion to its work … No BIF may run unbounded work in one go:
// long work yields and resumes." The interpreter loop keeps the slice's reductions in a local;
// before it hands control to Go code that may do long work (a BIF, send, a receive that takes
// in messages), it stores what is left in Process.reds, and takes it back after. The Go code
// charges its work by lowering p.reds (charge), and a BIF that can do long work asks how much
// it may do now (bifBudget): as erts's ERTS_BIF_REDS_LEFT.
//
// A BIF with more work than reductions traps, as an erts BIF does with BIF_TRAP: it keeps
// its state in a bifTrap (procExt.trap), spends the rest of the slice, and returns NonValue
// with p.start = startTrap. The loop then ends the run without raising (the path that
// erlang:hibernate/3 takes), Run yields the process, and when it runs again the calling
// instruction (call_ext, apply, call_fun or an inline bif) runs again: the BIF is called
// with the same arguments, finds its state (resumeTrap), and goes on. The state is
// recognised by the BIF, the instruction and the argument words, so a stale state is never
// taken for another call's; a collection drops it (the BIF then starts over), so that a
// partial result built in the heap never sees the collector.
//
// The rates are erts's (erl_bif_lists.c, erl_bif_guard.c, utils.c): length/1 and
// lists:member/2 walk 16 cells per reduction, lists:reverse/2 and '++' build 40, an iolist
// costs a reduction per 8 cells or 256 bytes, '--' (a hash multiset here, linear) 16
// elements. The other BIFs that build or walk long terms charge in proportion without
// trapping (see charge's callers).

// Rates: units of work per reduction.
const (
	walkPerRed   = 16  // list cells looked at (length/1, member/2, keyfind/3, '--')
	buildPerRed  = 40  // list cells built (reverse/2, '++', list results of conversions)
	iolistPerRed = 8   // iolist cells, or 32-byte runs of a binary
	copyPerRed   = 64  // words copied (messages, tuples, maps)
	bytesPerRed  = 256 // bytes copied or scanned
)

// charge takes n reductions for work done in Go. Called only by the owner's scheduler.
func (p *Process) charge(n int) {
	if n <= 0 {
		return
	}
	p.reds = int32(max(int64(p.reds)-int64(n), math.MinInt32/2))
}

// bifBudget is how many units of work (at perRed a reduction) a BIF may do before it must
// trap: what the slice has left, and at least one reduction's worth, so that work always
// progresses.
func (p *Process) bifBudget(perRed int) int { return max(int(p.reds), 1) * perRed }

// trapID says which BIF a bifTrap belongs to.
type trapID uint8

const (
	trapNone trapID = iota
	trapLength
	trapReverse1
	trapReverse2
	trapMember
	trapKeyfind
	trapKeymember
	trapKeysearch
	trapAppend
	trapIolist
	trapListToBinary
)

// Slots of bifTrap.terms.
const (
	trArgs = 0 // the call's arguments, up to 3
	trCur  = 3 // where the walk is
	trAcc  = 4 // what was built so far
	trLast = 5 // the last cell built, for '++'
	trN    = 6
)

// bifTrap is what a trapping BIF keeps between two runs of its process. Its terms are not
// collector roots: no collection runs between a trap and the call's next run (the call is
// the first thing the process does), and collect drops a trap's state all the same.
type bifTrap struct {
	id    trapID
	nargs int
	fn    *function // the calling instruction
	ip    int32
	terms [trN]term.Term
	n     int         // a count so far (length/1)
	stack []term.Term // an iolist's tails still to walk
	buf   []byte      // an iolist's bytes so far
}

// newTrap returns a fresh bifTrap with every term slot a valid term.
func newTrap() *bifTrap {
	t := &bifTrap{}
	for i := range t.terms {
		t.terms[i] = term.Nil
	}
	return t
}

// resumeTrap returns the state BIF id kept when it trapped at this very call (the same
// instruction, with the same argument words), or nil. Either way the process keeps no trap
// state after it: a BIF that traps again passes it back to trap.
func (p *Process) resumeTrap(id trapID, args []term.Term) *bifTrap {
	e := p.ext
	if e == nil || e.trap == nil {
		return nil
	}
	t := e.trap
	e.trap = nil
	if t.id != id || t.fn != p.fn || t.ip != p.ip || t.nargs != len(args) {
		return nil
	}
	for i, a := range args {
		if t.terms[trArgs+i] != a {
			return nil
		}
	}
	return t
}

// trap keeps t as BIF id's state, spends what is left of the slice, and returns what the BIF
// returns: NonValue with p.start = startTrap, which ends the run (see the top of this file).
func (p *Process) trap(id trapID, args []term.Term, t *bifTrap) term.Term {
	t.id, t.nargs = id, len(args)
	t.fn, t.ip = p.fn, p.ip
	copy(t.terms[trArgs:trCur], args)
	p.extState().trap = t
	p.start = startTrap
	p.reds = 0
	return p.fail(term.Exit, term.Nil) // never raised: the loop sees p.start first
}

// retry is what a BIF returns that cannot answer yet (is_process_alive while the process
// it asks about has not acted on the caller's exit signal): the process yields, and the call
// runs again at its next run.
func (p *Process) retry() term.Term {
	p.start = startTrap
	p.reds = 0
	return p.fail(term.Exit, term.Nil) // never raised: the loop sees p.start first
}

// dropTrap forgets a pending trap's state: the BIF starts over when it runs again. Called by
// collect, so that no collection ever moves a partial result that a BIF would go on writing.
func (p *Process) dropTrap() {
	if e := p.ext; e != nil {
		e.trap = nil
	}
}
