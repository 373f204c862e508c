package term

import (
	"bytes"
	"cmp"
	"math"
	"math/big"
	"strings"
)

// Comparison in Erlang term order, on terms in place (no conversion to value.Term): this is
// the inner loop of lists:sort, of map lookups and of every guard that compares.
//
// Implementer notes. compareTerms walks both terms at once. It recurses into tuple elements
// and list heads but iterates on list tails and on a tuple's last element, so a long list (or
// a right-nested chain of tuples) costs no Go stack. Only nesting in head position recurses,
// which Go's growable stacks absorb.
//
// Two orders exist, as in erts. The ==-order compares integers and floats by value (1 == 1.0).
// The exact order (=:=, and the order of map keys) puts every integer before every float,
// whatever their values: erts compares mixed numbers by type in exact mode, so
// #{2 => a} < #{1.0 => a} and maps:to_list(#{1.0 => x, 2 => y}) lists 2 first (checked on
// OTP 25). Map keys always compare in the exact order, whatever the operator; map values and
// everything else compare in the operator's order.
//
// Equality of floats follows OTP 25: 0.0 =:= -0.0 is true.

// Compare returns -1, 0 or 1 as a is less than, equal to (==) or greater than b in Erlang term
// order: number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring.
// Integers and floats compare by value, so 1 and 1.0 are equal.
func Compare(h *Heap, a, b Term) int { return compareTerms(h, a, b, false) }

// CompareExact is Compare in the exact order that =:= and map keys use: an integer is never
// equal to a float and sorts before every float.
func CompareExact(h *Heap, a, b Term) int { return compareTerms(h, a, b, true) }

// EqualNumeric reports whether a == b (1 == 1.0 is true).
func EqualNumeric(h *Heap, a, b Term) bool { return a == b || compareTerms(h, a, b, false) == 0 }

// termClass is a term's rank in term order.
type termClass uint8

const (
	classNumber termClass = iota
	classAtom
	classRef
	classFun
	classPort
	classPid
	classTuple
	classMap
	classNil
	classList
	classBitstring
)

// kindClass maps a boxed kind to its class.
var kindClass = [numKinds]termClass{
	KindTuple:       classTuple,
	KindFloat:       classNumber,
	KindBigPos:      classNumber,
	KindBigNeg:      classNumber,
	KindHeapBin:     classBitstring,
	KindRefBin:      classBitstring,
	KindSubBin:      classBitstring,
	KindFlatMap:     classMap,
	KindHashMapRoot: classMap,
	KindHashMapNode: classMap, // never a term on its own; listed to keep the table total
	KindHashMapColl: classMap,
	KindFun:         classFun,
	KindExportFun:   classFun,
	KindRef:         classRef,
	KindExtPid:      classPid,
	KindExtRef:      classRef,
	KindExtPort:     classPort,
}

// classOf returns t's class, and for a boxed t its words (from the header) and kind.
func classOf(h *Heap, t Term) (termClass, []uint64, Kind) {
	switch t & primaryMask {
	case primaryList:
		return classList, nil, 0
	case primaryBoxed:
		w := h.Words(t)
		k := HeaderKind(w[0])
		return kindClass[k], w, k
	}
	switch t & immedMask {
	case tagSmall:
		return classNumber, nil, 0
	case tagAtom:
		return classAtom, nil, 0
	case tagPid:
		return classPid, nil, 0
	}
	return classNil, nil, 0
}

