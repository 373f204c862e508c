package term

import (
	"math/big"
	"math/bits"
)

// The encoding stores bignum limbs and offsets as 64-bit words and reads math/big's limbs
// directly; this line fails to compile where a big.Word is not 64 bits.
var _ [bits.UintSize - 64]struct{}

// MakeTuple returns a new tuple of elems (any arity, 0 included).
func MakeTuple(h *Heap, elems ...Term) Term {
	off, w := h.Alloc(1 + len(elems))
	w[0] = MakeHeader(KindTuple, len(elems))
	for i, e := range elems {
		w[1+i] = uint64(e)
	}
	return MakeBoxed(SpaceYoung, off)
}

// Cons returns the new list cell [head | tail].
func Cons(h *Heap, head, tail Term) Term {
	off, w := h.Alloc(2)
	w[0], w[1] = uint64(head), uint64(tail)
	return MakeList(SpaceYoung, off)
}

// ListFromSlice returns the list [elems... | tail] (tail Nil for a proper list), built with one
// allocation of 2*len(elems) words; it returns tail itself when elems is empty.
func ListFromSlice(h *Heap, elems []Term, tail Term) Term {
	if len(elems) == 0 {
		return tail
	}
	off, w := h.Alloc(2 * len(elems))
	for i, e := range elems {
		w[2*i] = uint64(e)
		w[2*i+1] = uint64(MakeList(SpaceYoung, off+2*uint64(i+1)))
	}
	w[len(w)-1] = uint64(tail)
	return MakeList(SpaceYoung, off)
}

// MakeFloat returns a new boxed float. The caller keeps inf and NaN out: Erlang has neither.
func MakeFloat(h *Heap, f float64) Term {
	off, w := h.Alloc(2)
	w[0], w[1] = MakeHeader(KindFloat, 1), FloatBits(f)
	return MakeBoxed(SpaceYoung, off)
}

// MakeInt returns i as a small integer when it fits 60 bits, else as a new bignum.
func MakeInt(h *Heap, i int64) Term {
	if FitsSmall(i) {
		return MakeSmall(i)
	}
	k, mag := KindBigPos, uint64(i)
	if i < 0 {
		k, mag = KindBigNeg, -uint64(i)
	}
	off, w := h.Alloc(2)
	w[0], w[1] = MakeHeader(k, 1), mag
	return MakeBoxed(SpaceYoung, off)
}

// MakeBigInt returns x as a small integer when it fits 60 bits, else as a new bignum (x is
// copied, not kept). It does not check the bignum size limit; arithmetic does (MaxBigBits).
func MakeBigInt(h *Heap, x *big.Int) Term {
	if x.IsInt64() {
		return MakeInt(h, x.Int64())
	}
	limbs := x.Bits()
	k := KindBigPos
	if x.Sign() < 0 {
		k = KindBigNeg
	}
	off, w := h.Alloc(1 + len(limbs))
	w[0] = MakeHeader(k, len(limbs))
	for i, l := range limbs {
		w[1+i] = uint64(l)
	}
	return MakeBoxed(SpaceYoung, off)
}

// MakeBinary returns a new binary holding a copy of b: a heap binary when it has at most
// MaxHeapBinary bytes, else an off-heap Binary added to h.Bins and a RefBin object for it.
func MakeBinary(h *Heap, b []byte) Term {
	if len(b) <= MaxHeapBinary {
		return makeHeapBin(h, b, 8*len(b))
	}
	return MakeRefBinary(h, &Binary{Data: append([]byte(nil), b...)})
}

// MakeRefBinary returns a new RefBin object for the off-heap binary bin, which it adds to
// h.Bins. bin is shared, not copied: no one may change its bytes afterwards.
func MakeRefBinary(h *Heap, bin *Binary) Term {
	h.Bins = append(h.Bins, bin)
	off, w := h.Alloc(2)
	w[0], w[1] = MakeHeader(KindRefBin, 1), uint64(len(h.Bins)-1)
	return MakeBoxed(SpaceYoung, off)
}

