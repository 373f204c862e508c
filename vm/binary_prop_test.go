package vm

import (
	"encoding/binary"
	"math/big"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// propSrc is what the property tests run: encoders and decoders for each utf type and
// integers of any size and flags, and a concatenation of three bitstrings split back at
// given sizes (unaligned copies, and matching a sub binary's sub binary).
const propSrc = `
module bprop
export utf/2, unutf/2, int/3, unint/3, cat/3, split/3

% utf(Type, C) -> <<C/Type>> for Type in utf8, utf16, utf16l, utf32, utf32l.
function utf/2
    select_val x0, @bad, [utf8 => @u8, utf16 => @u16, utf16l => @u16l, utf32 => @u32, utf32l => @u32l]
@u8:
    bs_create_bin none, x0, [x1/utf8]
    return
@u16:
    bs_create_bin none, x0, [x1/utf16]
    return
@u16l:
    bs_create_bin none, x0, [x1/utf16-little]
    return
@u32:
    bs_create_bin none, x0, [x1/utf32]
    return
@u32l:
    bs_create_bin none, x0, [x1/utf32-little]
    return
@bad:
    move bad, x0
    return

% unutf(Type, Bin) -> {C, Rest} | nomatch.
function unutf/2
    bs_start_match @no, x1, x2
    select_val x0, @no, [utf8 => @u8, utf16 => @u16, utf16l => @u16l, utf32 => @u32, utf32l => @u32l]
@u8:
    bs_get_utf8 @no, x2, x3
    jump @done
@u16:
    bs_get_utf16 @no, x2, [], x3
    jump @done
@u16l:
    bs_get_utf16 @no, x2, [little], x3
    jump @done
@u32:
    bs_get_utf32 @no, x2, [], x3
    jump @done
@u32l:
    bs_get_utf32 @no, x2, [little], x3
@done:
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% int(Endian, V, S) -> <<V:S/Endian>>.
function int/3
    is_eq_exact @little, x0, big
    bs_create_bin none, x0, [x1:x2]
    return
@little:
    bs_create_bin none, x0, [x1:x2/little]
    return

% unint(Flags, Bin, S) -> {<<X:S/Flags>>, Rest} for Flags in big, signed, little, little_signed.
function unint/3
    bs_start_match @no, x1, x3
    select_val x0, @no, [big => @big, signed => @signed, little => @little, little_signed => @ls]
@big:
    bs_get_integer @no, x3, x2, 1, [], x4
    jump @done
@signed:
    bs_get_integer @no, x3, x2, 1, [signed], x4
    jump @done
@little:
    bs_get_integer @no, x3, x2, 1, [little], x4
    jump @done
@ls:
    bs_get_integer @no, x3, x2, 1, [signed, little], x4
@done:
    bs_get_tail x3, x5
    put_tuple x0, [x4, x5]
    return
@no:
    move nomatch, x0
    return

% cat(A, B, C) -> <<A/bits, B/bits, C/bits>>.
function cat/3
    bs_create_bin none, x0, [x0/binary-unit:1, x1/binary-unit:1, x2/binary-unit:1]
    return

% split(Bin, N, M) -> <<X:N/bits, Y:M/bits, Z/bits>> = Bin, then Y taken apart again from a
% fresh match: {X, Y, Z, Y1, Y2} where <<Y1:(M div 2)/bits, Y2/bits>> = Y.
function split/3
    bs_start_match @no, x0, x3
    bs_get_binary @no, x3, x1, 1, [], x4
    bs_get_binary @no, x3, x2, 1, [], x5
    bs_get_tail x3, x6
    bif2 none, erlang:'div'/2, x2, 2, x7
    bs_start_match @no, x5, x8
    bs_get_binary @no, x8, x7, 1, [], x9
    bs_get_binary @no, x8, all, 1, [], x10
    put_tuple x0, [x4, x5, x6, x9, x10]
    return
@no:
    move nomatch, x0
    return
`

// bitsValue returns the first n bits of b as the portable term erl would print.
func bitsValue(b []byte, n int) value.Term {
	nb := (n + 7) / 8
	out := append([]byte{}, b[:nb]...)
	if n%8 == 0 {
		return value.Binary(out)
	}
	out[nb-1] &^= 0xFF >> (n % 8)
	return value.Bitstring{Bytes: out, Bits: n}
}

// bitstringGen draws a random bitstring: bytes and a bit length within them.
func bitstringGen(t *rapid.T, label string) ([]byte, int) {
	n := rapid.IntRange(0, 700).Draw(t, label+"_bits")
	b := rapid.SliceOfN(rapid.Byte(), (n+7)/8, (n+7)/8).Draw(t, label)
	return b, n
}

func propVM(t *testing.T) *VM {
	tiny := gc.Options{MinHeapSize: 1, FullsweepAfter: 2}
	v := newVM(t, Options{Heap: &tiny})
	loadSrc(t, v, "bprop.bl", propSrc)
	return v
}

// TestBinaryUTFRoundTrip: every code point encodes as Go's encoders do and decodes back; the
// surrogates and everything past U+10FFFF are badarg.
func TestBinaryUTFRoundTrip(t *testing.T) {
	v := propVM(t)
	rapid.Check(t, func(t *rapid.T) {
		cp := rapid.OneOf(rapid.Int64Range(0, 0x7FF), rapid.Int64Range(0, 0xFFFF),
			rapid.Int64Range(0, 0x10FFFF), rapid.Int64Range(-5, 0x110005)).Draw(t, "cp")
		typ := rapid.SampledFrom([]string{"utf8", "utf16", "utf16l", "utf32", "utf32l"}).Draw(t, "type")
		enc, err := v.Apply("bprop", "utf", value.Atom(typ), value.Int(cp))
		if cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) {
			var ee *ExitError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, value.Atom("badarg"), ee.Reason)
			return
		}
		require.NoError(t, err)
		var want []byte
		switch typ {
		case "utf8":
			want = utf8.AppendRune(nil, rune(cp))
		case "utf16", "utf16l":
			for _, u := range utf16.AppendRune(nil, rune(cp)) {
				if typ == "utf16" {
					want = binary.BigEndian.AppendUint16(want, u)
				} else {
					want = binary.LittleEndian.AppendUint16(want, u)
				}
			}
		case "utf32":
			want = binary.BigEndian.AppendUint32(nil, uint32(cp))
		case "utf32l":
			want = binary.LittleEndian.AppendUint32(nil, uint32(cp))
		}
		require.Equal(t, value.Binary(want), enc)
		tail := rapid.SliceOfN(rapid.Byte(), 0, 3).Draw(t, "tail")
		dec, err := v.Apply("bprop", "unutf", value.Atom(typ), value.Binary(append(want, tail...)))
		require.NoError(t, err)
		require.Equal(t, value.Tuple{value.Int(cp), value.Binary(tail)}, dec)
	})
}