func compareTerms(h *Heap, a, b Term, exact bool) int {
	for {
		if a == b {
			return 0
		}
		if a.IsSmall() && b.IsSmall() {
			return cmp.Compare(a.Small(), b.Small())
		}
		if a.IsList() && b.IsList() {
			// The walk down two lists, without classifying each cell again.
			for {
				var ha, ta, hb, tb Term
				if (a|b)&(3<<2) == SpaceYoung<<2 { // both young
					y, ia, ib := h.Young, a.Addr(), b.Addr()
					ca, cb := y[ia:ia+2:ia+2], y[ib:ib+2:ib+2]
					ha, ta, hb, tb = Term(ca[0]), Term(ca[1]), Term(cb[0]), Term(cb[1])
				} else {
					ha, ta = consOf(h, a)
					hb, tb = consOf(h, b)
				}
				if ha != hb {
					if ha.IsSmall() && hb.IsSmall() {
						return cmp.Compare(ha.Small(), hb.Small())
					}
					if c := compareTerms(h, ha, hb, exact); c != 0 {
						return c
					}
				}
				a, b = ta, tb
				if a == b {
					return 0
				}
				if !a.IsList() || !b.IsList() {
					break
				}
			}
			continue
		}
		ca, wa, ka := classOf(h, a)
		cb, wb, kb := classOf(h, b)
		if ca != cb {
			return cmp.Compare(ca, cb)
		}
		switch ca {
		case classNumber:
			return compareNumbers(h, a, wa, ka, b, wb, kb, exact)
		case classAtom:
			return strings.Compare(AtomName(a), AtomName(b))
		case classRef, classPort:
			na, ia := identOf(wa, ka)
			nb, ib := identOf(wb, kb)
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			return cmp.Compare(ia, ib)
		case classPid:
			na, ia, sa := pidOf(a, wa)
			nb, ib, sb := pidOf(b, wb)
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			if c := cmp.Compare(sa, sb); c != 0 {
				return c
			}
			return cmp.Compare(ia, ib)
		case classFun:
			c, last, la, lb := compareFunHeads(h, wa, ka, wb, kb, exact)
			if c != 0 || !last {
				return c
			}
			a, b = la, lb
			continue
		case classTuple:
			na, nb := HeaderSize(wa[0]), HeaderSize(wb[0])
			if na != nb {
				return cmp.Compare(na, nb)
			}
			if na == 0 {
				return 0
			}
			for i := 1; i < na; i++ {
				if c := compareElem(h, Term(wa[i]), Term(wb[i]), exact); c != 0 {
					return c
				}
			}
			a, b = Term(wa[na]), Term(wb[na])
			continue
		case classMap:
			return compareMaps(h, a, wa, ka, b, wb, kb, exact)
		case classNil:
			return 0
		case classBitstring:
			xa, na := bitsOf(h, a, wa, ka)
			xb, nb := bitsOf(h, b, wb, kb)
			return compareBits(xa, na, xb, nb)
		}
		panic("term: compare of a term of unknown class")
	}
}

// consOf returns the head and tail of the cons cell list pointer t points to; young cells,
// the usual case, without going through Heap.Words.
func consOf(h *Heap, t Term) (Term, Term) {
	if t.Space() == SpaceYoung {
		a := t.Addr()
		c := h.Young[a : a+2 : a+2]
		return Term(c[0]), Term(c[1])
	}
	w := h.Words(t)
	return Term(w[0]), Term(w[1])
}

// compareElem is compareTerms with the cheap cases inline: most elements of the lists and tuples
// that programs sort are equal words or small integers.
func compareElem(h *Heap, a, b Term, exact bool) int {
	if a == b {
		return 0
	}
	if a.IsSmall() && b.IsSmall() {
		return cmp.Compare(a.Small(), b.Small())
	}
	return compareTerms(h, a, b, exact)
}

// identOf returns a reference's or port's node and id (the local node is 0).
func identOf(w []uint64, k Kind) (node, id uint64) {
	if k == KindRef {
		return 0, w[1]
	}
	return w[1], w[2] // KindExtRef, KindExtPort
}

// pidOf returns a pid's node, index and serial.
func pidOf(t Term, w []uint64) (node, index, serial uint64) {
	if w == nil {
		return 0, uint64(t.PidIndex()), uint64(t.PidSerial())
	}
	return w[1], w[2], w[3]
}

// compareFunHeads compares two funs. Local funs sort before export funs (as erts does); local
// funs compare by module name, index, uniq, then their environments. When everything but the
// last environment value is equal it returns last=true and those two values, so the caller
// continues on them without recursing.
func compareFunHeads(h *Heap, wa []uint64, ka Kind, wb []uint64, kb Kind, exact bool) (c int, last bool, la, lb Term) {
	if ka != kb {
		if ka == KindFun {
			return -1, false, 0, 0
		}
		return 1, false, 0, 0
	}
	if ka == KindExportFun {
		if c := compareAtoms(Term(wa[1]), Term(wb[1])); c != 0 {
			return c, false, 0, 0
		}
		if c := compareAtoms(Term(wa[2]), Term(wb[2])); c != 0 {
			return c, false, 0, 0
		}
		return cmp.Compare(Term(wa[3]).Small(), Term(wb[3]).Small()), false, 0, 0
	}
	if c := compareAtoms(Term(wa[1]), Term(wb[1])); c != 0 {
		return c, false, 0, 0
	}
	if c := cmp.Compare(Term(wa[2]).Small(), Term(wb[2]).Small()); c != 0 {
		return c, false, 0, 0
	}
	if c := cmp.Compare(Term(wa[4]).Small(), Term(wb[4]).Small()); c != 0 {
		return c, false, 0, 0
	}
	na, nb := HeaderSize(wa[0]), HeaderSize(wb[0])
	if na != nb {
		return cmp.Compare(na, nb), false, 0, 0
	}
	if na == 4 {
		return 0, false, 0, 0
	}
	for i := 5; i < na; i++ {
		if c := compareElem(h, Term(wa[i]), Term(wb[i]), exact); c != 0 {
			return c, false, 0, 0
		}
	}
	return 0, true, Term(wa[na]), Term(wb[na])
}

