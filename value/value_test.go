package value

import (
	"cmp"
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatFloat(t *testing.T) {
	cases := map[float64]string{
		1.0: "1.0", 0.1: "0.1", 100.0: "100.0", 1000.0: "1.0e3", 1.0e10: "1.0e10",
		0.0001: "0.0001", 0.00001: "1.0e-5", 2.5: "2.5", -1.5: "-1.5", 123456.789: "123456.789",
		0.0: "0.0", 3.14159: "3.14159", 1.0e100: "1.0e100", 1.5e300: "1.5e300",
		12345678.0: "12345678.0", 0.3: "0.3",
		// From 2^53 up, always the exponent form (checked on OTP 25).
		9007199254740991.0: "9007199254740991.0", 9007199254740992.0: "9.007199254740992e15",
		1234567890123456.0: "1234567890123456.0", 1.5e16: "1.5e16",
	}
	for f, want := range cases {
		assert.Equal(t, want, FormatFloat(f), "FormatFloat(%v)", f)
	}
}

func TestPrint(t *testing.T) {
	cases := []struct {
		t    Term
		w, p string
	}{
		{Atom("ok"), "ok", "ok"},
		{Atom("Hello"), "'Hello'", "'Hello'"},
		{Atom("end"), "'end'", "'end'"},
		{Atom("a b"), "'a b'", "'a b'"},
		{Atom("it's"), `'it\'s'`, `'it\'s'`},
		{Atom("node@host"), "node@host", "node@host"},
		{Atom("\x01a"), `'\001a'`, `'\001a'`},
		{Atom("maybe"), "maybe", "maybe"},
		{Atom(""), "''", "''"},
		{String("abc"), "[97,98,99]", `"abc"`},
		{String("a\nb"), "[97,10,98]", `"a\nb"`},
		{List{}, "[]", "[]"},
		{List{Int(1), Atom("a")}, "[1,a]", "[1,a]"},
		{ImproperList{Elems: []Term{Int(1)}, Tail: Int(2)}, "[1|2]", "[1|2]"},
		{Tuple{}, "{}", "{}"},
		{Tuple{Atom("ok"), Int(-3)}, "{ok,-3}", "{ok,-3}"},
		{Binary("abc"), "<<97,98,99>>", `<<"abc">>`},
		{Binary{1, 2}, "<<1,2>>", "<<1,2>>"},
		{Binary{}, "<<>>", "<<>>"},
		{Bitstring{Bytes: []byte{0x01, 0xa0}, Bits: 11}, "<<1,5:3>>", "<<1,5:3>>"},
		{NewMap(Atom("b"), Int(2), Atom("a"), Int(1)), "#{a => 1,b => 2}", "#{a => 1,b => 2}"},
		{Pid{Index: 85}, "<0.85.0>", "<0.85.0>"},
		{ExportFun{Module: "lists", Function: "map", Arity: 2}, "fun lists:map/2", "fun lists:map/2"},
		{Integer(new(big.Int).Lsh(big.NewInt(1), 70)), "1180591620717411303424", "1180591620717411303424"},
	}
	for _, c := range cases {
		assert.Equal(t, c.w, Format(c.t), "~w of %#v", c.t)
		assert.Equal(t, c.p, Print(c.t), "~p of %#v", c.t)
	}
}

func TestIntegerCanonical(t *testing.T) {
	require.Equal(t, Int(5), Integer(big.NewInt(5)))
	x := new(big.Int).Lsh(big.NewInt(1), 64)
	b, ok := Integer(x).(BigInt)
	require.True(t, ok)
	x.SetInt64(1) // Integer copies its argument
	assert.Equal(t, "18446744073709551616", b.V.String())
}

func TestCompareTable(t *testing.T) {
	// Ascending term order, one representative of each class, from the reference manual.
	order := []Term{
		Int(-5), Float(1.5), Int(2), Atom("a"), Atom("b"), Ref{ID: 1},
		Fun{Module: "m"}, ExportFun{Module: "m", Function: "f"}, Port{ID: 1}, Pid{Index: 1},
		Tuple{Int(9)}, Tuple{Int(1), Int(1)}, NewMap(), NewMap(Int(1), Int(1)), List{},
		List{Int(1)}, List{Int(1), Int(2)}, ImproperList{Elems: []Term{Int(2)}, Tail: Int(1)},
		Binary{}, Bitstring{Bytes: []byte{0x00}, Bits: 1}, Binary{1},
	}
	for i := range order {
		for j := range order {
			want := cmp.Compare(int64(i), int64(j))
			assert.Equal(t, want, Compare(order[i], order[j]), "%s vs %s", Print(order[i]), Print(order[j]))
		}
	}
	assert.Equal(t, 0, Compare(Int(1), Float(1)))
	assert.Equal(t, -1, CompareExact(Int(1), Float(1)))
	assert.Equal(t, -1, CompareExact(Int(2), Float(1)), "every integer before every float")
	assert.Equal(t, 1, Compare(Int(2), Float(1)))
	assert.False(t, Equal(Int(1), Float(1)))
	assert.True(t, Equal(NewMap(Int(1), Atom("x")), NewMap(Int(1), Atom("x"))))
}

func TestMapCanonical(t *testing.T) {
	m := NewMap(Atom("z"), Int(1), Int(3), Int(2), Float(3), Int(3), Atom("z"), Int(4))
	require.Equal(t, 3, m.Len())
	assert.Equal(t, []Term{Int(3), Float(3), Atom("z")}, m.Keys)
	v, ok := m.Find(Atom("z"))
	assert.True(t, ok)
	assert.Equal(t, Int(4), v)
	m = NewMap(Float(1), Atom("a"), Int(2), Atom("b"))
	assert.Equal(t, "#{2 => b,1.0 => a}", Print(m), "as erl prints it")
}

func TestIdentical(t *testing.T) {
	negZero := Float(math.Copysign(0, -1))
	assert.True(t, Equal(Float(0), negZero), "=:= treats the zeros as equal")
	assert.False(t, Identical(Float(0), negZero), "Identical compares float bits")
	assert.True(t, Identical(Tuple{Int(1), List{Atom("a")}}, Tuple{Int(1), List{Atom("a")}}))
	assert.False(t, Identical(Int(1), Float(1)))
	assert.False(t, Identical(nil, Int(1)))
	assert.True(t, Identical(nil, nil))
	assert.False(t, Identical(List{negZero}, List{Float(0)}))
}
