package term

import (
	"cmp"
	"math/bits"
	"slices"
)

// The hash array mapped trie behind maps of more than MaxFlatMapSize keys. The layout and the
// reasons for it are in map.go's notes.

const (
	hamtBits     = 5
	hamtMaxShift = 60 // the last level uses hash bits 60–63
	hamtRootKids = 3  // payload words before a root's children: header, bitmap, count
	hamtNodeKids = 2  // header, bitmap
)

// mapHash is the hash that places keys in tries: Hash, except in tests that swap in a weak
// one to force deep paths and collision buckets (full 64-bit collisions never happen by
// chance). Only sequential tests may swap it.
var mapHash = Hash

// hamtEnt is one entry while a trie is built or its entries are gathered.
type hamtEnt struct {
	key, val Term
	hash     uint64
	path     uint64 // hash with level 0's bits most significant: the trie's slot order
	idx      int    // position in the caller's input, for "the last duplicate wins"
}

func hamtIndex(hash uint64, shift uint) uint32 { return uint32(hash>>shift) & 31 }

// hamtPath reorders hash so that sorting by it sorts entries by slot at level 0, then level
// 1, and so on: the order of a trie's leaves from left to right.
func hamtPath(hash uint64) uint64 {
	var p uint64
	for shift := uint(0); shift < hamtMaxShift; shift += hamtBits {
		p = p<<hamtBits | (hash>>shift)&31
	}
	return p<<4 | hash>>hamtMaxShift
}

// hamtEntries returns keys and vals as entries in trie order (see hamtPrepare).
func hamtEntries(h *Heap, keys, vals []Term) []hamtEnt {
	ents := make([]hamtEnt, len(keys))
	for i := range keys {
		ents[i] = hamtEnt{key: keys[i], val: vals[i]}
	}
	hamtPrepare(h, ents)
	return ents
}

// hamtPrepare hashes ents and sorts them into trie order, equal hashes in input order; it
// leaves duplicate keys for hamtDedupe.
func hamtPrepare(h *Heap, ents []hamtEnt) {
	for i := range ents {
		e := &ents[i]
		e.hash = mapHash(h, e.key)
		e.path = hamtPath(e.hash)
		e.idx = i
	}
	slices.SortFunc(ents, func(x, y hamtEnt) int {
		if c := cmp.Compare(x.path, y.path); c != 0 {
			return c
		}
		return cmp.Compare(x.idx, y.idx)
	})
}

// hamtDedupe removes from ents (in trie order) all but the last of equal keys and returns
// the shortened slice. Equal keys have equal hashes, so they are neighbours or a few apart
// in a run of equal hashes.
func hamtDedupe(h *Heap, ents []hamtEnt) []hamtEnt {
	out := ents[:0]
	for i := 0; i < len(ents); {
		j := i + 1
		for j < len(ents) && ents[j].hash == ents[i].hash {
			j++
		}
		if j == i+1 {
			out = append(out, ents[i])
			i = j
			continue
		}
		run := ents[i:j]
	next:
		for a := range run {
			for b := a + 1; b < len(run); b++ {
				if Equal(h, run[a].key, run[b].key) {
					continue next // run[b] is later and wins
				}
			}
			out = append(out, run[a])
		}
		i = j
	}
	return out
}

// hamtBuild builds a trie root from ents, which hamtPrepare has put in trie order. Duplicate
// keys are removed first.
func hamtBuild(h *Heap, ents []hamtEnt) Term {
	ents = hamtDedupe(h, ents)
	if len(ents) <= MaxFlatMapSize {
		ks, vs := entsSorted(h, ents)
		return flatMake(h, ks, vs)
	}
	return hamtBuildLevel(h, ents, 0, true)
}