func compareAtoms(a, b Term) int {
	if a == b {
		return 0
	}
	return strings.Compare(AtomName(a), AtomName(b))
}

// Numbers.

func compareNumbers(h *Heap, a Term, wa []uint64, ka Kind, b Term, wb []uint64, kb Kind, exact bool) int {
	af, bf := wa != nil && ka == KindFloat, wb != nil && kb == KindFloat
	switch {
	case af && bf:
		return cmp.Compare(FloatFromBits(wa[1]), FloatFromBits(wb[1]))
	case af:
		if exact {
			return 1 // every integer sorts before every float
		}
		return -compareIntFloat(h, b, wb, kb, FloatFromBits(wa[1]))
	case bf:
		if exact {
			return -1
		}
		return compareIntFloat(h, a, wa, ka, FloatFromBits(wb[1]))
	}
	// Two integers. Integers are canonical (doc.go invariant 3), so a bignum lies outside the
	// small range and its sign orders it against any small integer.
	sa, sb := intSign(a, wa, ka), intSign(b, wb, kb)
	if wa == nil && wb == nil {
		return cmp.Compare(a.Small(), b.Small())
	}
	if sa != sb {
		return cmp.Compare(sa, sb)
	}
	switch {
	case wa == nil: // small vs bignum of the same sign: the bignum is farther from zero
		return -sa
	case wb == nil:
		return sa
	}
	c := cmpMagnitude(limbsOf(wa), limbsOf(wb))
	return sa * c
}

// intSign returns -1 or 1 for an integer (0 counts as positive: it is only ever small).
func intSign(t Term, w []uint64, k Kind) int {
	if w == nil {
		if t.Small() < 0 {
			return -1
		}
		return 1
	}
	if k == KindBigNeg {
		return -1
	}
	return 1
}

// limbsOf returns a bignum's magnitude limbs without leading zero limbs.
func limbsOf(w []uint64) []uint64 {
	l := w[1 : 1+HeaderSize(w[0])]
	for len(l) > 0 && l[len(l)-1] == 0 {
		l = l[:len(l)-1]
	}
	return l
}

func cmpMagnitude(x, y []uint64) int {
	if len(x) != len(y) {
		return cmp.Compare(len(x), len(y))
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			return cmp.Compare(x[i], y[i])
		}
	}
	return 0
}

// compareIntFloat compares integer i with float f by exact mathematical value.
func compareIntFloat(h *Heap, i Term, w []uint64, k Kind, f float64) int {
	if w == nil {
		return compareSmallFloat(i.Small(), f)
	}
	// A bignum is at least 2^59 in magnitude; only a float as large can come between.
	if math.Abs(f) < 1<<59 {
		return intSign(i, w, k)
	}
	return new(big.Float).SetInt(ToBig(h, i)).Cmp(big.NewFloat(f))
}

func compareSmallFloat(i int64, f float64) int {
	switch {
	case f >= 1<<63:
		return -1
	case f < -(1 << 63):
		return 1
	}
	t := math.Trunc(f)
	if c := cmp.Compare(i, int64(t)); c != 0 {
		return c
	}
	// i equals f's integer part; f's fraction decides.
	return -cmp.Compare(f-t, 0)
}

// Bitstrings.

// bitsOf returns bitstring t's bytes, MSB-first, and its size in bits; w and k are its words
// and kind. Only a sub-binary off a byte boundary is copied (by BinaryBytes).
func bitsOf(h *Heap, t Term, w []uint64, k Kind) ([]byte, int) {
	switch k {
	case KindHeapBin:
		return heapBinBytes(w), int(w[1])
	case KindRefBin:
		d := h.RefBinary(t).Data
		return d, 8 * len(d)
	}
	return BinaryBytes(h, t), int(w[2])
}

// compareBits compares bitstrings bit by bit; a proper prefix is smaller.
func compareBits(x []byte, nx int, y []byte, ny int) int {
	n := min(nx, ny)
	if c := bytes.Compare(x[:n/8], y[:n/8]); c != 0 {
		return c
	}
	if r := n % 8; r != 0 {
		mask := byte(0xFF) << (8 - r)
		if c := cmp.Compare(x[n/8]&mask, y[n/8]&mask); c != 0 {
			return c
		}
	}
	return cmp.Compare(nx, ny)
}

// equalBits reports whether two bitstrings hold the same bits.
func equalBits(x []byte, nx int, y []byte, ny int) bool {
	if nx != ny {
		return false
	}
	if !bytes.Equal(x[:nx/8], y[:nx/8]) {
		return false
	}
	if r := nx % 8; r != 0 {
		mask := byte(0xFF) << (8 - r)
		return x[nx/8]&mask == y[nx/8]&mask
	}
	return true
}

// Maps.

