package term

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// genInt draws integers where arithmetic breaks: small values, the 60-bit and 64-bit
// boundaries and bignums of a few limbs.
func genInt() *rapid.Generator[*big.Int] {
	edges := []int64{0, 1, -1, 2, -2, MaxSmall, MinSmall, MaxSmall - 1, MinSmall + 1,
		1 << 30, -1 << 30, 1<<31 - 1, math.MaxInt64, math.MinInt64, 3037000499}
	return rapid.Custom(func(t *rapid.T) *big.Int {
		switch rapid.IntRange(0, 4).Draw(t, "k") {
		case 0:
			return big.NewInt(rapid.Int64Range(-100, 100).Draw(t, "tiny"))
		case 1:
			x := big.NewInt(rapid.SampledFrom(edges).Draw(t, "edge"))
			return x.Add(x, big.NewInt(rapid.Int64Range(-2, 2).Draw(t, "nudge")))
		case 2:
			return big.NewInt(rapid.Int64().Draw(t, "i64"))
		default:
			bs := rapid.SliceOfN(rapid.Byte(), 1, 30).Draw(t, "mag")
			x := new(big.Int).SetBytes(bs)
			if rapid.Bool().Draw(t, "neg") {
				x.Neg(x)
			}
			return x
		}
	})
}

// checkInt asserts that term r is the canonical integer for want: a small exactly when want
// fits 60 bits (doc.go invariant 3).
func checkInt(t require.TestingT, h *Heap, r Term, want *big.Int, what string) {
	require.True(t, IsInteger(h, r), what)
	fits := want.IsInt64() && FitsSmall(want.Int64())
	require.Equal(t, fits, r.IsSmall(), "%s: small iff it fits 60 bits (%s)", what, want)
	require.Equal(t, 0, ToBig(h, r).Cmp(want), "%s: got %s want %s", what, ToBig(h, r), want)
}

func TestArithAgreesWithBig(t *testing.T) {
	type binop struct {
		name  string
		f     func(*Heap, Term, Term) (Term, error)
		model func(z, x, y *big.Int) *big.Int
	}
	ops := []binop{
		{"+", Add, (*big.Int).Add},
		{"-", Sub, (*big.Int).Sub},
		{"*", Mul, (*big.Int).Mul},
		{"div", IntDiv, (*big.Int).Quo},
		{"rem", Rem, (*big.Int).Rem},
		{"band", Band, (*big.Int).And},
		{"bor", Bor, (*big.Int).Or},
		{"bxor", Bxor, (*big.Int).Xor},
	}
	rapid.Check(t, func(t *rapid.T) {
		h := &Heap{}
		x, y := genInt().Draw(t, "x"), genInt().Draw(t, "y")
		a, b := MakeBigInt(h, x), MakeBigInt(h, y)
		for _, op := range ops {
			r, err := op.f(h, a, b)
			if (op.name == "div" || op.name == "rem") && y.Sign() == 0 {
				require.ErrorIs(t, err, ErrBadarith)
				continue
			}
			require.NoError(t, err, op.name)
			checkInt(t, h, r, op.model(new(big.Int), x, y), x.String()+" "+op.name+" "+y.String())
		}
		r, err := Neg(h, a)
		require.NoError(t, err)
		checkInt(t, h, r, new(big.Int).Neg(x), "neg")
		r, err = Bnot(h, a)
		require.NoError(t, err)
		checkInt(t, h, r, new(big.Int).Not(x), "bnot")
		r, err = Abs(h, a)
		require.NoError(t, err)
		checkInt(t, h, r, new(big.Int).Abs(x), "abs")

		s := rapid.Int64Range(-300, 300).Draw(t, "shift")
		r, err = Bsl(h, a, MakeSmall(s))
		require.NoError(t, err)
		want := new(big.Int)
		if s >= 0 {
			want.Lsh(x, uint(s))
		} else {
			want.Rsh(x, uint(-s))
		}
		checkInt(t, h, r, want, "bsl")
		r, err = Bsr(h, a, MakeSmall(-s))
		require.NoError(t, err)
		checkInt(t, h, r, want, "bsr")

		// Operations read bignum operands in place; none may have written to them.
		checkInt(t, h, a, x, "operand a afterwards")
		checkInt(t, h, b, y, "operand b afterwards")

		// Mixed with a float: the integer becomes a float.
		f := rapid.Float64Range(-1e6, 1e6).Draw(t, "f")
		fl := MakeFloat(h, f)
		xf, _ := new(big.Float).SetInt(x).Float64()
		r, err = Add(h, a, fl)
		require.NoError(t, err)
		require.True(t, IsFloat(h, r))
		require.Equal(t, xf+f, FloatOf(h, r))
		r, err = Mul(h, fl, a)
		require.NoError(t, err)
		require.Equal(t, f*xf, FloatOf(h, r))
		r, err = FloatDiv(h, a, fl)
		switch q := xf / f; {
		case f == 0 || math.IsInf(q, 0):
			require.ErrorIs(t, err, ErrBadarith)
		default:
			require.NoError(t, err)
			require.Equal(t, q, FloatOf(h, r))
		}
	})
}

