package term

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestHashEqualTerms checks that =:= terms hash equally in every form: built twice, copied to
// the old generation and to a literal area (hashed there from another, empty heap, as a
// process that received the term would).
func TestHashEqualTerms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := valuetest.Term().Draw(t, "v")
		s := &Heap{}
		x := mapTestFrom(t, s, v)
		want := Hash(s, x)
		again := mapTestFrom(t, s, v)
		old := mapTestRelocate(t, s, x, true)
		lit := mapTestRelocate(t, s, x, false)
		for _, y := range []Term{again, old} {
			if got := Hash(s, y); got != want {
				t.Fatalf("hash of %s: %x, of its copy in space %d: %x", value.Format(v), want, y.Space(), got)
			}
		}
		if got := Hash(&Heap{}, lit); got != want {
			t.Fatalf("hash of %s: %x, of its literal copy: %x", value.Format(v), want, got)
		}
	})
}

// TestHashBinaryForms: a heap binary, an off-heap binary, and sub binaries (byte-aligned or
// not) with the same bits are =:= and hash equally.
func TestHashBinaryForms(t *testing.T) {
	h := &Heap{}
	data := []byte("0123456789abcdef0123456789abcdef0123456789")
	for _, nbits := range []int{0, 5, 8, 13, 64, 65, 8 * len(data)} {
		nbytes := (nbits + 7) / 8
		want := MakeBitstring(h, data[:nbytes], nbits)
		// The same bits in an off-heap binary, and shifted by 3 bits inside a larger one.
		whole := MakeRefBinary(h, &Binary{Data: append([]byte(nil), data...)})
		shifted := make([]byte, len(data)+1)
		for i := range data {
			shifted[i] |= data[i] >> 3
			shifted[i+1] |= data[i] << 5
		}
		shiftedBin := MakeBinary(h, shifted)
		forms := map[string]Term{
			"sub aligned":   MakeSubBinary(h, whole, 0, nbits),
			"sub unaligned": MakeSubBinary(h, shiftedBin, 3, nbits),
			"heap in sub":   MakeSubBinary(h, MakeBinary(h, data[:min(len(data), 60)]), 0, min(nbits, 8*60)),
		}
		if nbits%8 == 0 {
			forms["refbin"] = MakeRefBinary(h, &Binary{Data: append([]byte(nil), data[:nbytes]...)})
			forms["heapbin"] = makeHeapBin(h, data[:nbytes], nbits)
		}
		for name, f := range forms {
			if name == "heap in sub" && nbits > 8*60 {
				continue
			}
			assert.True(t, Equal(h, want, f), "%d bits, %s", nbits, name)
			assert.Equal(t, 0, Compare(h, want, f), "%d bits, %s", nbits, name)
			assert.Equal(t, Hash(h, want), Hash(h, f), "%d bits, %s", nbits, name)
		}
	}
}

// TestHashMapForms: a flatmap and a trie of the same entries, and tries of the same entries
// with different shapes (built at once, or by puts and removes), are =:= and hash equally.
func TestHashMapForms(t *testing.T) {
	h := &Heap{}
	for _, n := range []int{1, 5, 32} {
		keys, vals := mapTestSmalls(n), mapTestSmalls(n)
		flat := NewMap(h, keys, vals)
		ents := hamtEntries(h, keys, vals)
		trie := hamtBuildLevel(h, ents, 0, true) // a trie of n <= 32 keys: a form NewMap never makes
		require.Equal(t, KindHashMapRoot, h.Kind(trie))
		assert.True(t, Equal(h, flat, trie), "%d entries", n)
		assert.True(t, Equal(h, trie, flat), "%d entries", n)
		assert.Equal(t, 0, Compare(h, flat, trie))
		assert.Equal(t, Hash(h, flat), Hash(h, trie), "%d entries", n)
		keys2, _ := MapSorted(h, trie)
		assert.Equal(t, keys, keys2)
	}
	bulk := NewMap(h, mapTestSmalls(1000), mapTestSmalls(1000))
	grown := NewMap(h, nil, nil)
	for i := 1999; i >= 0; i-- {
		grown = MapPut(h, grown, MakeSmall(int64(i)), MakeSmall(int64(i)))
	}
	for i := 1000; i < 2000; i++ {
		grown = MapRemove(h, grown, MakeSmall(int64(i)))
	}
	require.NoError(t, VerifyMap(h, grown))
	assert.True(t, Equal(h, bulk, grown))
	assert.Equal(t, 0, CompareExact(h, bulk, grown))
	assert.Equal(t, Hash(h, bulk), Hash(h, grown))
	other := MapPut(h, grown, MakeSmall(5), MakeSmall(6))
	assert.False(t, Equal(h, bulk, other))
	assert.NotEqual(t, Hash(h, bulk), Hash(h, other))
	assert.Equal(t, -1, Compare(h, bulk, other))
}

func TestHashFloatZero(t *testing.T) {
	h := &Heap{}
	pos, neg := MakeFloat(h, 0), MakeFloat(h, math.Copysign(0, -1))
	assert.True(t, Equal(h, pos, neg), "0.0 =:= -0.0 in OTP 25")
	assert.Equal(t, Hash(h, pos), Hash(h, neg))
	m := NewMap(h, []Term{pos, neg}, []Term{MakeSmall(1), MakeSmall(2)})
	assert.Equal(t, 1, MapSize(h, m))
}

