package vm

import "github.com/beamlite/beamlite/vm/term"

// Binary BIFs: sizes, slicing, and the conversions between binaries, byte lists and iolists.
//
// A slice of a binary shares the bytes when they live off-heap and the slice is too big to be
// a heap binary (a sub binary, 4 words); otherwise it is copied, which for at most
// MaxHeapBinary bytes costs no more than the sub binary would.

func init() {
	registerBif("erlang", "byte_size", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsBitstring(h, a[0]) {
			return p.badarg()
		}
		return term.MakeSmall(int64((term.BitSize(h, a[0]) + 7) / 8))
	})
	registerBif("erlang", "bit_size", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsBitstring(h, a[0]) {
			return p.badarg()
		}
		return term.MakeSmall(int64(term.BitSize(h, a[0])))
	})
	// size/1 is the old guard BIF for both: a tuple's arity, a bitstring's whole bytes.
	registerBif("erlang", "size", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		switch {
		case term.IsTuple(h, a[0]):
			return term.MakeSmall(int64(term.TupleArity(h, a[0])))
		case term.IsBitstring(h, a[0]):
			return term.MakeSmall(int64(term.BitSize(h, a[0]) / 8))
		}
		return p.badarg()
	})
	registerBif("erlang", "binary_part", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsTuple(h, a[1]) || term.TupleArity(h, a[1]) != 2 {
			return p.badarg()
		}
		return p.binaryPart(a[0], term.TupleElem(h, a[1], 0), term.TupleElem(h, a[1], 1))
	})
	registerBif("erlang", "binary_part", 3, func(p *Process, a []term.Term) term.Term {
		return p.binaryPart(a[0], a[1], a[2])
	})
	registerBif("erlang", "split_binary", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		bin, n := a[0], a[1]
		if !term.IsBitstring(h, bin) || !n.IsSmall() {
			return p.badarg()
		}
		bits := term.BitSize(h, bin)
		if n.Small() < 0 || n.Small()*8 > int64(bits) {
			return p.badarg()
		}
		at := int(n.Small()) * 8
		return term.MakeTuple(h, binarySlice(h, bin, 0, at), binarySlice(h, bin, at, bits-at))
	})
	registerBif("erlang", "binary_to_list", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !term.IsBinary(h, a[0]) {
			return p.badarg()
		}
		b := term.BinaryBytes(h, a[0])
		p.charge(len(b) / buildPerRed)
		return bytesToList(h, b)
	})
	registerBif("erlang", "binary_to_list", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		bin, start, stop := a[0], a[1], a[2]
		if !term.IsBitstring(h, bin) || !start.IsSmall() || !stop.IsSmall() {
			return p.badarg()
		}
		size := int64(term.BitSize(h, bin) / 8)
		s, e := start.Small(), stop.Small()
		if s < 1 || s > e || e > size {
			return p.badarg()
		}
		p.charge(int(e-s+1) / buildPerRed)
		return bytesToList(h, term.BinaryBytes(h, bin)[s-1:e])
	})
	registerBif("erlang", "list_to_binary", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsList() && a[0] != term.Nil {
			return p.badarg()
		}
		return p.iolistToBinary(trapListToBinary, a)
	})
	registerBif("erlang", "iolist_to_binary", 1, func(p *Process, a []term.Term) term.Term {
		if term.IsBinary(&p.heap.Heap, a[0]) {
			return a[0]
		}
		return p.iolistToBinary(trapIolist, a)
	})
	registerBif("erlang", "iolist_size", 1, func(p *Process, a []term.Term) term.Term {
		n, cells := 0, 0
		if !iolistWalk(&p.heap.Heap, a[0], func(b []byte) { n += len(b); cells++ }) {
			return p.badarg()
		}
		p.charge(cells / iolistPerRed)
		return term.MakeSmall(int64(n))
	})
}

// binaryPart is binary_part(Bin, Start, Length): Length may be negative (the bytes before
// Start); the part must lie within Bin's whole bytes.
func (p *Process) binaryPart(bin, start, length term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsBitstring(h, bin) || !start.IsSmall() || !length.IsSmall() {
		return p.badarg()
	}
	s, l := start.Small(), length.Small()
	if l < 0 {
		s, l = s+l, -l
	}
	if s < 0 || s+l > int64(term.BitSize(h, bin)/8) {
		return p.badarg()
	}
	return binarySlice(h, bin, int(s)*8, int(l)*8)
}

