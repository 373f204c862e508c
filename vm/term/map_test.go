package term

import (
	"fmt"
	"maps"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestMapBasics(t *testing.T) {
	h := &Heap{}
	a, b := MustIntern("a"), MustIntern("b")
	one, oneF := MakeSmall(1), MakeFloat(h, 1.0)

	m := NewMap(h, []Term{b, a, one, oneF, a}, []Term{MakeSmall(2), MakeSmall(1), MakeSmall(10), MakeSmall(11), MakeSmall(3)})
	require.NoError(t, VerifyMap(h, m))
	assert.Equal(t, 4, MapSize(h, m), "a appears twice; 1 and 1.0 are different keys")
	keys, vals := MapSorted(h, m)
	assert.Equal(t, "[1,1.0,a,b]", Format(h, ListFromSlice(h, keys, Nil)), "integers before floats before atoms")
	assert.Equal(t, "[10,11,3,2]", Format(h, ListFromSlice(h, vals, Nil)), "the last duplicate wins")

	v, ok := MapGet(h, m, oneF)
	require.True(t, ok)
	assert.Equal(t, MakeSmall(11), v)
	_, ok = MapGet(h, m, MakeFloat(h, 2.0))
	assert.False(t, ok)

	// An update of an existing key shares the keys tuple.
	m2 := MapPut(h, m, a, MakeSmall(7))
	assert.Equal(t, h.Words(m)[1], h.Words(m2)[1])
	assert.Equal(t, m, MapPut(h, m, a, MakeSmall(3)), "a put of the same value returns the map itself")
	v, _ = MapGet(h, m, a)
	assert.Equal(t, MakeSmall(3), v, "m is unchanged")

	_, ok = MapUpdate(h, m, MustIntern("c"), Nil)
	assert.False(t, ok)
	m3, ok := MapUpdate(h, m, b, Nil)
	require.True(t, ok)
	assert.Equal(t, "#{1 => 10,1.0 => 11,a => 3,b => []}", Format(h, m3))

	m4 := MapRemove(h, m3, one)
	assert.Equal(t, "#{1.0 => 11,a => 3,b => []}", Format(h, m4))
	assert.Equal(t, m4, MapRemove(h, m4, one))
	empty := NewMap(h, nil, nil)
	assert.Equal(t, 0, MapSize(h, empty))
	assert.Equal(t, "#{}", Format(h, MapRemove(h, NewMap(h, []Term{a}, []Term{a}), a)))

	assert.True(t, IsMap(h, m))
	assert.False(t, IsMap(h, MakeTuple(h)))
	assert.False(t, IsMap(h, a))
}

// TestMapWithKeys builds maps on a literal keys tuple, as map expressions with constant keys
// do, and checks they share it.
func TestMapWithKeys(t *testing.T) {
	s := &Heap{}
	keys := mapTestFrom(t, s, value.Tuple{value.Int(1), value.Float(0.5), value.Atom("a"), value.Tuple{}})
	lit := mapTestRelocate(t, s, keys, false)
	h := &Heap{}
	m := MapWithKeys(h, lit, []Term{MakeSmall(1), MakeSmall(2), MakeSmall(3), MakeSmall(4)})
	require.NoError(t, VerifyMap(h, m))
	assert.Equal(t, "#{1 => 1,0.5 => 2,a => 3,{} => 4}", Format(h, m))
	assert.Equal(t, uint64(lit), h.Words(m)[1])
	v, ok := MapGet(h, m, MakeTuple(h))
	require.True(t, ok)
	assert.Equal(t, MakeSmall(4), v)
	m2 := MapPut(h, m, MustIntern("a"), Nil)
	assert.Equal(t, uint64(lit), h.Words(m2)[1], "an update keeps sharing the literal keys")
	assert.Panics(t, func() { MapWithKeys(h, lit, []Term{Nil}) })
}

// TestMapBoundary grows a map one key at a time past 32 and back: each size has one form.
func TestMapBoundary(t *testing.T) {
	h := &Heap{}
	m := NewMap(h, nil, nil)
	var maps []Term
	for i := range 100 {
		m = MapPut(h, m, MakeSmall(int64(i)), MakeSmall(int64(-i)))
		require.NoError(t, VerifyMap(h, m), "size %d", i+1)
		wantKind := KindFlatMap
		if i+1 > MaxFlatMapSize {
			wantKind = KindHashMapRoot
		}
		require.Equal(t, wantKind, h.Kind(m), "size %d", i+1)
		maps = append(maps, m)
	}
	for i := 99; i >= 0; i-- {
		m = MapRemove(h, m, MakeSmall(int64(i)))
		require.NoError(t, VerifyMap(h, m), "size %d", i)
		require.Equal(t, i, MapSize(h, m))
		if i > 0 {
			require.True(t, Equal(h, m, maps[i-1]), "removing %d gives the map before its put", i)
		}
	}
	// Older versions are untouched by later puts and removes.
	for i, old := range maps {
		require.Equal(t, i+1, MapSize(h, old))
		v, ok := MapGet(h, old, MakeSmall(int64(i)))
		require.True(t, ok)
		require.Equal(t, MakeSmall(int64(-i)), v)
	}
}

// mapModelKey draws keys that collide often (few distinct values), mixing immediates, boxed
// keys and integer/float twins (1 and 1.0 are different keys).
func mapModelKey(space int) *rapid.Generator[value.Term] {
	return rapid.Custom(func(t *rapid.T) value.Term {
		return mapModelKeyOf(rapid.IntRange(0, space).Draw(t, "k"), rapid.IntRange(0, 7).Draw(t, "kkind"))
	})
}

func mapModelKeyOf(i, kind int) value.Term {
	switch kind {
	case 0, 1, 2:
		return value.Int(i)
	case 3:
		return value.Float(float64(i))
	case 4:
		return value.Atom(fmt.Sprintf("k%d", i%50))
	case 5:
		return value.Tuple{value.Int(i % 10), value.Str(fmt.Sprint(i))}
	case 6:
		return value.Integer(new(big.Int).Lsh(big.NewInt(int64(i)+1), 70))
	default:
		return value.String(fmt.Sprintf("s%d", i))
	}
}

type mapModelEntry struct {
	key value.Term
	val int64
}

// mapModelName is the model's key: ~w text tells 1 from 1.0 and maps =:= terms to one string
// (the generator makes no -0.0).
func mapModelName(k value.Term) string { return value.Format(k) }

// weak trie hashes that force deep paths and full collisions.
var mapWeakHashes = map[string]func(*Heap, Term) uint64{
	"full":    Hash,
	"12 bits": func(h *Heap, t Term) uint64 { return Hash(h, t) & 0xFFF },
	"split":   func(h *Heap, t Term) uint64 { return Hash(h, t) & 0xF00000000000000F },
	"3 bits":  func(h *Heap, t Term) uint64 { return Hash(h, t) & 0x7 << 61 },
}

// TestMapModel runs random puts, updates, removes and merges against a Go map, across the
// 32-key boundary and up to a few thousand keys, with the real hash and with weak ones that
// make deep tries and collision buckets. After each step size, lookups and the sorted entries
// agree with the model and the structure is valid; earlier versions never change.
func TestMapModel(t *testing.T) {
	// Weak hashes make deep paths and long buckets, so every operation costs more (with 3
	// bits, buckets hold an eighth of the keys and operations are linear): smaller maps.
	spaces := map[string][]int{"full": {40, 300, 3000}, "12 bits": {40, 300, 1000},
		"split": {40, 300, 1000}, "3 bits": {40, 300}}
	for _, name := range []string{"full", "12 bits", "split", "3 bits"} {
		t.Run(name, func(t *testing.T) {
			withMapHash(mapWeakHashes[name], func() {
				rapid.Check(t, func(t *rapid.T) { mapModelProperty(t, spaces[name]) })
			})
		})
	}
}

func mapModelProperty(t *rapid.T, spaces []int) {
	h := &Heap{}
	space := rapid.SampledFrom(spaces).Draw(t, "space")
	keyGen := mapModelKey(space)
	m := NewMap(h, nil, nil)
	model := map[string]mapModelEntry{}
	type version struct {
		m     Term
		model map[string]mapModelEntry
	}
	var versions []version
	build := func(v value.Term) Term { return mapTestFrom(t, h, v) }

	check := func(full bool) {
		if err := VerifyMap(h, m); err != nil {
			t.Fatalf("invariant: %v", err)
		}
		if MapSize(h, m) != len(model) {
			t.Fatalf("size %d, model %d", MapSize(h, m), len(model))
		}
		if !full {
			return
		}
		keys, vals := MapSorted(h, m)
		for i, k := range keys {
			e, ok := model[mapModelName(ToValue(h, k))]
			if !ok || Term(vals[i]) != MakeSmall(e.val) {
				t.Fatalf("entry %s => %s not in the model", Format(h, k), Format(h, vals[i]))
			}
			if i > 0 && CompareExact(h, keys[i-1], k) >= 0 {
				t.Fatalf("MapSorted out of order at %d", i)
			}
		}
		n := 0
		MapRange(h, m, func(k, v Term) bool { n++; return true })
		if n != len(model) {
			t.Fatalf("MapRange visited %d of %d", n, len(model))
		}
	}

	t.Repeat(map[string]func(*rapid.T){
		"put": func(t *rapid.T) {
			k, v := keyGen.Draw(t, "key"), rapid.Int64Range(-5, 5).Draw(t, "val")
			m = MapPut(h, m, build(k), MakeSmall(v))
			model[mapModelName(k)] = mapModelEntry{k, v}
			check(false)
		},
		"update": func(t *rapid.T) {
			k, v := keyGen.Draw(t, "key"), rapid.Int64Range(-5, 5).Draw(t, "val")
			nm, ok := MapUpdate(h, m, build(k), MakeSmall(v))
			_, want := model[mapModelName(k)]
			if ok != want {
				t.Fatalf("MapUpdate found %v, model %v", ok, want)
			}
			if ok {
				model[mapModelName(k)] = mapModelEntry{k, v}
			} else if nm != m {
				t.Fatalf("a failed MapUpdate changed the map")
			}
			m = nm
			check(false)
		},
		"remove": func(t *rapid.T) {
			k := keyGen.Draw(t, "key")
			m = MapRemove(h, m, build(k))
			delete(model, mapModelName(k))
			check(false)
		},
		"get": func(t *rapid.T) {
			k := keyGen.Draw(t, "key")
			v, ok := MapGet(h, m, build(k))
			e, want := model[mapModelName(k)]
			if ok != want || (ok && v != MakeSmall(e.val)) {
				t.Fatalf("MapGet(%s) = %s %v, model %v %v", value.Format(k), Format(h, v), ok, e.val, want)
			}
		},
		"grow": func(t *rapid.T) {
			// Many keys at once: from NewMap (bulk build) or a merge.
			n := rapid.IntRange(1, 2*space).Draw(t, "n")
			rng := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 0))
			var ks, vs []Term
			add := map[string]mapModelEntry{}
			for range n {
				k, v := mapModelKeyOf(rng.IntN(space+1), rng.IntN(8)), rng.Int64N(11)-5
				ks, vs = append(ks, build(k)), append(vs, MakeSmall(v))
				add[mapModelName(k)] = mapModelEntry{k, v}
			}
			other := NewMap(h, ks, vs)
			if err := VerifyMap(h, other); err != nil {
				t.Fatalf("NewMap: %v", err)
			}
			if MapSize(h, other) != len(add) {
				t.Fatalf("NewMap of %d distinct keys has %d", len(add), MapSize(h, other))
			}
			if rapid.Bool().Draw(t, "mergeFirst") {
				m = MapMerge(h, other, m)
				for k, e := range add {
					if _, ok := model[k]; !ok {
						model[k] = e
					}
				}
			} else {
				m = MapMerge(h, m, other)
				for k, e := range add {
					model[k] = e
				}
			}
			check(true)
		},
		"shrink": func(t *rapid.T) {
			// Remove most keys, in random order, down to a few.
			keep := rapid.IntRange(0, 40).Draw(t, "keep")
			for name, e := range model {
				if len(model) <= keep {
					break
				}
				m = MapRemove(h, m, build(e.key))
				delete(model, name)
				if len(model) > 100 && len(model)%97 != 0 {
					continue // a full check per removal would make this quadratic
				}
				if err := VerifyMap(h, m); err != nil {
					t.Fatalf("after removing %s: %v", name, err)
				}
			}
			check(true)
		},
		"": func(t *rapid.T) { check(false) },
		"verify": func(t *rapid.T) {
			check(true)
			if rapid.IntRange(0, 3).Draw(t, "snap") == 0 {
				versions = append(versions, version{m, maps.Clone(model)})
				if len(versions) > 3 {
					versions = versions[1:]
				}
			}
			for _, ver := range versions {
				if MapSize(h, ver.m) != len(ver.model) {
					t.Fatalf("an old version changed size")
				}
				for _, e := range ver.model {
					if v, ok := MapGet(h, ver.m, build(e.key)); !ok || v != MakeSmall(e.val) {
						t.Fatalf("an old version lost %s", value.Format(e.key))
					}
				}
			}
		},
	})
}

