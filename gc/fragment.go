package gc

import "github.com/beamlite/beamlite/vm/term"

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
// log entry (three words) per object copied and no hash map: copying a term costs O(its
// distinct words). h is unchanged when CopyOut returns; only its owner may call CopyOut, which
// is always so, as only the owner reads its heap.
func CopyOut(h *term.Heap, t term.Term) *Fragment {
	if !NeedsCopy(t) {
		return nil
	}
	fc := fragCopier{h: h}
	defer fc.undo()
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
	return &Fragment{Words: fc.words, Bins: fc.bins, Root: root}
}

// FragmentSize returns len(CopyOut(h, t).Words) without copying: the distinct heap words t
// reaches. It marks objects in h the way CopyOut does and restores them.
func FragmentSize(h *term.Heap, t term.Term) int {
	if !NeedsCopy(t) {
		return 0
	}
	fc := fragCopier{h: h, countOnly: true}
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

type undoEntry struct {
	at     term.Term
	w0, w1 uint64
}

type fragCopier struct {
	h         *term.Heap
	words     []uint64
	bins      []*term.Binary
	log       []undoEntry
	countOnly bool
	count     int
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
			at := len(fc.words)
			fc.words = append(fc.words, ws[:n]...)
			if term.HeaderKind(hd) == term.KindRefBin {
				fc.words[at+1] = uint64(len(fc.bins))
				fc.bins = append(fc.bins, fc.h.Bins[ws[1]])
			}
		}
		fc.log = append(fc.log, undoEntry{at: t, w0: hd})
		ws[0] = uint64(nt)
		return nt
	}
	if term.Term(ws[0]) == term.NonValue {
		return term.Term(ws[1])
	}
	nt := t.WithAddr(term.SpaceFragment, uint64(fc.count))
	fc.count += 2
	if !fc.countOnly {
		fc.words = append(fc.words, ws[0], ws[1])
	}
	fc.log = append(fc.log, undoEntry{at: t, w0: ws[0], w1: ws[1]})
	ws[0], ws[1] = uint64(term.NonValue), uint64(nt)
	return nt
}

// undo restores every word forward overwrote in the sender's heap.
func (fc *fragCopier) undo() {
	for _, e := range fc.log {
		ws := fc.heapWords(e.at)
		ws[0] = e.w0
		if e.at.IsList() {
			ws[1] = e.w1
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