// binarySlice returns nbits bits of bitstring t from bit offset off (a multiple of 8): a sub
// binary sharing an off-heap binary's bytes when the part is large, else a copy.
func binarySlice(h *term.Heap, t term.Term, off, nbits int) term.Term {
	if nbits/8 > term.MaxHeapBinary {
		under, base := t, 0
		if h.Kind(t) == term.KindSubBin {
			w := h.Words(t)
			under, base = term.Term(w[3]), int(w[1])
		}
		if h.Kind(under) == term.KindRefBin {
			return term.MakeSubBinary(h, under, base+off, nbits)
		}
	}
	b := term.BinaryBytes(h, t)
	return term.MakeBitstring(h, b[off/8:], nbits)
}

// bytesToList returns bytes b as a list of integers.
func bytesToList(h *term.Heap, b []byte) term.Term {
	if len(b) == 0 {
		return term.Nil
	}
	elems := make([]term.Term, len(b))
	for i, c := range b {
		elems[i] = term.MakeSmall(int64(c))
	}
	return term.ListFromSlice(h, elems, term.Nil)
}

// iolistToBinary is iolist_to_binary(a[0]) (and list_to_binary, as BIF id): a reduction per
// 8 cells or 256 bytes (erts's rate), trapping when the slice is spent. Binaries are copied
// whole, however long: copying bytes is the cheap part.
func (p *Process) iolistToBinary(id trapID, a []term.Term) term.Term {
	h := &p.heap.Heap
	t := a[0]
	var stack []term.Term // tails still to walk
	var buf []byte
	if tr := p.resumeTrap(id, a); tr != nil {
		t, stack, buf = tr.terms[trCur], tr.stack, tr.buf
	}
	budget, units := p.bifBudget(iolistPerRed), 0
	for {
		if units >= budget {
			tr := newTrap()
			tr.terms[trCur], tr.stack, tr.buf = t, stack, buf
			return p.trap(id, a, tr)
		}
		switch {
		case t.IsList():
			units++
			hd := h.Head(t)
			if hd.IsSmall() {
				if hd.Small() < 0 || hd.Small() > 255 {
					return p.badarg()
				}
				buf = append(buf, byte(hd.Small()))
				t = h.Tail(t)
			} else {
				stack = append(stack, h.Tail(t))
				t = hd
			}
			continue
		case t == term.Nil:
		case term.IsBinary(h, t):
			b := term.BinaryBytes(h, t)
			buf = append(buf, b...)
			units += 1 + len(b)/32
		default:
			return p.badarg()
		}
		if len(stack) == 0 {
			break
		}
		t = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
	}
	p.charge(units / iolistPerRed)
	return term.MakeBinary(h, buf)
}

// iolistWalk calls emit with the bytes of iolist t in order, and reports whether t is an
// iolist: a binary, or a list (at any depth) of bytes 0..255, binaries and iolists, whose
// tails are [] or a binary. Bitstrings that are not binaries are not allowed. emit must
// not keep its argument past the heap's next collection (it may alias the heap). The walk
// keeps its own stack, so nesting depth costs no Go stack.
func iolistWalk(h *term.Heap, t term.Term, emit func([]byte)) bool {
	var stack []term.Term // tails still to walk
	var one [1]byte
	for {
		switch {
		case t.IsList():
			hd := h.Head(t)
			if hd.IsSmall() {
				if hd.Small() < 0 || hd.Small() > 255 {
					return false
				}
				one[0] = byte(hd.Small())
				emit(one[:])
				t = h.Tail(t)
			} else {
				stack = append(stack, h.Tail(t))
				t = hd
			}
			continue
		case t == term.Nil:
		case term.IsBinary(h, t):
			emit(term.BinaryBytes(h, t))
		default:
			return false
		}
		if len(stack) == 0 {
			return true
		}
		t = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
	}
}
