package term

import (
	"errors"
	"sync"
	"sync/atomic"
)

// ErrSystemLimit is returned when a VM-wide table (atoms, literal areas) is full. The VM turns
// it into the exit reason system_limit.
var ErrSystemLimit = errors.New("system_limit")

// DefaultAtomLimit is the number of atoms the table accepts unless SetAtomLimit changes it.
const DefaultAtomLimit = 1 << 20

// Atoms that the VM uses by index, interned first and in this order, so their terms are
// constants.
const (
	False Term = iota<<4 | tagAtom
	True
	Ok
	Error
	Undefined
	Exit
	Throw
	Normal
	Kill
	Killed
	Noproc
	Badarg
	Badarith
	Badmatch
	CaseClause
	FunctionClause
	IfClause
	Undef
	Badfun
	Badarity
	Badkey
	Badmap
	SystemLimit
	TryClause
	Nocatch
	Infinity
	Timeout
	EXIT
	DOWN
	Process
	Shutdown
	numPreAtoms = iota
)

var preAtoms = [numPreAtoms]string{
	"false", "true", "ok", "error", "undefined", "exit", "throw", "normal", "kill", "killed",
	"noproc", "badarg", "badarith", "badmatch", "case_clause", "function_clause", "if_clause",
	"undef", "badfun", "badarity", "badkey", "badmap", "system_limit", "try_clause", "nocatch",
	"infinity", "timeout", "EXIT", "DOWN", "process", "shutdown",
}

// atomTable is the VM-wide, append-only atom table. Readers (AtomName) take no lock: names
// live in fixed-size chunks that are never moved, and the chunk directory is published with an
// atomic pointer. Writers (Intern of a new name) hold mu.
type atomTable struct {
	mu     sync.Mutex        // guards index, the tail of the last chunk, and limit
	index  map[string]uint32 // name → atom index; read under mu or via lookup
	lookup sync.Map          // name → uint32, lock-free fast path for existing atoms
	chunks atomic.Pointer[[]*atomChunk]
	count  atomic.Uint32
	limit  uint32
}

const atomChunkSize = 4096

type atomChunk [atomChunkSize]string

var atoms = newAtomTable()

func newAtomTable() *atomTable {
	t := &atomTable{index: make(map[string]uint32), limit: DefaultAtomLimit}
	t.chunks.Store(&[]*atomChunk{})
	for _, name := range preAtoms {
		if _, err := t.intern(name); err != nil {
			panic("term: cannot intern the predefined atoms")
		}
	}
	return t
}

func (t *atomTable) intern(name string) (Term, error) {
	if i, ok := t.lookup.Load(name); ok {
		return MakeAtom(i.(uint32)), nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.index[name]; ok {
		return MakeAtom(i), nil
	}
	n := t.count.Load()
	if n >= t.limit {
		return NonValue, ErrSystemLimit
	}
	chunks := *t.chunks.Load()
	if int(n/atomChunkSize) == len(chunks) {
		grown := append(append([]*atomChunk(nil), chunks...), new(atomChunk))
		t.chunks.Store(&grown)
		chunks = grown
	}
	// The slot is written before count is raised, so a reader that sees the atom's index
	// (it can only get it from a term made after this returns) sees its name.
	chunks[n/atomChunkSize][n%atomChunkSize] = name
	t.index[name] = n
	t.count.Store(n + 1)
	t.lookup.Store(name, n)
	return MakeAtom(n), nil
}

// Intern returns the atom named name, adding it to the table if it is new. It fails with
// ErrSystemLimit when the table is full. Safe from any goroutine.
func Intern(name string) (Term, error) { return atoms.intern(name) }

// MustIntern is Intern for names the VM itself needs; it panics when the table is full.
func MustIntern(name string) Term {
	a, err := atoms.intern(name)
	if err != nil {
		panic("term: atom table full interning " + name)
	}
	return a
}

// ExistingAtom returns the atom named name if it exists (list_to_existing_atom).
func ExistingAtom(name string) (Term, bool) {
	if i, ok := atoms.lookup.Load(name); ok {
		return MakeAtom(i.(uint32)), true
	}
	return NonValue, false
}

// AtomName returns the name of atom a. Safe from any goroutine.
func AtomName(a Term) string {
	i := a.AtomIndex()
	chunks := *atoms.chunks.Load()
	return chunks[i/atomChunkSize][i%atomChunkSize]
}

// AtomCount returns how many atoms exist.
func AtomCount() int { return int(atoms.count.Load()) }

// SetAtomLimit sets the most atoms the table will hold (at least the number that exist). It
// returns the previous limit. Safe from any goroutine.
func SetAtomLimit(n int) int {
	atoms.mu.Lock()
	defer atoms.mu.Unlock()
	old := atoms.limit
	atoms.limit = uint32(max(n, int(atoms.count.Load())))
	return int(old)
}
