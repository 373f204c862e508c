package term

import (
	"sync"
	"sync/atomic"
)

// Binary is an off-heap binary: immutable bytes shared by reference between every heap, literal
// area and message fragment that holds it. Go's collector frees it when no side table refers
// to it any more.
type Binary struct {
	Data []byte
}

// MaxHeapBinary is the largest binary, in bytes, kept inside a heap; larger ones live off-heap.
const MaxHeapBinary = 64

// Heap is a process's word space: a young and an old generation, each a []uint64 addressed by
// word offset, and the side table of off-heap binaries that its RefBin objects index. It holds
// no Go pointers in its words, so Go's collector never scans them.
//
// Only the scheduler running the owning process touches a Heap. Allocation (Alloc) never
// collects: it grows Young when needed, and the owner collects at its next safe point when
// NeedsGC reports that Young passed Limit (package gc owns collection and sizing).
type Heap struct {
	Young []uint64 // len = allocation top of the young generation
	Old   []uint64 // len = allocation top of the old generation
	Bins  []*Binary
	// Limit is the young-generation size in words past which the owner should collect.
	Limit int
}

// Alloc reserves n words at the top of the young generation and returns their offset and the
// words (to be filled in at once: a later Alloc may move Young).
func (h *Heap) Alloc(n int) (uint64, []uint64) {
	off := len(h.Young)
	if off+n > cap(h.Young) {
		// The first allocation reserves 8 words, not the young size: most processes hold
		// little (an idle one often a small tuple), and a process that grows doubles from
		// there (vm's TestIdleProcessMemory: 16 words cost an idle process 64 bytes more).
		grown := make([]uint64, off, max(2*cap(h.Young), off+n, 8))
		copy(grown, h.Young)
		h.Young = grown
	}
	h.Young = h.Young[:off+n]
	return uint64(off), h.Young[off : off+n]
}

// NeedsGC reports whether the young generation has passed its limit.
func (h *Heap) NeedsGC() bool { return len(h.Young) > h.Limit }

// Words returns the words of the object or cons cell pointer t refers to, from its first word
// to the end of its space: words[0] is a boxed object's header or a cons cell's head. t must
// not point into a fragment (fragments are read by package gc only).
func (h *Heap) Words(t Term) []uint64 {
	addr := t.Addr()
	switch t.Space() {
	case SpaceYoung:
		return h.Young[addr:]
	case SpaceOld:
		return h.Old[addr:]
	case SpaceLiteral:
		area, off := LiteralAddr(addr)
		return LiteralAreaByID(area).Words[off:]
	}
	panic("term: Words of a fragment pointer")
}

// Header returns the header word of the boxed object t points to.
func (h *Heap) Header(t Term) uint64 { return h.Words(t)[0] }

// Kind returns the kind of the boxed object t points to.
func (h *Heap) Kind(t Term) Kind { return HeaderKind(h.Words(t)[0]) }

// Head and Tail return the two halves of the cons cell list pointer t points to.
func (h *Heap) Head(t Term) Term { return Term(h.Words(t)[0]) }
func (h *Heap) Tail(t Term) Term { return Term(h.Words(t)[1]) }

// RefBinary returns the off-heap binary that the RefBin object t points to refers to: an entry
// of h.Bins, or of the literal area's Bins when t is a literal.
func (h *Heap) RefBinary(t Term) *Binary {
	idx := h.Words(t)[1]
	if t.Space() == SpaceLiteral {
		area, _ := LiteralAddr(t.Addr())
		return LiteralAreaByID(area).Bins[idx]
	}
	return h.Bins[idx]
}

// A LiteralArea holds a module's constant terms, shared by every process and never copied by
// the collector. Pointers inside it are literal pointers into the same area; its RefBin objects
// index its own Bins.
type LiteralArea struct {
	ID    int
	Words []uint64
	Bins  []*Binary
}

// literalAreas is the VM-wide, append-only registry of literal areas. Readers take no lock;
// writers hold literalMu and publish a new slice. Areas are never removed (DESIGN.md: "keep
// the area alive"), so a literal pointer stays valid for the life of the VM.
var (
	literalMu    sync.Mutex
	literalAreas atomic.Pointer[[]*LiteralArea]
)

func init() { literalAreas.Store(&[]*LiteralArea{}) }

// NewLiteralArea registers words and bins as a new literal area and returns it. The caller
// must encode every pointer in words as a literal pointer into this area: build receives the
// area's id for that. Safe from any goroutine.
func NewLiteralArea(build func(id int) ([]uint64, []*Binary)) (*LiteralArea, error) {
	literalMu.Lock()
	defer literalMu.Unlock()
	areas := *literalAreas.Load()
	id := len(areas)
	if id >= MaxLiteralAreas {
		return nil, ErrSystemLimit
	}
	words, bins := build(id)
	a := &LiteralArea{ID: id, Words: words, Bins: bins}
	grown := append(append([]*LiteralArea(nil), areas...), a)
	literalAreas.Store(&grown)
	return a, nil
}

// LiteralAreaByID returns the literal area with the given id. Safe from any goroutine.
func LiteralAreaByID(id int) *LiteralArea { return (*literalAreas.Load())[id] }
