package term

import (
	"math/big"
	"testing"

	"github.com/beamlite/beamlite/value"
)

// resetIfFull drops what the benchmark allocated once the young generation passes 1M words,
// so that a benchmark measures allocation rather than the growth of one huge slice. The first
// keep words (the operands) stay.
func resetIfFull(h *Heap, keep ...int) {
	if len(h.Young) > 1<<20 {
		h.Young = h.Young[:append(keep, 0)[0]]
	}
}

// BenchmarkMakeTuple reports ns per allocated word for 4-tuples (5 words each).
func BenchmarkMakeTuple(b *testing.B) {
	h := &Heap{}
	x, y := MakeSmall(1), Ok
	b.ReportAllocs()
	for b.Loop() {
		resetIfFull(h)
		MakeTuple(h, x, y, x, y)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(5*b.N), "ns/word")
}

// BenchmarkCons reports ns per word for single cons cells (2 words each).
func BenchmarkCons(b *testing.B) {
	h := &Heap{}
	l := Nil
	for b.Loop() {
		resetIfFull(h)
		l = Cons(h, MakeSmall(1), Nil)
	}
	_ = l
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/word")
}

// BenchmarkListFromSlice reports ns per word for 100-element lists built in one allocation.
func BenchmarkListFromSlice(b *testing.B) {
	h := &Heap{}
	elems := make([]Term, 100)
	for i := range elems {
		elems[i] = MakeSmall(int64(i))
	}
	for b.Loop() {
		resetIfFull(h)
		ListFromSlice(h, elems, Nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(200*b.N), "ns/word")
}

var sink Term

func BenchmarkAddSmall(b *testing.B) {
	h := &Heap{}
	x, y := MakeSmall(12345), MakeSmall(-678)
	b.ReportAllocs()
	for b.Loop() {
		x, _ = Add(h, x, y)
	}
	sink = x
}

func BenchmarkMulSmall(b *testing.B) {
	h := &Heap{}
	x, y := MakeSmall(123456789), MakeSmall(-678)
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Mul(h, x, y)
	}
}

// BenchmarkAddOverflow is a small + small that overflows 60 bits into a one-limb bignum.
func BenchmarkAddOverflow(b *testing.B) {
	h := &Heap{}
	x := MakeSmall(MaxSmall)
	b.ReportAllocs()
	for b.Loop() {
		resetIfFull(h)
		sink, _ = Add(h, x, x)
	}
}

func benchMulBig(b *testing.B, bits uint) {
	h := &Heap{}
	v := new(big.Int).Lsh(big.NewInt(1), bits)
	v.Sub(v, big.NewInt(12345))
	x := MakeBigInt(h, v)
	keep := len(h.Young)
	b.ReportAllocs()
	for b.Loop() {
		resetIfFull(h, keep)
		sink, _ = Mul(h, x, x)
	}
}

func BenchmarkMulBig128(b *testing.B)  { benchMulBig(b, 128) }
func BenchmarkMulBig1024(b *testing.B) { benchMulBig(b, 1024) }

// BenchmarkFromValue and BenchmarkToValue convert {ok, [1..20], <<"binary">>, #{a => 1.5}}.
var benchValue = value.Tuple{value.Atom("ok"), value.String("abcdefghijklmnopqrst"),
	value.Binary("binary"), value.NewMap(value.Atom("a"), value.Float(1.5))}

func BenchmarkFromValue(b *testing.B) {
	h := &Heap{}
	b.ReportAllocs()
	for b.Loop() {
		resetIfFull(h)
		sink, _ = FromValue(h, benchValue)
	}
}

func BenchmarkToValue(b *testing.B) {
	h := &Heap{}
	x, _ := FromValue(h, benchValue)
	b.ReportAllocs()
	// ToValue does not allocate on the heap, so x is never overwritten.
	for b.Loop() {
		_ = ToValue(h, x)
	}
}
