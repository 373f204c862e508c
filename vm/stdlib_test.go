package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStdlibLists runs the standard library's lists functions from a user module.
func TestStdlibLists(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		r, err := v.Apply("lists", "seq", value.Int(1), value.Int(5))
		require.NoError(t, err)
		assert.Equal(t, value.List{value.Int(1), value.Int(2), value.Int(3), value.Int(4), value.Int(5)}, r)
		r, err = v.Apply("lists", "seq", value.Int(5), value.Int(4))
		require.NoError(t, err)
		assert.Equal(t, value.Nil, r)

		neg := value.ExportFun{Module: "erlang", Function: "-", Arity: 1}
		r, err = v.Apply("lists", "map", neg, value.List{value.Int(1), value.Int(2)})
		require.NoError(t, err)
		assert.Equal(t, value.List{value.Int(-1), value.Int(-2)}, r)

		plus := value.ExportFun{Module: "erlang", Function: "+", Arity: 2}
		r, err = v.Apply("lists", "foldl", plus, value.Int(100), value.List{value.Int(1), value.Int(2)})
		require.NoError(t, err)
		assert.Equal(t, value.Int(103), r)

		r, err = v.Apply("lists", "sum", value.List{value.Int(1), value.Float(2.5)})
		require.NoError(t, err)
		assert.Equal(t, value.Float(3.5), r)

		_, err = v.Apply("lists", "map", neg, value.Atom("x"))
		assert.Equal(t, value.Atom("function_clause"), exitOf(t, err).Reason)
	})
}

// TestStdlibSharedLiterals checks that two VMs share the standard library's literal areas.
func TestStdlibSharedLiterals(t *testing.T) {
	a, b := newVM(t, Options{}), newVM(t, Options{})
	lists := a.code.lookup(atom("lists"), atom("seq"), 2).fn.Load()
	other := b.code.lookup(atom("lists"), atom("seq"), 2).fn.Load()
	require.NotSame(t, lists, other, "each VM lowers its own code")
	require.NotEmpty(t, lists.mod.lits, "lists has literals")
	assert.Equal(t, lists.mod.lits[0], other.mod.lits[0], "literal terms point into one area")
}
