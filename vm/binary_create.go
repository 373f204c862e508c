package vm

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// Construction: bs_create_bin (the plan is in interp_binary.go's header).

// binAppend is the writable tail of the binary this process built last by appending (a
// bs_create_bin whose first segment is a whole binary, <<Acc/binary, ...>>), as erts keeps one:
// buf's Data is allocated with spare capacity, the terms over it are sub binaries that end at
// or before end, and no term of any process covers the bytes from end on. So the next append
// to a sub binary that ends exactly at end may write into the spare bytes and return a longer
// sub binary: the older terms do not see the new bytes, and building a binary by appending in
// a loop costs amortised O(1) per byte instead of a copy of everything so far. A process that
// receives the binary has no binAppend for it and copies, as erts does. Data's length never
// changes (it is its capacity from the start), so no Go slice header is written that another
// process could be reading.
type binAppend struct {
	buf *term.Binary
	end int // in bytes
}

// appendReds is how many bytes bs_create_bin copies for one reduction.
const appendReds = 64

// createBin is bs_create_bin; cost is the reductions it charges beyond the instruction's own,
// one for every appendReds bytes it writes.
func (p *Process) createBin(lits []term.Term, in *instr) (st step, cost int) {
	h := &p.heap.Heap
	segs := in.ext.segs
	var sizeBuf [16]int
	sizes := sizeBuf[:0]
	if len(segs) > len(sizeBuf) {
		sizes = make([]int, 0, len(segs))
	}
	total := 0
	for i := range segs {
		n, reason := p.segBits(h, lits, &segs[i])
		if reason == term.NonValue && total+n > maxBinaryBits {
			reason = term.SystemLimit
		}
		if reason != term.NonValue {
			return p.createFail(in, reason), 0
		}
		sizes = append(sizes, n)
		total += n
	}
	if r, added, ok := p.appendInPlace(h, lits, segs, sizes, total); ok {
		p.put(operand(in.args[1]), r)
		return stepNext, added / appendReds
	}
	// <<B/binary>> of a whole binary is B: no copy.
	if len(segs) == 1 && segs[0].typ == bytecode.SegBinary {
		if v := p.get(lits, segs[0].val); term.BitSize(h, v) == total && term.HeaderKind(h.Words(v)[0]) != term.KindSubBin {
			p.put(operand(in.args[1]), v)
			return stepNext, 0
		}
	}
	nbytes := (total + 7) / 8
	var r term.Term
	if nbytes <= term.MaxHeapBinary {
		// Kept apart from the large case so that the buffer stays on the Go stack.
		var small [term.MaxHeapBinary]byte
		if !p.writeSegs(h, lits, segs, sizes, small[:nbytes]) {
			return p.createFail(in, term.Badarg), 0
		}
		r = term.MakeBitstring(h, small[:nbytes], total)
	} else if appendable(segs, total) {
		// An append: the result gets a writable tail, twice its size.
		buf := make([]byte, max(2*nbytes, 256))
		if !p.writeSegs(h, lits, segs, sizes, buf[:nbytes]) {
			return p.createFail(in, term.Badarg), 0
		}
		bin := &term.Binary{Data: buf}
		r = term.MakeSubBinary(h, term.MakeRefBinary(h, bin), 0, total)
		if p.bin == nil {
			p.bin = new(binAppend)
		}
		p.bin.buf, p.bin.end = bin, nbytes
	} else {
		buf := make([]byte, nbytes)
		if !p.writeSegs(h, lits, segs, sizes, buf) {
			return p.createFail(in, term.Badarg), 0
		}
		// The buffer is ours: the off-heap binary takes it without a copy.
		r = term.MakeRefBinary(h, &term.Binary{Data: buf})
		if total%8 != 0 {
			r = term.MakeSubBinary(h, r, 0, total)
		}
	}
	p.put(operand(in.args[1]), r)
	return stepNext, nbytes / appendReds
}

// appendable reports whether a bs_create_bin appends to a binary: its first segment is a
// whole binary, more follow, and the result is whole bytes.
func appendable(segs []segment, total int) bool {
	return len(segs) >= 2 && segs[0].typ == bytecode.SegBinary && segs[0].size == opNone && total%8 == 0
}

