package vm

import "github.com/beamlite/beamlite/vm/term"

// Map BIFs: the guard BIFs map_get/2, is_map_key/2, map_size/1, and module maps' functions
// that the BEAM implements in C. A map argument that is not a map is error {badmap, M}; a
// missing key where one is required is {badkey, K}; other bad arguments are badarg.
//
// Iterators: maps:iterator/1 returns the map's entries as a list of {K, V} in map-key order,
// and maps:next/1 takes one off: next([{K, V} | I]) is {K, V, I}, next([]) and next(none)
// are none. OTP's iterator is opaque (a [0 | Map] or a path through the trie) and a program
// cannot tell the difference, except that this one costs O(n) words up front.

func init() {
	registerBif("erlang", "map_get", 2, func(p *Process, a []term.Term) term.Term {
		return p.mapGet(a[1], a[0])
	})
	registerBif("maps", "get", 2, func(p *Process, a []term.Term) term.Term {
		return p.mapGet(a[1], a[0])
	})
	registerBif("erlang", "is_map_key", 2, bifMapIsKey)
	registerBif("maps", "is_key", 2, bifMapIsKey)
	registerBif("erlang", "map_size", 1, bifMapSize)
	registerBif("maps", "size", 1, bifMapSize)
	registerBif("maps", "get", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[1]) {
			return p.badmap(a[1])
		}
		if v, ok := term.MapGet(h, a[1], a[0]); ok {
			return v
		}
		return a[2]
	})
	registerBif("maps", "find", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[1]) {
			return p.badmap(a[1])
		}
		if v, ok := term.MapGet(h, a[1], a[0]); ok {
			return term.MakeTuple(h, term.Ok, v)
		}
		return term.Error
	})
	registerBif("maps", "put", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[2]) {
			return p.badmap(a[2])
		}
		return term.MapPut(h, a[2], a[0], a[1])
	})
	registerBif("maps", "update", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[2]) {
			return p.badmap(a[2])
		}
		m, ok := term.MapUpdate(h, a[2], a[0], a[1])
		if !ok {
			return p.fail(term.Error, term.MakeTuple(h, term.Badkey, a[0]))
		}
		return m
	})
	registerBif("maps", "remove", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[1]) {
			return p.badmap(a[1])
		}
		return term.MapRemove(h, a[1], a[0])
	})
	registerBif("maps", "keys", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[0]) {
			return p.badmap(a[0])
		}
		keys, _ := term.MapSorted(h, a[0])
		p.charge(len(keys) / walkPerRed)
		return term.ListFromSlice(h, keys, term.Nil)
	})
	registerBif("maps", "values", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[0]) {
			return p.badmap(a[0])
		}
		_, vals := term.MapSorted(h, a[0])
		p.charge(len(vals) / walkPerRed)
		return term.ListFromSlice(h, vals, term.Nil)
	})
	registerBif("maps", "to_list", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[0]) {
			return p.badmap(a[0])
		}
		p.charge(term.MapSize(h, a[0]) / walkPerRed)
		return mapPairs(h, a[0])
	})
	registerBif("maps", "iterator", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsMap(h, a[0]) {
			return p.badmap(a[0])
		}
		p.charge(term.MapSize(h, a[0]) / walkPerRed)
		return mapPairs(h, a[0])
	})
	registerBif("maps", "next", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		it := a[0]
		switch {
		case it == term.Nil || it == atomNone:
			return atomNone
		case it.IsList():
			kv := h.Head(it)
			if term.IsTuple(h, kv) && term.TupleArity(h, kv) == 2 {
				return term.MakeTuple(h, term.TupleElem(h, kv, 0), term.TupleElem(h, kv, 1), h.Tail(it))
			}
		}
		return p.badarg()
	})
	registerBif("maps", "from_list", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		var keys, vals []term.Term
		l := a[0]
		for ; l.IsList(); l = h.Tail(l) {
			kv := h.Head(l)
			if !term.IsTuple(h, kv) || term.TupleArity(h, kv) != 2 {
				return p.badarg()
			}
			keys = append(keys, term.TupleElem(h, kv, 0))
			vals = append(vals, term.TupleElem(h, kv, 1))
		}
		p.charge(len(keys) / walkPerRed)
		if l != term.Nil {
			return p.badarg()
		}
		return term.NewMap(h, keys, vals)
	})
	registerBif("maps", "merge", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		for _, m := range a[:2] {
			if !term.IsMap(h, m) {
				return p.badmap(m)
			}
		}
		p.charge((term.MapSize(h, a[0]) + term.MapSize(h, a[1])) / walkPerRed)
		return term.MapMerge(h, a[0], a[1])
	})
	registerBif("maps", "new", 0, func(p *Process, a []term.Term) term.Term {
		return term.NewMap(&p.heap.Heap, nil, nil)
	})
}

var atomNone = term.MustIntern("none")

// badmap reports error {badmap, M}.
func (p *Process) badmap(m term.Term) term.Term {
	return p.fail(term.Error, term.MakeTuple(&p.heap.Heap, term.Badmap, m))
}

// mapGet is map_get(K, M) and maps:get(K, M).
func (p *Process) mapGet(m, k term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsMap(h, m) {
		return p.badmap(m)
	}
	if v, ok := term.MapGet(h, m, k); ok {
		return v
	}
	return p.fail(term.Error, term.MakeTuple(h, term.Badkey, k))
}

func bifMapIsKey(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsMap(h, a[1]) {
		return p.badmap(a[1])
	}
	_, ok := term.MapGet(h, a[1], a[0])
	return term.Bool(ok)
}

func bifMapSize(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsMap(h, a[0]) {
		return p.badmap(a[0])
	}
	return term.MakeSmall(int64(term.MapSize(h, a[0])))
}

// mapPairs returns map m's entries as a list of {K, V} in map-key order.
func mapPairs(h *term.Heap, m term.Term) term.Term {
	keys, vals := term.MapSorted(h, m)
	pairs := make([]term.Term, len(keys))
	for i := range keys {
		pairs[i] = term.MakeTuple(h, keys[i], vals[i])
	}
	return term.ListFromSlice(h, pairs, term.Nil)
}