// TestArithErlang checks results that erl 25 gives (run in /tmp with erlc; quoted from its
// output).
func TestArithErlang(t *testing.T) {
	h := &Heap{}
	I := func(i int64) Term { return MakeInt(h, i) }
	F := func(f float64) Term { return MakeFloat(h, f) }
	B := func(s string) Term {
		x, ok := new(big.Int).SetString(s, 10)
		require.True(t, ok)
		return MakeBigInt(h, x)
	}
	p100 := B("1267650600228229401496703205376") // 1 bsl 100
	mp100, _ := Neg(h, p100)
	mp100m1, _ := Sub(h, mp100, I(1))
	huge := B("18446744073709551616") // 1 bsl 64
	mhuge, _ := Neg(h, huge)
	cases := []struct {
		name string
		f    func() (Term, error)
		want Term
	}{
		{"-7 div 2", func() (Term, error) { return IntDiv(h, I(-7), I(2)) }, I(-3)},
		{"-7 rem 2", func() (Term, error) { return Rem(h, I(-7), I(2)) }, I(-1)},
		{"7 rem -2", func() (Term, error) { return Rem(h, I(7), I(-2)) }, I(1)},
		{"-7 bsr 1", func() (Term, error) { return Bsr(h, I(-7), I(1)) }, I(-4)},
		{"-1 bsr 100", func() (Term, error) { return Bsr(h, I(-1), I(100)) }, I(-1)},
		{"-(1 bsl 100) bsr 99", func() (Term, error) { return Bsr(h, mp100, I(99)) }, I(-2)},
		{"-(1 bsl 100)-1 bsr 99", func() (Term, error) { return Bsr(h, mp100m1, I(99)) }, I(-3)},
		{"1 bsl -1", func() (Term, error) { return Bsl(h, I(1), I(-1)) }, I(0)},
		{"-1 bsl -1", func() (Term, error) { return Bsl(h, I(-1), I(-1)) }, I(-1)},
		{"0 bsl (1 bsl 64)", func() (Term, error) { return Bsl(h, I(0), huge) }, I(0)},
		{"1 bsr (1 bsl 64)", func() (Term, error) { return Bsr(h, I(1), huge) }, I(0)},
		{"-1 bsr (1 bsl 64)", func() (Term, error) { return Bsr(h, I(-1), huge) }, I(-1)},
		{"1 bsl -(1 bsl 64)", func() (Term, error) { return Bsl(h, I(1), mhuge) }, I(0)},
		{"-5 bsl -(1 bsl 64)", func() (Term, error) { return Bsl(h, I(-5), mhuge) }, I(-1)},
		{"round(-2.5)", func() (Term, error) { return Round(h, F(-2.5)) }, I(-3)},
		{"round(2.5)", func() (Term, error) { return Round(h, F(2.5)) }, I(3)},
		{"round(0.49999999999999994)", func() (Term, error) { return Round(h, F(0.49999999999999994)) }, I(0)},
		{"trunc(1.0e20)", func() (Term, error) { return Trunc(h, F(1e20)) }, B("100000000000000000000")},
		{"trunc(-1.5)", func() (Term, error) { return Trunc(h, F(-1.5)) }, I(-1)},
		{"ceil(-1.5)", func() (Term, error) { return Ceil(h, F(-1.5)) }, I(-1)},
		{"floor(-1.5)", func() (Term, error) { return Floor(h, F(-1.5)) }, I(-2)},
		{"round(5)", func() (Term, error) { return Round(h, I(5)) }, I(5)},
		{"round(1.0e300)", func() (Term, error) { return Round(h, F(1e300)) }, B("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160")},
		{"-(1 bsl 59) div -1", func() (Term, error) { return IntDiv(h, I(MinSmall), I(-1)) }, B("576460752303423488")},
		{"-(1 bsl 100) band 16#ff", func() (Term, error) { return Band(h, mp100, I(255)) }, I(0)},
		{"bnot (1 bsl 100)", func() (Term, error) { return Bnot(h, p100) }, B("-1267650600228229401496703205377")},
		{"-(1 bsl 100) bxor (1 bsl 99)", func() (Term, error) { return Bxor(h, mp100, B("633825300114114700748351602688")) }, B("-633825300114114700748351602688")},
		{"0.0 * -1", func() (Term, error) { return Mul(h, F(0), I(-1)) }, F(math.Copysign(0, -1))},
		{"abs(-0.0)", func() (Term, error) { return Abs(h, F(math.Copysign(0, -1))) }, F(math.Copysign(0, -1))},
		{"2.0 / 3", func() (Term, error) { return FloatDiv(h, F(2), I(3)) }, F(0.6666666666666666)},
		{"6 / 3", func() (Term, error) { return FloatDiv(h, I(6), I(3)) }, F(2)},
		{"float(7)", func() (Term, error) { return Float(h, I(7)) }, F(7)},
		{"1 bsl 33554367 bsr 33554367", func() (Term, error) {
			x, err := Bsl(h, I(1), I(33554367))
			if err != nil {
				return NonValue, err
			}
			return Bsr(h, x, I(33554367))
		}, I(1)},
	}
	for _, c := range cases {
		got, err := c.f()
		require.NoError(t, err, c.name)
		assert.True(t, sameTerm(h, got, c.want), "%s: got %s want %s", c.name, Format(h, got), Format(h, c.want))
		if IsFloat(h, c.want) {
			assert.Equal(t, math.Signbit(FloatOf(h, c.want)), math.Signbit(FloatOf(h, got)), c.name)
		}
	}
}