// appendInPlace performs an append into the writable tail (binAppend) when the first segment
// is a sub binary ending exactly there and the rest fits in the spare bytes; added is the
// number of bytes written. Otherwise ok is false and nothing is changed that any term sees.
func (p *Process) appendInPlace(h *term.Heap, lits []term.Term, segs []segment, sizes []int, total int) (r term.Term, added int, ok bool) {
	a := p.bin
	if a == nil || a.buf == nil || !appendable(segs, total) {
		return term.NonValue, 0, false
	}
	v := p.get(lits, segs[0].val)
	if !v.IsBoxed() {
		return term.NonValue, 0, false
	}
	w := h.Words(v)
	if term.HeaderKind(w[0]) != term.KindSubBin {
		return term.NonValue, 0, false
	}
	off, n, under := int(w[1]), int(w[2]), term.Term(w[3])
	if off%8 != 0 || n%8 != 0 || (off+n)/8 != a.end ||
		term.HeaderKind(h.Words(under)[0]) != term.KindRefBin || h.RefBinary(under) != a.buf {
		return term.NonValue, 0, false
	}
	added = (total - n) / 8
	if a.end+added > len(a.buf.Data) {
		return term.NonValue, 0, false // full: the caller copies into a larger buffer
	}
	tail := a.buf.Data[a.end : a.end+added]
	clear(tail) // the bit writer ORs into zeroed bytes; a failed append may have left some
	bw := bitWriter{buf: tail}
	for i := 1; i < len(segs); i++ {
		if !p.writeSeg(h, lits, &bw, &segs[i], sizes[i]) {
			return term.NonValue, 0, false // badarg: the caller's second attempt raises it
		}
	}
	a.end += added
	return term.MakeSubBinary(h, under, off, total), added, true
}

// writeSegs writes every segment into buf (zeroed, exactly large enough); false means a
// value of the wrong type: badarg.
func (p *Process) writeSegs(h *term.Heap, lits []term.Term, segs []segment, sizes []int, buf []byte) bool {
	bw := bitWriter{buf: buf}
	for i := range segs {
		if !p.writeSeg(h, lits, &bw, &segs[i], sizes[i]) {
			return false
		}
	}
	return true
}

// createFail is the outcome of a failed bs_create_bin: its fail label, or the error reason.
func (p *Process) createFail(in *instr, reason term.Term) step {
	if in.args[0] != noLabel {
		return stepFail
	}
	p.raiseError(reason)
	return stepRaise
}

// segBits returns the size of segment s in bits, or the error reason (else NonValue): badarg
// for a size that is not a non-negative integer, a float size other than 16, 32 or 64, a
// binary that is not a whole number of units or shorter than the size, a value that is not a
// code point; system_limit for a size beyond maxBinaryBits.
func (p *Process) segBits(h *term.Heap, lits []term.Term, s *segment) (int, term.Term) {
	switch s.typ {
	case bytecode.SegUtf8, bytecode.SegUtf16, bytecode.SegUtf32:
		v := p.get(lits, s.val)
		if !v.IsSmall() || !validCodePoint(v.Small()) {
			return 0, term.Badarg
		}
		switch cp := v.Small(); s.typ {
		case bytecode.SegUtf8:
			return 8 * utf8.RuneLen(rune(cp)), term.NonValue
		case bytecode.SegUtf16:
			if cp >= 0x10000 {
				return 32, term.NonValue
			}
			return 16, term.NonValue
		}
		return 32, term.NonValue
	}
	if s.size == opNone {
		switch s.typ {
		case bytecode.SegInteger:
			return 8, term.NonValue
		case bytecode.SegFloat:
			return 64, term.NonValue
		}
		v := p.get(lits, s.val) // binary: all of it, a whole number of units
		if !term.IsBitstring(h, v) {
			return 0, term.Badarg
		}
		n := term.BitSize(h, v)
		if n%s.unit != 0 {
			return 0, term.Badarg
		}
		return n, term.NonValue
	}
	sz := p.get(lits, s.size)
	if !sz.IsSmall() {
		if term.IsInteger(h, sz) && term.ToBig(h, sz).Sign() > 0 {
			return 0, term.SystemLimit
		}
		return 0, term.Badarg
	}
	if sz.Small() < 0 {
		return 0, term.Badarg
	}
	if sz.Small() > maxBinaryBits/int64(s.unit) {
		return 0, term.SystemLimit
	}
	n := int(sz.Small()) * s.unit
	switch s.typ {
	case bytecode.SegFloat:
		if n != 16 && n != 32 && n != 64 {
			return 0, term.Badarg
		}
	case bytecode.SegBinary:
		v := p.get(lits, s.val)
		if !term.IsBitstring(h, v) || term.BitSize(h, v) < n {
			return 0, term.Badarg
		}
	}
	return n, term.NonValue
}

