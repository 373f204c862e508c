package gc

import (
	"fmt"

	"github.com/beamlite/beamlite/vm/term"
)

// Kind says which collection ran.
type Kind uint8

const (
	// Minor copies live young data only: survivors of one earlier minor into Old, the rest
	// into a fresh Young.
	Minor Kind = iota
	// Major copies all live data into a fresh Old and leaves Young empty.
	Major
	// Compacting is a major collection that then trims every array to its live size
	// (hibernate).
	Compacting
)

func (k Kind) String() string {
	switch k {
	case Minor:
		return "minor"
	case Major:
		return "major"
	case Compacting:
		return "compact"
	}
	return "kind?"
}

// Stats describes one collection, for reduction accounting and process_info.
type Stats struct {
	Kind        Kind
	Moved       int  // live words copied (including promoted ones)
	Promoted    int  // words copied from Young into Old (minor only)
	Reclaimed   int  // words in use before minus words in use after
	Allocated   int  // words of fresh arrays the collection allocated (to-spaces, resizes)
	BinsDropped int  // off-heap binary references dropped from Bins
	Size        int  // Heap.Size after the collection
	OverMax     bool // Size exceeds MaxHeapSize: the VM must kill the process
}

// Reductions returns what the collection costs the process, erts's gc_cost shape: a tenth
// of a reduction per word moved, a hundredth per word of array allocated.
func (s Stats) Reductions() int { return s.Moved/10 + s.Allocated/100 }

// Collect runs a minor collection, or a major one when the policy asks for it: every
// FullsweepAfter minors, or when promoting the survivors could overflow the old budget.
// need is the number of free young words the caller wants after the collection.
func (h *Heap) Collect(roots Roots, need int) Stats {
	h.normalize()
	if h.minors >= h.FullsweepAfter || len(h.Old)+h.hwm > h.oldLimit {
		return h.collectMajor(roots, need, Major)
	}
	return h.collectMinor(roots, need)
}

// CollectMajor runs a major collection (erlang:garbage_collect/0).
func (h *Heap) CollectMajor(roots Roots, need int) Stats {
	h.normalize()
	return h.collectMajor(roots, need, Major)
}

// Compact runs a major collection and then shrinks the heap to its minimum: Old holds
// exactly the live words, Young is empty with no backing array, Limit is MinHeapSize. This
// is what hibernate does: the process's heap costs its live data and nothing more until it
// wakes.
func (h *Heap) Compact(roots Roots) Stats {
	h.normalize()
	// A hibernating process gives back its message chunks too.
	h.slab, h.frags, h.slabNext, h.fragsNext, h.fragLog = nil, nil, 0, 0, nil
	return h.collectMajor(roots, 0, Compacting)
}

func inUse(h *Heap) int { return len(h.Young) + len(h.Old) }

func (h *Heap) collectMinor(roots Roots, need int) Stats {
	before, binsBefore := inUse(h), len(h.Bins)
	oldStart := len(h.Old)
	// The new young array gets the current young size: survivors rarely exceed it (grow
	// handles it when they do), and it is the size the sizing policy keeps in steady state, so
	// resize does not have to allocate again.
	young := getYoung(h.Limit)
	estimate := cap(young)
	c := copier{
		fromYoung: h.Young,
		hwm:       uint64(h.hwm),
		young:     young,
		old:       h.Old,
		oldBins:   h.oldBins,
	}
	c.allocated = estimate
	c.bins = h.Bins
	c.run(roots, oldStart)
	c.fixMinorBins(h)
	from := h.Young
	h.Young, h.Old = c.young, c.old
	if cap(from) > 0 && &from[:1][0] != &h.Young[:1][0] {
		putYoung(from) // all garbage now
	}
	h.hwm = len(h.Young)
	h.minors++
	st := Stats{
		Kind:        Minor,
		Moved:       len(h.Young) + len(h.Old) - oldStart,
		Promoted:    len(h.Old) - oldStart,
		BinsDropped: binsBefore - len(h.Bins),
	}
	st.Allocated = c.allocated + h.resize(false, need)
	st.Reclaimed = before - inUse(h)
	return h.finish(roots, st)
}

