package term

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestCompareTable checks one representative of each class in ascending term order, as the
// reference manual lists them: number < atom < reference < fun < port < pid < tuple < map <
// [] < list < bitstring.
func TestCompareTable(t *testing.T) {
	big70 := value.Integer(new(big.Int).Lsh(big.NewInt(1), 70))
	order := []value.Term{
		value.Integer(new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 70))), value.Int(-5),
		value.Float(1.5), value.Int(2), big70, value.Atom("a"), value.Atom("b"),
		value.Ref{ID: 1}, value.Ref{ID: 2}, value.Ref{Node: 1, ID: 0},
		value.Fun{Module: "m"}, value.Fun{Module: "m", Index: 1},
		value.ExportFun{Module: "m", Function: "f"}, value.Port{ID: 1},
		value.Pid{Index: 2}, value.Pid{Index: 1, Serial: 1}, value.Pid{Node: 1},
		value.Tuple{}, value.Tuple{value.Int(9)}, value.Tuple{value.Int(1), value.Int(1)},
		value.NewMap(), value.NewMap(value.Int(1), value.Int(1)),
		value.NewMap(value.Atom("a"), value.Int(1), value.Atom("b"), value.Int(1)),
		value.List{}, value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Int(2)},
		value.List{value.Int(1)}, value.List{value.Int(1), value.Int(2)}, value.List{value.Int(2)},
		value.Binary{}, value.Bitstring{Bytes: []byte{0x00}, Bits: 1}, value.Binary{0},
		value.Binary{1}, value.Bitstring{Bytes: []byte{0x80}, Bits: 1},
	}
	h := &Heap{}
	ts := make([]Term, len(order))
	for i, v := range order {
		ts[i] = mapTestFrom(t, h, v)
	}
	for i := range ts {
		for j := range ts {
			want := cmp.Compare(i, j)
			assert.Equal(t, want, Compare(h, ts[i], ts[j]), "%s vs %s", value.Format(order[i]), value.Format(order[j]))
			if _, isFloat := order[i].(value.Float); isFloat && j < 5 {
				continue // the exact order puts the float after every integer
			}
			if _, isFloat := order[j].(value.Float); isFloat && i < 5 {
				continue
			}
			assert.Equal(t, want, CompareExact(h, ts[i], ts[j]), "exact %s vs %s", value.Format(order[i]), value.Format(order[j]))
		}
	}
}