func compareMaps(h *Heap, a Term, wa []uint64, ka Kind, b Term, wb []uint64, kb Kind, exact bool) int {
	if c := cmp.Compare(mapSizeOf(wa, ka), mapSizeOf(wb, kb)); c != 0 {
		return c
	}
	if ka == KindFlatMap && kb == KindFlatMap {
		n := HeaderSize(wa[0]) - 1
		kta, ktb := Term(wa[1]), Term(wb[1])
		if kta != ktb {
			xa, xb := h.Words(kta), h.Words(ktb)
			for i := 1; i <= n; i++ {
				if c := compareElem(h, Term(xa[i]), Term(xb[i]), true); c != 0 {
					return c
				}
			}
		}
		for i := 2; i < 2+n; i++ {
			if c := compareElem(h, Term(wa[i]), Term(wb[i]), exact); c != 0 {
				return c
			}
		}
		return 0
	}
	keysA, valsA := MapSorted(h, a)
	keysB, valsB := MapSorted(h, b)
	for i := range keysA {
		if c := compareElem(h, keysA[i], keysB[i], true); c != 0 {
			return c
		}
	}
	for i := range valsA {
		if c := compareElem(h, valsA[i], valsB[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

// Exact equality.

// Equal reports whether a =:= b. It is cheaper than CompareExact == 0: it never looks up atom
// names, and an immediate equals only the same word (integers are canonical).
func Equal(h *Heap, a, b Term) bool {
	for {
		if a == b {
			return true
		}
		if a.IsImmediate() || b.IsImmediate() {
			return false
		}
		if a.IsList() {
			if !b.IsList() {
				return false
			}
			ha, ta := consOf(h, a)
			hb, tb := consOf(h, b)
			if !equalElem(h, ha, hb) {
				return false
			}
			a, b = ta, tb
			continue
		}
		if b.IsList() {
			return false
		}
		wa, wb := h.Words(a), h.Words(b)
		ka, kb := HeaderKind(wa[0]), HeaderKind(wb[0])
		if ka != kb {
			switch ca := kindClass[ka]; {
			case ca != kindClass[kb]:
				return false
			case ca == classBitstring:
				xa, na := bitsOf(h, a, wa, ka)
				xb, nb := bitsOf(h, b, wb, kb)
				return equalBits(xa, na, xb, nb)
			case ca == classMap:
				return equalMaps(h, a, wa, ka, b, wb, kb)
			}
			return false
		}
		switch ka {
		case KindTuple, KindFun, KindExportFun:
			// Funs are equal exactly when their fields and environments are, word by word
			// for the immediates (module, index, arity, uniq) and recursively for the rest.
			n := HeaderSize(wa[0])
			if n != HeaderSize(wb[0]) {
				return false
			}
			if n == 0 {
				return true
			}
			for i := 1; i < n; i++ {
				if !equalElem(h, Term(wa[i]), Term(wb[i])) {
					return false
				}
			}
			a, b = Term(wa[n]), Term(wb[n])
			continue
		case KindFloat:
			return FloatFromBits(wa[1]) == FloatFromBits(wb[1])
		case KindBigPos, KindBigNeg:
			return cmpMagnitude(limbsOf(wa), limbsOf(wb)) == 0
		case KindHeapBin, KindRefBin, KindSubBin:
			xa, na := bitsOf(h, a, wa, ka)
			xb, nb := bitsOf(h, b, wb, kb)
			return equalBits(xa, na, xb, nb)
		case KindFlatMap, KindHashMapRoot:
			return equalMaps(h, a, wa, ka, b, wb, kb)
		case KindRef, KindExtPid, KindExtRef, KindExtPort:
			n := HeaderSize(wa[0])
			return n == HeaderSize(wb[0]) && slicesEqual(wa[1:1+n], wb[1:1+n])
		}
		panic("term: Equal of a term of unknown kind")
	}
}

func equalElem(h *Heap, a, b Term) bool {
	if a == b {
		return true
	}
	if a.IsImmediate() || b.IsImmediate() {
		return false
	}
	return Equal(h, a, b)
}

func slicesEqual(x, y []uint64) bool {
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

func equalMaps(h *Heap, a Term, wa []uint64, ka Kind, b Term, wb []uint64, kb Kind) bool {
	n := mapSizeOf(wa, ka)
	if n != mapSizeOf(wb, kb) {
		return false
	}
	if ka == KindFlatMap && kb == KindFlatMap {
		if kta, ktb := Term(wa[1]), Term(wb[1]); kta != ktb && !Equal(h, kta, ktb) {
			return false
		}
		for i := 2; i < 2+n; i++ {
			if !equalElem(h, Term(wa[i]), Term(wb[i])) {
				return false
			}
		}
		return true
	}
	eq := true
	MapRange(h, a, func(k, v Term) bool {
		bv, ok := MapGet(h, b, k)
		eq = ok && equalElem(h, v, bv)
		return eq
	})
	return eq
}
