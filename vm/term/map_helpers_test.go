package term

import (
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

// withMapHash runs f with the trie hash replaced by hash (and restores it).
func withMapHash(hash func(*Heap, Term) uint64, f func()) {
	saved := mapHash
	mapHash = hash
	defer func() { mapHash = saved }()
	f()
}

// mapTestRelocate copies the whole young generation of scratch heap s into a new literal
// area, or (when old is true) onto the end of s's old generation, rewriting young pointers,
// and returns where x went. It walks objects in address order: a header starts a boxed object
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
