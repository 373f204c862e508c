package vm

import "github.com/beamlite/beamlite/vm/term"

// BIFs about loaded code.

func init() {
	registerBif("erlang", "function_exported", 3, bifFunctionExported)
	registerBif("erlang", "fun_info_mfa", 1, bifFunInfoMFA)
}

// fun_info_mfa(Fun) -> {Module, Function, Arity}: the function a fun runs and the number of
// arguments the fun takes, as Erlang's (for a closure, Function is the function its make_fun
// names; undefined when that module version is no longer loaded). proc_lib uses it for the
// '$initial_call' of a process started with a fun.
func bifFunInfoMFA(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	f := a[0]
	if !term.IsFun(h, f) {
		return p.badarg()
	}
	mod, arity := term.FunModule(h, f), term.MakeSmall(int64(term.FunArity(h, f)))
	if h.Kind(f) == term.KindExportFun {
		return term.MakeTuple(h, mod, term.ExportFunName(h, f), arity)
	}
	name := term.Undefined
	index, uniq, _ := term.ClosureInfo(h, f)
	if m := p.vm.code.module(mod); m != nil && m.uniq == uniq && index < len(m.lambdas) {
		name = m.funcs[m.lambdas[index].Func].name
	}
	return term.MakeTuple(h, mod, name, arity)
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
