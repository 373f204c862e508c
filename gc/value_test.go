package gc

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestValueRoundTrip checks the collector and fragments against term's own reading of terms:
// a portable term put into a heap reads back equal (value.Equal) after minor and major
// collections, and after travelling through a fragment into another heap.
func TestValueRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		v := valuetest.Term().Draw(rt, "v")
		h := New(DefaultOptions())
		x, err := term.FromValue(&h.Heap, v)
		require.NoError(rt, err)
		garbage(&h.Heap, 100)
		roots := []term.Term{x}
		for _, major := range []bool{false, false, true} {
			if major {
				h.CollectMajor(RootSet{roots}, 0)
			} else {
				h.Collect(RootSet{roots}, 0)
			}
			require.True(rt, value.Equal(v, term.ToValue(&h.Heap, roots[0])))
		}
		other := New(DefaultOptions())
		m := roots[0]
		if f := CopyOut(&h.Heap, roots[0]); f != nil {
			m = f.MoveIn(&other.Heap)
		}
		require.True(rt, value.Equal(v, term.ToValue(&other.Heap, m)))
	})
}