// TestCompareErlang checks pairs whose == order (Compare) and exact order (CompareExact, the
// order of map keys) were read off Erlang/OTP 25: A < B, A == B, and the first key of
// maps:keys(#{A => 1, B => 2}).
func TestCompareErlang(t *testing.T) {
	big70 := new(big.Int).Lsh(big.NewInt(1), 70)
	bigInt := func(x *big.Int) value.Term { return value.Integer(x) }
	add := func(x *big.Int, d int64) *big.Int { return new(big.Int).Add(x, big.NewInt(d)) }
	m := func(k, v value.Term) value.Term { return value.Map{Keys: []value.Term{k}, Values: []value.Term{v}} }
	a, b := value.Atom("a"), value.Atom("b")
	f64 := func(x *big.Int) value.Term { f, _ := new(big.Float).SetInt(x).Float64(); return value.Float(f) }
	cases := []struct {
		a, b      value.Term
		cmp, exct int
	}{
		{value.Int(1), value.Float(1), 0, -1},
		{value.Int(2), value.Float(1), 1, -1},
		{value.Float(1), value.Int(2), -1, 1},
		{m(value.Int(2), a), m(value.Float(1), a), -1, -1},
		{m(a, value.Int(2)), m(a, value.Float(1)), 1, -1},
		{m(value.Int(1), a), m(value.Float(1), a), -1, -1},
		{value.Tuple{value.Int(1)}, value.Tuple{value.Float(1)}, 0, -1},
		{value.Tuple{value.Int(2)}, value.Tuple{value.Float(1)}, 1, -1},
		{bigInt(big70), value.Float(1e21), 1, -1},
		{bigInt(big70), f64(big70), 0, -1},
		{bigInt(new(big.Int).Neg(big70)), value.Int(-5), -1, -1},
		{bigInt(big.NewInt(1 << 59)), value.Int(1<<59 - 1), 1, 1},
		{value.Float(0), value.Float(math.Copysign(0, -1)), 0, 0},
		{value.Bitstring{Bytes: []byte{0x80}, Bits: 1}, value.Bitstring{Bytes: []byte{0x40}, Bits: 2}, 1, 1},
		{value.Bitstring{Bytes: []byte{0x80}, Bits: 1}, value.Bitstring{Bytes: []byte{0xC0}, Bits: 2}, -1, -1},
		{value.Binary{128}, value.Bitstring{Bytes: []byte{0x80}, Bits: 1}, 1, 1},
		{value.List{value.Int(1), value.Int(2)}, value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Int(2)}, 1, 1},
		{m(value.Atom("z"), value.Int(1)), value.NewMap(a, value.Int(1), b, value.Int(1)), -1, -1},
		{value.Atom("zz"), value.Atom("aa"), 1, 1},
		{value.List{}, value.Tuple{}, 1, 1},
		{value.NewMap(), value.List{}, -1, -1},
		{value.Binary{}, value.List{value.Int(1)}, 1, 1},
		{value.Float(1.5), value.Int(2), -1, 1},
		{value.Float(-0.5), value.Int(-1), 1, 1},
		{bigInt(new(big.Int).Lsh(big.NewInt(1), 63)), value.Float(9.223372036854775807e18), 0, -1},
		{value.List{value.Float(1)}, value.List{value.Int(1)}, 0, 1},
		{value.String("abc"), value.String("abd"), -1, -1},
		{value.String("ab"), value.String("abc"), -1, -1},
		{value.Str("ab"), value.Str("abc"), -1, -1},
		{bigInt(big70), value.Float(1.5), 1, -1},
		{value.Tuple{value.Int(1), a}, value.Tuple{value.Int(1), b, value.Atom("c")}, -1, -1},
		{value.Tuple{value.Int(2)}, value.Tuple{value.Int(1), value.Int(1)}, -1, -1},
		{bigInt(new(big.Int).Neg(big70)), value.Float(-1e30), 1, -1},
		{bigInt(add(big70, 1)), f64(big70), 1, -1},
	}
	h := &Heap{}
	for _, c := range cases {
		x, y := mapTestFrom(t, h, c.a), mapTestFrom(t, h, c.b)
		name := value.Format(c.a) + " vs " + value.Format(c.b)
		assert.Equal(t, c.cmp, Compare(h, x, y), "== order: %s", name)
		assert.Equal(t, -c.cmp, Compare(h, y, x), "== order: %s, swapped", name)
		assert.Equal(t, c.exct, CompareExact(h, x, y), "exact order: %s", name)
		assert.Equal(t, -c.exct, CompareExact(h, y, x), "exact order: %s, swapped", name)
		assert.Equal(t, c.exct == 0, Equal(h, x, y), "=:= %s", name)
		assert.Equal(t, c.cmp == 0, EqualNumeric(h, x, y), "== %s", name)
		if c.exct == 0 {
			assert.Equal(t, Hash(h, x), Hash(h, y), "hash %s", name)
		}
	}
}

// comparePair draws two terms that are often equal or nearly so: independent ones almost
// always differ in their class or first element.
func comparePair(t *rapid.T) (value.Term, value.Term) {
	a := valuetest.Term().Draw(t, "a")
	switch rapid.IntRange(0, 3).Draw(t, "pair") {
	case 0:
		return a, valuetest.Term().Draw(t, "b")
	case 1:
		return a, a // built twice: equal, at different words
	case 2:
		// a with one element of its outer tuple or list replaced.
		switch x := a.(type) {
		case value.Tuple:
			if len(x) > 0 {
				y := slices.Clone(x)
				y[rapid.IntRange(0, len(y)-1).Draw(t, "i")] = valuetest.Term().Draw(t, "e")
				return a, y
			}
		case value.List:
			if len(x) > 0 {
				y := slices.Clone(x)
				y[rapid.IntRange(0, len(y)-1).Draw(t, "i")] = valuetest.Term().Draw(t, "e")
				return a, y
			}
		}
		return a, valuetest.Term().Draw(t, "b")
	default:
		return value.List{value.Int(1), a}, value.List{value.Int(1), valuetest.Term().Draw(t, "b")}
	}
}

// TestCompareAgreesWithValue checks Compare and CompareExact on heap terms against
// value.Compare and value.CompareExact on the same portable terms.
func TestCompareAgreesWithValue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := comparePair(t)
		h := &Heap{}
		x, y := mapTestFrom(t, h, a), mapTestFrom(t, h, b)
		c, ce := Compare(h, x, y), CompareExact(h, x, y)
		if want := value.Compare(a, b); c != want {
			t.Fatalf("Compare(%s, %s) = %d, value.Compare %d", value.Format(a), value.Format(b), c, want)
		}
		if want := value.CompareExact(a, b); ce != want {
			t.Fatalf("CompareExact(%s, %s) = %d, value %d", value.Format(a), value.Format(b), ce, want)
		}
		if Compare(h, y, x) != -c || CompareExact(h, y, x) != -ce {
			t.Fatalf("not antisymmetric")
		}
		if Equal(h, x, y) != (ce == 0) || EqualNumeric(h, x, y) != (c == 0) {
			t.Fatalf("Equal/EqualNumeric disagree with the orders")
		}
		if ce == 0 && c != 0 {
			t.Fatalf("=:= but not ==")
		}
		if ce == 0 && Hash(h, x) != Hash(h, y) {
			t.Fatalf("=:= terms %s with different hashes", value.Format(a))
		}
	})
}

