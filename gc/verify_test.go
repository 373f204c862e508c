package gc

import (
	"encoding/binary"
	"testing"

	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/require"
)

// TestVerifyFindsCorruption: each kind of damage Verify promises to find is found.
func TestVerifyFindsCorruption(t *testing.T) {
	hdr := term.MakeHeader
	small := uint64(term.MakeSmall(1))
	y := func(off uint64) uint64 { return uint64(term.MakeBoxed(term.SpaceYoung, off)) }
	yl := func(off uint64) uint64 { return uint64(term.MakeList(term.SpaceYoung, off)) }
	o := func(off uint64) uint64 { return uint64(term.MakeBoxed(term.SpaceOld, off)) }
	lit := literal()
	litArea, _ := term.LiteralAddr(lit.Addr())
	cases := []struct {
		name       string
		young, old []uint64
		roots      []term.Term
		want       string
	}{
		{"invalid kind", []uint64{uint64(63)<<2 | 1<<8, small}, nil, nil, "invalid kind"},
		{"object past the end", []uint64{hdr(term.KindTuple, 5), small}, nil, nil, "runs past the end"},
		{"cons cut", []uint64{small}, nil, nil, "cons cell cut"},
		{"float too small", []uint64{hdr(term.KindFloat, 0)}, nil, nil, "too small"},
		{"heap binary too long", []uint64{hdr(term.KindHeapBin, 2), 65, 0}, nil, nil, "heap binary of 65 bits"},
		{"header as a term", []uint64{hdr(term.KindTuple, 1), hdr(term.KindTuple, 0)}, nil, nil, "header word"},
		{"pointer past the end", []uint64{hdr(term.KindTuple, 1), y(9)}, nil, nil, "not at an object start"},
		{"pointer inside an object", []uint64{hdr(term.KindTuple, 2), small, small, hdr(term.KindTuple, 1), y(1)}, nil, nil, "not at an object start"},
		{"list pointer to a box", []uint64{hdr(term.KindTuple, 0), small, yl(0)}, nil, nil, "disagrees"},
		{"boxed pointer to a cons", []uint64{small, small, hdr(term.KindTuple, 1), y(0)}, nil, nil, "disagrees"},
		{"old points young", []uint64{hdr(term.KindTuple, 0)}, []uint64{hdr(term.KindTuple, 1), y(0)}, nil, "old word points into young"},
		{"old pointer out of range", nil, []uint64{hdr(term.KindTuple, 1), o(5)}, nil, "not at an object start"},
		{"fragment pointer", []uint64{hdr(term.KindTuple, 1), uint64(term.MakeBoxed(term.SpaceFragment, 0))}, nil, nil, "fragment pointer"},
		{"refbin index", []uint64{hdr(term.KindRefBin, 1), 7}, nil, nil, "refbin index 7"},
		{"special immediate", []uint64{hdr(term.KindTuple, 1), 0x5<<4 | uint64(term.Nil)&0xF}, nil, nil, "special immediate"},
		{"literal area", []uint64{hdr(term.KindTuple, 1), uint64(term.MakeBoxed(term.SpaceLiteral, term.MakeLiteralAddr(term.MaxLiteralAreas-1, 0)))}, nil, nil, "unknown area"},
		{"literal offset", []uint64{hdr(term.KindTuple, 1), uint64(term.MakeBoxed(term.SpaceLiteral, term.MakeLiteralAddr(litArea, 1<<30)))}, nil, nil, "past its area"},
		{"bad root", []uint64{hdr(term.KindTuple, 0)}, nil, []term.Term{term.Ok, term.MakeList(term.SpaceYoung, 0)}, "roots[1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := &term.Heap{Young: c.young, Old: c.old, Bins: []*term.Binary{{}}}
			require.ErrorContains(t, Verify(h, RootSet{c.roots}), c.want)
		})
	}

	good := &term.Heap{Bins: []*term.Binary{{}}}
	roots := []term.Term{listOf(good, 3), term.MakeTuple(good, lit), box(good, term.KindRefBin, 0)}
	require.NoError(t, Verify(good, RootSet{roots}))
}

// TestHeapVerifyChecksGenerations: the collector's own invariants.
func TestHeapVerifyChecksGenerations(t *testing.T) {
	h := New(DefaultOptions())
	roots := []term.Term{term.MakeBinary(&h.Heap, make([]byte, 100))}
	h.CollectMajor(RootSet{roots}, 0)
	require.NoError(t, h.Verify(RootSet{roots}))
	h.oldBins = 0
	require.ErrorContains(t, h.Verify(RootSet{roots}), "past the old prefix")
	h.oldBins = 5
	require.ErrorContains(t, h.Verify(RootSet{roots}), "old bins prefix")
	h.oldBins, h.hwm = 1, 10
	require.ErrorContains(t, h.Verify(RootSet{roots}), "high-water mark past the top")
	term.MakeTuple(&h.Heap, term.Ok, term.Ok)
	h.hwm = 1
	require.ErrorContains(t, h.Verify(RootSet{roots}), "high-water mark inside an object")
	h.hwm = 3
	require.NoError(t, h.Verify(RootSet{roots}))
}

// FuzzVerify: Verify returns an error or nil for any words, and never panics. The input is
// read as little-endian words: the first says where Young ends and Old begins and how many
// of the last words are roots.
func FuzzVerify(f *testing.F) {
	seed := func(young, old []uint64, roots []term.Term) []byte {
		var b []byte
		b = binary.LittleEndian.AppendUint64(b, uint64(len(young))|uint64(len(roots))<<32)
		for _, w := range append(append(young, old...), words(roots...)...) {
			b = binary.LittleEndian.AppendUint64(b, w)
		}
		return b
	}
	h := New(DefaultOptions())
	roots := []term.Term{listOf(&h.Heap, 3), term.MakeBinary(&h.Heap, make([]byte, 100)), literal()}
	h.Collect(RootSet{roots}, 0)
	roots = append(roots, term.MakeTuple(&h.Heap, roots[0], term.MakeFloat(&h.Heap, 1.5)))
	h.Collect(RootSet{roots}, 0)
	f.Add(seed(h.Young, h.Old, roots))
	f.Add(seed([]uint64{term.MakeHeader(term.KindTuple, 1<<40)}, nil, nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ws := make([]uint64, len(data)/8)
		for i := range ws {
			ws[i] = binary.LittleEndian.Uint64(data[8*i:])
		}
		if len(ws) == 0 {
			_ = Verify(&term.Heap{}, nil)
			return
		}
		split, nroots := int(ws[0]&0xFFFFFFFF), int(ws[0]>>32)
		ws = ws[1:]
		nroots = min(nroots, len(ws))
		roots := make([]term.Term, nroots)
		for i := range roots {
			roots[i] = term.Term(ws[len(ws)-nroots+i])
		}
		ws = ws[:len(ws)-nroots]
		split = min(split, len(ws))
		th := &term.Heap{Young: ws[:split], Old: ws[split:], Bins: []*term.Binary{{}, nil}}
		_ = Verify(th, RootSet{roots})
		gh := &Heap{Heap: *th, hwm: split, oldBins: 1}
		_ = gh.Verify(RootSet{roots})
	})
}
