package vm

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// Matching: the match context layout and why are in interp_binary.go's header. Every helper
// here reads what it needs from the context's words and the binary's bytes first, advances
// the context, and only then allocates the result: an allocation may move the young
// generation, after which the words slice (and a heap binary's byte view) are stale.

// maxBinaryBits is the largest bitstring, in bits, that bs_create_bin builds (4 GiB) and
// the largest size a match accepts; beyond it construction is system_limit, as OTP 25's is
// for a size that is a bignum.
const maxBinaryBits = 1 << 35

var hostLittle = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// little reports whether flags ask for little-endian: little, or native on a little-endian
// host.
func little(flags uint32) bool {
	f := bytecode.BsFlags(flags)
	return f&bytecode.BsLittle != 0 || (f&bytecode.BsNative != 0 && hostLittle)
}

// matchSize returns the bits a match segment of size operand o and unit takes: dflt for no
// size. ok is false (the match fails, as in Erlang) when the size is not a non-negative
// integer or is larger than any bitstring can be.
func (p *Process) matchSize(lits []term.Term, o operand, unit uint32, dflt int) (int, bool) {
	if o == opNone {
		return dflt, true
	}
	s := p.get(lits, o)
	if !s.IsSmall() || s.Small() < 0 || s.Small() > maxBinaryBits/int64(unit) {
		return 0, false
	}
	return int(s.Small()) * int(unit), true
}

// makeUint returns v as an integer term.
func makeUint(h *term.Heap, v uint64) term.Term {
	if v <= uint64(term.MaxSmall) {
		return term.MakeSmall(int64(v))
	}
	return term.MakeBigInt(h, new(big.Int).SetUint64(v))
}

// binData returns the bytes of bin, a heap or off-heap binary (what a context's binary word
// holds), with one look at its words for the common off-heap case.
func binData(h *term.Heap, bin term.Term) []byte {
	if w := h.Words(bin); term.HeaderKind(w[0]) == term.KindRefBin && bin.Space() != term.SpaceLiteral {
		return h.Bins[w[1]].Data
	}
	return term.BinaryBytes(h, bin)
}

// readBits returns n (at most 64) bits of data from bit offset off, the first bit most
// significant, right-aligned in the result.
func readBits(data []byte, off, n int) uint64 {
	if off&7 == 0 {
		i := off >> 3
		switch n {
		case 8:
			return uint64(data[i])
		case 16:
			return uint64(binary.BigEndian.Uint16(data[i:]))
		case 32:
			return uint64(binary.BigEndian.Uint32(data[i:]))
		case 64:
			return binary.BigEndian.Uint64(data[i:])
		}
	}
	var v uint64
	for n > 0 {
		avail := 8 - off&7
		take := min(avail, n)
		chunk := uint64(data[off>>3]>>(avail-take)) & (1<<take - 1)
		v = v<<take | chunk
		off += take
		n -= take
	}
	return v
}

// readLittle returns n (at most 64) bits from off as a little-endian integer: whole bytes
// least significant first, then the n%8 remaining bits as the most significant part (how
// Erlang lays out <<16#123:12/little>> = <<16#23, 1:4>>).
func readLittle(data []byte, off, n int) uint64 {
	var v uint64
	k := 0
	for ; k+8 <= n; k += 8 {
		v |= readBits(data, off+k, 8) << k
	}
	if k < n {
		v |= readBits(data, off+k, n-k) << k
	}
	return v
}

// getInteger is bs_get_integer's general case: signed, little-endian or more than 64 bits.
// w are the context's words; n bits are known to be there.
func (p *Process) getInteger(in *instr, w []uint64, n int) step {
	h := &p.heap.Heap
	off := int(w[1])
	w[1], w[2] = uint64(off+n), w[2]-uint64(n)
	data := binData(h, term.Term(w[3]))
	lit, signed := little(in.args[4]), bytecode.BsFlags(in.args[4])&bytecode.BsSigned != 0
	var r term.Term
	switch {
	case n == 0:
		r = term.MakeSmall(0)
	case n <= 64:
		var v uint64
		if lit {
			v = readLittle(data, off, n)
		} else {
			v = readBits(data, off, n)
		}
		if signed {
			r = term.MakeInt(h, int64(v<<(64-n))>>(64-n)) // sign-extend from n bits
		} else {
			r = makeUint(h, v)
		}
	default:
		r = term.MakeBigInt(h, readBig(data, off, n, lit, signed))
	}
	p.put(operand(in.args[5]), r)
	return stepNext
}

