package term

import (
	"slices"
)

// Maps on the process heap.
//
// Implementer notes: the two forms.
//
// A map of at most MaxFlatMapSize keys is a flatmap:
//
//	KindFlatMap header (size 1+n) | keys | v1 … vn      keys → KindTuple {k1, …, kn}
//
// with k1 < … < kn in the exact (map-key) order of CompareExact, and vi the value of ki. An
// update that keeps the key set (put of an existing key, :=) copies only the values and shares
// the keys tuple, so a record-like map updated in a loop allocates n+2 words per update; a
// literal map's keys tuple is shared by every map derived from it. Lookup of an immediate key
// (an atom, a small integer: the common case) is a linear scan comparing words, since an
// immediate is =:= only to the same word; any other key is found by binary search.
//
// A larger map is a hash array mapped trie on Hash(key), 5 bits per level from the low end:
//
//	KindHashMapRoot header | bitmap | count | children…   (2 raw words)
//	KindHashMapNode header | bitmap | children…           (1 raw word)
//	KindHashMapColl header | k1 | v1 | k2 | v2 | …        (all keys share all 64 hash bits)
//
// Bit i of a bitmap says slot i is used; the children are the used slots in increasing slot
// order, so slot i's child is at popcount(bitmap & (1<<i - 1)). A child is a leaf, a cons cell
// [K|V] (a list pointer: one word less than a 2-tuple and no header to read), or a boxed
// pointer to a node or a collision bucket. Levels 0–11 use hash bits 0–59 and level 12 the top
// 4 bits; two keys whose 64 bits all agree meet in a collision bucket hanging from a level-12
// slot, and only there. Updates copy the path from the root (at most 13 nodes of at most 35
// words). A removal lifts a node's lone remaining leaf into its parent (a bucket stays at its
// depth: its keys' hashes, not a slot, define it) so that the trie stays as shallow as its
// keys need; the shape still depends on history, which is why comparison and equality of big
// maps go through MapSorted and MapGet rather than walking two tries side by side.
//
// Why 32: as in erts (MAP_SMALL_MAP_LIMIT). Up to there a sorted array beats the trie on
// every count: lookups scan at most 32 words or binary-search 5 steps, with no hash to
// compute; iteration is already in key order (what maps:to_list, printing and comparison
// need); and the keys tuple is shared between versions. Past it, a put that copies n values
// (and, for a new key, n keys) costs more than one that copies a path of about log32(n) trie
// nodes, and get/put must stay O(log n) at a million keys.
// The boundary is exact both ways: a put that makes 33 keys builds a trie, a removal that
// leaves 32 builds a flatmap, so each size has one form and MapSize alone says which.
//
// A large map is built in one pass (NewMap, and a flatmap growing past 32): the entries are
// sorted by their hash bits in trie order, so each node's entries are a contiguous run and
// every node is allocated once, children before parents.

// MaxFlatMapSize is the most keys a map holds in the flat (sorted array) form; larger maps
// are hash tries.
const MaxFlatMapSize = 32

// IsMap reports whether t is a map.
func IsMap(h *Heap, t Term) bool {
	if !t.IsBoxed() {
		return false
	}
	k := HeaderKind(h.Words(t)[0])
	return k == KindFlatMap || k == KindHashMapRoot
}

// mapSizeOf returns the number of entries of the map whose words are w.
func mapSizeOf(w []uint64, k Kind) int {
	if k == KindFlatMap {
		return HeaderSize(w[0]) - 1
	}
	return int(w[2])
}

// MapSize returns the number of entries in map m.
func MapSize(h *Heap, m Term) int {
	w := h.Words(m)
	return mapSizeOf(w, HeaderKind(w[0]))
}

// NewMap returns a new map of the given keys and values, in any order. When a key appears more
// than once (by =:=), the last one wins, as in #{K => V1, K => V2}.
func NewMap(h *Heap, keys, vals []Term) Term {
	if len(keys) != len(vals) {
		panic("term: NewMap with different numbers of keys and values")
	}
	if len(keys) <= MaxFlatMapSize {
		ks, vs := sortUnique(h, keys, vals)
		return flatMake(h, ks, vs)
	}
	return hamtBuild(h, hamtEntries(h, keys, vals))
}

