package vm

import (
	"io"
	"os"
	"sync"
	"unicode/utf8"

	"github.com/beamlite/beamlite/vm/term"
)

// output is a writer shared by every process of a VM; writes are serialised so that each
// put_chars appears whole.
type output struct {
	mu sync.Mutex // guards w
	w  io.Writer
}

func (o *output) write(b []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, _ = o.w.Write(b) // as in Erlang, a failed write to standard_io does not fail the caller
}

func newOutput(w io.Writer, def *os.File) *output {
	if w == nil {
		w = def
	}
	return &output{w: w}
}

// charList returns the flat list of the characters rs.
func charList(h *term.Heap, rs []rune) term.Term {
	l := term.Nil
	for i := len(rs) - 1; i >= 0; i-- {
		l = term.Cons(h, term.MakeSmall(int64(rs[i])), l)
	}
	return l
}

// runesOf returns the characters of a format string: a list of characters, a binary (UTF-8) or
// an atom.
func runesOf(h *term.Heap, t term.Term) ([]rune, bool) {
	return chars(h, t, true)
}

// ioData returns the bytes of chardata for output: lists of code points are UTF-8 encoded,
// binaries written as they are.
func ioData(h *term.Heap, t term.Term) ([]byte, bool) {
	var out []byte
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for {
			switch {
			case t.IsNil():
				return true
			case term.IsBinary(h, t):
				out = append(out, term.BinaryBytes(h, t)...)
				return true
			case t.IsList():
				hd := h.Head(t)
				if hd.IsSmall() {
					c := hd.Small()
					if c < 0 || c > utf8.MaxRune {
						return false
					}
					out = utf8.AppendRune(out, rune(c))
				} else if !walk(hd) {
					return false
				}
				t = h.Tail(t)
			default:
				return false
			}
		}
	}
	if t.IsAtom() {
		return []byte(term.AtomName(t)), true
	}
	if !walk(t) {
		return nil, false
	}
	return out, true
}

var (
	atomStandardIO    = term.MustIntern("standard_io")
	atomStandardError = term.MustIntern("standard_error")
	atomUser          = term.MustIntern("user")
)

// device returns the output an io device term names.
func (p *Process) device(d term.Term) *output {
	switch d {
	case atomStandardIO, atomUser:
		return p.vm.stdout
	case atomStandardError:
		return p.vm.stderr
	}
	return nil
}

func init() {
	registerBif("io_lib", "format", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		f, ok := runesOf(h, a[0])
		if !ok {
			return p.badarg()
		}
		args, tail := term.ListToSlice(h, a[1])
		if !tail.IsNil() {
			return p.badarg()
		}
		out, ok := ioFormat(h, f, args)
		if !ok {
			return p.badarg()
		}
		return charList(h, out)
	})
	putChars := func(p *Process, dev, data term.Term) term.Term {
		o := p.device(dev)
		b, ok := ioData(&p.heap.Heap, data)
		if o == nil || !ok {
			return p.badarg()
		}
		o.write(b)
		return term.Ok
	}
	registerBif("io", "put_chars", 1, func(p *Process, a []term.Term) term.Term {
		return putChars(p, atomStandardIO, a[0])
	})
	registerBif("io", "put_chars", 2, func(p *Process, a []term.Term) term.Term {
		return putChars(p, a[0], a[1])
	})
}
