package term

import (
	"encoding/binary"
	"math/big"
	"unsafe"
)

// Type tests and accessors. They take the heap because a boxed term is an offset: the heap
// (or the literal area a literal pointer names) holds its words. None of them allocates on
// the heap. Accessors named for one type require a term of that type (check first); like an
// out-of-range slice index, a wrong type is a VM bug and may panic.

// boxedKind returns the kind of t's object and true when t is a boxed pointer.
func boxedKind(h *Heap, t Term) (Kind, bool) {
	if !t.IsBoxed() {
		return 0, false
	}
	return HeaderKind(h.Words(t)[0]), true
}

func isKind(h *Heap, t Term, k Kind) bool {
	got, ok := boxedKind(h, t)
	return ok && got == k
}

// IsTuple reports whether t is a tuple.
func IsTuple(h *Heap, t Term) bool { return isKind(h, t, KindTuple) }

// TupleArity returns tuple t's number of elements.
func TupleArity(h *Heap, t Term) int { return HeaderSize(h.Words(t)[0]) }

// TupleElem returns element i of tuple t, counting from 0 (element/2 counts from 1).
func TupleElem(h *Heap, t Term, i int) Term {
	w := h.Words(t)
	if uint(i) >= uint(HeaderSize(w[0])) {
		panic("term: tuple index out of range")
	}
	return Term(w[1+i])
}

// IsBigInt reports whether t is a bignum (an integer outside the small range).
func IsBigInt(h *Heap, t Term) bool {
	k, ok := boxedKind(h, t)
	return ok && (k == KindBigPos || k == KindBigNeg)
}

// IsInteger reports whether t is an integer, small or big.
func IsInteger(h *Heap, t Term) bool { return t.IsSmall() || IsBigInt(h, t) }

// IsFloat reports whether t is a float.
func IsFloat(h *Heap, t Term) bool { return isKind(h, t, KindFloat) }

// IsNumber reports whether t is an integer or a float.
func IsNumber(h *Heap, t Term) bool {
	if t.IsSmall() {
		return true
	}
	k, ok := boxedKind(h, t)
	return ok && (k == KindBigPos || k == KindBigNeg || k == KindFloat)
}

// IsBitstring reports whether t is a bitstring of any size (heap, off-heap or sub binary).
func IsBitstring(h *Heap, t Term) bool {
	k, ok := boxedKind(h, t)
	return ok && (k == KindHeapBin || k == KindRefBin || k == KindSubBin)
}

// IsBinary reports whether t is a bitstring whose size is a whole number of bytes.
func IsBinary(h *Heap, t Term) bool { return IsBitstring(h, t) && BitSize(h, t)%8 == 0 }

// IsFun reports whether t is a closure or an export fun.
func IsFun(h *Heap, t Term) bool {
	k, ok := boxedKind(h, t)
	return ok && (k == KindFun || k == KindExportFun)
}

// IsRef reports whether t is a reference (local, or remote once distribution exists).
func IsRef(h *Heap, t Term) bool {
	k, ok := boxedKind(h, t)
	return ok && (k == KindRef || k == KindExtRef)
}

// RefID returns local reference t's number.
func RefID(h *Heap, t Term) uint64 { return h.Words(t)[1] }

// ToBig returns integer t (small or big) as a new *big.Int, or nil when t is not an integer.
func ToBig(h *Heap, t Term) *big.Int {
	if t.IsSmall() {
		return big.NewInt(t.Small())
	}
	k, ok := boxedKind(h, t)
	if !ok || (k != KindBigPos && k != KindBigNeg) {
		return nil
	}
	w := h.Words(t)
	limbs := make([]big.Word, HeaderSize(w[0]))
	for i := range limbs {
		limbs[i] = big.Word(w[1+i])
	}
	x := new(big.Int).SetBits(limbs)
	if k == KindBigNeg {
		x.Neg(x)
	}
	return x
}

// FloatOf returns float t's value.
func FloatOf(h *Heap, t Term) float64 { return FloatFromBits(h.Words(t)[1]) }

// BitSize returns bitstring t's size in bits.
func BitSize(h *Heap, t Term) int {
	w := h.Words(t)
	switch HeaderKind(w[0]) {
	case KindHeapBin:
		return int(w[1])
	case KindRefBin:
		return 8 * len(h.RefBinary(t).Data)
	case KindSubBin:
		return int(w[2])
	}
	panic("term: BitSize of a non-bitstring")
}

var hostLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// BinaryBytes returns the bytes of bitstring t: (BitSize+7)/8 of them, MSB first, the bits
// past BitSize in the last byte zero. Where it can it returns a view without copying (heap
// binaries on little-endian hosts, off-heap binaries, byte-aligned sub binaries): the caller
// must not change the bytes, and must not keep a view of a heap binary past the heap's next
// collection.
func BinaryBytes(h *Heap, t Term) []byte {
	w := h.Words(t)
	switch HeaderKind(w[0]) {
	case KindHeapBin:
		return heapBinBytes(w)
	case KindRefBin:
		return h.RefBinary(t).Data
	case KindSubBin:
		bitOff, nbits, under := int(w[1]), int(w[2]), Term(w[3])
		var src []byte
		if HeaderKind(h.Words(under)[0]) == KindHeapBin {
			src = heapBinBytes(h.Words(under))
		} else {
			src = h.RefBinary(under).Data
		}
		if bitOff%8 == 0 && nbits%8 == 0 {
			return src[bitOff/8 : (bitOff+nbits)/8]
		}
		return extractBits(src, bitOff, nbits)
	}
	panic("term: BinaryBytes of a non-bitstring")
}

// heapBinBytes returns the bytes of the heap binary whose words start at w[0] (the header).
func heapBinBytes(w []uint64) []byte {
	n := (int(w[1]) + 7) / 8
	if n == 0 {
		return []byte{}
	}
	if hostLittleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(&w[2])), n)
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(w[2+i/8] >> (8 * (i % 8)))
	}
	return b
}

// extractBits copies nbits bits of src from bit offset bitOff into new bytes, MSB first,
// zero-padded at the end.
func extractBits(src []byte, bitOff, nbits int) []byte {
	out := make([]byte, (nbits+7)/8)
	byteOff, shift := bitOff/8, uint(bitOff%8)
	for i := range out {
		c := src[byteOff+i] << shift
		if shift != 0 && byteOff+i+1 < len(src) {
			c |= src[byteOff+i+1] >> (8 - shift)
		}
		out[i] = c
	}
	if r := nbits % 8; r != 0 {
		out[len(out)-1] &^= 0xFF >> r
	}
	return out
}

// ListToSlice returns the elements of list t and its final tail (Nil for a proper list; t
// itself when t is not a list).
func ListToSlice(h *Heap, t Term) (elems []Term, tail Term) {
	for t.IsList() {
		w := h.Words(t)
		elems = append(elems, Term(w[0]))
		t = Term(w[1])
	}
	return elems, t
}

// IsProperList reports whether t is [] or a list whose final tail is [].
func IsProperList(h *Heap, t Term) bool {
	for t.IsList() {
		t = Term(h.Words(t)[1])
	}
	return t == Nil
}

// Funs. A closure's payload is module, index, arity, uniq, then its captured values; an
// export fun's is module, function, arity.

// FunArity returns the number of parameters of fun t (closure or export fun).
func FunArity(h *Heap, t Term) int {
	// Both layouts keep the arity in payload word 3.
	return int(Term(h.Words(t)[3]).Small())
}

// FunModule returns the module atom of fun t (closure or export fun).
func FunModule(h *Heap, t Term) Term { return Term(h.Words(t)[1]) }

// ClosureInfo returns closure t's function index, version uniq and number of captured values.
func ClosureInfo(h *Heap, t Term) (index int, uniq uint32, nenv int) {
	w := h.Words(t)
	return int(Term(w[2]).Small()), uint32(Term(w[4]).Small()), HeaderSize(w[0]) - funFixed
}

// ClosureEnv returns captured value i (from 0) of closure t.
func ClosureEnv(h *Heap, t Term, i int) Term {
	w := h.Words(t)
	if uint(i) >= uint(HeaderSize(w[0])-funFixed) {
		panic("term: closure env index out of range")
	}
	return Term(w[1+funFixed+i])
}

// ExportFunName returns export fun t's function atom.
func ExportFunName(h *Heap, t Term) Term { return Term(h.Words(t)[2]) }