// MapWithKeys returns a flatmap whose keys are the elements of tuple keys and whose values are
// vals, in the same order. The keys tuple is shared, not copied: this is how a map expression
// with constant keys (#{a => X, b => Y}) builds its map from a literal keys tuple that the
// loader sorted once. keys must hold at most MaxFlatMapSize keys, strictly increasing in
// map-key order (CompareExact).
func MapWithKeys(h *Heap, keys Term, vals []Term) Term {
	n := HeaderSize(h.Words(keys)[0])
	if n != len(vals) || n > MaxFlatMapSize {
		panic("term: MapWithKeys with a keys tuple that does not fit the values")
	}
	off, w := h.Alloc(2 + n)
	w[0] = MakeHeader(KindFlatMap, 1+n)
	w[1] = uint64(keys)
	for i, v := range vals {
		w[2+i] = uint64(v)
	}
	return MakeBoxed(SpaceYoung, off)
}

// MapGet returns the value of key k in map m (k compared by =:=, so 1 and 1.0 are different
// keys) and whether k is there.
func MapGet(h *Heap, m, k Term) (Term, bool) {
	w := h.Words(m)
	if HeaderKind(w[0]) == KindFlatMap {
		n := HeaderSize(w[0]) - 1
		keys := h.Words(Term(w[1]))[1 : 1+n]
		var i int
		if k.IsImmediate() {
			i = slices.Index(keys, uint64(k))
			if i < 0 {
				return NonValue, false
			}
		} else {
			var ok bool
			if i, ok = flatSearch(h, keys, k); !ok {
				return NonValue, false
			}
		}
		return Term(w[2+i]), true
	}
	return hamtGet(h, w, k)
}

// MapPut returns m with k mapped to v (m => ... ). m itself is unchanged; the result is m
// when k already maps to the very same word v.
func MapPut(h *Heap, m, k, v Term) Term {
	w := h.Words(m)
	if HeaderKind(w[0]) != KindFlatMap {
		return hamtPut(h, m, w, k, v)
	}
	n := HeaderSize(w[0]) - 1
	keys := h.Words(Term(w[1]))[1 : 1+n]
	if k.IsImmediate() {
		// The usual put of an immediate key updates an existing one: try the scan first.
		if i := slices.Index(keys, uint64(k)); i >= 0 {
			return flatSetValue(h, m, w, i, v)
		}
	}
	i, found := flatSearch(h, keys, k)
	if found {
		return flatSetValue(h, m, w, i, v)
	}
	if n < MaxFlatMapSize {
		return flatInsert(h, w, keys, i, k, v)
	}
	ents := make([]hamtEnt, 0, n+1)
	for j, key := range keys {
		ents = append(ents, hamtEnt{key: Term(key), val: Term(w[2+j])})
	}
	ents = append(ents, hamtEnt{key: k, val: v})
	hamtPrepare(h, ents)
	return hamtBuild(h, ents)
}

// MapUpdate returns m with the existing key k mapped to v (m := ...), and false with m
// unchanged when k is not a key of m (the caller raises {badkey, K}).
func MapUpdate(h *Heap, m, k, v Term) (Term, bool) {
	w := h.Words(m)
	if HeaderKind(w[0]) != KindFlatMap {
		if _, ok := hamtGet(h, w, k); !ok {
			return m, false
		}
		return hamtPut(h, m, w, k, v), true
	}
	n := HeaderSize(w[0]) - 1
	keys := h.Words(Term(w[1]))[1 : 1+n]
	var i int
	if k.IsImmediate() {
		if i = slices.Index(keys, uint64(k)); i < 0 {
			return m, false
		}
	} else {
		var ok bool
		if i, ok = flatSearch(h, keys, k); !ok {
			return m, false
		}
	}
	return flatSetValue(h, m, w, i, v), true
}

