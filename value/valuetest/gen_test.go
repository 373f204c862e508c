package valuetest

import (
	"math/big"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestGeneratedTermsAreCanonical(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkCanonical(t, Term().Draw(t, "v"))
	})
}

func checkCanonical(t *rapid.T, v value.Term) {
	switch v := v.(type) {
	case value.BigInt:
		require.False(t, v.V.IsInt64(), "BigInt %s fits an int64", v.V)
		require.Equal(t, value.Term(v), value.Integer(new(big.Int).Set(v.V)))
	case value.Tuple:
		for _, e := range v {
			checkCanonical(t, e)
		}
	case value.List:
		for _, e := range v {
			checkCanonical(t, e)
		}
	case value.Map:
		for i := range v.Keys {
			if i > 0 {
				require.Equal(t, -1, value.CompareExact(v.Keys[i-1], v.Keys[i]))
			}
			checkCanonical(t, v.Values[i])
		}
	}
}

// TestCompareIsATotalOrder checks antisymmetry and transitivity of value.Compare, the oracle that
// the heap comparison is tested against.
func TestCompareIsATotalOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := Term().Draw(t, "a"), Term().Draw(t, "b"), Term().Draw(t, "c")
		for _, cmp := range []func(x, y value.Term) int{value.Compare, value.CompareExact} {
			require.Equal(t, cmp(a, b), -cmp(b, a))
			require.Equal(t, 0, cmp(a, a))
			if cmp(a, b) <= 0 && cmp(b, c) <= 0 {
				require.LessOrEqual(t, cmp(a, c), 0)
			}
		}
		require.Equal(t, value.CompareExact(a, b) == 0, value.Equal(a, b))
	})
}
