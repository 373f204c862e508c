package vm

import "github.com/beamlite/beamlite/vm/term"

// BIFs about loaded code.

func init() {
	registerBif("erlang", "function_exported", 3, bifFunctionExported)
}

// function_exported(Module, Function, Arity): true when the current version of Module exports
// Function/Arity, or when Module:Function/Arity is a BIF, as Erlang's. Module and Function must
// be atoms and Arity a non-negative integer (else badarg). gen_server asks it about the
// optional callbacks (handle_info/2, terminate/2, format_status/2).
func bifFunctionExported(p *Process, a []term.Term) term.Term {
	if !a[0].IsAtom() || !a[1].IsAtom() {
		return p.badarg()
	}
	n := a[2]
	if !n.IsSmall() {
		if term.IsBigInt(&p.heap.Heap, n) && p.heap.Kind(n) != term.KindBigNeg {
			return term.False
		}
		return p.badarg()
	}
	if n.Small() < 0 {
		return p.badarg()
	}
	e := p.vm.code.lookup(a[0], a[1], int(n.Small()))
	return term.Bool(e != nil && (e.bif != nil || e.fn.Load() != nil))
}