// hamtBuildLevel allocates the node for ents, whose hashes agree below shift, children first.
func hamtBuildLevel(h *Heap, ents []hamtEnt, shift uint, root bool) Term {
	var kids [32]Term
	var bitmap uint32
	nk := 0
	for i := 0; i < len(ents); {
		idx := hamtIndex(ents[i].hash, shift)
		j := i + 1
		for j < len(ents) && hamtIndex(ents[j].hash, shift) == idx {
			j++
		}
		run := ents[i:j]
		switch {
		case len(run) == 1:
			kids[nk] = hamtLeaf(h, run[0].key, run[0].val)
		case shift == hamtMaxShift: // all 64 bits agree
			kids[nk] = hamtBucket(h, run)
		default:
			kids[nk] = hamtBuildLevel(h, run, shift+hamtBits, false)
		}
		bitmap |= 1 << idx
		nk++
		i = j
	}
	return hamtNode(h, bitmap, kids[:nk], root, len(ents))
}

// hamtNode allocates a node (or a root holding count entries) with the given children.
func hamtNode(h *Heap, bitmap uint32, kids []Term, root bool, count int) Term {
	if root {
		off, w := h.Alloc(hamtRootKids + len(kids))
		w[0] = MakeHeader(KindHashMapRoot, 2+len(kids))
		w[1] = uint64(bitmap)
		w[2] = uint64(count)
		for i, k := range kids {
			w[hamtRootKids+i] = uint64(k)
		}
		return MakeBoxed(SpaceYoung, off)
	}
	off, w := h.Alloc(hamtNodeKids + len(kids))
	w[0] = MakeHeader(KindHashMapNode, 1+len(kids))
	w[1] = uint64(bitmap)
	for i, k := range kids {
		w[hamtNodeKids+i] = uint64(k)
	}
	return MakeBoxed(SpaceYoung, off)
}

func hamtLeaf(h *Heap, k, v Term) Term {
	off, w := h.Alloc(2)
	w[0], w[1] = uint64(k), uint64(v)
	return MakeList(SpaceYoung, off)
}

func hamtBucket(h *Heap, ents []hamtEnt) Term {
	off, w := h.Alloc(1 + 2*len(ents))
	w[0] = MakeHeader(KindHashMapColl, 2*len(ents))
	for i, e := range ents {
		w[1+2*i], w[2+2*i] = uint64(e.key), uint64(e.val)
	}
	return MakeBoxed(SpaceYoung, off)
}

// kidsStart returns where the children of node words w begin.
func kidsStart(w []uint64) int {
	if HeaderKind(w[0]) == KindHashMapRoot {
		return hamtRootKids
	}
	return hamtNodeKids
}

// hamtGet looks k up in the trie whose root words are w.
func hamtGet(h *Heap, w []uint64, k Term) (Term, bool) {
	hash := mapHash(h, k)
	start := hamtRootKids
	for shift := uint(0); ; shift += hamtBits {
		bitmap := uint32(w[1])
		bit := uint32(1) << hamtIndex(hash, shift)
		if bitmap&bit == 0 {
			return NonValue, false
		}
		c := Term(w[start+bits.OnesCount32(bitmap&(bit-1))])
		cw := h.Words(c)
		if c.IsList() {
			if equalElem(h, Term(cw[0]), k) {
				return Term(cw[1]), true
			}
			return NonValue, false
		}
		if HeaderKind(cw[0]) == KindHashMapColl {
			for i, n := 1, HeaderSize(cw[0]); i <= n; i += 2 {
				if equalElem(h, Term(cw[i]), k) {
					return Term(cw[i+1]), true
				}
			}
			return NonValue, false
		}
		w, start = cw, hamtNodeKids
	}
}

// hamtPut returns trie m (root words w) with k => v.
func hamtPut(h *Heap, m Term, w []uint64, k, v Term) Term {
	nm, _, same := hamtInsert(h, w, 0, mapHash(h, k), k, v)
	if same {
		return m
	}
	return nm
}

