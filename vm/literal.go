package vm

import (
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
)

// buildLiterals turns a module's portable literals into terms in a new literal area, shared by
// every process and never copied by a collector. It builds them in a scratch heap, copies them
// out as one position-independent fragment, and rewrites the fragment's relative pointers into
// literal pointers of the new area.
func buildLiterals(lits []value.Term) ([]term.Term, error) {
	if len(lits) == 0 {
		return nil, nil
	}
	var scratch term.Heap
	elems := make([]term.Term, len(lits))
	for i, v := range lits {
		t, err := term.FromValue(&scratch, v)
		if err != nil {
			return nil, err
		}
		elems[i] = t
	}
	tuple := term.MakeTuple(&scratch, elems...)
	frag := gc.CopyOut(&scratch, tuple)
	var out []term.Term
	_, err := term.NewLiteralArea(func(id int) ([]uint64, []*term.Binary) {
		words := frag.Words
		toLiteral := func(t term.Term) term.Term {
			if t.IsPointer() && t.Space() == term.SpaceFragment {
				return t.WithAddr(term.SpaceLiteral, term.MakeLiteralAddr(id, t.Addr()))
			}
			return t
		}
		forEachTermWord(words, func(i int) { words[i] = uint64(toLiteral(term.Term(words[i]))) })
		root := toLiteral(frag.Root)
		// The root tuple now lives in the area; read its elements back out.
		_, off := term.LiteralAddr(root.Addr())
		out = make([]term.Term, len(lits))
		for i := range out {
			out[i] = term.Term(words[int(off)+1+i])
		}
		return words, frag.Bins
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// forEachTermWord calls f with the index of every word of ws (laid out as a heap: objects and
// cons cells back to back) that holds a term rather than raw data.
func forEachTermWord(ws []uint64, f func(i int)) {
	for i := 0; i < len(ws); {
		w := ws[i]
		end := i + 2
		if term.IsHeader(w) {
			size := term.HeaderSize(w)
			end = i + 1 + size
			i += 1 + term.RawWords(term.HeaderKind(w), size)
		}
		for ; i < end; i++ {
			f(i)
		}
	}
}