// TestHashDistinguishes: terms that print alike or share words hash apart.
func TestHashDistinguishes(t *testing.T) {
	h := &Heap{}
	vs := []value.Term{
		value.Int(1), value.Float(1), value.Int(-1), value.Atom("a"), value.String("a"), value.Str("a"),
		value.Tuple{}, value.List{}, value.NewMap(), value.Binary{}, value.Tuple{value.Int(1)},
		value.List{value.Int(1)}, value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Int(2)},
		value.List{value.Int(1), value.Int(2)}, value.Tuple{value.Int(1), value.Int(2)},
		value.NewMap(value.Int(1), value.Int(2)), value.NewMap(value.Int(2), value.Int(1)),
		value.Ref{ID: 1}, value.Pid{Index: 1}, value.Port{ID: 1}, value.Ref{Node: 1, ID: 1},
		value.Bitstring{Bytes: []byte{0}, Bits: 1}, value.Binary{0},
		value.ExportFun{Module: "m", Function: "f"}, value.Fun{Module: "m"},
	}
	seen := map[uint64]string{}
	for _, v := range vs {
		x := mapTestFrom(t, h, v)
		hv := Hash(h, x)
		if prev, dup := seen[hv]; dup {
			t.Errorf("%s and %s hash alike", prev, value.Format(v))
		}
		seen[hv] = value.Format(v)
	}
}

// TestHashAvalanche flips each input bit of small integers, binaries and pairs and checks that
// every output bit flips about half the time (the trie takes its slots from all 64 bits).
func TestHashAvalanche(t *testing.T) {
	h := &Heap{}
	rng := rand.New(rand.NewPCG(1, 2))
	const samples = 2000
	check := func(name string, inBits int, hash func(x uint64) uint64) {
		var flips [64][64]int
		for range samples {
			x := rng.Uint64()
			base := hash(x)
			for i := range inBits {
				d := base ^ hash(x^1<<i)
				for o := range 64 {
					flips[i][o] += int(d >> o & 1)
				}
			}
		}
		worst := 0.0
		for i := range inBits {
			for o := range 64 {
				worst = max(worst, math.Abs(float64(flips[i][o])/samples-0.5))
			}
		}
		// 0.1 is 9 standard deviations at 2000 samples: a real bias, not bad luck.
		assert.Less(t, worst, 0.1, "%s: worst output bit flips %.3f away from half", name, worst)
	}
	check("small", 59, func(x uint64) uint64 { return Hash(h, MakeSmall(int64(x<<5)>>5)) })
	check("binary", 64, func(x uint64) uint64 { // and atoms, whose names hash the same way
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		return Hash(h, MakeBinary(h, b[:]))
	})
	check("pair", 30, func(x uint64) uint64 {
		return Hash(h, MakeTuple(h, MakeSmall(int64(x&(1<<15-1))), MakeSmall(int64(x>>15&(1<<15-1)))))
	})
}

// TestHashSlots checks that consecutive integers spread evenly over the 32 slots of each of
// the first trie levels.
func TestHashSlots(t *testing.T) {
	h := &Heap{}
	const n = 100_000
	for shift := uint(0); shift < hamtMaxShift; shift += 15 {
		var counts [32]int
		for i := range n {
			counts[hamtIndex(Hash(h, MakeSmall(int64(i))), shift)]++
		}
		for slot, c := range counts {
			// mean 3125, standard deviation about 55
			assert.InDelta(t, n/32, c, 400, "shift %d slot %d", shift, slot)
		}
	}
}

// TestHashStableAcrossRuns pins the hashes of an atom interned late (its table index depends
// on which tests ran before) and of an integer: a map's shape and iteration order must not
// depend on interning order, nor change between runs. Update the constants only when the
// hash function changes on purpose.
func TestHashStableAcrossRuns(t *testing.T) {
	h := &Heap{}
	assert.Equal(t, uint64(0x642db38d36abe0fd), Hash(h, MustIntern("hash_golden_probe")))
	assert.Equal(t, uint64(0x9ca453f64667a56d), Hash(h, MakeSmall(42)))
}

// TestHammerAtomHash hashes fresh atoms from many goroutines at once (each first use fills
// the cache) and checks that every goroutine saw the same hash. Run it with -race.
func TestHammerAtomHash(t *testing.T) {
	const goroutines = 8
	n := 5000
	if testing.Short() {
		n = 500
	}
	prefix := fmt.Sprintf("hammer_atom_%d_", rand.Uint64())
	results := make([][]uint64, goroutines)
	var start, done sync.WaitGroup
	start.Add(1)
	for g := range goroutines {
		done.Add(1)
		go func() {
			defer done.Done()
			h := &Heap{}
			start.Wait()
			out := make([]uint64, n)
			for i := range n {
				j := i
				if g%2 == 1 {
					j = n - 1 - i // half of them walk the other way
				}
				out[j] = Hash(h, MustIntern(prefix+strconv.Itoa(j)))
			}
			results[g] = out
		}()
	}
	start.Done()
	done.Wait()
	for g := 1; g < goroutines; g++ {
		require.Equal(t, results[0], results[g], "goroutine %d", g)
	}
	seen := map[uint64]bool{}
	for _, x := range results[0] {
		seen[x] = true
	}
	assert.Len(t, seen, n, "distinct atoms hash apart")
}

func BenchmarkHash(b *testing.B) {
	h := &Heap{}
	cases := map[string]Term{
		"small": MakeSmall(123456),
		"atom":  MustIntern("hello"),
		"tuple": MakeTuple(h, MustIntern("point"), MakeSmall(1), MakeSmall(2)),
		"bin32": MakeBinary(h, []byte("0123456789abcdef0123456789abcdef")),
	}
	for name, x := range cases {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				Hash(h, x)
			}
		})
	}
}