// MapRemove returns m without key k (m itself when k is not there).
func MapRemove(h *Heap, m, k Term) Term {
	w := h.Words(m)
	if HeaderKind(w[0]) != KindFlatMap {
		return hamtRemove(h, m, w, k)
	}
	n := HeaderSize(w[0]) - 1
	keys := h.Words(Term(w[1]))[1 : 1+n]
	i, found := flatSearch(h, keys, k)
	if !found {
		return m
	}
	off, nw := h.Alloc(1 + (n - 1) + 2 + (n - 1))
	nw[0] = MakeHeader(KindTuple, n-1)
	copy(nw[1:], keys[:i])
	copy(nw[1+i:], keys[i+1:])
	mw := nw[n:]
	mw[0] = MakeHeader(KindFlatMap, n)
	mw[1] = uint64(MakeBoxed(SpaceYoung, off))
	copy(mw[2:], w[2:2+i])
	copy(mw[2+i:], w[3+i:2+n])
	return MakeBoxed(SpaceYoung, off+uint64(n))
}

// MapRange calls f for each entry of m, in no particular order, until f returns false. f may
// allocate on h.
func MapRange(h *Heap, m Term, f func(k, v Term) bool) {
	w := h.Words(m)
	if HeaderKind(w[0]) != KindFlatMap {
		hamtRange(h, w, hamtRootKids, f)
		return
	}
	n := HeaderSize(w[0]) - 1
	keys := h.Words(Term(w[1]))[1 : 1+n]
	for i, k := range keys {
		if !f(Term(k), Term(w[2+i])) {
			return
		}
	}
}

// MapSorted returns m's keys in map-key order (CompareExact) and their values: the order of
// maps:to_list, of printing and of comparison.
func MapSorted(h *Heap, m Term) (keys, vals []Term) {
	w := h.Words(m)
	if HeaderKind(w[0]) == KindFlatMap {
		n := HeaderSize(w[0]) - 1
		kw := h.Words(Term(w[1]))[1 : 1+n]
		keys, vals = make([]Term, n), make([]Term, n)
		for i := range n {
			keys[i], vals[i] = Term(kw[i]), Term(w[2+i])
		}
		return keys, vals
	}
	ents := make([]hamtEnt, 0, int(w[2]))
	hamtRange(h, w, hamtRootKids, func(k, v Term) bool {
		ents = append(ents, hamtEnt{key: k, val: v})
		return true
	})
	return entsSorted(h, ents)
}

// MapMerge returns the map with the entries of a and b; where both have a key, b's value wins
// (maps:merge/2).
func MapMerge(h *Heap, a, b Term) Term {
	na, nb := MapSize(h, a), MapSize(h, b)
	switch {
	case na == 0:
		return b
	case nb == 0:
		return a
	}
	wa, wb := h.Words(a), h.Words(b)
	if HeaderKind(wa[0]) == KindFlatMap && HeaderKind(wb[0]) == KindFlatMap {
		return flatMerge(h, wa, wb)
	}
	// A few entries go in one by one (each copies a path of the larger trie); many are cheaper
	// rebuilt in one pass.
	small := min(na, nb)
	if small*4 <= max(na, nb) {
		if nb <= na {
			MapRange(h, b, func(k, v Term) bool {
				a = MapPut(h, a, k, v)
				return true
			})
			return a
		}
		MapRange(h, a, func(k, v Term) bool {
			if _, ok := MapGet(h, b, k); !ok {
				b = MapPut(h, b, k, v)
			}
			return true
		})
		return b
	}
	ents := make([]hamtEnt, 0, na+nb)
	collect := func(k, v Term) bool {
		ents = append(ents, hamtEnt{key: k, val: v})
		return true
	}
	MapRange(h, a, collect)
	MapRange(h, b, collect) // later entries win
	hamtPrepare(h, ents)
	return hamtBuild(h, ents)
}

// Flatmaps.