// readBig returns the n-bit integer at bit offset off, any n.
func readBig(data []byte, off, n int, lit, signed bool) *big.Int {
	// Gather the value's bytes most significant first, right-aligned: a partial byte of n%8
	// bits leads in big-endian order; in little-endian order it is the last chunk read and
	// the most significant.
	nb, r := (n+7)/8, n%8
	mag := make([]byte, nb)
	if lit {
		k := 0
		for i := nb - 1; k+8 <= n; i-- {
			mag[i] = byte(readBits(data, off+k, 8))
			k += 8
		}
		if r != 0 {
			mag[0] = byte(readBits(data, off+k, r))
		}
	} else {
		k, i := 0, 0
		if r != 0 {
			mag[0] = byte(readBits(data, off, r))
			k, i = r, 1
		}
		for ; i < nb; i++ {
			mag[i] = byte(readBits(data, off+k, 8))
			k += 8
		}
	}
	x := new(big.Int).SetBytes(mag)
	if signed && x.Bit(n-1) == 1 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(n)))
	}
	return x
}

// matchSegment runs bs_get_float, bs_get_binary, bs_get_utf8/16/32 and bs_match_string.
func (p *Process) matchSegment(lits []term.Term, in *instr) step {
	h := &p.heap.Heap
	ctx := p.get(lits, operand(in.args[1]))
	w := h.Words(ctx)
	off, left := int(w[1]), int(w[2])
	data := binData(h, term.Term(w[3]))
	switch in.op {
	case bytecode.BsGetFloat:
		n, ok := p.matchSize(lits, operand(in.args[2]), in.args[3], 64)
		if !ok || n > left {
			return p.matchFail(in)
		}
		f, ok := readFloat(data, off, n, little(in.args[4]))
		if !ok {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+n), uint64(left-n)
		p.put(operand(in.args[5]), term.MakeFloat(h, f))
	case bytecode.BsGetBinary:
		n, ok := left, true
		if operand(in.args[2]) != opNone {
			n, ok = p.matchSize(lits, operand(in.args[2]), in.args[3], 0)
		}
		if !ok || n > left || n%int(in.args[3]) != 0 {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+n), uint64(left-n)
		p.put(operand(in.args[5]), subBits(h, term.Term(w[3]), off, n))
	case bytecode.BsGetUtf8:
		var buf [utf8.UTFMax]byte
		k := min(left/8, utf8.UTFMax)
		for i := range k {
			buf[i] = byte(readBits(data, off+8*i, 8))
		}
		r, size := utf8.DecodeRune(buf[:k])
		if r == utf8.RuneError && size <= 1 {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+8*size), uint64(left-8*size)
		p.put(operand(in.args[2]), term.MakeSmall(int64(r)))
	case bytecode.BsGetUtf16:
		cp, n, ok := readUtf16(data, off, left, little(in.args[2]))
		if !ok {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+n), uint64(left-n)
		p.put(operand(in.args[3]), term.MakeSmall(int64(cp)))
	case bytecode.BsGetUtf32:
		if left < 32 {
			return p.matchFail(in)
		}
		cp := readBits(data, off, 32)
		if little(in.args[2]) {
			cp = uint64(bits.ReverseBytes32(uint32(cp)))
		}
		if !validCodePoint(int64(cp)) {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+32), uint64(left-32)
		p.put(operand(in.args[3]), term.MakeSmall(int64(cp)))
	case bytecode.BsMatchString:
		lit := lits[operand(in.args[2])&opIndexMask]
		n := term.BitSize(h, lit)
		if n > left || !bitsEqual(data, off, term.BinaryBytes(h, lit), n) {
			return p.matchFail(in)
		}
		w[1], w[2] = uint64(off+n), uint64(left-n)
	default:
		panic("vm: not a binary instruction: " + in.op.String())
	}
	return stepNext
}

// readFloat reads an n-bit float (16, 32 or 64); ok is false for another size and for the
// bit patterns of NaN and the infinities, which Erlang does not match.
func readFloat(data []byte, off, n int, lit bool) (float64, bool) {
	var f float64
	switch n {
	case 16:
		v := uint16(readBits(data, off, 16))
		if lit {
			v = bits.ReverseBytes16(v)
		}
		f = halfToFloat(v)
	case 32:
		v := uint32(readBits(data, off, 32))
		if lit {
			v = bits.ReverseBytes32(v)
		}
		f = float64(math.Float32frombits(v))
	case 64:
		v := readBits(data, off, 64)
		if lit {
			v = bits.ReverseBytes64(v)
		}
		f = math.Float64frombits(v)
	default:
		return 0, false
	}
	return f, !math.IsInf(f, 0) && !math.IsNaN(f)
}

