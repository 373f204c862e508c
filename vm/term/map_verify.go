package term

import (
	"fmt"
	"math/bits"
)

// VerifyMap returns an error describing the first broken invariant of map m, or nil: a flatmap
// has at most MaxFlatMapSize keys, strictly increasing in map-key order; a trie has more,
// every leaf sits at the slot its hash names, a bucket hangs only from the last level and
// holds at least two distinct keys with the same hash, a non-root node holds two children or
// a lone subtrie, bitmaps match the children, and the root's count is the number of leaves.
// It hashes every key: a check for tests and the beamlitedebug heap verifier, not for a hot
// path.
func VerifyMap(h *Heap, m Term) error {
	if !IsMap(h, m) {
		return fmt.Errorf("term: not a map")
	}
	w := h.Words(m)
	if HeaderKind(w[0]) == KindFlatMap {
		n := HeaderSize(w[0]) - 1
		if n > MaxFlatMapSize {
			return fmt.Errorf("term: flatmap of %d keys", n)
		}
		kw := h.Words(Term(w[1]))
		if HeaderKind(kw[0]) != KindTuple || HeaderSize(kw[0]) != n {
			return fmt.Errorf("term: flatmap keys are not a tuple of %d", n)
		}
		for i := 2; i <= n; i++ {
			if CompareExact(h, Term(kw[i-1]), Term(kw[i])) >= 0 {
				return fmt.Errorf("term: flatmap keys %d and %d out of order", i-2, i-1)
			}
		}
		return nil
	}
	if HeaderKind(w[0]) != KindHashMapRoot {
		return fmt.Errorf("term: map of kind %v", HeaderKind(w[0]))
	}
	count := int(w[2])
	if count <= MaxFlatMapSize {
		return fmt.Errorf("term: trie of %d keys", count)
	}
	leaves, err := hamtCheckNode(h, w, 0, 0, true)
	if err != nil {
		return err
	}
	if leaves != count {
		return fmt.Errorf("term: root count %d, %d entries", count, leaves)
	}
	return nil
}

func hamtCheckNode(h *Heap, w []uint64, shift uint, prefix uint64, root bool) (int, error) {
	start := kidsStart(w)
	bitmap := uint32(w[1])
	kids := w[start : 1+HeaderSize(w[0])]
	if bits.OnesCount32(bitmap) != len(kids) || len(kids) == 0 {
		return 0, fmt.Errorf("term: shift %d: bitmap %b with %d children", shift, bitmap, len(kids))
	}
	if !root && len(kids) == 1 && Term(kids[0]).IsList() {
		return 0, fmt.Errorf("term: shift %d: a node holding a lone leaf", shift)
	}
	total := 0
	for idx, i := uint32(0), 0; idx < 32; idx++ {
		if bitmap&(1<<idx) == 0 {
			continue
		}
		if shift == hamtMaxShift && idx >= 16 {
			return 0, fmt.Errorf("term: slot %d at the last level", idx)
		}
		path := prefix | uint64(idx)<<shift
		mask := uint64(1)<<(shift+hamtBits) - 1 // all ones at the last level: 1<<65 is 0
		c := Term(kids[i])
		i++
		cw := h.Words(c)
		switch {
		case c.IsList():
			if mapHash(h, Term(cw[0]))&mask != path {
				return 0, fmt.Errorf("term: leaf at shift %d slot %d has the wrong hash", shift, idx)
			}
			total++
		case HeaderKind(cw[0]) == KindHashMapColl:
			n := HeaderSize(cw[0]) / 2
			if shift != hamtMaxShift || n < 2 {
				return 0, fmt.Errorf("term: bucket of %d at shift %d", n, shift)
			}
			h0 := mapHash(h, Term(cw[1]))
			for j := 0; j < n; j++ {
				kj := Term(cw[1+2*j])
				if mapHash(h, kj) != h0 || h0&mask != path {
					return 0, fmt.Errorf("term: bucket key %d has a different hash", j)
				}
				for l := 0; l < j; l++ {
					if Equal(h, kj, Term(cw[1+2*l])) {
						return 0, fmt.Errorf("term: bucket holds a key twice")
					}
				}
			}
			total += n
		case HeaderKind(cw[0]) == KindHashMapNode:
			if shift == hamtMaxShift {
				return 0, fmt.Errorf("term: node below the last level")
			}
			n, err := hamtCheckNode(h, cw, shift+hamtBits, path, false)
			if err != nil {
				return 0, err
			}
			total += n
		default:
			return 0, fmt.Errorf("term: child of kind %v", HeaderKind(cw[0]))
		}
	}
	return total, nil
}