func TestArithErrors(t *testing.T) {
	h := &Heap{}
	a := MustIntern("a")
	one, flt := MakeSmall(1), MakeFloat(h, 1.5)
	p1024, _ := Bsl(h, one, MakeSmall(1024))
	p20m, _ := Bsl(h, one, MakeSmall(20000000))
	max, _ := Bsl(h, one, MakeSmall(33554367))
	huge, _ := Bsl(h, one, MakeSmall(64))
	e308 := MakeFloat(h, 1e308)
	cases := []struct {
		name string
		f    func() (Term, error)
		want error
	}{
		{"a + 1", func() (Term, error) { return Add(h, a, one) }, ErrBadarith},
		{"1 - a", func() (Term, error) { return Sub(h, one, a) }, ErrBadarith},
		{"[] * 1", func() (Term, error) { return Mul(h, Nil, one) }, ErrBadarith},
		{"-a", func() (Term, error) { return Neg(h, a) }, ErrBadarith},
		{"1 div 0", func() (Term, error) { return IntDiv(h, one, MakeSmall(0)) }, ErrBadarith},
		{"(1 bsl 1024) div 0", func() (Term, error) { return IntDiv(h, p1024, MakeSmall(0)) }, ErrBadarith},
		{"1 rem 0", func() (Term, error) { return Rem(h, one, MakeSmall(0)) }, ErrBadarith},
		{"1.5 div 1", func() (Term, error) { return IntDiv(h, flt, one) }, ErrBadarith},
		{"1.5 rem 1", func() (Term, error) { return Rem(h, flt, one) }, ErrBadarith},
		{"1 / 0", func() (Term, error) { return FloatDiv(h, one, MakeSmall(0)) }, ErrBadarith},
		{"1 / 0.0", func() (Term, error) { return FloatDiv(h, one, MakeFloat(h, 0)) }, ErrBadarith},
		{"a / 1", func() (Term, error) { return FloatDiv(h, a, one) }, ErrBadarith},
		{"1.0e308 * 10", func() (Term, error) { return Mul(h, e308, MakeSmall(10)) }, ErrBadarith},
		{"1.0e308 + 1.0e308", func() (Term, error) { return Add(h, e308, e308) }, ErrBadarith},
		{"1.5 + (1 bsl 1024)", func() (Term, error) { return Add(h, flt, p1024) }, ErrBadarith},
		{"(1 bsl 1024) / 2", func() (Term, error) { return FloatDiv(h, p1024, MakeSmall(2)) }, ErrBadarith},
		{"bnot a", func() (Term, error) { return Bnot(h, a) }, ErrBadarith},
		{"bnot 1.5", func() (Term, error) { return Bnot(h, flt) }, ErrBadarith},
		{"1.5 band 1", func() (Term, error) { return Band(h, flt, one) }, ErrBadarith},
		{"1 bor a", func() (Term, error) { return Bor(h, one, a) }, ErrBadarith},
		{"1 bxor 1.5", func() (Term, error) { return Bxor(h, one, flt) }, ErrBadarith},
		{"1 bsl 1.5", func() (Term, error) { return Bsl(h, one, flt) }, ErrBadarith},
		{"a bsr 1", func() (Term, error) { return Bsr(h, a, one) }, ErrBadarith},
		{"1 bsl (1 bsl 64)", func() (Term, error) { return Bsl(h, one, huge) }, ErrSystemLimit},
		{"1 bsl 33554368", func() (Term, error) { return Bsl(h, one, MakeSmall(33554368)) }, ErrSystemLimit},
		{"-1 bsl 33554368", func() (Term, error) { return Bsl(h, MakeSmall(-1), MakeSmall(33554368)) }, ErrSystemLimit},
		{"(1 bsl 33554367) * 2", func() (Term, error) { return Mul(h, max, MakeSmall(2)) }, ErrSystemLimit},
		{"(1 bsl 33554367) + (1 bsl 33554367)", func() (Term, error) { return Add(h, max, max) }, ErrSystemLimit},
		{"(1 bsl 20000000) * (1 bsl 20000000)", func() (Term, error) { return Mul(h, p20m, p20m) }, ErrSystemLimit},
		{"abs(a)", func() (Term, error) { return Abs(h, a) }, ErrBadarg},
		{"float(a)", func() (Term, error) { return Float(h, a) }, ErrBadarg},
		{"float(1 bsl 1024)", func() (Term, error) { return Float(h, p1024) }, ErrBadarg},
		{"round(a)", func() (Term, error) { return Round(h, a) }, ErrBadarg},
		{"trunc([])", func() (Term, error) { return Trunc(h, Nil) }, ErrBadarg},
		{"ceil(a)", func() (Term, error) { return Ceil(h, a) }, ErrBadarg},
		{"floor(a)", func() (Term, error) { return Floor(h, a) }, ErrBadarg},
	}
	for _, c := range cases {
		got, err := c.f()
		assert.True(t, errors.Is(err, c.want), "%s: got %v, %v; want %v", c.name, got, err, c.want)
		assert.Equal(t, NonValue, got, c.name)
	}
}

