package gc

import (
	"sync"

	"github.com/beamlite/beamlite/vm/term"
)

// Fragment is a term copied out of a heap to travel as a message: position independent, so
// the receiver can take it in with one copy and a relocation pass. Pointers inside Words use
// term.SpaceFragment with offsets relative to Words[0]; RefBin objects index Bins (the same
// *term.Binary values as the sender's, never a copy of their bytes); literal pointers are kept
// as they are (literal areas live for the whole VM). Root is the message: a pointer into Words
// (or, for a fragment made by hand, any term that needs no words).
//
// Words are laid out as in a heap: a word with the header tag starts a boxed object, any other
// word at an object boundary starts a cons cell. A fragment is never changed after CopyOut, so
// one may be moved into several heaps.
type Fragment struct {
	Words []uint64
	Bins  []*term.Binary
	Root  term.Term
}

// NeedsCopy reports whether sending t needs a fragment: false for immediates and literal
// pointers, which the receiver can hold as they are.
func NeedsCopy(t term.Term) bool {
	return t.IsPointer() && (t.Space() == term.SpaceYoung || t.Space() == term.SpaceOld)
}

// CopyOut copies t out of h into a new fragment, keeping shared subterms shared. It returns nil
// when t needs no copy (see NeedsCopy): the message is then t itself.
//
// Sharing is kept by forwarding, as the collector does, in h itself: each object copied has
// its header (or, for a cons cell, its head and tail) overwritten with its fragment address,
// and an undo log restores those words before CopyOut returns, panic or not. The cost is one
// log word per boxed object and three per cons cell, and no hash map: copying a term costs
// O(its distinct words). The copy is made in a pooled scratch array, then copied once into
// the fragment's exact-size Words. h is unchanged when CopyOut returns. Only h's owner may
// call CopyOut, which is always so: only the owner reads its heap.
func CopyOut(h *term.Heap, t term.Term) *Fragment {
	if !NeedsCopy(t) {
		return nil
	}
	fc := newFragCopier(h, false)
	defer fc.undo()
	root := fc.copy(t)
	// The copy was made in a pooled scratch array that grew as needed; the fragment gets one
	// allocation of exactly its size (a memmove per word is cheaper than the allocations of
	// a growing array, which dominated small messages).
	words := make([]uint64, len(fc.words))
	copy(words, fc.words)
	return &Fragment{Words: words, Bins: fc.bins, Root: root}
}

// CopyOut is [CopyOut] for a process sending a message from its own heap: the fragment and
// its words are carved from chunks this heap keeps for its messages (a slab), so that a small
// message costs no Go allocation of its own and the Go collector sees one object per chunk,
// not two per message. A chunk lives while any fragment carved from it does: a message that
// stays unread keeps at most one chunk of words (maxSlabWords) and one of fragments
// (maxSlabFrags) alive. A message too large for the chunk gets its own array. Only the owner
// may call it.
func (h *Heap) CopyOut(t term.Term) *Fragment {
	if !NeedsCopy(t) {
		return nil
	}
	if len(h.slab) < minSlabFree {
		h.slabNext = min(max(2*h.slabNext, minSlabWords), maxSlabWords)
		h.slab = make([]uint64, h.slabNext)
	}
	log := h.fragLog
	if log == nil {
		log = new([]uint64)
		h.fragLog = log
	}
	*log = (*log)[:0]
	fc := fragCopier{h: &h.Heap, log: log, words: h.slab[:0]}
	defer fc.undoOwn(h)
	root := fc.copy(t)
	n := len(fc.words)
	words := fc.words[:n:n]
	if &fc.words[:1][0] == &h.slab[:1][0] {
		h.slab = h.slab[n:] // it fitted: the chunk's free space is what follows
	}
	if len(h.frags) == 0 {
		h.fragsNext = min(max(2*h.fragsNext, minSlabFrags), maxSlabFrags)
		h.frags = make([]Fragment, h.fragsNext)
	}
	f := &h.frags[0]
	h.frags = h.frags[1:]
	*f = Fragment{Words: words, Bins: fc.bins, Root: root}
	return f
}

