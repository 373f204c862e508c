package vm

import "github.com/beamlite/beamlite/vm/term"

// List BIFs: erlang:length/1, '++'/2, '--'/2, and the functions of module lists that the
// BEAM implements in C (reverse/2, keyfind/3, keymember/3, keysearch/3, member/2), plus
// reverse/1, which is Erlang code in OTP and is written here to fail the way that code does.
//
// length/1, '++', reverse/1,2, member/2 and the key functions walk at most what the slice's
// reductions pay for, and trap to go on at the process's next run (trap.go); '--' charges
// for its work in one go.

func init() {
	registerBif("erlang", "length", 1, bifLength)
	registerBif("erlang", "++", 2, bifAppend)
	registerBif("erlang", "--", 2, bifSubtract)
	registerBif("lists", "reverse", 2, func(p *Process, a []term.Term) term.Term {
		return p.reverse(trapReverse2, a, a[0], a[1])
	})
	registerBif("lists", "reverse", 1, bifReverse1)
	registerBif("lists", "member", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		x, l := a[0], a[1]
		if t := p.resumeTrap(trapMember, a); t != nil {
			l = t.terms[trCur]
		}
		budget, steps := p.bifBudget(walkPerRed), 0
		for ; l.IsList(); l = h.Tail(l) {
			if steps == budget {
				t := newTrap()
				t.terms[trCur] = l
				return p.trap(trapMember, a, t)
			}
			steps++
			if e := h.Head(l); e == x || term.Equal(h, e, x) {
				p.charge(steps / walkPerRed)
				return term.True
			}
		}
		p.charge(steps / walkPerRed)
		if l != term.Nil {
			return p.badarg()
		}
		return term.False
	})
	registerBif("lists", "keyfind", 3, func(p *Process, a []term.Term) term.Term {
		t, ok := p.keyFind(trapKeyfind, a)
		switch {
		case !ok:
			return p.badarg()
		case t == term.NonValue && p.start == startTrap:
			return t
		case t == term.NonValue:
			return term.False
		}
		return t
	})
	registerBif("lists", "keymember", 3, func(p *Process, a []term.Term) term.Term {
		t, ok := p.keyFind(trapKeymember, a)
		switch {
		case !ok:
			return p.badarg()
		case t == term.NonValue && p.start == startTrap:
			return t
		}
		return term.Bool(t != term.NonValue)
	})
	registerBif("lists", "keysearch", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		t, ok := p.keyFind(trapKeysearch, a)
		switch {
		case !ok:
			return p.badarg()
		case t == term.NonValue && p.start == startTrap:
			return t
		case t == term.NonValue:
			return term.False
		}
		return term.MakeTuple(h, atomValue, t)
	})
}

// bifLength is length/1: 16 cells a reduction, trapping when the slice is spent (erts's
// erts_trapping_length_1).
func bifLength(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	l, n := a[0], 0
	if t := p.resumeTrap(trapLength, a); t != nil {
		l, n = t.terms[trCur], t.n
	}
	budget, steps := p.bifBudget(walkPerRed), 0
	for ; l.IsList(); l = h.Tail(l) {
		if steps == budget {
			t := newTrap()
			t.terms[trCur], t.n = l, n
			return p.trap(trapLength, a, t)
		}
		n++
		steps++
	}
	p.charge(steps / walkPerRed)
	if !l.IsNil() {
		return p.badarg()
	}
	return term.MakeSmall(int64(n))
}

var atomValue = term.MustIntern("value")

// bifAppend is A ++ B: A is copied, B shared. A must be a proper list; B can be anything
// ([1] ++ 2 is [1|2]). The copy is built front to back, 40 cells a reduction, and traps when
// the slice is spent: the cells it made so far are its own and unreachable from anything
// else, so it may still write their tails (as erts does); a collection in between would drop
// the trap (trap.go), so they are young when it does.
func bifAppend(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if a[0] == term.Nil {
		return a[1]
	}
	if !a[0].IsList() {
		return p.badarg()
	}
	l, first, last := a[0], term.Nil, term.Nil
	t := p.resumeTrap(trapAppend, a)
	if t != nil {
		l, first, last = t.terms[trCur], t.terms[trAcc], t.terms[trLast]
	}
	budget, steps := p.bifBudget(buildPerRed), 0
	for ; l.IsList(); l = h.Tail(l) {
		if steps == budget {
			if t == nil {
				t = newTrap()
			}
			t.terms[trCur], t.terms[trAcc], t.terms[trLast] = l, first, last
			return p.trap(trapAppend, a, t)
		}
		steps++
		cell := term.Cons(h, h.Head(l), term.Nil)
		if last == term.Nil {
			first = cell
		} else {
			h.Words(last)[1] = uint64(cell)
		}
		last = cell
	}
	p.charge(steps / buildPerRed)
	if l != term.Nil {
		return p.badarg()
	}
	h.Words(last)[1] = uint64(a[1])
	return first
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
	p.charge((len(as) + len(bs)) / walkPerRed)
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

// reverse is lists:reverse(L, Tail) for the BIF id with arguments a: 40 cells a reduction,
// trapping when the slice is spent.
func (p *Process) reverse(id trapID, a []term.Term, l, acc term.Term) term.Term {
	h := &p.heap.Heap
	t := p.resumeTrap(id, a)
	if t != nil {
		l, acc = t.terms[trCur], t.terms[trAcc]
	}
	budget, steps := p.bifBudget(buildPerRed), 0
	for ; l.IsList(); l = h.Tail(l) {
		if steps == budget {
			if t == nil {
				t = newTrap()
			}
			t.terms[trCur], t.terms[trAcc] = l, acc
			return p.trap(id, a, t)
		}
		steps++
		acc = term.Cons(h, h.Head(l), acc)
	}
	p.charge(steps / buildPerRed)
	if l != term.Nil {
		return p.badarg()
	}
	return acc
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
	return p.reverse(trapReverse1, a, l, term.Nil)
}

// keyFind finds the first tuple in list a[2] whose element a[1] is == to a[0] (numeric
// equality, as erts compares keys: keyfind(1, 1, [{1.0}]) finds {1.0}), 16 cells a reduction,
// trapping when the slice is spent (then it returns NonValue with p.start == startTrap). It
// returns NonValue when there is none, and false when the arguments are bad: a position that
// is not a positive small integer, or a list that ends improperly before a match.
func (p *Process) keyFind(id trapID, a []term.Term) (term.Term, bool) {
	h := &p.heap.Heap
	key, pos, l := a[0], a[1], a[2]
	if !pos.IsSmall() || pos.Small() < 1 {
		return term.NonValue, false
	}
	if t := p.resumeTrap(id, a); t != nil {
		l = t.terms[trCur]
	}
	i := int(pos.Small()) - 1
	budget, steps := p.bifBudget(walkPerRed), 0
	for ; l.IsList(); l = h.Tail(l) {
		if steps == budget {
			t := newTrap()
			t.terms[trCur] = l
			return p.trap(id, a, t), true
		}
		steps++
		e := h.Head(l)
		if !term.IsTuple(h, e) || term.TupleArity(h, e) <= i {
			continue
		}
		if k := term.TupleElem(h, e, i); k == key || term.EqualNumeric(h, k, key) {
			p.charge(steps / walkPerRed)
			return e, true
		}
	}
	p.charge(steps / walkPerRed)
	return term.NonValue, l == term.Nil
}
