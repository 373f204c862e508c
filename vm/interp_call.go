package vm

import (
	"sync/atomic"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// resolveCall finds what a call_ext*, call_fun* or apply* instruction calls. For a BIF it
// calls it at once and returns (nil, result, true); for code, (function, NonValue, true) with
// the arguments in place (a closure's captured values appended after them). On failure (undef,
// badfun, badarity, or the BIF raised) the exception is set and ok is false.
func (p *Process) resolveCall(in *instr) (*function, term.Term, bool) {
	h := &p.heap.Heap
	arity := int(in.args[0])
	switch in.op {
	case bytecode.CallExt, bytecode.CallExtLast, bytecode.CallExtOnly:
		return p.callExport(p.fn.mod.imports[in.args[1]], arity)
	case bytecode.Apply, bytecode.ApplyLast, bytecode.ApplyOnly:
		mod, name := p.x[arity], p.x[arity+1]
		if !mod.IsAtom() || !name.IsAtom() {
			p.raiseError(term.Badarg)
			return nil, term.NonValue, false
		}
		e := p.siteLookup(in, mod, name, arity)
		if e == nil {
			p.raiseUndef(mfa{mod, name, arity}, p.x[:arity])
			return nil, term.NonValue, false
		}
		return p.callExport(e, arity)
	}
	// call_fun*: the fun is in x(arity).
	f := p.x[arity]
	if !term.IsFun(h, f) {
		p.raiseError(term.MakeTuple(h, term.Badfun, f))
		return nil, term.NonValue, false
	}
	if term.FunArity(h, f) != arity {
		args := term.ListFromSlice(h, p.x[:arity], term.Nil)
		p.raiseError(term.MakeTuple(h, term.Badarity, term.MakeTuple(h, f, args)))
		return nil, term.NonValue, false
	}
	if h.Kind(f) == term.KindExportFun {
		e := p.siteLookup(in, term.FunModule(h, f), term.ExportFunName(h, f), arity)
		if e == nil {
			p.raiseUndef(mfa{term.FunModule(h, f), term.ExportFunName(h, f), arity}, p.x[:arity])
			return nil, term.NonValue, false
		}
		return p.callExport(e, arity)
	}
	index, uniq, nenv := term.ClosureInfo(h, f)
	m := p.vm.code.module(term.FunModule(h, f))
	if m == nil || m.uniq != uniq || index >= len(m.lambdas) {
		p.raiseError(term.MakeTuple(h, term.Badfun, f))
		return nil, term.NonValue, false
	}
	target := m.funcs[m.lambdas[index].Func]
	// The captured values go above the arguments, into registers the caller may never have
	// named: make them roots first, or entering the callee would clear them.
	p.enter(target)
	for i := 0; i < nenv; i++ {
		p.x[arity+i] = term.ClosureEnv(h, f, i)
	}
	return target, term.NonValue, true
}

// callSite is the inline cache of an apply* or call_fun* instruction: the export entry its
// last call through the export table resolved to. Instructions are shared by every scheduler,
// so the cache is an atomic pointer to an immutable record, replaced whole on a miss. Export
// entries are never deleted and their code is read at each call (callExport), so a cached
// entry stays right across reloads.
type callSite struct {
	last atomic.Pointer[export]
}

// siteLookup returns the export entry of mod:name/arity, or nil, through in's inline cache
// when it has one (the instructions resolveCall makes up for apply/2,3 and spawn do not).
func (p *Process) siteLookup(in *instr, mod, name term.Term, arity int) *export {
	var site *callSite
	if in.ext != nil {
		site = in.ext.site
	}
	if site != nil {
		if e := site.last.Load(); e != nil && e.mod == mod && e.name == name && e.arity == arity {
			return e
		}
	}
	e := p.vm.code.lookup(mod, name, arity)
	if e != nil && site != nil {
		site.last.Store(e)
	}
	return e
}

// callExport resolves a call through export entry e with the arguments in x0..x(arity-1).
func (p *Process) callExport(e *export, arity int) (*function, term.Term, bool) {
	if f := e.fn.Load(); f != nil {
		return f, term.NonValue, true
	}
	if e.bif != nil {
		if e.isApply() { // erlang:apply/2,3 calls what it names (apply.go)
			return p.applyExport(e)
		}
		r := e.bif(p, p.x[:arity])
		if r == term.NonValue {
			if p.start != startNone {
				return nil, term.NonValue, false // hibernate
			}
			p.raiseBif(e, p.x[:arity], false)
			return nil, term.NonValue, false
		}
		return nil, r, true
	}
	p.raiseUndef(e.mfa, p.x[:arity])
	return nil, term.NonValue, false
}

func typeTest(h *term.Heap, op bytecode.Opcode, t term.Term) bool {
	switch op {
	case bytecode.IsInteger:
		return term.IsInteger(h, t)
	case bytecode.IsFloat:
		return term.IsFloat(h, t)
	case bytecode.IsNumber:
		return term.IsNumber(h, t)
	case bytecode.IsAtom:
		return t.IsAtom()
	case bytecode.IsPid:
		return t.IsPid()
	case bytecode.IsRef:
		return term.IsRef(h, t)
	case bytecode.IsPort:
		return false
	case bytecode.IsBinary:
		return term.IsBinary(h, t)
	case bytecode.IsBitstring:
		return term.IsBitstring(h, t)
	case bytecode.IsList:
		return t.IsList() || t.IsNil()
	case bytecode.IsNonemptyList:
		return t.IsList()
	case bytecode.IsNil:
		return t.IsNil()
	case bytecode.IsTuple:
		return term.IsTuple(h, t)
	case bytecode.IsMap:
		return term.IsMap(h, t)
	case bytecode.IsFunction:
		return term.IsFun(h, t)
	case bytecode.IsBoolean:
		return t == term.True || t == term.False
	}
	panic("vm: not a type test: " + op.String())
}

func compareTest(h *term.Heap, op bytecode.Opcode, a, b term.Term) bool {
	switch op {
	case bytecode.IsLt:
		return lessThan(h, a, b)
	case bytecode.IsGe:
		return !lessThan(h, a, b)
	case bytecode.IsEq:
		return term.EqualNumeric(h, a, b)
	case bytecode.IsNe:
		return !term.EqualNumeric(h, a, b)
	case bytecode.IsEqExact:
		return a == b || term.Equal(h, a, b)
	case bytecode.IsNeExact:
		return a != b && !term.Equal(h, a, b)
	}
	panic("vm: not a comparison: " + op.String())
}

// lessThan is a < b in term order, with the small-integer case inline.
func lessThan(h *term.Heap, a, b term.Term) bool {
	if a.IsSmall() && b.IsSmall() {
		return a.Small() < b.Small()
	}
	return term.Compare(h, a, b) < 0
}

// selectVal finds v in a select_val table (exact equality).
func selectVal(h *term.Heap, ext *instrExt, v term.Term) (uint32, bool) {
	for k, c := range ext.vals {
		if c == v {
			return ext.labels[k], true
		}
	}
	if v.IsBoxed() {
		for k, c := range ext.vals {
			if c.IsBoxed() && term.Equal(h, c, v) {
				return ext.labels[k], true
			}
		}
	}
	return 0, false
}

func (p *Process) putTuple(lits []term.Term, ops []operand) term.Term {
	var buf [16]term.Term
	elems := buf[:0]
	for _, o := range ops {
		elems = append(elems, p.get(lits, o))
	}
	return term.MakeTuple(&p.heap.Heap, elems...)
}

func (p *Process) updateTuple(lits []term.Term, t term.Term, ext *instrExt) (term.Term, bool) {
	h := &p.heap.Heap
	if !term.IsTuple(h, t) {
		return term.NonValue, false
	}
	n := term.TupleArity(h, t)
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = term.TupleElem(h, t, i)
	}
	for k, pos := range ext.nums {
		if int(pos) >= n {
			return term.NonValue, false
		}
		elems[pos] = p.get(lits, ext.ops[k])
	}
	return term.MakeTuple(h, elems...), true
}