// writeSeg writes segment s, n bits, checking its value's type; false means badarg.
func (p *Process) writeSeg(h *term.Heap, lits []term.Term, bw *bitWriter, s *segment, n int) bool {
	v := p.get(lits, s.val)
	lit := little(uint32(s.flags))
	switch s.typ {
	case bytecode.SegInteger:
		if v.IsSmall() && n <= 64 {
			if lit {
				bw.little(uint64(v.Small()), n)
			} else {
				bw.bits(uint64(v.Small()), n)
			}
			return true
		}
		if !term.IsInteger(h, v) {
			return false
		}
		bw.bigInt(term.ToBig(h, v), n, lit)
	case bytecode.SegFloat:
		var f float64
		switch {
		case term.IsFloat(h, v):
			f = term.FloatOf(h, v)
		case v.IsSmall():
			f = float64(v.Small())
		case term.IsInteger(h, v):
			f, _ = new(big.Float).SetInt(term.ToBig(h, v)).Float64()
			if math.IsInf(f, 0) {
				return false
			}
		default:
			return false
		}
		bw.float(f, n, lit)
	case bytecode.SegBinary:
		// segBits checked that v is a bitstring of at least n bits.
		if w := h.Words(v); term.HeaderKind(w[0]) == term.KindSubBin {
			// Read from the underlying binary rather than have BinaryBytes copy an unaligned
			// sub binary.
			bw.copyBits(binData(h, term.Term(w[3])), int(w[1]), n)
		} else {
			bw.copyBits(binData(h, v), 0, n)
		}
	case bytecode.SegUtf8:
		var b [utf8.UTFMax]byte
		k := utf8.EncodeRune(b[:], rune(v.Small()))
		for _, c := range b[:k] {
			bw.bits(uint64(c), 8)
		}
	case bytecode.SegUtf16:
		cp := v.Small()
		units := [2]uint64{uint64(cp), 0}
		k := 1
		if cp >= 0x10000 {
			cp -= 0x10000
			units, k = [2]uint64{uint64(0xD800 + cp>>10), uint64(0xDC00 + cp&0x3FF)}, 2
		}
		for _, u := range units[:k] {
			if lit {
				bw.little(u, 16)
			} else {
				bw.bits(u, 16)
			}
		}
	case bytecode.SegUtf32:
		if lit {
			bw.little(uint64(v.Small()), 32)
		} else {
			bw.bits(uint64(v.Small()), 32)
		}
	}
	return true
}

// bitWriter appends bits to a zeroed buffer that is large enough for all of them.
type bitWriter struct {
	buf []byte
	pos int // in bits
}

// bits writes the low n (at most 64) bits of v, most significant first.
func (bw *bitWriter) bits(v uint64, n int) {
	if bw.pos&7 == 0 {
		i := bw.pos >> 3
		switch n {
		case 8:
			bw.buf[i] = byte(v)
			bw.pos += 8
			return
		case 16:
			binary.BigEndian.PutUint16(bw.buf[i:], uint16(v))
			bw.pos += 16
			return
		case 32:
			binary.BigEndian.PutUint32(bw.buf[i:], uint32(v))
			bw.pos += 32
			return
		case 64:
			binary.BigEndian.PutUint64(bw.buf[i:], v)
			bw.pos += 64
			return
		}
	}
	for n > 0 {
		free := 8 - bw.pos&7
		take := min(free, n)
		chunk := byte(v>>(n-take)) & byte(1<<take-1)
		bw.buf[bw.pos>>3] |= chunk << (free - take)
		bw.pos += take
		n -= take
	}
}

