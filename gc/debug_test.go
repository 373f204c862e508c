//go:build beamlitedebug

package gc

import (
	"testing"

	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/require"
)

// TestDebugVerifiesEveryCollection: under beamlitedebug a collection that leaves a corrupt heap
// panics at once. An old→young pointer planted by hand is one a minor cannot see (it does not
// scan Old), so the heap it leaves is corrupt.
func TestDebugVerifiesEveryCollection(t *testing.T) {
	h := New(DefaultOptions())
	y := term.MakeTuple(&h.Heap, term.MakeSmall(1))
	h.Old = append(h.Old, term.MakeHeader(term.KindTuple, 1), uint64(y))
	require.PanicsWithValue(t,
		"gc: heap corrupt after minor collection: gc: verify: old[1]: old word points into young: 0x2",
		func() { h.Collect(nil, 0) })
}