// hamtInsert returns node w with k => v put in, whether an entry was added, and whether
// nothing changed (k already held the very word v, and nothing was allocated).
func hamtInsert(h *Heap, w []uint64, shift uint, hash uint64, k, v Term) (Term, bool, bool) {
	start := kidsStart(w)
	bitmap := uint32(w[1])
	bit := uint32(1) << hamtIndex(hash, shift)
	pos := bits.OnesCount32(bitmap & (bit - 1))
	if bitmap&bit == 0 {
		return hamtCopy(h, w, start, pos, hamtLeaf(h, k, v), bit, 1), true, false
	}
	c := Term(w[start+pos])
	cw := h.Words(c)
	var nc Term
	added := false
	switch {
	case c.IsList():
		ck := Term(cw[0])
		if equalElem(h, ck, k) {
			if Term(cw[1]) == v {
				return NonValue, false, true
			}
			nc = hamtLeaf(h, ck, v)
		} else {
			nc = hamtPair(h, c, mapHash(h, ck), hamtLeaf(h, k, v), hash, shift+hamtBits)
			added = true
		}
	case HeaderKind(cw[0]) == KindHashMapColl:
		var same bool
		if nc, added, same = hamtBucketPut(h, cw, k, v); same {
			return NonValue, false, true
		}
	default:
		var same bool
		if nc, added, same = hamtInsert(h, cw, shift+hamtBits, hash, k, v); same {
			return NonValue, false, true
		}
	}
	delta := 0
	if added {
		delta = 1
	}
	return hamtCopy(h, w, start, pos, nc, 0, delta), added, false
}

// hamtPair returns the subtrie, starting at level shift, that holds leaves a and b (different
// keys with hashes ha and hb, which agree below shift).
func hamtPair(h *Heap, a Term, ha uint64, b Term, hb uint64, shift uint) Term {
	if shift > hamtMaxShift {
		aw, bw := h.Words(a), h.Words(b)
		return hamtBucket(h, []hamtEnt{{key: Term(aw[0]), val: Term(aw[1])}, {key: Term(bw[0]), val: Term(bw[1])}})
	}
	ia, ib := hamtIndex(ha, shift), hamtIndex(hb, shift)
	if ia == ib {
		kid := hamtPair(h, a, ha, b, hb, shift+hamtBits)
		return hamtNode(h, 1<<ia, []Term{kid}, false, 0)
	}
	if ia > ib {
		a, b, ia, ib = b, a, ib, ia
	}
	return hamtNode(h, 1<<ia|1<<ib, []Term{a, b}, false, 0)
}

// hamtBucketPut puts k => v into collision bucket cw.
func hamtBucketPut(h *Heap, cw []uint64, k, v Term) (Term, bool, bool) {
	n := HeaderSize(cw[0])
	for i := 1; i <= n; i += 2 {
		if equalElem(h, Term(cw[i]), k) {
			if Term(cw[i+1]) == v {
				return NonValue, false, true
			}
			off, nw := h.Alloc(1 + n)
			copy(nw, cw[:1+n])
			nw[i+1] = uint64(v)
			return MakeBoxed(SpaceYoung, off), false, false
		}
	}
	off, nw := h.Alloc(3 + n)
	copy(nw, cw[:1+n])
	nw[0] = MakeHeader(KindHashMapColl, n+2)
	nw[1+n], nw[2+n] = uint64(k), uint64(v)
	return MakeBoxed(SpaceYoung, off), true, false
}

// hamtCopy copies node w (children from start) with child pos replaced by kid, or, when bit is
// set, with kid inserted at pos and bit added to the bitmap; a root's count grows by delta.
func hamtCopy(h *Heap, w []uint64, start, pos int, kid Term, bit uint32, delta int) Term {
	size := HeaderSize(w[0])
	grow := 0
	if bit != 0 {
		grow = 1
	}
	off, nw := h.Alloc(1 + size + grow)
	copy(nw[:start+pos], w[:start+pos])
	nw[0] = MakeHeader(HeaderKind(w[0]), size+grow)
	nw[1] = w[1] | uint64(bit)
	if start == hamtRootKids {
		nw[2] = uint64(int(w[2]) + delta)
	}
	nw[start+pos] = uint64(kid)
	copy(nw[start+pos+1:], w[start+pos+1-grow:1+size])
	return MakeBoxed(SpaceYoung, off)
}

