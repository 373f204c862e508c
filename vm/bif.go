package vm

import (
	"errors"
	"sync/atomic"

	"github.com/beamlite/beamlite/vm/term"
)

// bifFunc is a built-in function. It returns its result, or NonValue after setting
// p.bifClass and p.bifReason (use p.badarg, p.fail): the caller raises it, jumps to a guard's
// fail label, or (for exit/throw) raises that class.
type bifFunc func(p *Process, args []term.Term) term.Term

// bifTable is every BIF by module, name and arity. It is filled by init functions in the
// bif_*.go files and read-only after that.
var bifTable = map[mfa]bifFunc{}

func registerBif(mod, name string, arity int, f bifFunc) {
	key := mfa{term.MustIntern(mod), term.MustIntern(name), arity}
	if _, dup := bifTable[key]; dup {
		panic("vm: BIF registered twice: " + mod + ":" + name)
	}
	bifTable[key] = f
}

// badarg reports the BIF error badarg.
func (p *Process) badarg() term.Term { return p.fail(term.Error, term.Badarg) }

// fail reports a BIF exception of the given class and reason.
func (p *Process) fail(class, reason term.Term) term.Term {
	p.bifClass, p.bifReason = class, reason
	return term.NonValue
}

// arithResult turns an arithmetic helper's result into a BIF result.
func (p *Process) arithResult(r term.Term, err error) term.Term {
	switch {
	case err == nil:
		return r
	case errors.Is(err, term.ErrBadarith):
		return p.fail(term.Error, term.Badarith)
	case errors.Is(err, term.ErrSystemLimit):
		return p.fail(term.Error, term.SystemLimit)
	}
	return p.badarg()
}

var refCounter atomic.Uint64

func init() {
	arith2 := map[string]func(*term.Heap, term.Term, term.Term) (term.Term, error){
		"+": term.Add, "-": term.Sub, "*": term.Mul, "/": term.FloatDiv, "div": term.IntDiv,
		"rem": term.Rem, "band": term.Band, "bor": term.Bor, "bxor": term.Bxor, "bsl": term.Bsl,
		"bsr": term.Bsr,
	}
	for name, f := range arith2 {
		registerBif("erlang", name, 2, func(p *Process, a []term.Term) term.Term {
			if name == "+" && a[0].IsSmall() && a[1].IsSmall() {
				if s := a[0].Small() + a[1].Small(); term.FitsSmall(s) {
					return term.MakeSmall(s)
				}
			}
			return p.arithResult(f(&p.heap.Heap, a[0], a[1]))
		})
	}
	arith1 := map[string]func(*term.Heap, term.Term) (term.Term, error){
		"-": term.Neg, "bnot": term.Bnot, "abs": term.Abs, "float": term.Float,
		"round": term.Round, "trunc": term.Trunc, "ceil": term.Ceil, "floor": term.Floor,
	}
	for name, f := range arith1 {
		registerBif("erlang", name, 1, func(p *Process, a []term.Term) term.Term {
			return p.arithResult(f(&p.heap.Heap, a[0]))
		})
	}
	registerBif("erlang", "+", 1, func(p *Process, a []term.Term) term.Term {
		if !term.IsNumber(&p.heap.Heap, a[0]) {
			return p.fail(term.Error, term.Badarith)
		}
		return a[0]
	})

	cmp := map[string]func(h *term.Heap, a, b term.Term) bool{
		"==":  term.EqualNumeric,
		"/=":  func(h *term.Heap, a, b term.Term) bool { return !term.EqualNumeric(h, a, b) },
		"=:=": func(h *term.Heap, a, b term.Term) bool { return a == b || term.Equal(h, a, b) },
		"=/=": func(h *term.Heap, a, b term.Term) bool { return a != b && !term.Equal(h, a, b) },
		"<":   lessThan,
		">":   func(h *term.Heap, a, b term.Term) bool { return lessThan(h, b, a) },
		"=<":  func(h *term.Heap, a, b term.Term) bool { return !lessThan(h, b, a) },
		">=":  func(h *term.Heap, a, b term.Term) bool { return !lessThan(h, a, b) },
	}
	for name, f := range cmp {
		registerBif("erlang", name, 2, func(p *Process, a []term.Term) term.Term {
			return term.Bool(f(&p.heap.Heap, a[0], a[1]))
		})
	}

	registerBif("erlang", "error", 1, func(p *Process, a []term.Term) term.Term { return p.fail(term.Error, a[0]) })
	registerBif("erlang", "error", 2, func(p *Process, a []term.Term) term.Term { return p.fail(term.Error, a[0]) })
	registerBif("erlang", "exit", 1, func(p *Process, a []term.Term) term.Term { return p.fail(term.Exit, a[0]) })
	// raise(Class, Reason, Stacktrace) raises with the given trace; with a class that is not
	// error, exit or throw it returns badarg (it does not raise it), as Erlang's does.
	registerBif("erlang", "raise", 3, func(p *Process, a []term.Term) term.Term {
		if a[0] != term.Error && a[0] != term.Exit && a[0] != term.Throw {
			return term.Badarg
		}
		p.bifTrace = a[2]
		return p.fail(a[0], a[1])
	})
	registerBif("erlang", "throw", 1, func(p *Process, a []term.Term) term.Term { return p.fail(term.Throw, a[0]) })
	registerBif("erlang", "self", 0, func(p *Process, a []term.Term) term.Term { return p.pid })
	registerBif("erlang", "make_ref", 0, func(p *Process, a []term.Term) term.Term {
		return term.MakeRef(&p.heap.Heap, refCounter.Add(1))
	})

	registerBif("erlang", "element", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !a[0].IsSmall() || !term.IsTuple(h, a[1]) {
			return p.badarg()
		}
		i := a[0].Small()
		if i < 1 || i > int64(term.TupleArity(h, a[1])) {
			return p.badarg()
		}
		return term.TupleElem(h, a[1], int(i-1))
	})
	registerBif("erlang", "tuple_size", 1, func(p *Process, a []term.Term) term.Term {
		if !term.IsTuple(&p.heap.Heap, a[0]) {
			return p.badarg()
		}
		return term.MakeSmall(int64(term.TupleArity(&p.heap.Heap, a[0])))
	})
	registerBif("erlang", "hd", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsList() {
			return p.badarg()
		}
		return p.heap.Head(a[0])
	})
	registerBif("erlang", "tl", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsList() {
			return p.badarg()
		}
		return p.heap.Tail(a[0])
	})
	// length/1 is in bif_list.go: it traps.
}
