package term

import (
	"fmt"
	"math/bits"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

// Helpers shared by the map, hash and compare tests.

// mapTestFrom builds portable v on h.
func mapTestFrom(t require.TestingT, h *Heap, v value.Term) Term {
	x, err := FromValue(h, v)
	require.NoError(t, err, "FromValue(%s)", value.Format(v))
	return x
}

// mapCheck returns an error describing the first broken map invariant of m: a flatmap has at
// most MaxFlatMapSize keys, strictly increasing in map-key order; a trie has more, every leaf
// sits at the slot its hash names, a bucket hangs only from the last level and holds at least
// two distinct keys with the same hash, a non-root node holds two children or a lone subtrie,
// bitmaps match the children, and the root's count is the number of leaves.
func mapCheck(h *Heap, m Term) error {
	if !IsMap(h, m) {
		return fmt.Errorf("not a map")
	}
	w := h.Words(m)
	if HeaderKind(w[0]) == KindFlatMap {
		n := HeaderSize(w[0]) - 1
		if n > MaxFlatMapSize {
			return fmt.Errorf("flatmap of %d keys", n)
		}
		kw := h.Words(Term(w[1]))
		if HeaderKind(kw[0]) != KindTuple || HeaderSize(kw[0]) != n {
			return fmt.Errorf("flatmap keys are not a tuple of %d", n)
		}
		for i := 2; i <= n; i++ {
			if CompareExact(h, Term(kw[i-1]), Term(kw[i])) >= 0 {
				return fmt.Errorf("flatmap keys %d and %d out of order", i-2, i-1)
			}
		}
		return nil
	}
	if HeaderKind(w[0]) != KindHashMapRoot {
		return fmt.Errorf("map of kind %v", HeaderKind(w[0]))
	}
	count := int(w[2])
	if count <= MaxFlatMapSize {
		return fmt.Errorf("trie of %d keys", count)
	}
	leaves, err := hamtCheckNode(h, w, 0, 0, true)
	if err != nil {
		return err
	}
	if leaves != count {
		return fmt.Errorf("root count %d, %d entries", count, leaves)
	}
	return nil
}

func hamtCheckNode(h *Heap, w []uint64, shift uint, prefix uint64, root bool) (int, error) {
	start := kidsStart(w)
	bitmap := uint32(w[1])
	kids := w[start : 1+HeaderSize(w[0])]
	if bits.OnesCount32(bitmap) != len(kids) || len(kids) == 0 {
		return 0, fmt.Errorf("shift %d: bitmap %b with %d children", shift, bitmap, len(kids))
	}
	if !root && len(kids) == 1 && Term(kids[0]).IsList() {
		return 0, fmt.Errorf("shift %d: a node holding a lone leaf", shift)
	}
	total := 0
	for idx, i := uint32(0), 0; idx < 32; idx++ {
		if bitmap&(1<<idx) == 0 {
			continue
		}
		if shift == hamtMaxShift && idx >= 16 {
			return 0, fmt.Errorf("slot %d at the last level", idx)
		}
		path := prefix | uint64(idx)<<shift
		mask := uint64(1)<<min(shift+hamtBits, 64) - 1
		if shift+hamtBits >= 64 {
			mask = ^uint64(0)
		}
		c := Term(kids[i])
		i++
		cw := h.Words(c)
		switch {
		case c.IsList():
			if mapHash(h, Term(cw[0]))&mask != path {
				return 0, fmt.Errorf("leaf at shift %d slot %d has the wrong hash", shift, idx)
			}
			total++
		case HeaderKind(cw[0]) == KindHashMapColl:
			n := HeaderSize(cw[0]) / 2
			if shift != hamtMaxShift || n < 2 {
				return 0, fmt.Errorf("bucket of %d at shift %d", n, shift)
			}
			h0 := mapHash(h, Term(cw[1]))
			for j := 0; j < n; j++ {
				kj := Term(cw[1+2*j])
				if mapHash(h, kj) != h0 || h0&mask != path {
					return 0, fmt.Errorf("bucket key %d has a different hash", j)
				}
				for l := 0; l < j; l++ {
					if Equal(h, kj, Term(cw[1+2*l])) {
						return 0, fmt.Errorf("bucket holds a key twice")
					}
				}
			}
			total += n
		case HeaderKind(cw[0]) == KindHashMapNode:
			if shift == hamtMaxShift {
				return 0, fmt.Errorf("node below the last level")
			}
			n, err := hamtCheckNode(h, cw, shift+hamtBits, path, false)
			if err != nil {
				return 0, err
			}
			total += n
		default:
			return 0, fmt.Errorf("child of kind %v", HeaderKind(cw[0]))
		}
	}
	return total, nil
}

// withMapHash runs f with the trie hash replaced by hash (and restores it).
func withMapHash(hash func(*Heap, Term) uint64, f func()) {
	saved := mapHash
	mapHash = hash
	defer func() { mapHash = saved }()
	f()
}

// mapTestRelocate copies the whole young generation of scratch heap s into a new literal
// area, or (when old is true) onto the end of s's old generation, rewriting young pointers,
// and returns where t went. It walks objects in address order: a header starts a boxed object
// (RawWords says which payload words are terms), anything else starts a two-word cons cell.
func mapTestRelocate(t require.TestingT, s *Heap, x Term, old bool) Term {
	words := append([]uint64(nil), s.Young...)
	base := uint64(len(s.Old))
	area := -1
	move := func(p Term) Term {
		if !p.IsPointer() || p.Space() != SpaceYoung {
			return p
		}
		if old {
			return p.WithAddr(SpaceOld, base+p.Addr())
		}
		return p.WithAddr(SpaceLiteral, MakeLiteralAddr(area, p.Addr()))
	}
	rewrite := func() {
		for i := 0; i < len(words); {
			if IsHeader(words[i]) {
				k, n := HeaderKind(words[i]), HeaderSize(words[i])
				for j := i + 1 + RawWords(k, n); j <= i+n; j++ {
					words[j] = uint64(move(Term(words[j])))
				}
				i += 1 + n
				continue
			}
			words[i], words[i+1] = uint64(move(Term(words[i]))), uint64(move(Term(words[i+1])))
			i += 2
		}
	}
	if old {
		rewrite()
		s.Old = append(s.Old, words...)
		return move(x)
	}
	_, err := NewLiteralArea(func(id int) ([]uint64, []*Binary) {
		area = id
		rewrite()
		return words, s.Bins
	})
	require.NoError(t, err)
	return move(x)
}