// TestArithSmallNoAlloc checks that small-integer fast paths allocate neither Go memory nor
// heap words.
func TestArithSmallNoAlloc(t *testing.T) {
	h := &Heap{}
	a, b := MakeSmall(123456789), MakeSmall(-987654321)
	allocs := testing.AllocsPerRun(100, func() {
		for _, f := range []func(*Heap, Term, Term) (Term, error){Add, Sub, Mul, IntDiv, Rem, Band, Bor, Bxor, Bsl, Bsr} {
			_, _ = f(h, a, MakeSmall(3))
			_, _ = f(h, b, MakeSmall(5))
		}
	})
	assert.Zero(t, allocs)
	assert.Zero(t, len(h.Young))
}

// TestIntToFloatErlang checks that integers become the float erl 25 gives (correctly rounded,
// ties to even), and that one that rounds to infinity is badarg for float/1 and badarith in
// arithmetic.
func TestIntToFloatErlang(t *testing.T) {
	h := &Heap{}
	pow := func(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }
	sum := func(xs ...*big.Int) *big.Int {
		z := new(big.Int)
		for _, x := range xs {
			z.Add(z, x)
		}
		return z
	}
	neg := func(x *big.Int) *big.Int { return new(big.Int).Neg(x) }
	cases := []struct {
		x    *big.Int
		want float64 // 0: overflow
	}{
		{sum(pow(53), big.NewInt(1)), 9.007199254740992e15},
		{sum(pow(64), pow(11), big.NewInt(1)), 1.8446744073709556e19},
		{sum(pow(64), pow(11)), 1.8446744073709552e19},
		{sum(pow(64), pow(12), pow(11)), 1.844674407370956e19},
		{sum(pow(100), big.NewInt(-1)), 1.2676506002282294e30},
		{neg(sum(pow(64), pow(11), big.NewInt(1))), -1.8446744073709556e19},
		{sum(pow(1024), neg(pow(970))), 0},
		{sum(pow(1024), neg(pow(970)), pow(969)), 0},
		{sum(pow(1024), neg(pow(969))), 0},
		{sum(pow(1024), neg(pow(971)), pow(969)), 1.7976931348623157e308},
	}
	for _, c := range cases {
		x := MakeBigInt(h, c.x)
		f, err := Float(h, x)
		g, err2 := Add(h, x, MakeFloat(h, 0))
		if c.want == 0 {
			assert.ErrorIs(t, err, ErrBadarg, c.x.String())
			assert.ErrorIs(t, err2, ErrBadarith, c.x.String())
			continue
		}
		require.NoError(t, err)
		require.NoError(t, err2)
		assert.Equal(t, c.want, FloatOf(h, f), c.x.String())
		assert.Equal(t, c.want, FloatOf(h, g), c.x.String())
	}
}
