package gc

import (
	"fmt"

	"github.com/beamlite/beamlite/vm/term"
)

// VerifyError describes the first inconsistency Verify found.
type VerifyError struct {
	Where string // "young", "old", "roots"
	Index int    // word index in that space, or root index
	Msg   string
}

func (e *VerifyError) Error() string {
	return fmt.Sprintf("gc: verify: %s[%d]: %s", e.Where, e.Index, e.Msg)
}

// Verify checks that h is a well-formed heap reachable from roots: every object in Young and
// Old has a valid header and fits its space; every pointer in an object or a root is in range
// and points to the start of an object of its type (a cons cell for a list pointer, a header
// for a boxed one); no old word points into Young; no heap word is a fragment pointer; every
// RefBin index is in range of Bins and names a binary. It checks all words up to each space's
// length, garbage included, because a collection leaves no garbage and a fresh allocation
// must be well formed anyway.
//
// Verify never panics, whatever the words: it is the check the collector runs on itself
// under the beamlitedebug tag, and FuzzVerify feeds it arbitrary heaps. It costs O(heap).
func Verify(h *term.Heap, roots Roots) error {
	v := verifier{h: h}
	return v.run(roots)
}

// Verify checks h as the package-level Verify does, and also the collector's own invariants:
// the high-water mark is an object boundary inside Young, and objects in Old index only the
// old prefix of Bins.
func (h *Heap) Verify(roots Roots) error {
	if h.hwm < 0 || h.hwm > len(h.Young) {
		return &VerifyError{"young", h.hwm, "high-water mark past the top"}
	}
	if h.oldBins < 0 || h.oldBins > len(h.Bins) {
		return &VerifyError{"old", 0, fmt.Sprintf("old bins prefix %d past %d bins", h.oldBins, len(h.Bins))}
	}
	v := verifier{h: &h.Heap, oldBins: h.oldBins, checkOldBins: true, hwm: h.hwm}
	return v.run(roots)
}

type verifier struct {
	h                    *term.Heap
	youngStart, oldStart []bool
	oldBins              int
	checkOldBins         bool // also check gc.Heap's invariants (Heap.Verify)
	hwm                  int  // must be an object boundary in Young when checkOldBins
	literalOK            map[int]*term.LiteralArea
}

func (v *verifier) run(roots Roots) (err error) {
	// Verify must never panic, but a corrupt heap can reach code we do not own (the literal
	// registry); turn any panic into an error rather than trust every path.
	defer func() {
		if r := recover(); r != nil {
			err = &VerifyError{"heap", 0, fmt.Sprint("panic: ", r)}
		}
	}()
	if v.youngStart, err = objectStarts(v.h.Young, "young"); err != nil {
		return err
	}
	if v.oldStart, err = objectStarts(v.h.Old, "old"); err != nil {
		return err
	}
	if v.checkOldBins && v.hwm < len(v.h.Young) && !v.youngStart[v.hwm] {
		return &VerifyError{"young", v.hwm, "high-water mark inside an object"}
	}
	if err = v.objects(v.h.Young, "young", false); err != nil {
		return err
	}
	if err = v.objects(v.h.Old, "old", true); err != nil {
		return err
	}
	if roots != nil {
		n := 0
		roots.VisitRoots(func(rs []term.Term) {
			for _, t := range rs {
				if err == nil {
					if msg := v.term(t, false); msg != "" {
						err = &VerifyError{"roots", n, msg}
					}
				}
				n++
			}
		})
	}
	return err
}

// minSize is the smallest payload each kind can have: the raw words its layout needs.
func minSize(k term.Kind) int {
	switch k {
	case term.KindFloat, term.KindBigPos, term.KindBigNeg, term.KindHeapBin, term.KindRefBin,
		term.KindRef, term.KindHashMapNode:
		return 1
	case term.KindHashMapRoot, term.KindExtRef, term.KindExtPort:
		return 2
	case term.KindSubBin, term.KindExportFun, term.KindExtPid:
		return 3
	case term.KindFun:
		return 4
	case term.KindFlatMap:
		return 1
	}
	return 0
}