// MakeBitstring returns a new bitstring of the first nbits bits of b (MSB first; b must hold
// at least (nbits+7)/8 bytes). A whole number of bytes gives a binary, exactly as MakeBinary.
// Larger bitstrings that end inside a byte are a sub binary over an off-heap binary.
func MakeBitstring(h *Heap, b []byte, nbits int) Term {
	nbytes := (nbits + 7) / 8
	if nbits%8 == 0 {
		return MakeBinary(h, b[:nbytes])
	}
	if nbytes <= MaxHeapBinary {
		return makeHeapBin(h, b[:nbytes], nbits)
	}
	data := append([]byte(nil), b[:nbytes]...)
	data[nbytes-1] &^= 0xFF >> (nbits % 8)
	return MakeSubBinary(h, MakeRefBinary(h, &Binary{Data: data}), 0, nbits)
}

// MakeSubBinary returns a new sub binary viewing nbits bits of binary bin (a heap or RefBin
// binary, never itself a sub binary) from bit offset bitOff.
func MakeSubBinary(h *Heap, bin Term, bitOff, nbits int) Term {
	off, w := h.Alloc(4)
	w[0], w[1], w[2], w[3] = MakeHeader(KindSubBin, 3), uint64(bitOff), uint64(nbits), uint64(bin)
	return MakeBoxed(SpaceYoung, off)
}

// makeHeapBin packs b (len(b) == (nbits+7)/8) into a heap binary, bytes little-endian in each
// word, so that on a little-endian host the words are the bytes in order (BinaryBytes reads
// them without copying). Bits past nbits are zero, which keeps equal bitstrings equal word for
// word.
func makeHeapBin(h *Heap, b []byte, nbits int) Term {
	nw := (len(b) + 7) / 8
	off, w := h.Alloc(2 + nw)
	w[0], w[1] = MakeHeader(KindHeapBin, 1+nw), uint64(nbits)
	for i := range nw {
		w[2+i] = 0
	}
	for i, c := range b {
		w[2+i/8] |= uint64(c) << (8 * (i % 8))
	}
	if r := nbits % 8; r != 0 {
		last := len(b) - 1
		w[2+last/8] &^= uint64(0xFF>>r) << (8 * (last % 8))
	}
	return MakeBoxed(SpaceYoung, off)
}

// MakeRef returns a new reference with number id.
func MakeRef(h *Heap, id uint64) Term {
	off, w := h.Alloc(2)
	w[0], w[1] = MakeHeader(KindRef, 1), id
	return MakeBoxed(SpaceYoung, off)
}

// funFixed is the number of payload words of a fun before its captured values.
const funFixed = 4

// MakeFun returns a new closure: function number index of module (an atom) with arity
// parameters, version uniq, capturing env.
func MakeFun(h *Heap, module Term, index, arity int, uniq uint32, env ...Term) Term {
	off, w := h.Alloc(1 + funFixed + len(env))
	w[0] = MakeHeader(KindFun, funFixed+len(env))
	w[1], w[2] = uint64(module), uint64(MakeSmall(int64(index)))
	w[3], w[4] = uint64(MakeSmall(int64(arity))), uint64(MakeSmall(int64(uniq)))
	for i, e := range env {
		w[1+funFixed+i] = uint64(e)
	}
	return MakeBoxed(SpaceYoung, off)
}

// MakeExportFun returns a new fun m:f/arity (m and f atoms).
func MakeExportFun(h *Heap, m, f Term, arity int) Term {
	off, w := h.Alloc(4)
	w[0], w[1], w[2], w[3] = MakeHeader(KindExportFun, 3), uint64(m), uint64(f), uint64(MakeSmall(int64(arity)))
	return MakeBoxed(SpaceYoung, off)
}
