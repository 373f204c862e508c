package term

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAtoms checks that the predefined atoms are the constants the VM uses, and that
// interning is idempotent and never reuses an index.
func TestAtoms(t *testing.T) {
	for i, name := range preAtoms {
		a := MakeAtom(uint32(i))
		assert.Equal(t, name, AtomName(a))
		got, err := Intern(name)
		require.NoError(t, err)
		assert.Equal(t, a, got)
	}
	assert.Equal(t, "true", AtomName(True))
	assert.Equal(t, "DOWN", AtomName(DOWN))
	assert.Equal(t, "shutdown", AtomName(Shutdown))

	a1 := MustIntern("atoms_test_fresh")
	a2 := MustIntern("atoms_test_fresh")
	assert.Equal(t, a1, a2)
	assert.True(t, a1.IsAtom())
	ex, ok := ExistingAtom("atoms_test_fresh")
	assert.True(t, ok)
	assert.Equal(t, a1, ex)
	_, ok = ExistingAtom("atoms_test_never_interned")
	assert.False(t, ok)
	e, err := Intern("")
	require.NoError(t, err)
	assert.Equal(t, "", AtomName(e))
}

// TestAtomLimit checks that a full table refuses new atoms with ErrSystemLimit and still
// returns existing ones.
func TestAtomLimit(t *testing.T) {
	old := SetAtomLimit(AtomCount() + 2)
	defer SetAtomLimit(old)
	_, err := Intern("atom_limit_1")
	require.NoError(t, err)
	_, err = Intern("atom_limit_2")
	require.NoError(t, err)
	_, err = Intern("atom_limit_3")
	assert.ErrorIs(t, err, ErrSystemLimit)
	assert.Panics(t, func() { MustIntern("atom_limit_4") })
	a, err := Intern("atom_limit_1")
	require.NoError(t, err)
	assert.Equal(t, "atom_limit_1", AtomName(a))
	assert.Equal(t, AtomCount(), SetAtomLimit(1), "the limit cannot drop below the count")
}

// TestHammerAtoms interns overlapping names from many goroutines released together, then
// checks that every name got one index and every index names its name. Run it under -race.
func TestHammerAtoms(t *testing.T) {
	const goroutines, names = 8, 3000
	n := names
	if testing.Short() {
		n = 300
	}
	start := make(chan struct{})
	got := make([][]Term, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res := make([]Term, n)
			for i := range n {
				j := (i*7 + g*13) % n // each goroutine walks the names in its own order
				a, err := Intern(fmt.Sprintf("hammer_atom_%d", j))
				if err != nil {
					panic(err)
				}
				if AtomName(a) != fmt.Sprintf("hammer_atom_%d", j) {
					panic("atom name mismatch")
				}
				res[j] = a
			}
			got[g] = res
		}()
	}
	before := AtomCount()
	close(start)
	wg.Wait()
	seen := map[Term]bool{}
	for j := range n {
		for g := 1; g < goroutines; g++ {
			require.Equal(t, got[0][j], got[g][j], "name %d", j)
		}
		assert.False(t, seen[got[0][j]], "index reused")
		seen[got[0][j]] = true
	}
	assert.LessOrEqual(t, AtomCount()-before, n)
}