// little writes the low n (at most 64) bits of v little-endian: whole bytes least
// significant first, then the n%8 most significant bits (readLittle's inverse).
func (bw *bitWriter) little(v uint64, n int) {
	for ; n >= 8; n -= 8 {
		bw.bits(v&0xFF, 8)
		v >>= 8
	}
	if n > 0 {
		bw.bits(v, n)
	}
}

// bigInt writes x as an n-bit two's complement integer (x is reduced modulo 2^n).
func (bw *bitWriter) bigInt(x *big.Int, n int, lit bool) {
	if n == 0 {
		return
	}
	m := new(big.Int).Lsh(big.NewInt(1), uint(n))
	x = new(big.Int).Mod(x, m) // Euclidean: 0 <= x < 2^n
	mag := x.FillBytes(make([]byte, (n+7)/8))
	r := n % 8
	if lit {
		for i := len(mag) - 1; i >= 0; i-- {
			if i == 0 && r != 0 {
				bw.bits(uint64(mag[0]), r)
			} else {
				bw.bits(uint64(mag[i]), 8)
			}
		}
		return
	}
	for i, c := range mag {
		if i == 0 && r != 0 {
			bw.bits(uint64(c), r)
		} else {
			bw.bits(uint64(c), 8)
		}
	}
}

// float writes f as an n-bit IEEE float (16, 32 or 64). A value too large for the size
// becomes an infinity, as erl writes <<1.0e300:32/float>>.
func (bw *bitWriter) float(f float64, n int, lit bool) {
	var v uint64
	switch n {
	case 16:
		v = uint64(floatToHalf(f))
		if lit {
			v = uint64(bits.ReverseBytes16(uint16(v)))
		}
	case 32:
		v = uint64(math.Float32bits(float32(f)))
		if lit {
			v = uint64(bits.ReverseBytes32(uint32(v)))
		}
	default:
		v = math.Float64bits(f)
		if lit {
			v = bits.ReverseBytes64(v)
		}
	}
	bw.bits(v, n)
}

// copyBits writes n bits of src from bit offset off.
func (bw *bitWriter) copyBits(src []byte, off, n int) {
	if off&7 == 0 && bw.pos&7 == 0 {
		full := n / 8
		copy(bw.buf[bw.pos>>3:], src[off>>3:off>>3+full])
		bw.pos += 8 * full
		off += 8 * full
		n -= 8 * full
	}
	for n > 0 {
		m := min(64, n)
		bw.bits(readBits(src, off, m), m)
		off += m
		n -= m
	}
}

// floatToHalf converts f to IEEE binary16 bits, rounding to nearest, ties to even; too
// large a magnitude gives an infinity (erl: <<65520.0:16/float>> is <<124,0>>).
func floatToHalf(f float64) uint16 {
	b := math.Float64bits(f)
	sign := uint16(b>>48) & 0x8000
	exp := int(b >> 52 & 0x7FF)
	if exp == 0 { // zero or a float64 subnormal: far below half's smallest
		return sign
	}
	full := b&(1<<52-1) | 1<<52 // the 53-bit significand
	e := exp - 1023
	var shift uint
	var base uint64
	switch {
	case e > 15:
		return sign | 0x7C00
	case e >= -14: // normal: 10 fraction bits, the exponent above them
		shift, base = 42, uint64(e+15-1)<<10 // the implicit bit adds the missing 1 to the exponent
	default: // subnormal: units of 2^-24
		shift = uint(28 - e)
		if shift > 53 {
			return sign
		}
	}
	v := base + full>>shift
	rem, half := full&(1<<shift-1), uint64(1)<<(shift-1)
	if rem > half || (rem == half && v&1 == 1) {
		v++ // a carry out of the fraction raises the exponent, as it should
	}
	if v >= 0x7C00 {
		return sign | 0x7C00
	}
	return sign | uint16(v)
}