func (h *Heap) collectMajor(roots Roots, need int, kind Kind) Stats {
	before, binsBefore := inUse(h), len(h.Bins)
	// Live data is at most what Old held plus one young generation's worth (more only when
	// Young overflowed its limit; grow handles that). Never size by the garbage: a major of
	// a heap with 1 MB live among 100 MB of garbage must not allocate 100 MB.
	estimate := min(len(h.Young)+len(h.Old), max(256, min(len(h.Old), h.oldLimit)+min(len(h.Young), h.Limit)))
	c := copier{
		fromYoung: h.Young,
		fromOld:   h.Old,
		major:     true,
		old:       make([]uint64, 0, estimate),
		bins:      h.Bins,
	}
	c.allocated = estimate
	if len(h.Bins) > 0 {
		c.remap = make([]int32, len(h.Bins))
		for i := range c.remap {
			c.remap[i] = -1
		}
	}
	c.run(roots, 0)
	h.Bins = c.newBins
	h.oldBins = len(h.Bins)
	h.Old = c.old
	h.hwm, h.minors = 0, 0
	st := Stats{Kind: kind, Moved: len(h.Old), BinsDropped: binsBefore - len(h.Bins)}
	if kind == Compacting {
		if cap(h.Old) != len(h.Old) {
			old := make([]uint64, len(h.Old))
			copy(old, h.Old)
			h.Old = old
			c.allocated += len(h.Old)
		}
		putYoung(h.Young)
		h.Young = nil
		h.Limit = h.MinHeapSize
		h.oldLimit = max(h.MinHeapSize, 2*len(h.Old))
		if !h.stress() {
			h.oldLimit = NextSize(h.oldLimit)
		}
		if cap(h.Bins) != len(h.Bins) {
			bins := make([]*term.Binary, len(h.Bins))
			copy(bins, h.Bins)
			h.Bins = bins
		}
	} else {
		// Reuse the young array when it is the right size: it is all garbage now.
		h.Young = h.Young[:0]
		if cap(h.Young) > 2*youngCap(h.Limit) {
			putYoung(h.Young)
			h.Young = nil
		}
		c.allocated += h.resize(true, need)
	}
	st.Allocated = c.allocated
	st.Reclaimed = before - inUse(h)
	return h.finish(roots, st)
}

func (h *Heap) finish(roots Roots, st Stats) Stats {
	st.Size = h.Size()
	st.OverMax = h.OverMax()
	if debug {
		if err := h.Verify(roots); err != nil {
			panic("gc: heap corrupt after " + st.Kind.String() + " collection: " + err.Error())
		}
	}
	return st
}

// copier is one Cheney copy. From-spaces are Young (minor) or Young and Old (major);
// to-spaces are a fresh young array and the old array (appended to by a minor, fresh in a
// major). Because a to-space word that the scan has not reached holds only from-space
// pointers, and one it has passed holds only to-space pointers, the space bits of a pointer
// met by the scan always name a from-space: no address-range test is needed.
type copier struct {
	fromYoung, fromOld []uint64
	major              bool
	hwm                uint64 // minor: young objects below it are promoted
	young, old         []uint64
	allocated          int

	bins    []*term.Binary
	oldBins int
	// Major: remap[i] is entry i's index in newBins, or -1.
	remap   []int32
	newBins []*term.Binary
	// Minor: marks[i-oldBins] says who reaches young-section entry i (markYoung, markOld),
	// and binRefs lists the to-space RefBin index words to rewrite (offset<<1 | 1 if in Old).
	marks   []uint8
	binRefs []uint64
}

const (
	markYoung = 1
	markOld   = 2
)

// grow makes room for n more words at the end of *s, doubling so that copying a large live
// set costs amortised O(1) per word.
func (c *copier) grow(s *[]uint64, n int) {
	if len(*s)+n <= cap(*s) {
		return
	}
	nc := max(2*cap(*s), len(*s)+n, 256)
	ns := make([]uint64, len(*s), nc)
	copy(ns, *s)
	*s = ns
	c.allocated += nc
}

// forward returns where the object t points to lives after the collection, copying it
// there first if this is the first pointer to it met.
func (c *copier) forward(t term.Term) term.Term {
	var from []uint64
	switch t.Space() {
	case term.SpaceYoung:
		from = c.fromYoung
	case term.SpaceOld:
		if !c.major {
			return t // a minor never moves old objects
		}
		from = c.fromOld
	default:
		return t // literals are never copied; fragments never occur in a heap
	}
	off := t.Addr()
	toOld := c.major || off < c.hwm
	if t.IsBoxed() {
		hd := from[off]
		if !term.IsHeader(hd) {
			return term.Term(hd) // already moved: the header is the new pointer
		}
		n := 1 + uint64(term.HeaderSize(hd))
		nt := c.copyWords(from[off:off+n], toOld, t)
		if term.HeaderKind(hd) == term.KindRefBin {
			c.refBin(nt, toOld)
		}
		from[off] = uint64(nt)
		return nt
	}
	if term.Term(from[off]) == term.NonValue {
		return term.Term(from[off+1]) // moved cons cell
	}
	nt := c.copyWords(from[off:off+2], toOld, t)
	from[off], from[off+1] = uint64(term.NonValue), uint64(nt)
	return nt
}