// objectStarts walks words by headers and returns which words start an object or cons cell.
func objectStarts(ws []uint64, where string) ([]bool, error) {
	starts := make([]bool, len(ws))
	for i := 0; i < len(ws); {
		w := ws[i]
		starts[i] = true
		if !term.IsHeader(w) {
			if i+1 >= len(ws) {
				return nil, &VerifyError{where, i, "cons cell cut by the end of the space"}
			}
			i += 2
			continue
		}
		k, size := term.HeaderKind(w), uint64(w>>8)
		if !k.Valid() {
			return nil, &VerifyError{where, i, fmt.Sprintf("invalid kind %d in header %#x", k, w)}
		}
		if size > uint64(len(ws)-i-1) {
			return nil, &VerifyError{where, i, fmt.Sprintf("%v of size %d runs past the end", k, size)}
		}
		if int(size) < minSize(k) {
			return nil, &VerifyError{where, i, fmt.Sprintf("%v of size %d is too small", k, size)}
		}
		if k == term.KindHeapBin && ws[i+1] > uint64(size-1)*64 {
			return nil, &VerifyError{where, i, fmt.Sprintf("heap binary of %d bits in %d words", ws[i+1], size-1)}
		}
		i += 1 + int(size)
	}
	return starts, nil
}

// objects checks the term words and RefBin indices of every object in ws.
func (v *verifier) objects(ws []uint64, where string, old bool) error {
	for i := 0; i < len(ws); {
		w := ws[i]
		first, end := i, i+2
		if term.IsHeader(w) {
			k, size := term.HeaderKind(w), term.HeaderSize(w)
			end = i + 1 + size
			first = i + 1 + term.RawWords(k, size)
			if k == term.KindRefBin {
				idx := ws[i+1]
				if idx >= uint64(len(v.h.Bins)) || v.h.Bins[idx] == nil {
					return &VerifyError{where, i, fmt.Sprintf("refbin index %d, %d bins", idx, len(v.h.Bins))}
				}
				if old && v.checkOldBins && idx >= uint64(v.oldBins) {
					return &VerifyError{where, i, fmt.Sprintf("old refbin index %d past the old prefix %d", idx, v.oldBins)}
				}
			}
		}
		for j := first; j < end; j++ {
			if msg := v.term(term.Term(ws[j]), old); msg != "" {
				return &VerifyError{where, j, msg}
			}
		}
		i = end
	}
	return nil
}

// term checks one word in a term position and returns what is wrong with it, or "".
func (v *verifier) term(t term.Term, inOld bool) string {
	if term.IsHeader(uint64(t)) {
		return fmt.Sprintf("header word %#x where a term belongs", uint64(t))
	}
	if t.IsImmediate() {
		if uint64(t)&0xF == uint64(term.Nil)&0xF && t != term.Nil && t != term.NonValue {
			return fmt.Sprintf("unknown special immediate %#x", uint64(t))
		}
		return ""
	}
	var ws []uint64
	var starts []bool
	switch t.Space() {
	case term.SpaceYoung:
		if inOld {
			return fmt.Sprintf("old word points into young: %#x", uint64(t))
		}
		ws, starts = v.h.Young, v.youngStart
	case term.SpaceOld:
		ws, starts = v.h.Old, v.oldStart
	case term.SpaceLiteral:
		return v.literal(t)
	default:
		return fmt.Sprintf("fragment pointer %#x in a heap", uint64(t))
	}
	addr := t.Addr()
	if addr >= uint64(len(ws)) || !starts[addr] {
		return fmt.Sprintf("pointer %#x not at an object start", uint64(t))
	}
	if t.IsBoxed() != term.IsHeader(ws[addr]) {
		return fmt.Sprintf("pointer %#x disagrees with the object's type", uint64(t))
	}
	return ""
}

// literal checks a literal pointer: a registered area, in range, of the right type. Object
// starts inside literal areas are not checked: areas are immutable and built by the loader.
func (v *verifier) literal(t term.Term) string {
	id, off := term.LiteralAddr(t.Addr())
	a, ok := v.literalOK[id]
	if !ok {
		a = lookupArea(id)
		if v.literalOK == nil {
			v.literalOK = make(map[int]*term.LiteralArea)
		}
		v.literalOK[id] = a
	}
	if a == nil {
		return fmt.Sprintf("literal pointer %#x into unknown area %d", uint64(t), id)
	}
	if off >= uint64(len(a.Words)) {
		return fmt.Sprintf("literal pointer %#x past its area", uint64(t))
	}
	if t.IsBoxed() != term.IsHeader(a.Words[off]) {
		return fmt.Sprintf("literal pointer %#x disagrees with the object's type", uint64(t))
	}
	return ""
}

// lookupArea returns the literal area id, or nil if there is none. term offers no count of
// areas, so an id past the end is found by the registry's own index panic.
func lookupArea(id int) (a *term.LiteralArea) {
	defer func() {
		if recover() != nil {
			a = nil
		}
	}()
	return term.LiteralAreaByID(id)
}