// Slab sizes for Heap.CopyOut: a heap's first chunk is small (most processes send little),
// and each next one twice the last, up to the maximum.
const (
	minSlabWords = 64
	maxSlabWords = 1024
	minSlabFree  = 16 // a chunk with less free space is left for a new one
	minSlabFrags = 4
	maxSlabFrags = 64
)

// copy copies t and everything it reaches into fc.words (a Cheney scan) and returns the
// fragment's root.
func (fc *fragCopier) copy(t term.Term) term.Term {
	root := fc.forward(t)
	for i := 0; i < len(fc.words); {
		w := fc.words[i]
		end := i + 2
		if term.IsHeader(w) {
			size := term.HeaderSize(w)
			end = i + 1 + size
			i += 1 + term.RawWords(term.HeaderKind(w), size)
		}
		for ; i < end; i++ {
			if t := term.Term(fc.words[i]); t.IsPointer() {
				nt := fc.forward(t)
				fc.words[i] = uint64(nt)
			}
		}
	}
	return root
}

// FragmentSize returns len(CopyOut(h, t).Words) without copying: the distinct heap words t
// reaches. It marks objects in h the way CopyOut does and restores them.
func FragmentSize(h *term.Heap, t term.Term) int {
	if !NeedsCopy(t) {
		return 0
	}
	fc := newFragCopier(h, true)
	defer fc.undo()
	stack := []term.Term{t}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		ws := fc.heapWords(t)
		if ws == nil || fc.moved(t, ws) {
			continue
		}
		first, end := 0, 2
		if t.IsBoxed() {
			size := term.HeaderSize(ws[0])
			first, end = 1+term.RawWords(term.HeaderKind(ws[0]), size), 1+size
		}
		for _, w := range ws[first:end] {
			if u := term.Term(w); NeedsCopy(u) {
				stack = append(stack, u)
			}
		}
		fc.forward(t) // marks it; in count mode copies nothing but the count
	}
	return fc.count
}

type fragCopier struct {
	h     *term.Heap
	words []uint64
	bins  []*term.Binary
	// log records what forward overwrote in the sender's heap, as a stream of words: a boxed
	// pointer alone (its header is the first word of its copy in words, which the scan never
	// rewrites), or a list pointer followed by the cell's head and tail. Logs are pooled:
	// CopyOut allocates only the fragment.
	log       *[]uint64
	scratch   *[]uint64 // where words came from: returned to the pool with it
	countOnly bool
	count     int
}

// scratchPool holds the arrays CopyOut copies into and logs in, so that a message costs one
// allocation of its exact size. Arrays above maxPooled words are not kept.
var scratchPool = sync.Pool{New: func() any { s := make([]uint64, 0, 256); return &s }}

const maxPooled = 1 << 16

func newFragCopier(h *term.Heap, countOnly bool) fragCopier {
	log := scratchPool.Get().(*[]uint64)
	*log = (*log)[:0]
	fc := fragCopier{h: h, log: log, countOnly: countOnly}
	if !countOnly {
		fc.scratch = scratchPool.Get().(*[]uint64)
		fc.words = (*fc.scratch)[:0]
	}
	return fc
}

func (fc *fragCopier) heapWords(t term.Term) []uint64 {
	switch t.Space() {
	case term.SpaceYoung:
		return fc.h.Young[t.Addr():]
	case term.SpaceOld:
		return fc.h.Old[t.Addr():]
	}
	return nil
}

// moved reports whether the object t points to (whose words are ws) has been forwarded.
func (fc *fragCopier) moved(t term.Term, ws []uint64) bool {
	if t.IsBoxed() {
		return !term.IsHeader(ws[0])
	}
	return term.Term(ws[0]) == term.NonValue
}