func (c *copier) copyWords(ws []uint64, toOld bool, t term.Term) term.Term {
	if toOld {
		c.grow(&c.old, len(ws))
		at := len(c.old)
		c.old = append(c.old, ws...)
		return t.WithAddr(term.SpaceOld, uint64(at))
	}
	c.grow(&c.young, len(ws))
	at := len(c.young)
	c.young = append(c.young, ws...)
	return t.WithAddr(term.SpaceYoung, uint64(at))
}

// refBin records or rewrites the table index of the RefBin object just copied to nt.
func (c *copier) refBin(nt term.Term, toOld bool) {
	at := nt.Addr() + 1
	if c.major {
		idx := c.old[at]
		if c.remap[idx] < 0 {
			c.remap[idx] = int32(len(c.newBins))
			c.newBins = append(c.newBins, c.bins[idx])
		}
		c.old[at] = uint64(c.remap[idx])
		return
	}
	var idx uint64
	if toOld {
		idx = c.old[at]
	} else {
		idx = c.young[at]
	}
	if idx < uint64(c.oldBins) {
		return // already in the old prefix, which a minor leaves alone
	}
	if c.marks == nil {
		c.marks = make([]uint8, len(c.bins)-c.oldBins)
	}
	loc := at << 1
	if toOld {
		c.marks[idx-uint64(c.oldBins)] |= markOld
		loc |= 1
	} else {
		c.marks[idx-uint64(c.oldBins)] |= markYoung
	}
	c.binRefs = append(c.binRefs, loc)
}

// fixMinorBins compacts the young section of Bins: entries reached from promoted objects move
// to the end of the old prefix, entries reached only from young survivors follow, the rest
// are dropped (and cleared, so that Go can free them).
func (c *copier) fixMinorBins(h *Heap) {
	section := c.bins[c.oldBins:]
	if len(section) == 0 {
		return
	}
	newIdx := make([]uint64, len(section))
	moved := make([]*term.Binary, 0, len(section))
	for i, m := range c.marks { // marks is nil when no young RefBin survived
		if m&markOld != 0 {
			newIdx[i] = uint64(c.oldBins + len(moved))
			moved = append(moved, section[i])
		}
	}
	promoted := len(moved)
	for i, m := range c.marks {
		if m == markYoung {
			newIdx[i] = uint64(c.oldBins + len(moved))
			moved = append(moved, section[i])
		}
	}
	for _, loc := range c.binRefs {
		s := c.young
		if loc&1 != 0 {
			s = c.old
		}
		at := loc >> 1
		s[at] = newIdx[s[at]-uint64(c.oldBins)]
	}
	n := copy(section, moved)
	clear(section[n:])
	h.Bins = c.bins[:c.oldBins+n]
	h.oldBins = c.oldBins + promoted
}

// run forwards the roots, then scans the to-spaces until no unscanned word is left. The old
// to-space is scanned from oldScan: in a minor, the words below it are the old generation,
// which points to no young object.
func (c *copier) run(roots Roots, oldScan int) {
	if roots != nil {
		roots.VisitRoots(func(rs []term.Term) {
			for i, t := range rs {
				if t.IsPointer() {
					rs[i] = c.forward(t)
				}
			}
		})
	}
	youngScan := 0
	for oldScan < len(c.old) || youngScan < len(c.young) {
		oldScan = c.scan(&c.old, oldScan)
		youngScan = c.scan(&c.young, youngScan)
	}
}

// scan forwards every term word of the objects in *s from i on, including objects appended
// while it runs, and returns where it stopped.
func (c *copier) scan(s *[]uint64, i int) int {
	for i < len(*s) {
		w := (*s)[i]
		end := i + 2 // a cons cell: head and tail are terms
		if term.IsHeader(w) {
			size := term.HeaderSize(w)
			end = i + 1 + size
			i += 1 + term.RawWords(term.HeaderKind(w), size)
		}
		for ; i < end; i++ {
			if t := term.Term((*s)[i]); t.IsPointer() {
				nt := c.forward(t) // may reallocate *s: index it again afterwards
				(*s)[i] = uint64(nt)
			}
		}
	}
	return i
}

// String returns a short description of s for logs.
func (s Stats) String() string {
	return fmt.Sprintf("%v gc: moved %d words, reclaimed %d, size %d", s.Kind, s.Moved, s.Reclaimed, s.Size)
}