// TestMapCollisions fills tries whose keys share all their hash bits in a few groups, so
// that most entries sit in collision buckets, then empties them one key at a time.
func TestMapCollisions(t *testing.T) {
	withMapHash(mapWeakHashes["3 bits"], func() {
		h := &Heap{}
		m := NewMap(h, nil, nil)
		const n = 300
		for i := range n {
			m = MapPut(h, m, MakeSmall(int64(i)), MakeSmall(int64(i)))
			require.NoError(t, VerifyMap(h, m))
		}
		assert.Greater(t, mapBuckets(h, m), 0, "no collision bucket was made")
		bulk := NewMap(h, mapTestSmalls(n), mapTestSmalls(n))
		require.NoError(t, VerifyMap(h, bulk))
		require.True(t, Equal(h, m, bulk))
		for i := range n {
			v, ok := MapGet(h, m, MakeSmall(int64(i)))
			require.True(t, ok)
			require.Equal(t, MakeSmall(int64(i)), v)
			m = MapRemove(h, m, MakeSmall(int64(i)))
			require.NoError(t, VerifyMap(h, m))
			_, ok = MapGet(h, m, MakeSmall(int64(i)))
			require.False(t, ok)
		}
		require.Equal(t, 0, MapSize(h, m))
	})
}

func mapTestSmalls(n int) []Term {
	ts := make([]Term, n)
	for i := range ts {
		ts[i] = MakeSmall(int64(i))
	}
	return ts
}

