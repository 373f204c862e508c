package gc

import (
	"slices"
	"testing"

	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestFragmentProperty: for random term graphs, partly promoted to Old, CopyOut leaves the
// sender's heap word for word as it was, FragmentSize predicts the fragment's size, the
// fragment holds no heap pointer, and MoveIn gives an isomorphic graph (sharing, binaries
// and literals by identity) in another heap, twice from the same fragment.
func TestFragmentProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		h := New(DefaultOptions())
		g := &gen{t: rt, h: &h.Heap}
		roots := []term.Term{g.term(3), g.term(3)}
		if rapid.Bool().Draw(rt, "promote") {
			h.Collect(RootSet{roots}, 0)
			h.Collect(RootSet{roots}, 0)
			g.pool = slices.Clone(roots)
		}
		g.term(2) // garbage
		msg := term.MakeTuple(&h.Heap, roots[0], g.term(3), roots[1], roots[0])
		want := shapeOf(&h.Heap, msg)

		young, old, bins := slices.Clone(h.Young), slices.Clone(h.Old), slices.Clone(h.Bins)
		size := FragmentSize(&h.Heap, msg)
		f := CopyOut(&h.Heap, msg)
		require.NotNil(rt, f)
		require.Equal(rt, young, h.Young, "CopyOut must restore the sender's heap")
		require.Equal(rt, old, h.Old)
		require.Equal(rt, bins, h.Bins)
		require.Equal(rt, size, len(f.Words))
		require.Equal(rt, want.words[term.SpaceYoung]+want.words[term.SpaceOld], len(f.Words),
			"shared subterms are copied once")
		checkFragment(rt, f)

		for range 2 {
			other := New(DefaultOptions())
			(&gen{t: rt, h: &other.Heap}).term(2)
			m := f.MoveIn(&other.Heap)
			require.Equal(rt, want.String(), shapeOf(&other.Heap, m).String())
			require.NoError(rt, other.Verify(RootSet{{m}}))
		}
	})
}

// checkFragment asserts that f is position independent: every pointer is a fragment pointer
// to an object start inside f, or a literal; every RefBin indexes f.Bins.
func checkFragment(t require.TestingT, f *Fragment) {
	starts, err := objectStarts(f.Words, "fragment")
	require.NoError(t, err)
	isStart := func(p term.Term) bool {
		if p.Space() == term.SpaceLiteral {
			return true
		}
		return p.Space() == term.SpaceFragment && p.Addr() < uint64(len(f.Words)) && starts[p.Addr()]
	}
	require.True(t, isStart(f.Root))
	for i := 0; i < len(f.Words); {
		w := f.Words[i]
		first, end := i, i+2
		if term.IsHeader(w) {
			k, size := term.HeaderKind(w), term.HeaderSize(w)
			first, end = i+1+term.RawWords(k, size), i+1+size
			if k == term.KindRefBin {
				require.Less(t, f.Words[i+1], uint64(len(f.Bins)))
			}
		}
		for _, w := range f.Words[first:end] {
			if p := term.Term(w); p.IsPointer() {
				require.True(t, isStart(p), "pointer %#x", w)
			}
		}
		i = end
	}
}

func TestCopyOutNeedsNoFragment(t *testing.T) {
	h := New(DefaultOptions())
	for _, tm := range []term.Term{term.MakeSmall(7), term.Ok, term.Nil, term.MakePid(1, 2), literal()} {
		assert.False(t, NeedsCopy(tm))
		assert.Nil(t, CopyOut(&h.Heap, tm))
		assert.Zero(t, FragmentSize(&h.Heap, tm))
	}
	f := &Fragment{Root: term.Ok}
	assert.Equal(t, term.Ok, f.MoveIn(&h.Heap), "a hand-made empty fragment carries its root")
}