// flatSearch finds k among sorted keys by binary search: its index, or where it would go.
func flatSearch(h *Heap, keys []uint64, k Term) (int, bool) {
	lo, hi := 0, len(keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		c := CompareExact(h, Term(keys[mid]), k)
		if c == 0 {
			return mid, true
		}
		if c < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, false
}

// flatMake allocates a flatmap of keys (sorted, unique) and vals.
func flatMake(h *Heap, keys, vals []Term) Term {
	n := len(keys)
	off, w := h.Alloc(1 + n + 2 + n)
	w[0] = MakeHeader(KindTuple, n)
	for i, k := range keys {
		w[1+i] = uint64(k)
	}
	mw := w[1+n:]
	mw[0] = MakeHeader(KindFlatMap, 1+n)
	mw[1] = uint64(MakeBoxed(SpaceYoung, off))
	for i, v := range vals {
		mw[2+i] = uint64(v)
	}
	return MakeBoxed(SpaceYoung, off+uint64(1+n))
}

// flatSetValue returns flatmap m (words w) with value i replaced by v, sharing its keys.
func flatSetValue(h *Heap, m Term, w []uint64, i int, v Term) Term {
	if Term(w[2+i]) == v {
		return m
	}
	size := HeaderSize(w[0])
	off, nw := h.Alloc(1 + size)
	copy(nw, w[:1+size])
	nw[2+i] = uint64(v)
	return MakeBoxed(SpaceYoung, off)
}

// flatInsert returns flatmap w (keys keys) with k => v inserted at position i.
func flatInsert(h *Heap, w, keys []uint64, i int, k, v Term) Term {
	n := len(keys) + 1
	off, nw := h.Alloc(1 + n + 2 + n)
	nw[0] = MakeHeader(KindTuple, n)
	copy(nw[1:], keys[:i])
	nw[1+i] = uint64(k)
	copy(nw[2+i:], keys[i:])
	mw := nw[1+n:]
	mw[0] = MakeHeader(KindFlatMap, 1+n)
	mw[1] = uint64(MakeBoxed(SpaceYoung, off))
	copy(mw[2:], w[2:2+i])
	mw[2+i] = uint64(v)
	copy(mw[3+i:], w[2+i:2+len(keys)])
	return MakeBoxed(SpaceYoung, off+uint64(1+n))
}

// flatMerge merges two flatmaps, b's value winning on equal keys.
func flatMerge(h *Heap, wa, wb []uint64) Term {
	na, nb := HeaderSize(wa[0])-1, HeaderSize(wb[0])-1
	ka, kb := h.Words(Term(wa[1]))[1:1+na], h.Words(Term(wb[1]))[1:1+nb]
	keys := make([]Term, 0, na+nb)
	vals := make([]Term, 0, na+nb)
	i, j := 0, 0
	for i < na && j < nb {
		switch c := CompareExact(h, Term(ka[i]), Term(kb[j])); {
		case c < 0:
			keys, vals = append(keys, Term(ka[i])), append(vals, Term(wa[2+i]))
			i++
		case c > 0:
			keys, vals = append(keys, Term(kb[j])), append(vals, Term(wb[2+j]))
			j++
		default:
			keys, vals = append(keys, Term(kb[j])), append(vals, Term(wb[2+j]))
			i++
			j++
		}
	}
	for ; i < na; i++ {
		keys, vals = append(keys, Term(ka[i])), append(vals, Term(wa[2+i]))
	}
	for ; j < nb; j++ {
		keys, vals = append(keys, Term(kb[j])), append(vals, Term(wb[2+j]))
	}
	if len(keys) <= MaxFlatMapSize {
		return flatMake(h, keys, vals)
	}
	ents := make([]hamtEnt, len(keys))
	for i := range keys {
		ents[i] = hamtEnt{key: keys[i], val: vals[i]}
	}
	hamtPrepare(h, ents)
	return hamtBuild(h, ents)
}

// sortUnique returns keys sorted in map-key order without duplicates (the last of equal keys
// wins) and their values.
func sortUnique(h *Heap, keys, vals []Term) ([]Term, []Term) {
	n := len(keys)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return CompareExact(h, keys[i], keys[j]) })
	ks, vs := make([]Term, 0, n), make([]Term, 0, n)
	for p, i := range idx {
		if p+1 < n && Equal(h, keys[i], keys[idx[p+1]]) {
			continue // a later duplicate follows (the sort is stable)
		}
		ks, vs = append(ks, keys[i]), append(vs, vals[i])
	}
	return ks, vs
}

// entsSorted returns the (unique) keys of ents in map-key order and their values.
func entsSorted(h *Heap, ents []hamtEnt) ([]Term, []Term) {
	slices.SortFunc(ents, func(x, y hamtEnt) int { return CompareExact(h, x.key, y.key) })
	keys, vals := make([]Term, len(ents)), make([]Term, len(ents))
	for i, e := range ents {
		keys[i], vals[i] = e.key, e.val
	}
	return keys, vals
}