// mapBuckets counts the collision buckets in trie m.
func mapBuckets(h *Heap, m Term) int {
	var count func(w []uint64) int
	count = func(w []uint64) int {
		n := 0
		for _, x := range w[kidsStart(w) : 1+HeaderSize(w[0])] {
			if c := Term(x); c.IsBoxed() {
				cw := h.Words(c)
				if HeaderKind(cw[0]) == KindHashMapColl {
					n++
				} else {
					n += count(cw)
				}
			}
		}
		return n
	}
	if h.Kind(m) != KindHashMapRoot {
		return 0
	}
	return count(h.Words(m))
}

// TestMapMillion builds a trie of a million keys, reads every key back, and puts and removes
// around it.
func TestMapMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("a million keys")
	}
	const n = 1_000_000
	h := &Heap{}
	keys, vals := make([]Term, n), make([]Term, n)
	for i := range n {
		keys[i], vals[i] = MakeSmall(int64(i)), MakeSmall(int64(2*i))
	}
	m := NewMap(h, keys, vals)
	require.Equal(t, n, MapSize(h, m))
	require.NoError(t, VerifyMap(h, m))
	for i := range n {
		v, ok := MapGet(h, m, MakeSmall(int64(i)))
		if !ok || v != MakeSmall(int64(2*i)) {
			t.Fatalf("key %d: %v %v", i, v, ok)
		}
	}
	_, ok := MapGet(h, m, MakeSmall(n))
	require.False(t, ok)
	m2 := MapPut(h, m, MakeSmall(n), Nil)
	require.Equal(t, n+1, MapSize(h, m2))
	m3 := MapRemove(h, m2, MakeSmall(0))
	require.Equal(t, n, MapSize(h, m3))
	_, ok = MapGet(h, m3, MakeSmall(0))
	require.False(t, ok)
	v, _ := MapGet(h, m, MakeSmall(0))
	require.Equal(t, MakeSmall(0), v, "the original is unchanged")
	require.NoError(t, VerifyMap(h, m3))
	sk, _ := MapSorted(h, m)
	require.True(t, slices.IsSortedFunc(sk, func(a, b Term) int { return CompareExact(h, a, b) }))
}

