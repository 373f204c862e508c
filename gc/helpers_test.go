package gc

import (
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/beamlite/beamlite/vm/term"
	"pgregory.net/rapid"
)

// This file holds the test-side term builders: random term graphs of every kind, written
// with term's constructors where they exist and by hand (the word layout of tag.go) for the
// kinds that have none yet (maps, external identifiers), plus shape, the structural walker
// that the properties compare heaps with.

// literal returns a tuple {1, [2, 3], 4.5} in a literal area, built once.
var literal = sync.OnceValue(func() term.Term {
	var root term.Term
	_, err := term.NewLiteralArea(func(id int) ([]uint64, []*term.Binary) {
		lit := func(off uint64) uint64 { return term.MakeLiteralAddr(id, off) }
		ws := []uint64{
			term.MakeHeader(term.KindTuple, 3), uint64(term.MakeSmall(1)),
			uint64(term.MakeList(term.SpaceLiteral, lit(6))), uint64(term.MakeBoxed(term.SpaceLiteral, lit(10))),
			0, 0, // padding, never referenced
			uint64(term.MakeSmall(2)), uint64(term.MakeList(term.SpaceLiteral, lit(8))),
			uint64(term.MakeSmall(3)), uint64(term.Nil),
			term.MakeHeader(term.KindFloat, 1), term.FloatBits(4.5),
		}
		ws[4] = term.MakeHeader(term.KindTuple, 1) // keep padding a well-formed object
		ws[5] = uint64(term.Nil)
		root = term.MakeBoxed(term.SpaceLiteral, lit(0))
		return ws, nil
	})
	if err != nil {
		panic(err)
	}
	return root
})

// box allocates a boxed object of kind k with the given payload words.
func box(h *term.Heap, k term.Kind, payload ...uint64) term.Term {
	off, w := h.Alloc(1 + len(payload))
	w[0] = term.MakeHeader(k, len(payload))
	copy(w[1:], payload)
	return term.MakeBoxed(term.SpaceYoung, off)
}

func words(ts ...term.Term) []uint64 {
	ws := make([]uint64, len(ts))
	for i, t := range ts {
		ws[i] = uint64(t)
	}
	return ws
}

// gen draws random term graphs into a heap. pool holds terms valid in the heap right now
// (roots, and terms built since the last collection): new terms share them.
type gen struct {
	t    *rapid.T
	h    *term.Heap
	pool []term.Term
}

func (g *gen) draw(label string, lo, hi int) int { return rapid.IntRange(lo, hi).Draw(g.t, label) }

func (g *gen) term(depth int) term.Term {
	if len(g.pool) > 0 && g.draw("reuse", 0, 4) == 0 { // one term in five is shared
		return g.pool[g.draw("share", 0, len(g.pool)-1)]
	}
	k := g.draw("kind", 0, 26)
	if depth <= 0 && k >= 13 {
		k %= 13
	}
	t := g.build(k, depth)
	g.pool = append(g.pool, t)
	return t
}

