package vm

import "github.com/beamlite/beamlite/vm/term"

// Type tests callable as functions (erlang:is_atom/1 and the rest). In guards the compiler
// uses the type-test instructions instead (typeTest in interp_call.go); these are for
// call_ext, apply and funs, and they must agree with those instructions.

func init() {
	typeBifs := map[string]func(h *term.Heap, t term.Term) bool{
		"is_integer":   term.IsInteger,
		"is_float":     term.IsFloat,
		"is_number":    term.IsNumber,
		"is_atom":      func(_ *term.Heap, t term.Term) bool { return t.IsAtom() },
		"is_list":      func(_ *term.Heap, t term.Term) bool { return t.IsList() || t.IsNil() },
		"is_tuple":     term.IsTuple,
		"is_map":       term.IsMap,
		"is_binary":    term.IsBinary,
		"is_bitstring": term.IsBitstring,
		"is_boolean":   func(_ *term.Heap, t term.Term) bool { return t == term.True || t == term.False },
		"is_function":  term.IsFun,
		"is_pid":       isPid,
		"is_reference": term.IsRef,
		// There are no ports yet.
		"is_port": func(*term.Heap, term.Term) bool { return false },
	}
	for name, test := range typeBifs {
		registerBif("erlang", name, 1, func(p *Process, a []term.Term) term.Term {
			return term.Bool(test(&p.heap.Heap, a[0]))
		})
	}
	registerBif("erlang", "is_function", 2, bifIsFunction2)
}

// isPid reports whether t is a pid, local or (once distribution exists) remote.
func isPid(h *term.Heap, t term.Term) bool {
	if t.IsPid() {
		return true
	}
	return t.IsBoxed() && h.Kind(t) == term.KindExtPid
}

// is_function(F, Arity): Arity must be a non-negative integer (else badarg); a bignum arity
// is simply never a fun's.
func bifIsFunction2(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	n := a[1]
	switch {
	case n.IsSmall():
		if n.Small() < 0 {
			return p.badarg()
		}
	case term.IsBigInt(h, n):
		if h.Kind(n) == term.KindBigNeg {
			return p.badarg()
		}
		return term.False
	default:
		return p.badarg()
	}
	return term.Bool(term.IsFun(h, a[0]) && int64(term.FunArity(h, a[0])) == n.Small())
}
