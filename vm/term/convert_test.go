package term

import (
	"math"
	"math/big"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// sameTerm reports whether a and b are exactly equal (=:=), through the portable form, so
// that these tests do not depend on the heap comparison they might be used to check.
func sameTerm(h *Heap, a, b Term) bool { return value.Equal(ToValue(h, a), ToValue(h, b)) }

func TestValueRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := valuetest.Term().Draw(t, "v")
		h := &Heap{}
		x, err := FromValue(h, v)
		require.NoError(t, err)
		back := ToValue(h, x)
		require.True(t, value.Equal(v, back), "in  %s\nout %s", value.Format(v), value.Format(back))
		require.Equal(t, value.Format(v), Format(h, x))
		require.Equal(t, value.Print(v), Print(h, x))
	})
}

// TestValueRoundTripDeep builds terms far deeper and wider than the generator does: a list of
// 100,000 elements (which must not recurse per element), a 500-deep nesting, a 10,000-tuple
// and a 2,000-key map.
func TestValueRoundTripDeep(t *testing.T) {
	h := &Heap{}
	long := make(value.List, 100000)
	for i := range long {
		long[i] = value.Int(i)
	}
	var deep value.Term = value.Atom("leaf")
	for i := range 500 {
		deep = value.Tuple{value.Int(i), value.ImproperList{Elems: []value.Term{deep}, Tail: value.Binary("x")}}
		if i%50 == 0 {
			deep = value.NewMap(value.Atom("k"), deep)
		}
	}
	wide := make(value.Tuple, 10000)
	for i := range wide {
		wide[i] = value.Tuple{value.Int(i)}
	}
	// A map far past the 32-key boundary whose integer and float keys interleave in term
	// order: map-key order (integers first) and value.Map's order differ on every key.
	kvs := make([]value.Term, 0, 4000)
	for i := range 1000 {
		kvs = append(kvs, value.Int(i), value.Atom("i"), value.Float(float64(i)+0.5), value.Atom("f"))
	}
	bigMap := value.NewMap(kvs...)
	for _, v := range []value.Term{long, deep, wide, bigMap} {
		x, err := FromValue(h, v)
		require.NoError(t, err)
		assert.True(t, value.Equal(v, ToValue(h, x)))
	}
}

func TestFromValueEncoding(t *testing.T) {
	h := &Heap{}
	big100 := new(big.Int).Lsh(big.NewInt(1), 100)
	cases := []struct {
		v     value.Term
		check func(Term) bool
	}{
		{value.Int(MaxSmall), Term.IsSmall},
		{value.Int(MaxSmall + 1), func(x Term) bool { return IsBigInt(h, x) }},
		{value.Integer(big100), func(x Term) bool { return IsBigInt(h, x) }},
		{value.Binary(make([]byte, 64)), func(x Term) bool { return h.Kind(x) == KindHeapBin }},
		{value.Binary(make([]byte, 65)), func(x Term) bool { return h.Kind(x) == KindRefBin }},
		{value.Pid{Index: 5, Serial: 9}, func(x Term) bool { return x.IsPid() && x.PidIndex() == 5 && x.PidSerial() == 9 }},
		{value.Pid{Node: 1, Index: 5}, func(x Term) bool { return h.Kind(x) == KindExtPid }},
		{value.Ref{Node: 2, ID: 5}, func(x Term) bool { return IsRef(h, x) && h.Kind(x) == KindExtRef }},
		{value.Ref{ID: 5}, func(x Term) bool { return IsRef(h, x) && RefID(h, x) == 5 }},
		{value.List(nil), func(x Term) bool { return x == Nil }},
		{value.List{}, func(x Term) bool { return x == Nil }},
		{value.Atom("ok"), func(x Term) bool { return x == Ok }},
	}
	for _, c := range cases {
		x, err := FromValue(h, c.v)
		require.NoError(t, err, value.Format(c.v))
		assert.True(t, c.check(x), value.Format(c.v))
	}
}

func TestFromValueErrors(t *testing.T) {
	h := &Heap{}
	tooBig := new(big.Int).Lsh(big.NewInt(1), MaxBigBits)
	cases := []struct {
		name string
		v    value.Term
		want error
	}{
		{"nil", nil, ErrBadarg},
		{"inf", value.Float(math.Inf(1)), ErrBadarg},
		{"nan in a tuple", value.Tuple{value.Int(1), value.Float(math.NaN())}, ErrBadarg},
		{"short bitstring", value.Bitstring{Bytes: []byte{1}, Bits: 9}, ErrBadarg},
		{"pid index", value.Pid{Index: 1 << PidIndexBits}, ErrBadarg},
		{"map lengths", value.Map{Keys: []value.Term{value.Int(1)}}, ErrBadarg},
		{"bignum past the limit", value.Integer(tooBig), ErrSystemLimit},
		{"nil bigint", value.BigInt{}, ErrBadarg},
	}
	for _, c := range cases {
		x, err := FromValue(h, c.v)
		assert.ErrorIs(t, err, c.want, c.name)
		assert.Equal(t, NonValue, x, c.name)
	}
}

// TestFromValueAtomLimit fills the atom table and checks that a new atom, even deep inside a
// term, is system_limit while existing atoms still convert.
func TestFromValueAtomLimit(t *testing.T) {
	old := SetAtomLimit(AtomCount())
	defer SetAtomLimit(old)
	h := &Heap{}
	_, err := FromValue(h, value.List{value.Int(1), value.Tuple{value.Atom("never_seen_before_atom_xyz")}})
	assert.ErrorIs(t, err, ErrSystemLimit)
	_, err = FromValue(h, value.ExportFun{Module: "ok", Function: "never_seen_fn_xyz", Arity: 1})
	assert.ErrorIs(t, err, ErrSystemLimit)
	x, err := FromValue(h, value.Tuple{value.Atom("ok"), value.Atom("error")})
	require.NoError(t, err)
	assert.Equal(t, "{ok,error}", Format(h, x))
}

func TestPrint(t *testing.T) {
	h := &Heap{}
	cases := []struct {
		v    value.Term
		w, p string
	}{
		{value.Tuple{value.Atom("ok"), value.List{value.Int(1), value.Float(2.5)}}, "{ok,[1,2.5]}", "{ok,[1,2.5]}"},
		{value.String("abc"), "[97,98,99]", `"abc"`},
		{value.Binary("abc"), `<<97,98,99>>`, `<<"abc">>`},
		{value.Atom("with space"), "'with space'", "'with space'"},
		{value.NewMap(value.Atom("k"), value.Atom("v")), "#{k => v}", "#{k => v}"},
		{value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Int(2)}, "[1|2]", "[1|2]"},
		{value.Integer(new(big.Int).Lsh(big.NewInt(1), 100)), "1267650600228229401496703205376", "1267650600228229401496703205376"},
		{value.Bitstring{Bytes: []byte{0xA0}, Bits: 3}, "<<5:3>>", "<<5:3>>"},
	}
	for _, c := range cases {
		x, err := FromValue(h, c.v)
		require.NoError(t, err)
		assert.Equal(t, c.w, Format(h, x))
		assert.Equal(t, c.p, Print(h, x))
	}
}