// halfToFloat converts IEEE binary16 bits to a float64 (exact).
func halfToFloat(v uint16) float64 {
	sign := 1.0
	if v&0x8000 != 0 {
		sign = -1
	}
	exp, mant := int(v>>10&0x1f), float64(v&0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(mant, -24)
	case 31:
		if mant == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1024+mant, exp-25)
}

// readUtf16 decodes one UTF-16 code point from off, with left bits available: the code
// point, the bits it took, and ok false for a truncated or unpaired surrogate.
func readUtf16(data []byte, off, left int, lit bool) (rune, int, bool) {
	unit := func(at int) uint16 {
		v := uint16(readBits(data, at, 16))
		if lit {
			v = bits.ReverseBytes16(v)
		}
		return v
	}
	if left < 16 {
		return 0, 0, false
	}
	u := unit(off)
	switch {
	case u < 0xD800 || u > 0xDFFF:
		return rune(u), 16, true
	case u > 0xDBFF || left < 32:
		return 0, 0, false
	}
	u2 := unit(off + 16)
	if u2 < 0xDC00 || u2 > 0xDFFF {
		return 0, 0, false
	}
	return 0x10000 + (rune(u)-0xD800)<<10 + rune(u2) - 0xDC00, 32, true
}

// validCodePoint reports whether cp is a Unicode scalar value: what utf8/16/32 segments
// accept.
func validCodePoint(cp int64) bool {
	return cp >= 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)
}

// bitsEqual reports whether the n bits of data from bit offset off equal the first n bits of
// want.
func bitsEqual(data []byte, off int, want []byte, n int) bool {
	if off&7 == 0 {
		full := n / 8
		if !bytes.Equal(data[off/8:off/8+full], want[:full]) {
			return false
		}
		if r := n % 8; r != 0 {
			return readBits(data, off+8*full, r) == uint64(want[full]>>(8-r))
		}
		return true
	}
	for k := 0; k < n; k += 64 {
		m := min(64, n-k)
		if readBits(data, off+k, m) != readBits(want, k, m) {
			return false
		}
	}
	return true
}

// subBits returns n bits of binary bin (a heap or off-heap binary) from bit offset off, as
// bin itself when that is all of it, else as a sub binary (no bytes copied).
func subBits(h *term.Heap, bin term.Term, off, n int) term.Term {
	if off == 0 && n == term.BitSize(h, bin) {
		return bin
	}
	return term.MakeSubBinary(h, bin, off, n)
}

// restOf is bs_get_tail: the unmatched rest of context ctx.
func restOf(h *term.Heap, ctx term.Term) term.Term {
	w := h.Words(ctx)
	return subBits(h, term.Term(w[3]), int(w[1]), int(w[2]))
}

// startMatch is bs_start_match: a fresh context over src, or the fail label when src is not
// a bitstring.
func (p *Process) startMatch(lits []term.Term, in *instr) step {
	h := &p.heap.Heap
	src := p.get(lits, operand(in.args[1]))
	if !term.IsBitstring(h, src) {
		return p.matchFail(in)
	}
	bin, off, n := src, 0, 0
	if w := h.Words(src); term.HeaderKind(w[0]) == term.KindSubBin {
		bin, off, n = term.Term(w[3]), int(w[1]), int(w[2])
	} else {
		n = term.BitSize(h, src)
	}
	p.put(operand(in.args[2]), term.MakeSubBinary(h, bin, off, n))
	return stepNext
}

// setPosition is bs_set_position: move the context back (or on) to a position that
// bs_get_position returned; anything else that lies outside the binary is badarg.
func (p *Process) setPosition(lits []term.Term, in *instr) step {
	h := &p.heap.Heap
	w := h.Words(p.get(lits, operand(in.args[0])))
	pos, end := p.get(lits, operand(in.args[1])), w[1]+w[2]
	if !pos.IsSmall() || pos.Small() < 0 || uint64(pos.Small()) > end {
		p.raiseError(term.Badarg)
		return stepRaise
	}
	w[1], w[2] = uint64(pos.Small()), end-uint64(pos.Small())
	return stepNext
}