// TestCompareSortConsistent sorts random terms and checks every pair of the result, which a
// comparison that is not a total order (not transitive, say) fails.
func TestCompareSortConsistent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOfN(valuetest.Term(), 2, 12).Draw(t, "terms")
		h := &Heap{}
		ts := make([]Term, len(vs))
		for i, v := range vs {
			ts[i] = mapTestFrom(t, h, v)
		}
		for _, cmpf := range []func(*Heap, Term, Term) int{Compare, CompareExact} {
			s := slices.Clone(ts)
			slices.SortStableFunc(s, func(a, b Term) int { return cmpf(h, a, b) })
			for i := range s {
				for j := i + 1; j < len(s); j++ {
					if cmpf(h, s[i], s[j]) > 0 {
						t.Fatalf("sorted %s before %s", Format(h, s[i]), Format(h, s[j]))
					}
				}
			}
		}
	})
}

// TestCompareLong compares a million-element list and a million-deep right-nested tuple
// chain: both iterate rather than recurse.
func TestCompareLong(t *testing.T) {
	h := &Heap{}
	const n = 1_000_000
	elems := make([]Term, n)
	for i := range elems {
		elems[i] = MakeSmall(int64(i))
	}
	l1 := ListFromSlice(h, elems, Nil)
	l2 := ListFromSlice(h, elems, Nil)
	elems[n-1] = MakeSmall(n)
	l3 := ListFromSlice(h, elems, Nil)
	assert.Equal(t, 0, Compare(h, l1, l2))
	assert.True(t, Equal(h, l1, l2))
	assert.Equal(t, -1, Compare(h, l1, l3))
	assert.Equal(t, 1, CompareExact(h, l3, l1))
	assert.False(t, Equal(h, l1, l3))
	assert.Equal(t, Hash(h, l1), Hash(h, l2))
	assert.NotEqual(t, Hash(h, l1), Hash(h, l3))

	chain := func(last int64) Term {
		x := MakeSmall(last)
		for range n {
			x = MakeTuple(h, Nil, x)
		}
		return x
	}
	c1, c2, c3 := chain(0), chain(0), chain(1)
	assert.Equal(t, 0, Compare(h, c1, c2))
	assert.True(t, Equal(h, c1, c2))
	assert.Equal(t, -1, Compare(h, c1, c3))
	assert.Equal(t, Hash(h, c1), Hash(h, c2))
}

// TestCompareForms checks that where a term lives (young, old, a literal area) and how a
// bitstring or map is stored never changes comparison or equality.
func TestCompareForms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := valuetest.Term().Draw(t, "v")
		s := &Heap{}
		x := mapTestFrom(t, s, v)
		lit := mapTestRelocate(t, s, x, false)
		old := mapTestRelocate(t, s, x, true)
		for _, y := range []Term{lit, old} {
			if Compare(s, x, y) != 0 || CompareExact(s, y, x) != 0 || !Equal(s, x, y) || !Equal(s, y, x) {
				t.Fatalf("%s differs from its copy in space %d", value.Format(v), y.Space())
			}
		}
	})
}

func BenchmarkCompareLongList(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			h := &Heap{}
			elems := make([]Term, n)
			for i := range elems {
				elems[i] = MakeSmall(int64(i))
			}
			l1 := ListFromSlice(h, elems, Nil)
			elems[n-1] = MakeSmall(-1)
			l2 := ListFromSlice(h, elems, Nil)
			b.ResetTimer()
			for range b.N {
				if Compare(h, l1, l2) != 1 {
					b.Fatal("wrong order")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
		})
	}
}

// BenchmarkCompareSort sorts 10,000 tuples {atom, integer} with Compare: the inner loop of
// lists:sort on records.
func BenchmarkCompareSort(b *testing.B) {
	h := &Heap{}
	names := []Term{MustIntern("alpha"), MustIntern("beta"), MustIntern("gamma"), MustIntern("delta")}
	src := make([]Term, 10_000)
	for i := range src {
		src[i] = MakeTuple(h, names[i*7%4], MakeSmall(int64(i*7919%10_000)))
	}
	s := make([]Term, len(src))
	b.ResetTimer()
	for range b.N {
		copy(s, src)
		slices.SortFunc(s, func(x, y Term) int { return Compare(h, x, y) })
	}
	require.True(b, slices.IsSortedFunc(s, func(x, y Term) int { return Compare(h, x, y) }))
}
