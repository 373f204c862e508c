package vm

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
)

// module is one loaded version of a module.
type module struct {
	name  term.Term
	file  string
	funcs []*function
	// lits are the module's literals as terms in its literal area, indexed as
	// bytecode.Module.Literals.
	lits    []term.Term
	atoms   []term.Term
	imports []*export
	lambdas []bytecode.Lambda
	uniq    uint32
}

// function is one function of a loaded module, lowered for the interpreter.
type function struct {
	mod   *module
	name  term.Term
	arity int
	code  []instr
	lines []int32
	// lits is mod.lits, kept here so that a call reaches the callee's constants with one load.
	lits []term.Term
	// xmax is one more than the highest x register the function names; the interpreter keeps
	// x0..max(xmax) of all functions run so far as collector roots (see Process.xlive).
	xmax int
}

// mfa names an exported function.
type mfa struct {
	mod, name term.Term
	arity     int
}

// export is an entry of the export table: the current code of an exported function or the BIF
// of that name. Callers hold the entry and read fn at each call, so loading a new version of
// a module switches them at their next external call.
type export struct {
	mfa
	fn  atomic.Pointer[function] // nil: not loaded (calling it raises undef)
	bif bifFunc                  // non-nil for a built-in function
}

// codeServer owns the modules and the export table. Safe from any goroutine.
type codeServer struct {
	mu      sync.Mutex // guards modules and exports (the map; entries' fn are atomic)
	modules map[term.Term]*module
	exports map[mfa]*export
	// snap is a copy of exports for lookups without the lock: apply and funs of fun M:F/A
	// look their callee up when their call site's inline cache misses (callSite in
	// interp_call.go), from every scheduler at once. Entries are only
	// ever added; an addition marks the copy stale, and the first lookup that misses makes
	// a new one (a plain map with a struct key hashes much faster than a sync.Map, whose
	// keys are interfaces: gen_server's apply of its callback paid 5% of a cast there).
	snap  atomic.Pointer[map[mfa]*export]
	stale atomic.Bool // written under mu: exports has entries snap lacks
}

func newCodeServer() *codeServer {
	cs := &codeServer{modules: map[term.Term]*module{}, exports: map[mfa]*export{}}
	for key, f := range bifTable {
		cs.exportEntry(key).bif = f
	}
	return cs
}

// exportEntry returns the export entry for key, making an empty one if needed.
// cs.mu must be held, or the server not yet shared.
func (cs *codeServer) exportEntry(key mfa) *export {
	e := cs.exports[key]
	if e == nil {
		e = &export{mfa: key}
		cs.exports[key] = e
		cs.stale.Store(true)
	}
	return e
}

// lookup returns the current code of mod:name/arity, or nil.
func (cs *codeServer) lookup(mod, name term.Term, arity int) *export {
	key := mfa{mod, name, arity}
	if m := cs.snap.Load(); m != nil {
		if e := (*m)[key]; e != nil {
			return e
		}
		// A miss in an up-to-date copy is the answer: a module without an optional
		// callback (function_exported/3 at every info message) must not take the lock.
		if !cs.stale.Load() {
			return nil
		}
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.stale.Load() || cs.snap.Load() == nil {
		m := make(map[mfa]*export, len(cs.exports))
		for k, e := range cs.exports {
			m[k] = e
		}
		cs.snap.Store(&m)
		cs.stale.Store(false)
	}
	return cs.exports[key]
}

// LoadError is returned when a module cannot be loaded.
type LoadError struct {
	Module string
	Err    error
}

func (e *LoadError) Error() string { return fmt.Sprintf("load %s: %v", e.Module, e.Err) }
func (e *LoadError) Unwrap() error { return e.Err }

// sharedLiterals caches the literal terms of the standard library's modules, which every VM
// loads: their literal areas are built once per Go process, not once per VM (areas are never
// freed). Keyed by *bytecode.Module.
var sharedLiterals sync.Map

// load verifies m, lowers it and makes it the current version of its module. shared says m is
// a standard-library module, loaded unchanged by every VM.
func (cs *codeServer) load(m *bytecode.Module, shared bool) error {
	if err := bytecode.Verify(m); err != nil {
		return &LoadError{Module: string(m.Name), Err: err}
	}
	lm, err := cs.lower(m, shared)
	if err != nil {
		return &LoadError{Module: string(m.Name), Err: err}
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.modules[lm.name] = lm
	for _, fi := range m.Exports {
		f := lm.funcs[fi]
		cs.exportEntry(mfa{lm.name, f.name, f.arity}).fn.Store(f)
	}
	return nil
}

func atomOf(a value.Atom) (term.Term, error) { return term.Intern(string(a)) }

func (cs *codeServer) lower(m *bytecode.Module, shared bool) (*module, error) {
	name, err := atomOf(m.Name)
	if err != nil {
		return nil, err
	}
	lm := &module{name: name, file: m.File, lambdas: m.Funs}
	var lits []term.Term
	if cached, ok := sharedLiterals.Load(m); shared && ok {
		lits = cached.([]term.Term)
	} else if lits, err = buildLiterals(m.Literals); err != nil {
		return nil, err
	} else if shared {
		sharedLiterals.Store(m, lits)
	}
	// Lowering appends constants (atoms of KindAtom operands): never into a shared slice.
	lm.lits = append(make([]term.Term, 0, len(lits)+8), lits...)
	for _, a := range m.Atoms {
		t, err := atomOf(a)
		if err != nil {
			return nil, err
		}
		lm.atoms = append(lm.atoms, t)
	}
	cs.mu.Lock()
	for _, imp := range m.Imports {
		mod, err1 := atomOf(imp.Module)
		fn, err2 := atomOf(imp.Name)
		if err1 != nil || err2 != nil {
			cs.mu.Unlock()
			return nil, term.ErrSystemLimit
		}
		lm.imports = append(lm.imports, cs.exportEntry(mfa{mod, fn, imp.Arity}))
	}
	cs.mu.Unlock()
	lm.funcs = make([]*function, len(m.Functions))
	for i, f := range m.Functions {
		fname, err := atomOf(f.Name)
		if err != nil {
			return nil, err
		}
		lm.funcs[i] = &function{mod: lm, name: fname, arity: f.Arity}
	}
	for i, f := range m.Functions {
		lowerFunction(lm, lm.funcs[i], &f)
	}
	for _, f := range lm.funcs { // lowering appends constants: share the final slice
		f.lits = lm.lits
	}
	// bif0..bif3 call their import inline: it must be a built-in function.
	for _, f := range m.Functions {
		for _, in := range f.Code {
			switch in.Op {
			case bytecode.Bif0, bytecode.Bif1, bytecode.Bif2, bytecode.Bif3:
				imp := in.Args[1]
				if in.Op == bytecode.Bif0 {
					imp = in.Args[0]
				}
				if e := lm.imports[imp.N]; e.bif == nil {
					i := m.Imports[imp.N]
					return nil, fmt.Errorf("%s/%d: %s %s:%s/%d is not a built-in function",
						f.Name, f.Arity, in.Op, i.Module, i.Name, i.Arity)
				}
			}
		}
	}
	return lm, nil
}