func TestFragmentKeepsSharing(t *testing.T) {
	h := New(DefaultOptions())
	l := listOf(&h.Heap, 1000) // 4000 words
	msg := term.MakeTuple(&h.Heap, l, l, l)
	f := CopyOut(&h.Heap, msg)
	assert.Len(t, f.Words, 4000+4)
	other := New(DefaultOptions())
	m := f.MoveIn(&other.Heap)
	assert.Equal(t, term.TupleElem(&other.Heap, m, 0), term.TupleElem(&other.Heap, m, 2))
}

func TestFragmentSharesBinaries(t *testing.T) {
	h := New(DefaultOptions())
	big := term.MakeBinary(&h.Heap, make([]byte, 1<<20))
	msg := term.MakeTuple(&h.Heap, big, term.MakeSubBinary(&h.Heap, big, 8, 64))
	f := CopyOut(&h.Heap, msg)
	require.Len(t, f.Bins, 1)
	assert.Same(t, h.RefBinary(big), f.Bins[0], "the bytes are shared, not copied")
	assert.Less(t, len(f.Words), 16)

	other := New(DefaultOptions())
	term.MakeBinary(&other.Heap, make([]byte, 100)) // Bins[0] of the receiver
	m := f.MoveIn(&other.Heap)
	require.Len(t, other.Bins, 2)
	assert.Same(t, f.Bins[0], other.RefBinary(term.TupleElem(&other.Heap, m, 0)))
}

// TestCopyOutRestoresOnPanic: a corrupt heap makes CopyOut panic, and the sender's heap is
// restored anyway.
func TestCopyOutRestoresOnPanic(t *testing.T) {
	h := New(DefaultOptions())
	a := listOf(&h.Heap, 3)
	bad := term.MakeBoxed(term.SpaceFragment, 0)
	msg := term.MakeTuple(&h.Heap, a, bad)
	young := slices.Clone(h.Young)
	require.PanicsWithValue(t, "gc: fragment pointer in a heap", func() { CopyOut(&h.Heap, msg) })
	require.Equal(t, young, h.Young)
}

// TestHeapCopyOutSlab: Heap.CopyOut carves fragments from the sender's chunks. Each one is
// what CopyOut makes (same words, binaries and root), the sender's heap is restored, a
// fragment moved in after later sends is still intact (they never share words), and a
// message larger than a chunk gets an array of its own.
func TestHeapCopyOutSlab(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		h := New(DefaultOptions())
		g := &gen{t: rt, h: &h.Heap}
		type sent struct {
			f    *Fragment
			want string
		}
		var all []sent
		for range rapid.IntRange(1, 40).Draw(rt, "messages") {
			var msg term.Term
			if rapid.IntRange(0, 9).Draw(rt, "big") == 0 {
				elems := make([]term.Term, rapid.IntRange(maxSlabWords/2, 2*maxSlabWords).Draw(rt, "len"))
				for i := range elems {
					elems[i] = term.MakeSmall(int64(i))
				}
				msg = term.ListFromSlice(&h.Heap, elems, term.Nil)
			} else {
				msg = term.MakeTuple(&h.Heap, g.term(2), g.term(2))
			}
			young, old := slices.Clone(h.Young), slices.Clone(h.Old)
			ref := CopyOut(&h.Heap, msg)
			f := h.CopyOut(msg)
			require.Equal(rt, young, h.Young, "CopyOut must restore the sender's heap")
			require.Equal(rt, old, h.Old)
			require.Equal(rt, ref.Words, f.Words)
			require.Equal(rt, ref.Bins, f.Bins)
			require.Equal(rt, ref.Root, f.Root)
			require.Equal(rt, len(f.Words), cap(f.Words), "a fragment cannot grow into its neighbours")
			checkFragment(rt, f)
			all = append(all, sent{f, shapeOf(&h.Heap, msg).String()})
		}
		for _, s := range all {
			other := New(DefaultOptions())
			m := s.f.MoveIn(&other.Heap)
			require.Equal(rt, s.want, shapeOf(&other.Heap, m).String())
		}
		h.Compact(RootSet{})
		require.Nil(rt, h.slab, "hibernate gives the chunks back")
	})
}