// hamtRemove returns trie m (root words w) without key k.
func hamtRemove(h *Heap, m Term, w []uint64, k Term) Term {
	if _, ok := hamtGet(h, w, k); !ok {
		return m
	}
	if int(w[2])-1 <= MaxFlatMapSize {
		ents := make([]hamtEnt, 0, MaxFlatMapSize)
		hamtRange(h, w, hamtRootKids, func(key, val Term) bool {
			if !equalElem(h, key, k) {
				ents = append(ents, hamtEnt{key: key, val: val})
			}
			return true
		})
		ks, vs := entsSorted(h, ents)
		return flatMake(h, ks, vs)
	}
	nm, _ := hamtDelete(h, w, 0, mapHash(h, k), k)
	return nm
}

// hamtDelete returns node w without key k, and whether k was there. A non-root node left with
// no child returns NonValue, and one left with a single leaf returns that leaf, for the parent
// to hold in the node's place.
func hamtDelete(h *Heap, w []uint64, shift uint, hash uint64, k Term) (Term, bool) {
	start := kidsStart(w)
	bitmap := uint32(w[1])
	bit := uint32(1) << hamtIndex(hash, shift)
	if bitmap&bit == 0 {
		return NonValue, false
	}
	pos := bits.OnesCount32(bitmap & (bit - 1))
	c := Term(w[start+pos])
	cw := h.Words(c)
	nc := NonValue
	switch {
	case c.IsList():
		if !equalElem(h, Term(cw[0]), k) {
			return NonValue, false
		}
	case HeaderKind(cw[0]) == KindHashMapColl:
		var found bool
		if nc, found = hamtBucketDelete(h, cw, k); !found {
			return NonValue, false
		}
	default:
		var found bool
		if nc, found = hamtDelete(h, cw, shift+hamtBits, hash, k); !found {
			return NonValue, false
		}
	}
	nkids := HeaderSize(w[0]) + 1 - start
	root := start == hamtRootKids
	if nc != NonValue {
		if !root && nkids == 1 && nc.IsList() {
			return nc, true // lift the lone leaf
		}
		nw := hamtCopy(h, w, start, pos, nc, 0, -1)
		return nw, true
	}
	if !root {
		switch nkids {
		case 1:
			return NonValue, true
		case 2:
			if other := Term(w[start+1-pos]); other.IsList() {
				return other, true
			}
		}
	}
	// Copy without child pos.
	size := HeaderSize(w[0]) - 1
	off, nw := h.Alloc(1 + size)
	copy(nw[:start+pos], w[:start+pos])
	copy(nw[start+pos:], w[start+pos+1:2+size])
	nw[0] = MakeHeader(HeaderKind(w[0]), size)
	nw[1] = w[1] &^ uint64(bit)
	if root {
		nw[2] = w[2] - 1
	}
	return MakeBoxed(SpaceYoung, off), true
}

// hamtBucketDelete removes k from bucket cw; a bucket left with one entry becomes a leaf.
func hamtBucketDelete(h *Heap, cw []uint64, k Term) (Term, bool) {
	n := HeaderSize(cw[0])
	for i := 1; i <= n; i += 2 {
		if !equalElem(h, Term(cw[i]), k) {
			continue
		}
		if n == 4 {
			j := 4 - i // the other key: 3 when i is 1, 1 when i is 3
			return hamtLeaf(h, Term(cw[j]), Term(cw[j+1])), true
		}
		off, nw := h.Alloc(n - 1)
		nw[0] = MakeHeader(KindHashMapColl, n-2)
		copy(nw[1:], cw[1:i])
		copy(nw[i:], cw[i+2:1+n])
		return MakeBoxed(SpaceYoung, off), true
	}
	return NonValue, false
}

// hamtRange calls f on every entry under node w (children from start); false stops it.
func hamtRange(h *Heap, w []uint64, start int, f func(k, v Term) bool) bool {
	for _, x := range w[start : 1+HeaderSize(w[0])] {
		c := Term(x)
		cw := h.Words(c)
		if c.IsList() {
			if !f(Term(cw[0]), Term(cw[1])) {
				return false
			}
			continue
		}
		if HeaderKind(cw[0]) == KindHashMapColl {
			n := HeaderSize(cw[0])
			for i := 1; i <= n; i += 2 {
				if !f(Term(cw[i]), Term(cw[i+1])) {
					return false
				}
			}
			continue
		}
		if !hamtRange(h, cw, hamtNodeKids, f) {
			return false
		}
	}
	return true
}