// TestMapLiteral reads and updates a map that lives in a literal area (and one in the old
// generation): the trie's slots do not depend on where it lives.
func TestMapLiteral(t *testing.T) {
	for _, n := range []int{5, 100} {
		s := &Heap{}
		keys, vals := make([]Term, n), make([]Term, n)
		for i := range n {
			keys[i] = mapTestFrom(t, s, value.Tuple{value.Int(i), value.Str("key")})
			vals[i] = MakeSmall(int64(i))
		}
		m := NewMap(s, keys, vals)
		for _, old := range []bool{false, true} {
			lm := mapTestRelocate(t, s, m, old)
			require.NoError(t, VerifyMap(s, lm))
			require.True(t, Equal(s, m, lm))
			require.Equal(t, Hash(s, m), Hash(s, lm))
			for i := range n {
				k := mapTestFrom(t, s, value.Tuple{value.Int(i), value.Str("key")})
				v, ok := MapGet(s, lm, k)
				require.True(t, ok, "key %d of %d", i, n)
				require.Equal(t, MakeSmall(int64(i)), v)
				lm2 := MapPut(s, lm, k, Nil)
				require.NoError(t, VerifyMap(s, lm2))
				v, _ = MapGet(s, lm2, k)
				require.Equal(t, Nil, v)
			}
		}
	}
}

