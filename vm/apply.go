package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// erlang:apply/2 and erlang:apply/3.
//
// They call code, which a BIF cannot: as erts's loader turns a call of erlang:apply/3 into
// i_apply (i_apply_last, i_apply_only), a call that reaches the export entry of
// erlang:apply/2,3 through the export table (call_ext*, an apply instruction naming
// erlang:apply, fun erlang:apply/3, spawn(erlang, apply, [...])) is turned by callExport into
// the call it names: the argument list is unpacked into x0..x(N-1) and the function (or fun)
// resolved as the apply (call_fun) instruction of arity N does, so that the call is a body
// or tail call exactly as the instruction that made it. erlang:apply leaves no entry in the
// stack trace, except when its own arguments are bad: then, as in erts, it raises badarg
// with {erlang, apply, Args} on top (a module or function that is not an atom, an improper
// list of arguments, apply/2's arguments not a list). Otherwise the errors are those of the
// call: undef (with the function and its arguments on top), {badfun, F},
// {badarity, {F, Args}}, or whatever a BIF applied raises.

func init() {
	registerBif("erlang", "apply", 2, bifApplyInline)
	registerBif("erlang", "apply", 3, bifApplyInline)
}

// bifApplyInline is erlang:apply/2,3 as a BIF, which runs only when a bif2/bif3 instruction
// names it (every call through the export table goes to applyExport): a BIF cannot call code,
// so it raises badarg there.
func bifApplyInline(p *Process, a []term.Term) term.Term { return p.badarg() }

// isApply reports whether e is erlang:apply/2 or erlang:apply/3 (the only BIFs named apply).
func (e *export) isApply() bool { return e.name == atomApply && e.mod == atomErlang }

// applyExport makes a call of erlang:apply/2,3 (export entry e, its arguments in x0..x2) the
// call it names; see the top of this file. It returns what callExport does.
//
// A BIF it calls may trap (trap.go): the calling instruction then runs again, and must find
// its registers (apply's arguments, and an apply instruction's module and function in x3 and
// x4) as they were, not unpacked.
func (p *Process) applyExport(e *export) (*function, term.Term, bool) {
	var saved [5]term.Term
	copy(saved[:], p.x[:len(saved)])
	f, r, ok := p.applyUnpack(e)
	if !ok && p.start == startTrap {
		copy(p.x[:len(saved)], saved[:])
	}
	return f, r, ok
}

// applyUnpack is applyExport without the care for traps.
func (p *Process) applyUnpack(e *export) (*function, term.Term, bool) {
	h := &p.heap.Heap
	if e.arity == 3 {
		mod, name, args := p.x[0], p.x[1], p.x[2]
		n, proper := properLength(h, args)
		if !proper || !mod.IsAtom() || !name.IsAtom() {
			return p.applyBadarg(e)
		}
		if n > bytecode.MaxArity { // no function has so many arguments: undef, as in erts
			p.raiseUndef(mfa{mod, name, n}, listToSlice(h, args, n))
			return nil, term.NonValue, false
		}
		p.unpackArgs(args, n, 2)
		p.x[n], p.x[n+1] = mod, name
		return p.resolveCall(tailCall(bytecode.ApplyOnly, n))
	}
	fun, args := p.x[0], p.x[1]
	n, proper := properLength(h, args)
	if !proper {
		return p.applyBadarg(e)
	}
	if n > bytecode.MaxArity { // no fun takes so many arguments
		if !term.IsFun(h, fun) {
			p.raiseError(term.MakeTuple(h, term.Badfun, fun))
		} else {
			p.raiseError(term.MakeTuple(h, term.Badarity, term.MakeTuple(h, fun, args)))
		}
		return nil, term.NonValue, false
	}
	p.unpackArgs(args, n, 1)
	p.x[n] = fun
	return p.resolveCall(tailCall(bytecode.CallFunOnly, n))
}

// applyBadarg raises badarg for erlang:apply's own arguments, with {erlang, apply, Args} on
// top of the trace.
func (p *Process) applyBadarg(e *export) (*function, term.Term, bool) {
	p.badarg()
	p.raiseBif(e, p.x[:e.arity], false)
	return nil, term.NonValue, false
}

// unpackArgs puts the n elements of the proper list args into x0..x(n-1) and makes sure
// x0..x(n+extra-1) are live registers (the apply's module and function, or its fun, go in
// x(n) and x(n+1)), so that entering the callee keeps them.
func (p *Process) unpackArgs(args term.Term, n, extra int) {
	h := &p.heap.Heap
	for i := 0; i < n; i++ {
		w := h.Words(args)
		p.x[i], args = term.Term(w[0]), term.Term(w[1])
	}
	if live := n + extra; live > p.xlive {
		for i := max(p.xlive, n); i < live; i++ {
			p.x[i] = term.Nil
		}
		p.xlive = live
	}
	p.charge(n / walkPerRed) // walking the list
}

// tailCall is the instruction op of arity n, for resolveCall.
func tailCall(op bytecode.Opcode, n int) *instr {
	in := &instr{op: op}
	in.args[0] = uint32(n)
	return in
}

// properLength returns the length of l and whether it is a proper list.
func properLength(h *term.Heap, l term.Term) (int, bool) {
	n := 0
	for l.IsList() {
		n++
		l = h.Tail(l)
	}
	return n, l.IsNil()
}

// listToSlice returns the first n elements of the list l.
func listToSlice(h *term.Heap, l term.Term, n int) []term.Term {
	s := make([]term.Term, 0, n)
	for ; len(s) < n; l = h.Tail(l) {
		s = append(s, h.Head(l))
	}
	return s
}
