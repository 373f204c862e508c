package vm

import "github.com/beamlite/beamlite/vm/term"

// List BIFs: erlang:'++'/2, erlang:'--'/2, and the functions of module lists that the BEAM
// implements in C (reverse/2, keyfind/3, keymember/3, keysearch/3, member/2), plus reverse/1,
// which is Erlang code in OTP and is written here to fail the way that code does.
//
// Every one of them is O(n) in one go. DESIGN.md wants long work to yield and resume; that
// needs BIFs that can trap (a continuation the scheduler re-enters), which does not exist yet.

func init() {
	registerBif("erlang", "++", 2, bifAppend)
	registerBif("erlang", "--", 2, bifSubtract)
	registerBif("lists", "reverse", 2, func(p *Process, a []term.Term) term.Term {
		r, ok := reverseOnto(&p.heap.Heap, a[0], a[1])
		if !ok {
			return p.badarg()
		}
		return r
	})
	registerBif("lists", "reverse", 1, bifReverse1)
	registerBif("lists", "member", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		x, l := a[0], a[1]
		for ; l.IsList(); l = h.Tail(l) {
			if e := h.Head(l); e == x || term.Equal(h, e, x) {
				return term.True
			}
		}
		if l != term.Nil {
			return p.badarg()
		}
		return term.False
	})
	registerBif("lists", "keyfind", 3, func(p *Process, a []term.Term) term.Term {
		t, ok := keyFind(&p.heap.Heap, a)
		if !ok {
			return p.badarg()
		}
		if t == term.NonValue {
			return term.False
		}
		return t
	})
	registerBif("lists", "keymember", 3, func(p *Process, a []term.Term) term.Term {
		t, ok := keyFind(&p.heap.Heap, a)
		if !ok {
			return p.badarg()
		}
		return term.Bool(t != term.NonValue)
	})
	registerBif("lists", "keysearch", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		t, ok := keyFind(h, a)
		if !ok {
			return p.badarg()
		}
		if t == term.NonValue {
			return term.False
		}
		return term.MakeTuple(h, atomValue, t)
	})
}

var atomValue = term.MustIntern("value")

// bifAppend is A ++ B: A is copied, B shared. A must be a proper list; B can be anything
// ([1] ++ 2 is [1|2]).
func bifAppend(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if a[0] == term.Nil {
		return a[1]
	}
	elems, tail := term.ListToSlice(h, a[0])
	if tail != term.Nil {
		return p.badarg()
	}
	return term.ListFromSlice(h, elems, a[1])
}

// bifSubtract is A -- B: for each element of B, the first element of A that is =:= to it is
// removed. Equivalently, an element of A is dropped while B still holds an unused equal
// element, which is how it is computed: B becomes a multiset keyed by term.Hash, A is walked
// once, and the whole is O(len(A) + len(B)) rather than the O(len(A)·len(B)) of removing
// B's elements one by one.
func bifSubtract(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	as, atail := term.ListToSlice(h, a[0])
	bs, btail := term.ListToSlice(h, a[1])
	if atail != term.Nil || btail != term.Nil {
		return p.badarg()
	}
	if len(as) == 0 || len(bs) == 0 {
		return a[0]
	}
	if len(bs) <= 32 {
		return subtractFew(h, a[0], as, bs)
	}
	type entry struct {
		t term.Term
		n int
	}
	bag := make(map[uint64][]entry, len(bs))
	for _, b := range bs {
		k := term.Hash(h, b)
		es := bag[k]
		found := false
		for i := range es {
			if es[i].t == b || term.Equal(h, es[i].t, b) {
				es[i].n++
				found = true
				break
			}
		}
		if !found {
			bag[k] = append(es, entry{b, 1})
		}
	}
	out := as[:0]
	removed := 0
	for _, x := range as {
		if removed < len(bs) {
			es := bag[term.Hash(h, x)]
			drop := false
			for i := range es {
				if es[i].n > 0 && (es[i].t == x || term.Equal(h, es[i].t, x)) {
					es[i].n--
					drop = true
					break
				}
			}
			if drop {
				removed++
				continue
			}
		}
		out = append(out, x)
	}
	if removed == 0 {
		return a[0]
	}
	return term.ListFromSlice(h, out, term.Nil)
}

// subtractFew is A -- B for a B of at most 32 elements, where scanning B for each element of
// A beats building a hash multiset: a bit per element of B marks it used.
func subtractFew(h *term.Heap, orig term.Term, as, bs []term.Term) term.Term {
	var used uint32
	out := as[:0]
	for _, x := range as {
		drop := false
		if used != 1<<len(bs)-1 {
			for i, b := range bs {
				if used&(1<<i) == 0 && (b == x || term.Equal(h, b, x)) {
					used |= 1 << i
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, x)
		}
	}
	if used == 0 {
		return orig
	}
	return term.ListFromSlice(h, out, term.Nil)
}

// reverseOnto returns the elements of list l reversed in front of tail, and false when l is
// not a proper list.
func reverseOnto(h *term.Heap, l, tail term.Term) (term.Term, bool) {
	for ; l.IsList(); l = h.Tail(l) {
		tail = term.Cons(h, h.Head(l), tail)
	}
	return tail, l == term.Nil
}

// bifReverse1 is lists:reverse/1 as OTP 25 writes it in Erlang:
//
//	reverse([] = L) -> L;
//	reverse([_] = L) -> L;
//	reverse([A, B]) -> [B, A];
//	reverse([A, B | L]) -> lists:reverse(L, [B, A]).
//
// so a non-list, or an improper list with fewer than two elements before its tail, is
// function_clause, and a longer improper list is badarg (from reverse/2).
func bifReverse1(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	l := a[0]
	if l == term.Nil {
		return l
	}
	if !l.IsList() {
		return p.fail(term.Error, term.FunctionClause)
	}
	t := h.Tail(l)
	if t == term.Nil {
		return l
	}
	if !t.IsList() {
		return p.fail(term.Error, term.FunctionClause)
	}
	r, ok := reverseOnto(h, l, term.Nil)
	if !ok {
		return p.badarg()
	}
	return r
}

// keyFind finds the first tuple in list a[2] whose element a[1] is == to a[0] (numeric
// equality, as erts compares keys: keyfind(1, 1, [{1.0}]) finds {1.0}). It returns NonValue
// when there is none, and false when the arguments are bad: a position that is not a
// positive small integer, or a list that ends improperly before a match.
func keyFind(h *term.Heap, a []term.Term) (term.Term, bool) {
	key, pos, l := a[0], a[1], a[2]
	if !pos.IsSmall() || pos.Small() < 1 {
		return term.NonValue, false
	}
	i := int(pos.Small()) - 1
	for ; l.IsList(); l = h.Tail(l) {
		e := h.Head(l)
		if !term.IsTuple(h, e) || term.TupleArity(h, e) <= i {
			continue
		}
		if k := term.TupleElem(h, e, i); k == key || term.EqualNumeric(h, k, key) {
			return e, true
		}
	}
	return term.NonValue, l == term.Nil
}