func benchMap(n int) (*Heap, Term) {
	h := &Heap{}
	keys, vals := make([]Term, n), make([]Term, n)
	for i := range n {
		keys[i], vals[i] = MakeSmall(int64(i)*7919), MakeSmall(int64(i))
	}
	return h, NewMap(h, keys, vals)
}

var benchSizes = []int{10, 1_000, 1_000_000}

func BenchmarkMapGet(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			h, m := benchMap(n)
			b.ResetTimer()
			for i := range b.N {
				if _, ok := MapGet(h, m, MakeSmall(int64(i%n)*7919)); !ok {
					b.Fatal("missing key")
				}
			}
		})
	}
}

// BenchmarkMapGetBoxed looks up binary keys (hashed and compared byte-wise).
func BenchmarkMapGetBoxed(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			h := &Heap{}
			keys, vals := make([]Term, n), make([]Term, n)
			for i := range n {
				keys[i], vals[i] = MakeBinary(h, fmt.Appendf(nil, "key-%d", i)), MakeSmall(int64(i))
			}
			m := NewMap(h, keys, vals)
			probe := make([]Term, n)
			for i := range n {
				probe[i] = MakeBinary(h, fmt.Appendf(nil, "key-%d", i))
			}
			b.ResetTimer()
			for i := range b.N {
				if _, ok := MapGet(h, m, probe[i%n]); !ok {
					b.Fatal("missing key")
				}
			}
		})
	}
}

// BenchmarkMapPut puts a new key (mode "insert") or a new value for an existing key ("update")
// into a map of n keys. The heap is cut back to the base map every iteration, so each put
// starts from the same map and the heap does not grow.
func BenchmarkMapPut(b *testing.B) {
	for _, mode := range []string{"insert", "update"} {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/%d", mode, n), func(b *testing.B) {
				h, m := benchMap(n)
				mark := len(h.Young)
				b.ResetTimer()
				for i := range b.N {
					k := MakeSmall(int64(i%n)*7919 + 1) // not a key of m
					if mode == "update" {
						k = MakeSmall(int64(i%n) * 7919)
					}
					MapPut(h, m, k, Nil)
					h.Young = h.Young[:mark]
				}
			})
		}
	}
}

// FuzzMapOps reads its input as operations (put, update, remove, get; three bytes each: op,
// key, value) on one map and checks every result against a Go map. Keys come from a space of
// 256 (integers, their float twins, atoms, tuples), so maps cross the 32-key boundary.
func FuzzMapOps(f *testing.F) {
	var grow []byte
	for i := range 60 {
		grow = append(grow, 0, byte(i*5), byte(i))
	}
	for i := range 60 {
		grow = append(grow, 2, byte(i*5), 0)
	}
	f.Add(grow)
	f.Add([]byte{0, 1, 1, 0, 129, 2, 3, 1, 0, 3, 129, 0, 1, 1, 9, 2, 1, 0})
	f.Fuzz(func(t *testing.T, ops []byte) {
		h := &Heap{}
		m := NewMap(h, nil, nil)
		model := map[string]int64{}
		keyOf := func(b byte) (Term, string) {
			var v value.Term
			switch b >> 6 {
			case 0:
				v = value.Int(b & 63)
			case 1:
				v = value.Atom(fmt.Sprintf("a%d", b&63))
			case 2:
				v = value.Float(b & 63)
			default:
				v = value.Tuple{value.Int(b & 7), value.Str(fmt.Sprint(b & 63))}
			}
			return mapTestFrom(t, h, v), value.Format(v)
		}
		for len(ops) >= 3 {
			op, kb, vb := ops[0]%4, ops[1], int64(ops[2])
			ops = ops[3:]
			k, name := keyOf(kb)
			_, had := model[name]
			switch op {
			case 0:
				m = MapPut(h, m, k, MakeSmall(vb))
				model[name] = vb
			case 1:
				var ok bool
				m, ok = MapUpdate(h, m, k, MakeSmall(vb))
				require.Equal(t, had, ok, "MapUpdate of %s", name)
				if ok {
					model[name] = vb
				}
			case 2:
				m = MapRemove(h, m, k)
				delete(model, name)
			}
			v, ok := MapGet(h, m, k)
			want, has := model[name]
			require.Equal(t, has, ok, "MapGet of %s after op %d", name, op)
			if ok {
				require.Equal(t, MakeSmall(want), v)
			}
			require.Equal(t, len(model), MapSize(h, m))
		}
		require.NoError(t, VerifyMap(h, m))
		keys, _ := MapSorted(h, m)
		require.Len(t, keys, len(model))
	})
}