func (fc *fragCopier) forward(t term.Term) term.Term {
	ws := fc.heapWords(t)
	if ws == nil {
		if t.Space() == term.SpaceFragment {
			panic("gc: fragment pointer in a heap")
		}
		return t // literal
	}
	if t.IsBoxed() {
		hd := ws[0]
		if !term.IsHeader(hd) {
			return term.Term(hd)
		}
		n := 1 + term.HeaderSize(hd)
		nt := t.WithAddr(term.SpaceFragment, uint64(fc.count))
		fc.count += n
		if !fc.countOnly {
			fc.grow(n)
			at := len(fc.words)
			fc.words = append(fc.words, ws[:n]...)
			if term.HeaderKind(hd) == term.KindRefBin {
				fc.words[at+1] = uint64(len(fc.bins))
				fc.bins = append(fc.bins, fc.h.Bins[ws[1]])
			}
		}
		if fc.countOnly {
			*fc.log = append(*fc.log, uint64(t), hd, 0)
		} else {
			*fc.log = append(*fc.log, uint64(t))
		}
		ws[0] = uint64(nt)
		return nt
	}
	if term.Term(ws[0]) == term.NonValue {
		return term.Term(ws[1])
	}
	nt := t.WithAddr(term.SpaceFragment, uint64(fc.count))
	fc.count += 2
	if !fc.countOnly {
		fc.grow(2)
		fc.words = append(fc.words, ws[0], ws[1])
	}
	*fc.log = append(*fc.log, uint64(t), ws[0], ws[1])
	ws[0], ws[1] = uint64(term.NonValue), uint64(nt)
	return nt
}

// grow makes room for n more scratch words, doubling: appending object by object with Go's
// growth policy made CopyOut allocation-bound (24 ns/word against 5 for the collector).
func (fc *fragCopier) grow(n int) {
	if len(fc.words)+n <= cap(fc.words) {
		return
	}
	ws := make([]uint64, len(fc.words), max(2*cap(fc.words), len(fc.words)+n, 16))
	copy(ws, fc.words)
	fc.words = ws
}

// undoOwn is undo for Heap.CopyOut: the log is the heap's own, kept unless it grew large.
func (fc *fragCopier) undoOwn(h *Heap) {
	fc.restore()
	if cap(*fc.log) > maxPooled {
		h.fragLog = nil
	}
}

// undo restores every word forward overwrote in the sender's heap, and returns the log to
// its pool.
func (fc *fragCopier) undo() {
	fc.restore()
	log := *fc.log
	if cap(log) <= maxPooled { // do not keep a huge array alive for every later message
		scratchPool.Put(fc.log)
	}
	if fc.scratch != nil && cap(fc.words) <= maxPooled {
		*fc.scratch = fc.words[:0]
		scratchPool.Put(fc.scratch)
	}
}

// restore puts back every word forward overwrote in the sender's heap.
func (fc *fragCopier) restore() {
	log := *fc.log
	for i := 0; i < len(log); {
		at := term.Term(log[i])
		ws := fc.heapWords(at)
		switch {
		case at.IsList():
			ws[0], ws[1] = log[i+1], log[i+2]
			i += 3
		case fc.countOnly:
			ws[0] = log[i+1]
			i += 3
		default:
			ws[0] = fc.words[term.Term(ws[0]).Addr()] // the copy's header
			i++
		}
	}
}

// MoveIn appends f's words to h's young generation with one copy and one relocation pass,
// appends f's binaries to h.Bins, and returns the message as a term of h. f is not changed.
// A nil f is a programming error: messages that need no fragment are sent as the term.
func (f *Fragment) MoveIn(h *term.Heap) term.Term {
	if len(f.Words) == 0 {
		return f.Root
	}
	base, ws := h.Alloc(len(f.Words))
	copy(ws, f.Words)
	binBase := uint64(len(h.Bins))
	h.Bins = append(h.Bins, f.Bins...)
	for i := 0; i < len(ws); {
		w := ws[i]
		end := i + 2
		if term.IsHeader(w) {
			k, size := term.HeaderKind(w), term.HeaderSize(w)
			end = i + 1 + size
			if k == term.KindRefBin {
				ws[i+1] += binBase
			}
			i += 1 + term.RawWords(k, size)
		}
		for ; i < end; i++ {
			if t := term.Term(ws[i]); t.IsPointer() && t.Space() == term.SpaceFragment {
				ws[i] = uint64(t.WithAddr(term.SpaceYoung, t.Addr()+base))
			}
		}
	}
	return relocate(f.Root, base)
}

func relocate(t term.Term, base uint64) term.Term {
	if t.IsPointer() && t.Space() == term.SpaceFragment {
		return t.WithAddr(term.SpaceYoung, t.Addr()+base)
	}
	return t
}
