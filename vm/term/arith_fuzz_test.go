package term

import (
	"math/big"
	"testing"
)

// FuzzArith is a differential test: every integer operation on terms must agree with math/big
// for any two integers the fuzzer makes (sign byte, then magnitude bytes) and any shift, and
// no input may panic.
func FuzzArith(f *testing.F) {
	f.Add(byte(0), []byte{0x07}, byte(1), []byte{0x02}, int16(3))
	f.Add(byte(1), []byte{0x08, 0, 0, 0, 0, 0, 0, 0}, byte(1), []byte{0xFF}, int16(-70))
	f.Add(byte(0), []byte{0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, byte(0), []byte{0x01}, int16(64))
	f.Fuzz(func(t *testing.T, sa byte, ma []byte, sb byte, mb []byte, s int16) {
		if len(ma) > 64 || len(mb) > 64 {
			return
		}
		x, y := new(big.Int).SetBytes(ma), new(big.Int).SetBytes(mb)
		if sa&1 == 1 {
			x.Neg(x)
		}
		if sb&1 == 1 {
			y.Neg(y)
		}
		h := &Heap{}
		a, b := MakeBigInt(h, x), MakeBigInt(h, y)
		check := func(name string, r Term, err error, want *big.Int) {
			if want == nil {
				if err != ErrBadarith {
					t.Fatalf("%s %s %s: want badarith, got %v", x, name, y, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s %s %s: %v", x, name, y, err)
			}
			fits := want.IsInt64() && FitsSmall(want.Int64())
			if got := ToBig(h, r); got == nil || got.Cmp(want) != 0 || r.IsSmall() != fits {
				t.Fatalf("%s %s %s = %v (small %v), want %s", x, name, y, got, r.IsSmall(), want)
			}
		}
		z := func() *big.Int { return new(big.Int) }
		r, err := Add(h, a, b)
		check("+", r, err, z().Add(x, y))
		r, err = Sub(h, a, b)
		check("-", r, err, z().Sub(x, y))
		r, err = Mul(h, a, b)
		check("*", r, err, z().Mul(x, y))
		var q, m *big.Int
		if y.Sign() != 0 {
			q, m = z().Quo(x, y), z().Rem(x, y)
		}
		r, err = IntDiv(h, a, b)
		check("div", r, err, q)
		r, err = Rem(h, a, b)
		check("rem", r, err, m)
		r, err = Band(h, a, b)
		check("band", r, err, z().And(x, y))
		r, err = Bor(h, a, b)
		check("bor", r, err, z().Or(x, y))
		r, err = Bxor(h, a, b)
		check("bxor", r, err, z().Xor(x, y))
		r, err = Bnot(h, a)
		check("bnot", r, err, z().Not(x))
		want := z()
		if s >= 0 {
			want.Lsh(x, uint(s))
		} else {
			want.Rsh(x, uint(-int(s)))
		}
		r, err = Bsl(h, a, MakeSmall(int64(s)))
		check("bsl", r, err, want)
		r, err = Bsr(h, a, MakeSmall(-int64(s)))
		check("bsr", r, err, want)
	})
}