// TestBinaryUTF8DecodeAgreesWithGo: on arbitrary bytes, bs_get_utf8 matches exactly when Go's
// decoder finds a valid encoding (Go and Erlang both refuse overlong forms, surrogates and
// code points past U+10FFFF).
func TestBinaryUTF8DecodeAgreesWithGo(t *testing.T) {
	v := propVM(t)
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.Byte(), 0, 5).Draw(t, "bytes")
		got, err := v.Apply("bprop", "unutf", value.Atom("utf8"), value.Binary(b))
		require.NoError(t, err)
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			require.Equal(t, value.Atom("nomatch"), got)
			return
		}
		require.Equal(t, value.Tuple{value.Int(r), value.Binary(b[size:])}, got)
	})
}

// refInt is a reference encoder for <<V:N>> and <<V:N/little>>, written from Erlang's
// definition rather than from the bit writer: V modulo 2^N, big-endian bits; little-endian
// is whole bytes low first, then the N rem 8 top bits.
func refInt(v *big.Int, n int, little bool) value.Term {
	m := new(big.Int).Mod(v, new(big.Int).Lsh(big.NewInt(1), uint(n)))
	out := make([]byte, (n+7)/8)
	bitAt := 0
	put := func(x uint64, k int) {
		for i := k - 1; i >= 0; i-- {
			if x>>i&1 == 1 {
				out[bitAt/8] |= 0x80 >> (bitAt % 8)
			}
			bitAt++
		}
	}
	if !little {
		for i := n - 1; i >= 0; i-- {
			put(uint64(m.Bit(i)), 1)
		}
	} else {
		k := 0
		for ; k+8 <= n; k += 8 {
			put(new(big.Int).Rsh(m, uint(k)).Uint64()&0xFF, 8)
		}
		if k < n {
			put(new(big.Int).Rsh(m, uint(k)).Uint64(), n-k)
		}
	}
	return bitsValue(out, n)
}

