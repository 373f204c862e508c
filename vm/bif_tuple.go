package vm

import "github.com/beamlite/beamlite/vm/term"

// Tuple BIFs. Positions count from 1, as in Erlang; any position out of range, or an argument
// of the wrong type, is badarg. Those that copy or build a whole tuple charge a reduction per
// 64 words (trap.go's copyPerRed), and per 40 list cells.

// maxTupleArity is the largest tuple make_tuple and friends build, as the BEAM's limit
// (MAX_ARITYVAL): a bigger one is badarg, not an attempt to allocate gigabytes.
const maxTupleArity = 1<<24 - 1

func init() {
	registerBif("erlang", "setelement", 3, bifSetelement)
	registerBif("erlang", "make_tuple", 2, func(p *Process, a []term.Term) term.Term {
		n, ok := tupleArityArg(a[0])
		if !ok {
			return p.badarg()
		}
		p.charge(n / copyPerRed)
		return makeTupleOf(&p.heap.Heap, n, a[1])
	})
	registerBif("erlang", "make_tuple", 3, bifMakeTuple3)
	registerBif("erlang", "append_element", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsTuple(h, a[0]) || term.TupleArity(h, a[0]) >= maxTupleArity {
			return p.badarg()
		}
		p.charge(term.TupleArity(h, a[0]) / copyPerRed)
		return insertElem(h, a[0], term.TupleArity(h, a[0]), a[1])
	})
	registerBif("erlang", "insert_element", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsTuple(h, a[1]) || !a[0].IsSmall() {
			return p.badarg()
		}
		n, i := term.TupleArity(h, a[1]), a[0].Small()
		if i < 1 || i > int64(n)+1 || n >= maxTupleArity {
			return p.badarg()
		}
		p.charge(n / copyPerRed)
		return insertElem(h, a[1], int(i-1), a[2])
	})
	registerBif("erlang", "delete_element", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsTuple(h, a[1]) || !a[0].IsSmall() {
			return p.badarg()
		}
		n, i := term.TupleArity(h, a[1]), a[0].Small()
		if i < 1 || i > int64(n) {
			return p.badarg()
		}
		p.charge(n / copyPerRed)
		src := h.Words(a[1])[1 : 1+n]
		off, w := h.Alloc(n)
		w[0] = term.MakeHeader(term.KindTuple, n-1)
		copy(w[1:], src[:i-1])
		copy(w[i:], src[i:])
		return term.MakeBoxed(term.SpaceYoung, off)
	})
	registerBif("erlang", "tuple_to_list", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsTuple(h, a[0]) {
			return p.badarg()
		}
		n := term.TupleArity(h, a[0])
		p.charge(n / buildPerRed)
		elems := make([]term.Term, n)
		for i, e := range h.Words(a[0])[1 : 1+n] {
			elems[i] = term.Term(e)
		}
		return term.ListFromSlice(h, elems, term.Nil)
	})
	registerBif("erlang", "list_to_tuple", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		elems, tail := term.ListToSlice(h, a[0])
		p.charge(len(elems) / copyPerRed)
		if tail != term.Nil || len(elems) > maxTupleArity {
			return p.badarg()
		}
		return term.MakeTuple(h, elems...)
	})
}

// tupleArityArg reads a tuple size argument: a small integer 0..maxTupleArity.
func tupleArityArg(t term.Term) (int, bool) {
	if !t.IsSmall() || t.Small() < 0 || t.Small() > maxTupleArity {
		return 0, false
	}
	return int(t.Small()), true
}

// makeTupleOf returns a new n-tuple with every element v.
func makeTupleOf(h *term.Heap, n int, v term.Term) term.Term {
	off, w := h.Alloc(1 + n)
	w[0] = term.MakeHeader(term.KindTuple, n)
	for i := 1; i <= n; i++ {
		w[i] = uint64(v)
	}
	return term.MakeBoxed(term.SpaceYoung, off)
}

// insertElem returns tuple t with v inserted before index i (from 0; i == arity appends).
func insertElem(h *term.Heap, t term.Term, i int, v term.Term) term.Term {
	n := term.TupleArity(h, t)
	src := h.Words(t)[1 : 1+n]
	off, w := h.Alloc(n + 2)
	w[0] = term.MakeHeader(term.KindTuple, n+1)
	copy(w[1:], src[:i])
	w[1+i] = uint64(v)
	copy(w[2+i:], src[i:])
	return term.MakeBoxed(term.SpaceYoung, off)
}

func bifSetelement(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if !a[0].IsSmall() || !term.IsTuple(h, a[1]) {
		return p.badarg()
	}
	n, i := term.TupleArity(h, a[1]), a[0].Small()
	if i < 1 || i > int64(n) {
		return p.badarg()
	}
	p.charge(n / copyPerRed)
	src := h.Words(a[1])[:1+n]
	off, w := h.Alloc(1 + n)
	copy(w, src)
	w[i] = uint64(a[2])
	return term.MakeBoxed(term.SpaceYoung, off)
}

// make_tuple(N, Default, [{Pos, Value}]): later entries win; every Pos must be in 1..N.
func bifMakeTuple3(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	n, ok := tupleArityArg(a[0])
	if !ok {
		return p.badarg()
	}
	// Check the whole list before building, so that a bad entry allocates nothing.
	l := a[2]
	for ; l.IsList(); l = h.Tail(l) {
		e := h.Head(l)
		if !term.IsTuple(h, e) || term.TupleArity(h, e) != 2 {
			return p.badarg()
		}
		pos := term.TupleElem(h, e, 0)
		if !pos.IsSmall() || pos.Small() < 1 || pos.Small() > int64(n) {
			return p.badarg()
		}
	}
	if l != term.Nil {
		return p.badarg()
	}
	p.charge(n / copyPerRed)
	t := makeTupleOf(h, n, a[1])
	w := h.Words(t)
	for l = a[2]; l.IsList(); l = h.Tail(l) {
		e := h.Head(l)
		w[term.TupleElem(h, e, 0).Small()] = uint64(term.TupleElem(h, e, 1))
	}
	return t
}
