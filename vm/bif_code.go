package vm

import "github.com/beamlite/beamlite/vm/term"

// BIFs about loaded code.

func init() {
	registerBif("erlang", "function_exported", 3, bifFunctionExported)
	registerBif("erlang", "fun_info_mfa", 1, bifFunInfoMFA)
	registerBif("erlang", "fun_info", 1, bifFunInfo1)
	registerBif("erlang", "fun_info", 2, bifFunInfo2)
}

var (
	atomEnv      = term.MustIntern("env")
	atomType     = term.MustIntern("type")
	atomIndex    = term.MustIntern("index")
	atomNewIndex = term.MustIntern("new_index")
	atomNewUniq  = term.MustIntern("new_uniq")
	atomUniq     = term.MustIntern("uniq")
	atomLocal    = term.MustIntern("local")
	atomExternal = term.MustIntern("external")
	atomArityFI  = term.MustIntern("arity")
	atomNameFI   = term.MustIntern("name")
	atomModuleFI = term.MustIntern("module")
	atomPidFI    = term.MustIntern("pid")

	// The items of fun_info/1, in erts's order.
	funInfoLocal    = []term.Term{atomPidFI, atomModuleFI, atomNewIndex, atomNewUniq, atomIndex, atomUniq, atomNameFI, atomArityFI, atomEnv, atomType}
	funInfoExternal = []term.Term{atomModuleFI, atomNameFI, atomArityFI, atomEnv, atomType}
)

// fun_info_mfa(Fun) -> {Module, Function, Arity}: the function a fun runs and the number of
// arguments the fun takes. erts has it (undocumented; OTP's proc_lib calls it for the
// '$initial_call' of a process started with a fun, as ours does); for a closure, Function is
// the function its make_fun names (undefined when that module version is no longer loaded).
func bifFunInfoMFA(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	f := a[0]
	if !term.IsFun(h, f) {
		return p.badarg()
	}
	return term.MakeTuple(h, term.FunModule(h, f), p.funName(f), term.MakeSmall(int64(term.FunArity(h, f))))
}

// funName is the name of the function fun f runs (for a closure, the function its make_fun
// names, or undefined when that module version is gone).
func (p *Process) funName(f term.Term) term.Term {
	h := &p.heap.Heap
	if h.Kind(f) == term.KindExportFun {
		return term.ExportFunName(h, f)
	}
	index, uniq, _ := term.ClosureInfo(h, f)
	if m := p.vm.code.module(term.FunModule(h, f)); m != nil && m.uniq == uniq && index < len(m.lambdas) {
		return m.funcs[m.lambdas[index].Func].name
	}
	return term.Undefined
}

// fun_info(Fun) -> [{Item, Value}]: every item of fun_info/2, in erts's order: for a closure
// pid, module, new_index, new_uniq, index, uniq, name, arity, env, type; for an export fun
// (fun M:F/A) module, name, arity, env, type.
func bifFunInfo1(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsFun(h, a[0]) {
		return p.badarg()
	}
	items := funInfoLocal
	if h.Kind(a[0]) == term.KindExportFun {
		items = funInfoExternal
	}
	l := term.Nil
	for i := len(items) - 1; i >= 0; i-- {
		l = term.Cons(h, term.MakeTuple(h, items[i], p.funInfoItem(a[0], items[i])), l)
	}
	return l
}

// fun_info(Fun, Item) -> {Item, Value}, as erts's: module, name, arity, env (the captured
// values), type (local or external), and for a closure index and new_index (its entry in its
// module's funs table), uniq (the module version's checksum, an integer), new_uniq (a 16-byte
// binary made from it) and pid; an export fun has undefined for those. beamlite's funs do not
// record the process that made them: pid is the calling process. Another item, or Fun not a
// fun, is badarg.
func bifFunInfo2(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsFun(h, a[0]) || !a[1].IsAtom() {
		return p.badarg()
	}
	v := p.funInfoItem(a[0], a[1])
	if v == term.NonValue {
		return p.badarg()
	}
	return term.MakeTuple(h, a[1], v)
}

// funInfoItem is the value of fun_info item of fun f, or NonValue for an unknown item.
func (p *Process) funInfoItem(f, item term.Term) term.Term {
	h := &p.heap.Heap
	external := h.Kind(f) == term.KindExportFun
	switch item {
	case atomModuleFI:
		return term.FunModule(h, f)
	case atomNameFI:
		return p.funName(f)
	case atomArityFI:
		return term.MakeSmall(int64(term.FunArity(h, f)))
	case atomType:
		if external {
			return atomExternal
		}
		return atomLocal
	case atomEnv:
		if external {
			return term.Nil
		}
		_, _, nenv := term.ClosureInfo(h, f)
		env := make([]term.Term, nenv)
		for i := range env {
			env[i] = term.ClosureEnv(h, f, i)
		}
		return term.ListFromSlice(h, env, term.Nil)
	case atomPidFI, atomIndex, atomNewIndex, atomUniq, atomNewUniq:
		if external {
			return term.Undefined
		}
		index, uniq, _ := term.ClosureInfo(h, f)
		switch item {
		case atomPidFI:
			return p.pid
		case atomIndex, atomNewIndex:
			return term.MakeSmall(int64(index))
		case atomUniq:
			return term.MakeSmall(int64(uniq))
		}
		var b [16]byte
		for i := range b {
			b[i] = byte(uniq >> (8 * (3 - i%4)))
		}
		return term.MakeBinary(h, b[:])
	}
	return term.NonValue
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