func bigValue(x *big.Int) value.Term {
	if x.IsInt64() {
		return value.Int(x.Int64())
	}
	return value.BigInt{V: x}
}

// TestBinaryIntegerRoundTrip: <<V:N>> of any integer and size (0 to 200 bits) is V modulo
// 2^N laid out as Erlang lays it out, and matching it back gives V modulo 2^N, or its signed
// reading.
func TestBinaryIntegerRoundTrip(t *testing.T) {
	v := propVM(t)
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.OneOf(rapid.IntRange(0, 70), rapid.IntRange(0, 200)).Draw(t, "n")
		mag := rapid.SliceOfN(rapid.Byte(), 0, 30).Draw(t, "mag")
		x := new(big.Int).SetBytes(mag)
		if rapid.Bool().Draw(t, "neg") {
			x.Neg(x)
		}
		little := rapid.Bool().Draw(t, "little")
		endian, unsigned, signed := "big", "big", "signed"
		if little {
			endian, unsigned, signed = "little", "little", "little_signed"
		}
		enc, err := v.Apply("bprop", "int", value.Atom(endian), bigValue(x), value.Int(n))
		require.NoError(t, err)
		require.Equal(t, refInt(x, n, little), enc)

		mod := new(big.Int).Lsh(big.NewInt(1), uint(n))
		u := new(big.Int).Mod(x, mod)
		s := new(big.Int).Set(u)
		if n > 0 && s.Bit(n-1) == 1 {
			s.Sub(s, mod)
		}
		got, err := v.Apply("bprop", "unint", value.Atom(unsigned), enc, value.Int(n))
		require.NoError(t, err)
		require.Equal(t, value.Tuple{bigValue(u), value.Binary{}}, got)
		got, err = v.Apply("bprop", "unint", value.Atom(signed), enc, value.Int(n))
		require.NoError(t, err)
		require.Equal(t, value.Tuple{bigValue(s), value.Binary{}}, got)
	})
}

// TestBinaryConcatSplit: concatenating bitstrings at any alignment and splitting them back at
// any sizes gives the pieces a bit-level reference gives.
func TestBinaryConcatSplit(t *testing.T) {
	v := propVM(t)
	rapid.Check(t, func(t *rapid.T) {
		var all []bool
		var args []value.Term
		for _, l := range []string{"a", "b", "c"} {
			b, n := bitstringGen(t, l)
			args = append(args, bitsValue(b, n))
			for i := range n {
				all = append(all, b[i/8]>>(7-i%8)&1 == 1)
			}
		}
		pack := func(bs []bool) value.Term {
			out := make([]byte, (len(bs)+7)/8+1)
			for i, bit := range bs {
				if bit {
					out[i/8] |= 0x80 >> (i % 8)
				}
			}
			return bitsValue(out, len(bs))
		}
		cat, err := v.Apply("bprop", "cat", args...)
		require.NoError(t, err)
		require.Equal(t, pack(all), cat)

		n := rapid.IntRange(0, len(all)).Draw(t, "n")
		m := rapid.IntRange(0, len(all)-n).Draw(t, "m")
		got, err := v.Apply("bprop", "split", cat, value.Int(n), value.Int(m))
		require.NoError(t, err)
		y := all[n : n+m]
		want := value.Tuple{pack(all[:n]), pack(y), pack(all[n+m:]), pack(y[:m/2]), pack(y[m/2:])}
		require.Equal(t, want, got)
	})
}