func (g *gen) build(k, depth int) term.Term {
	h := g.h
	switch k {
	case 0:
		return term.MakeSmall(int64(g.draw("int", -1000, 1000)))
	case 1:
		return term.MakeAtom(uint32(g.draw("atom", 0, 20)))
	case 2:
		return term.Nil
	case 3:
		return term.MakePid(uint32(g.draw("pid", 0, 100)), 1)
	case 4:
		return term.MakeFloat(h, float64(g.draw("float", -1e6, 1e6))/7)
	case 5:
		x := new(big.Int).Lsh(big.NewInt(int64(g.draw("big", 1, 1000))), uint(g.draw("shift", 60, 300)))
		if g.draw("neg", 0, 1) == 1 {
			x.Neg(x)
		}
		return term.MakeBigInt(h, x)
	case 6:
		return term.MakeBinary(h, []byte(strings.Repeat("b", g.draw("hbin", 0, term.MaxHeapBinary))))
	case 7:
		return term.MakeBinary(h, []byte(strings.Repeat("B", g.draw("obin", term.MaxHeapBinary+1, 300))))
	case 8:
		bin := term.MakeBinary(h, []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefXYZ"))
		return term.MakeSubBinary(h, bin, 8, 16)
	case 9:
		return term.MakeRef(h, uint64(g.draw("ref", 0, 1<<20)))
	case 10:
		return term.MakeExportFun(h, term.Ok, term.Error, g.draw("arity", 0, 5))
	case 11:
		return literal()
	case 12:
		if len(g.pool) > 0 {
			return g.pool[g.draw("share", 0, len(g.pool)-1)]
		}
		return term.Nil
	case 13, 14:
		elems := make([]term.Term, g.draw("arity", 0, 6))
		for i := range elems {
			elems[i] = g.term(depth - 1)
		}
		return term.MakeTuple(h, elems...)
	case 15, 16:
		elems := make([]term.Term, g.draw("len", 1, 8))
		for i := range elems {
			elems[i] = g.term(depth - 1)
		}
		tail := term.Nil
		if g.draw("improper", 0, 3) == 0 {
			tail = g.term(depth - 1)
		}
		if g.draw("onecell", 0, 1) == 0 {
			return term.ListFromSlice(h, elems, tail)
		}
		for i := len(elems) - 1; i >= 0; i-- {
			tail = term.Cons(h, elems[i], tail)
		}
		return tail
	case 17:
		n := g.draw("longlen", 100, 3000)
		l := term.Nil
		for i := range n {
			l = term.Cons(h, term.MakeSmall(int64(i)), l)
		}
		return l
	case 18:
		env := make([]term.Term, g.draw("env", 0, 3))
		for i := range env {
			env[i] = g.term(depth - 1)
		}
		return term.MakeFun(h, term.Ok, g.draw("index", 0, 9), 1, 7, env...)
	case 19:
		n := g.draw("mapsize", 0, 4)
		keys, vals := make([]term.Term, n), make([]term.Term, n)
		for i := range keys {
			keys[i], vals[i] = term.MakeSmall(int64(i)), g.term(depth-1)
		}
		kt := term.MakeTuple(h, keys...)
		return box(h, term.KindFlatMap, append([]uint64{uint64(kt)}, words(vals...)...)...)
	case 20:
		// A hash map: root -> node -> collision bucket and leaf pairs (cons cells).
		coll := box(h, term.KindHashMapColl, words(term.MakeSmall(1), g.term(depth-1), term.MakeSmall(2), g.term(depth-1))...)
		leaf := term.Cons(h, term.MakeSmall(3), g.term(depth-1))
		node := box(h, term.KindHashMapNode, 0b101, uint64(coll), uint64(leaf))
		return box(h, term.KindHashMapRoot, 0b11, 3, uint64(node), uint64(term.Cons(h, term.MakeSmall(4), term.Nil)))
	case 21:
		t := term.MakeSmall(0)
		for range g.draw("deep", 20, 200) {
			t = term.MakeTuple(h, t)
		}
		return t
	case 22:
		// A second RefBin object for an off-heap binary some RefBin already indexes.
		for _, p := range g.pool {
			if p.IsBoxed() && p.Space() != term.SpaceLiteral && h.Kind(p) == term.KindRefBin {
				return box(h, term.KindRefBin, h.Words(p)[1])
			}
		}
		return term.MakeBinary(h, make([]byte, 100))
	case 23:
		return box(h, term.KindExtPid, 1, 2, 3)
	case 25, 26:
		// A real map from term's constructors: flat up to 32 keys, a HAMT above; then one
		// MapPut, whose result shares structure with the first map.
		n := g.draw("mapkeys", 0, 80)
		keys, vals := make([]term.Term, n), make([]term.Term, n)
		for i := range keys {
			keys[i], vals[i] = term.MakeSmall(int64(i*7)), term.MakeSmall(int64(i))
			if i%9 == 0 {
				vals[i] = g.term(depth - 1)
			}
		}
		m := term.NewMap(h, keys, vals)
		g.pool = append(g.pool, m)
		return term.MapPut(h, m, term.MakeSmall(-1), g.term(depth-1))
	default:
		elems := make([]term.Term, g.draw("wide", 50, 500))
		for i := range elems {
			elems[i] = term.MakeSmall(int64(i))
		}
		return term.MakeTuple(h, elems...)
	}
}

// shape is a canonical description of the graph reachable from roots: kinds, raw words,
// immediates, off-heap binaries by identity, literal pointers by value, and sharing (each
// object gets a number at its first visit; later visits print "#n"). Two heaps hold
// isomorphic graphs iff their shapes are equal. It also counts what the graph occupies.
type shape struct {
	h     *term.Heap
	ids   map[term.Term]int
	b     strings.Builder
	words [4]int // distinct words reachable, per space
	bins  map[*term.Binary]bool
	// youngBinIdx collects the Bins indices that reachable young RefBins use.
	binIdx map[uint64]bool
}

func shapeOf(h *term.Heap, roots ...term.Term) *shape {
	s := &shape{h: h, ids: map[term.Term]int{}, bins: map[*term.Binary]bool{}, binIdx: map[uint64]bool{}}
	for _, r := range roots {
		s.walk(r)
		s.b.WriteByte(';')
	}
	return s
}

func (s *shape) String() string { return s.b.String() }

func (s *shape) walk(t term.Term) {
	for {
		if !t.IsPointer() {
			fmt.Fprintf(&s.b, "%x", uint64(t))
			return
		}
		if t.Space() == term.SpaceLiteral {
			fmt.Fprintf(&s.b, "L%x", uint64(t))
			return
		}
		if id, ok := s.ids[t]; ok {
			fmt.Fprintf(&s.b, "#%d", id)
			return
		}
		s.ids[t] = len(s.ids)
		ws := s.h.Words(t)
		if t.IsList() {
			s.words[t.Space()] += 2
			s.b.WriteByte('[')
			s.walk(term.Term(ws[0]))
			s.b.WriteByte('|')
			t = term.Term(ws[1])
			continue
		}
		k, size := term.HeaderKind(ws[0]), term.HeaderSize(ws[0])
		s.words[t.Space()] += 1 + size
		raw := term.RawWords(k, size)
		fmt.Fprintf(&s.b, "%v/%d{", k, size)
		for _, w := range ws[1 : 1+raw] {
			if k == term.KindRefBin {
				bin := s.h.Bins[w]
				s.bins[bin] = true
				s.binIdx[w] = true
				fmt.Fprintf(&s.b, "bin%p,", bin)
				break
			}
			fmt.Fprintf(&s.b, "%x,", w)
		}
		for _, w := range ws[1+raw : 1+size] {
			s.walk(term.Term(w))
			s.b.WriteByte(',')
		}
		s.b.WriteByte('}')
		return
	}
}
