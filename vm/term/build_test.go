package term

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConstructors(t *testing.T) {
	h := &Heap{}
	a := MustIntern("a")
	tup := MakeTuple(h, a, MakeSmall(7), Nil)
	require.True(t, IsTuple(h, tup))
	assert.Equal(t, 3, TupleArity(h, tup))
	assert.Equal(t, a, TupleElem(h, tup, 0))
	assert.Equal(t, MakeSmall(7), TupleElem(h, tup, 1))
	assert.Panics(t, func() { TupleElem(h, tup, 3) })
	empty := MakeTuple(h)
	assert.True(t, IsTuple(h, empty))
	assert.Equal(t, 0, TupleArity(h, empty))

	l := ListFromSlice(h, []Term{MakeSmall(1), MakeSmall(2), tup}, Nil)
	assert.True(t, IsProperList(h, l))
	elems, tail := ListToSlice(h, l)
	assert.Equal(t, []Term{MakeSmall(1), MakeSmall(2), tup}, elems)
	assert.Equal(t, Nil, tail)
	imp := Cons(h, MakeSmall(1), a)
	assert.False(t, IsProperList(h, imp))
	elems, tail = ListToSlice(h, imp)
	assert.Equal(t, []Term{MakeSmall(1)}, elems)
	assert.Equal(t, a, tail)
	assert.Equal(t, a, ListFromSlice(h, nil, a))

	f := MakeFloat(h, -2.5)
	assert.True(t, IsFloat(h, f))
	assert.True(t, IsNumber(h, f))
	assert.False(t, IsInteger(h, f))
	assert.Equal(t, -2.5, FloatOf(h, f))

	for _, i := range []int64{0, -1, MaxSmall, MinSmall, MaxSmall + 1, MinSmall - 1, 1<<63 - 1, -1 << 63} {
		x := MakeInt(h, i)
		assert.Equal(t, FitsSmall(i), x.IsSmall(), "%d", i)
		assert.Equal(t, !FitsSmall(i), IsBigInt(h, x), "%d", i)
		assert.True(t, IsInteger(h, x))
		assert.Equal(t, 0, ToBig(h, x).Cmp(big.NewInt(i)), "%d", i)
	}
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890123456789", 10)
	b := MakeBigInt(h, huge)
	assert.True(t, IsBigInt(h, b))
	assert.Equal(t, 0, ToBig(h, b).Cmp(huge))
	assert.True(t, MakeBigInt(h, big.NewInt(-5)).IsSmall())
	assert.Nil(t, ToBig(h, a))

	r := MakeRef(h, 42)
	assert.True(t, IsRef(h, r))
	assert.Equal(t, uint64(42), RefID(h, r))

	fn := MakeFun(h, a, 3, 2, 99, MakeSmall(5), tup)
	assert.True(t, IsFun(h, fn))
	assert.Equal(t, 2, FunArity(h, fn))
	assert.Equal(t, a, FunModule(h, fn))
	idx, uniq, nenv := ClosureInfo(h, fn)
	assert.Equal(t, []int{3, 99, 2}, []int{idx, int(uniq), nenv})
	assert.Equal(t, tup, ClosureEnv(h, fn, 1))
	ef := MakeExportFun(h, a, MustIntern("g"), 4)
	assert.True(t, IsFun(h, ef))
	assert.Equal(t, 4, FunArity(h, ef))
	assert.Equal(t, MustIntern("g"), ExportFunName(h, ef))

	// Nothing is two things.
	for _, x := range []Term{tup, f, b, r, fn, l} {
		n := 0
		for _, is := range []func(*Heap, Term) bool{IsTuple, IsFloat, IsBigInt, IsRef, IsFun, IsBitstring} {
			if is(h, x) {
				n++
			}
		}
		assert.LessOrEqual(t, n, 1)
	}
}

func TestBinaries(t *testing.T) {
	h := &Heap{}
	for _, n := range []int{0, 1, 7, 8, 9, 63, 64, 65, 200} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*37 + 11)
		}
		bin := MakeBinary(h, data)
		require.True(t, IsBinary(h, bin), "n=%d", n)
		assert.Equal(t, n <= MaxHeapBinary, h.Kind(bin) == KindHeapBin, "n=%d", n)
		assert.Equal(t, 8*n, BitSize(h, bin))
		assert.Equal(t, data, BinaryBytes(h, bin))
		data2 := append([]byte(nil), data...)
		if n > 0 {
			data[0]++ // MakeBinary copied
			assert.Equal(t, data2, BinaryBytes(h, bin))
		}
	}
	// Bitstrings, heap and off-heap: trailing bits are cleared.
	for _, nbits := range []int{1, 7, 9, 511, 513, 1001} {
		data := make([]byte, (nbits+7)/8)
		for i := range data {
			data[i] = 0xFF
		}
		bs := MakeBitstring(h, data, nbits)
		require.True(t, IsBitstring(h, bs))
		assert.False(t, IsBinary(h, bs))
		assert.Equal(t, nbits, BitSize(h, bs))
		got := BinaryBytes(h, bs)
		require.Len(t, got, len(data))
		assert.Equal(t, byte(0xFF)<<(8-nbits%8), got[len(got)-1])
	}
	// Sub binaries, aligned and not.
	whole := MakeBinary(h, []byte{0xAB, 0xCD, 0xEF, 0x12})
	assert.Equal(t, []byte{0xCD, 0xEF}, BinaryBytes(h, MakeSubBinary(h, whole, 8, 16)))
	assert.Equal(t, []byte{0xBC, 0xD0}, BinaryBytes(h, MakeSubBinary(h, whole, 4, 12)))
	assert.Equal(t, []byte{0x80}, BinaryBytes(h, MakeSubBinary(h, whole, 0, 1)))
	offheap := MakeBinary(h, make([]byte, 100))
	assert.Len(t, BinaryBytes(h, MakeSubBinary(h, offheap, 8, 792)), 99)
	assert.Equal(t, 792, BitSize(h, MakeSubBinary(h, offheap, 8, 792)))
}
