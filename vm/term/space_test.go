package term

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// relocate returns a copy of young-generation words in which every young pointer is rewritten
// by move. It walks the words object by object: a header starts a boxed object (RawWords says
// which payload words are terms); any other word starts a cons cell, whose head can never look
// like a header because no term has the header tag.
func relocate(words []uint64, move func(t Term) Term) []uint64 {
	out := append([]uint64(nil), words...)
	fix := func(i int) {
		if t := Term(out[i]); t.IsPointer() && t.Space() == SpaceYoung {
			out[i] = uint64(move(t))
		}
	}
	for i := 0; i < len(out); {
		if !IsHeader(out[i]) {
			fix(i)
			fix(i + 1)
			i += 2
			continue
		}
		k, size := HeaderKind(out[i]), HeaderSize(out[i])
		for j := 1 + RawWords(k, size); j <= size; j++ {
			fix(i + j)
		}
		i += 1 + size
	}
	return out
}

// TestAccessAcrossSpaces checks that the accessors, ToValue and Format read a term the same
// wherever its words live: the young generation, the old generation, or a literal area.
func TestAccessAcrossSpaces(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := valuetest.Term().Draw(t, "v")
		h := &Heap{}
		x, err := FromValue(h, v)
		require.NoError(t, err)

		old := &Heap{Old: relocate(h.Young, func(p Term) Term { return p.WithAddr(SpaceOld, p.Addr()) }), Bins: h.Bins}
		xo := x
		if x.IsPointer() {
			xo = x.WithAddr(SpaceOld, x.Addr())
		}
		require.True(t, value.Equal(v, ToValue(old, xo)), "old: %s", value.Format(v))

		area, err := NewLiteralArea(func(id int) ([]uint64, []*Binary) {
			lit := func(p Term) Term { return p.WithAddr(SpaceLiteral, MakeLiteralAddr(id, p.Addr())) }
			if x.IsPointer() {
				xo = lit(x)
			} else {
				xo = x
			}
			return relocate(h.Young, lit), h.Bins
		})
		require.NoError(t, err)
		empty := &Heap{}
		require.True(t, value.Equal(v, ToValue(empty, xo)), "literal %d: %s", area.ID, value.Format(v))
		require.Equal(t, value.Print(v), Print(empty, xo))
	})
}