// TestBinaryMatchSurvivesGC drives the match instructions by hand with a collection between
// every two of them: the context and the heap binary under it move (and the context is
// promoted to the old generation and advanced there), and every read still sees the right
// bits. gc.Verify checks the heap after each collection.
func TestBinaryMatchSurvivesGC(t *testing.T) {
	opts := gc.Options{MinHeapSize: 1, FullsweepAfter: 100}
	p := newProcess(newVM(t, Options{}), opts)
	p.x = new(regFile) // a process off any scheduler needs its own registers
	h := &p.heap.Heap
	p.xlive = 4
	for i := range p.xlive {
		p.x[i] = term.Nil
	}
	data := make([]byte, 40) // a heap binary: it moves with the collector
	for i := range data {
		data[i] = byte(i + 1)
	}
	p.x[0] = term.MakeBinary(h, data)
	run := func(op bytecode.Opcode, args ...uint32) step {
		in := &instr{op: op}
		copy(in.args[:], args)
		return p.binaryInstr(nil, in)
	}
	collect := func(major bool) {
		term.MakeTuple(h, term.Nil, term.Nil) // garbage, so that the heap changes
		if major {
			p.heap.CollectMajor(p, 0)
		} else {
			p.heap.Collect(p, 0)
		}
		require.NoError(t, p.heap.Verify(p))
	}
	x := func(i uint32) uint32 { return uint32(opX) | i }
	none := uint32(opNone)

	require.Equal(t, stepNext, run(bytecode.BsStartMatch, noLabel, x(0), x(1)))
	ctx0 := p.x[1]
	collect(false)
	collect(false) // the context has survived two minors: it is in the old generation now
	require.Equal(t, term.SpaceOld, p.x[1].Space())
	require.NotEqual(t, ctx0, p.x[1])
	for i := range 10 {
		require.Equal(t, stepNext, run(bytecode.BsGetInteger, noLabel, x(1), none, 1, 0, x(2)))
		assert.Equal(t, term.MakeSmall(int64(i+1)), p.x[2])
		collect(i%3 == 2)
	}
	require.Equal(t, stepNext, run(bytecode.BsGetPosition, x(1), x(3)))
	assert.Equal(t, term.MakeSmall(80), p.x[3])
	require.Equal(t, stepNext, run(bytecode.BsSkipBits, noLabel, x(1), none, 8)) // all
	collect(false)
	require.Equal(t, stepNext, run(bytecode.BsSetPosition, x(1), x(3)))
	collect(true)
	require.Equal(t, stepNext, run(bytecode.BsGetTail, x(1), x(2)))
	collect(false)
	assert.Equal(t, value.Binary(data[10:]), term.ToValue(h, p.x[2]))
	assert.Equal(t, value.Binary(data[10:]), term.ToValue(h, p.x[1]), "a context reads as the rest")
}

// TestBinaryResultPlacement: bs_create_bin puts results of up to 64 bytes on the heap and
// larger ones off-heap, behind a sub binary (an append of whole bytes, as here, gets a
// writable tail behind one, and so does a result that ends inside a byte), and <<B/binary>>
// of a whole binary is B itself.
func TestBinaryResultPlacement(t *testing.T) {
	p := newProcess(newVM(t, Options{}), gc.DefaultOptions())
	p.x = new(regFile) // a process off any scheduler needs its own registers
	h := &p.heap.Heap
	x := func(i uint32) operand { return opX | operand(i) }
	// dst := <<x0/bits, x1:x2>>
	in := &instr{op: bytecode.BsCreateBin, args: [6]uint32{noLabel, uint32(x(3))}, ext: &instrExt{segs: []segment{
		{typ: bytecode.SegBinary, unit: 1, val: x(0), size: opNone},
		{typ: bytecode.SegInteger, unit: 1, val: x(1), size: x(2)},
	}}}
	for _, c := range []struct {
		bytes, bits int
		kind        term.Kind
	}{
		{63, 8, term.KindHeapBin}, {64, 0, term.KindHeapBin}, {63, 7, term.KindHeapBin},
		{64, 8, term.KindSubBin}, {64, 1, term.KindSubBin}, {1000, 3, term.KindSubBin},
	} {
		p.x[0] = term.MakeBinary(h, make([]byte, c.bytes))
		p.x[1], p.x[2] = term.MakeSmall(-1), term.MakeSmall(int64(c.bits))
		require.Equal(t, stepNext, p.binaryInstr(nil, in))
		r := p.x[3]
		assert.Equal(t, c.kind, h.Kind(r), "%d bytes + %d bits", c.bytes, c.bits)
		assert.Equal(t, 8*c.bytes+c.bits, term.BitSize(h, r))
		b := term.BinaryBytes(h, r)
		if c.bits > 0 {
			assert.Equal(t, byte(0xFF)<<(8-c.bits)&0xFF, b[c.bytes], "the ones, then zero padding")
		}
	}
	p.x[0] = term.MakeBinary(h, []byte("whole"))
	p.x[2] = term.MakeSmall(0)
	require.Equal(t, stepNext, p.binaryInstr(nil, &instr{op: bytecode.BsCreateBin,
		args: [6]uint32{noLabel, uint32(x(3))}, ext: &instrExt{segs: in.ext.segs[:1]}}))
	assert.Equal(t, p.x[0], p.x[3])
}