func (p *Process) makeFun(m *module, lits []term.Term, lambda int, env []operand) term.Term {
	h := &p.heap.Heap
	l := m.lambdas[lambda]
	vals := make([]term.Term, len(env))
	for i, o := range env {
		vals[i] = p.get(lits, o)
	}
	return term.MakeFun(h, m.name, lambda, m.funcs[l.Func].arity-l.NumFree, m.uniq, vals...)
}

// step is what a multi-outcome instruction tells the loop to do next.
type step int

const (
	stepNext  step = iota // fall through
	stepFail              // jump to the fail label (args[0])
	stepRaise             // an exception is set
	stepTrap              // a BIF trapped (trap.go): end the run, run the instruction again
)

func (p *Process) mapInstr(lits []term.Term, in *instr) step {
	h := &p.heap.Heap
	fail := func(reason term.Term) step {
		if in.args[0] != noLabel {
			return stepFail
		}
		p.raiseError(reason)
		return stepRaise
	}
	m := p.get(lits, operand(in.args[1]))
	switch in.op {
	case bytecode.PutMapAssoc, bytecode.PutMapExact:
		if !term.IsMap(h, m) {
			return fail(term.MakeTuple(h, term.Badmap, m))
		}
		ops := in.ext.ops
		for k := 0; k+1 < len(ops); k += 2 {
			key, val := p.get(lits, ops[k]), p.get(lits, ops[k+1])
			if in.op == bytecode.PutMapAssoc {
				m = term.MapPut(h, m, key, val)
				continue
			}
			nm, ok := term.MapUpdate(h, m, key, val)
			if !ok {
				return fail(term.MakeTuple(h, term.Badkey, key))
			}
			m = nm
		}
		p.put(operand(in.args[2]), m)
		return stepNext
	case bytecode.HasMapFields:
		for _, o := range in.ext.ops {
			if _, ok := term.MapGet(h, m, p.get(lits, o)); !ok {
				return stepFail
			}
		}
		return stepNext
	default: // GetMapElements: look every key up first, so that on failure no dst is written
		ops := in.ext.ops
		var buf [8]term.Term
		vals := buf[:0]
		for k := 0; k+1 < len(ops); k += 2 {
			v, ok := term.MapGet(h, m, p.get(lits, ops[k]))
			if !ok {
				return stepFail
			}
			vals = append(vals, v)
		}
		for k := 0; k+1 < len(ops); k += 2 {
			p.put(ops[k+1], vals[k/2])
		}
		return stepNext
	}
}
