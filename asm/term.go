package asm

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"sort"
	"unicode/utf8"

	"github.com/beamlite/beamlite/value"
)

// ParseTerm parses one Erlang term written in Erlang syntax, as .bl literals are:
// integers of any size (1_000, 16#ff, $a), floats, atoms, "strings", <<binaries>>, tuples,
// lists (also [H|T]), maps, fun M:F/A, and the printed forms of pids (<0.4.0>), references
// (#Ref<0.1.2.0>) and ports (#Port<0.3>). It returns an [ErrorList] on bad input.
func ParseTerm(file, src string) (t value.Term, err error) {
	errs := &errSink{file: file, src: src}
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, ErrorList{{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: %v (please report it)", r)}}
		}
	}()
	p := newParser(file, src, errs)
	p.statement(func() {
		p.skipNewlines()
		t = p.term()
		p.skipNewlines()
		if p.tok().kind != tEOF {
			p.failf(p.tok().pos(), "unexpected %s after the term", p.tok().describe(src))
		}
	})
	if len(errs.list) > 0 {
		errs.list.sortByPos()
		return nil, errs.list
	}
	return t, nil
}

// parser reads tokens. A syntax error inside a statement panics with bailout after
// recording the error; [parser.statement] recovers, and parsing resumes at the next line.
type parser struct {
	src   string
	toks  []token
	i     int
	errs  *errSink
	depth int
	// bitBudget is how many bits binary literals may still hold: a few times the source's
	// size, so that a short input cannot make the assembler allocate gigabytes.
	bitBudget int
}

type bailout struct{}

func newParser(file, src string, errs *errSink) *parser {
	return &parser{src: src, toks: lex(file, src, errs), errs: errs, bitBudget: 8 * (1<<16 + 16*len(src))}
}

func (p *parser) tok() *token { return &p.toks[p.i] }

func (p *parser) peekTok(k int) *token {
	if p.i+k < len(p.toks) {
		return &p.toks[p.i+k]
	}
	return &p.toks[len(p.toks)-1]
}

func (p *parser) advance() *token {
	t := &p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) failf(pos Pos, format string, args ...any) {
	p.errs.add(pos, sprintf(format, args...))
	panic(bailout{})
}

// statement runs f; when f bails out on a syntax error, it skips to the end of the line.
func (p *parser) statement(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			for k := p.tok().kind; k != tNewline && k != tEOF; k = p.tok().kind {
				p.advance()
			}
		}
	}()
	f()
}

func (p *parser) skipNewlines() {
	for p.tok().kind == tNewline {
		p.advance()
	}
}

func (p *parser) isPunct(s string) bool {
	t := p.tok()
	return t.kind == tPunct && t.text == s
}

func (p *parser) expectPunct(s string, what string) *token {
	if !p.isPunct(s) {
		p.failf(p.tok().pos(), "expected %q %s, found %s", s, what, p.tok().describe(p.src))
	}
	return p.advance()
}

// atom reads a bare or quoted atom.
func (p *parser) atom(what string) value.Atom {
	t := p.tok()
	switch t.kind {
	case tIdent:
		p.advance()
		return value.Atom(t.text)
	case tQAtom:
		p.advance()
		return value.Atom(t.text)
	}
	p.failf(t.pos(), "expected %s (an atom), found %s", what, t.describe(p.src))
	return ""
}

// smallInt reads a non-negative integer up to max.
func (p *parser) smallInt(what string, max int64) int64 {
	t := p.tok()
	if t.kind == tInt {
		if n, ok := t.val.(value.Int); ok && n >= 0 && int64(n) <= max {
			p.advance()
			return int64(n)
		}
		p.failf(t.pos(), "%s must be from 0 to %d", what, max)
	}
	p.failf(t.pos(), "expected %s (an integer), found %s", what, t.describe(p.src))
	return 0
}

// maxNesting bounds how deeply terms nest, so that no input can exhaust the stack.
const maxNesting = 1000

// term parses one term.
func (p *parser) term() value.Term {
	p.depth++
	defer func() { p.depth-- }()
	t := p.tok()
	if p.depth > maxNesting {
		p.failf(t.pos(), "term nested more than %d deep", maxNesting)
	}
	switch t.kind {
	case tInt, tFloat:
		p.advance()
		return t.val
	case tString:
		p.advance()
		s := t.val.(value.List)
		// Adjacent strings concatenate, as in Erlang: "ab" "cd" is "abcd".
		if p.tok().kind == tString {
			s = append(value.List(nil), s...) // do not write into the token's list
			for p.tok().kind == tString {
				s = append(s, p.advance().val.(value.List)...)
			}
		}
		if len(s) == 0 {
			return value.Nil
		}
		return s
	case tQAtom:
		p.advance()
		return value.Atom(t.text)
	case tIdent:
		if t.text == "fun" {
			return p.exportFun()
		}
		p.advance()
		return value.Atom(t.text)
	case tVar:
		p.failf(t.pos(), "%s is not a term: literals have no variables (an atom that starts with a capital is quoted: '%s')", t.text, t.text)
	case tPid:
		p.advance()
		return value.Pid{Node: p.u32(t, 0), Index: p.u32(t, 1), Serial: p.u32(t, 2)}
	case tPort:
		p.advance()
		return value.Port{Node: p.u32(t, 0), ID: (*t.nums)[1]}
	case tRef:
		p.advance()
		if (*t.nums)[3] != 0 {
			p.failf(t.pos(), "bad reference: its last number must be 0")
		}
		return value.Ref{Node: p.u32(t, 0), ID: uint64(p.u32(t, 1))<<32 | uint64(p.u32(t, 2))}
	case tPunct:
		switch t.text {
		case "-", "+":
			p.advance()
			n := p.tok()
			if n.kind != tInt && n.kind != tFloat {
				p.failf(n.pos(), "expected a number after %q, found %s", t.text, n.describe(p.src))
			}
			p.advance()
			if t.text == "+" {
				return n.val
			}
			return negate(n.val)
		case "{":
			p.advance()
			elems := p.termsUntil("}")
			if elems == nil {
				return value.Tuple{}
			}
			return value.Tuple(elems)
		case "[":
			return p.list()
		case "#":
			return p.mapTerm()
		case "<<":
			return p.binary()
		}
	}
	p.failf(t.pos(), "expected a term, found %s", t.describe(p.src))
	return nil
}

func (p *parser) u32(t *token, i int) uint32 {
	if n := (*t.nums)[i]; n > math.MaxUint32 {
		p.failf(t.pos(), "bad %s: %d is too large", tokNames[t.kind], n)
	}
	return uint32((*t.nums)[i])
}

func negate(v value.Term) value.Term {
	switch v := v.(type) {
	case value.Int:
		if v == math.MinInt64 {
			return value.Integer(new(big.Int).Neg(big.NewInt(int64(v))))
		}
		return -v
	case value.BigInt:
		return value.Integer(new(big.Int).Neg(v.V))
	case value.Float:
		return -v
	}
	return v
}

// termsUntil parses comma-separated terms up to the closing punctuation and consumes it.
func (p *parser) termsUntil(close string) []value.Term {
	var elems []value.Term
	if p.isPunct(close) {
		p.advance()
		return elems
	}
	for {
		elems = append(elems, p.term())
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct(close, "or \",\"")
		return elems
	}
}

func (p *parser) list() value.Term {
	p.advance() // [
	var elems []value.Term
	if p.isPunct("]") {
		p.advance()
		return value.Nil
	}
	for {
		elems = append(elems, p.term())
		if p.isPunct(",") {
			p.advance()
			continue
		}
		if p.isPunct("|") {
			p.advance()
			tail := p.term()
			p.expectPunct("]", "to close the list")
			// Keep the canonical form: [1|[2]] is the proper list [1,2].
			switch tl := tail.(type) {
			case value.List:
				return value.List(append(elems, tl...))
			case value.ImproperList:
				return value.ImproperList{Elems: append(elems, tl.Elems...), Tail: tl.Tail}
			}
			return value.ImproperList{Elems: elems, Tail: tail}
		}
		p.expectPunct("]", "or \",\" or \"|\"")
		return value.List(elems)
	}
}

func (p *parser) mapTerm() value.Term {
	p.advance() // #
	p.expectPunct("{", "after # (maps are written #{k => v})")
	if p.isPunct("}") {
		p.advance()
		return value.NewMap()
	}
	var keys, vals []value.Term
	for {
		keys = append(keys, p.term())
		p.expectPunct("=>", "between a map key and its value")
		vals = append(vals, p.term())
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct("}", "or \",\" in the map")
		return sortedMap(keys, vals)
	}
}

// sortedMap builds the canonical map of the pairs in O(n log n) (value.NewMap inserts one
// by one, which is quadratic in a big literal): keys in term order, and of a repeated key
// the last value, as #{k => 1, k => 2} means in Erlang.
func sortedMap(keys, vals []value.Term) value.Map {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return value.CompareExact(keys[idx[a]], keys[idx[b]]) < 0 })
	m := value.Map{Keys: make([]value.Term, 0, len(keys)), Values: make([]value.Term, 0, len(keys))}
	for _, i := range idx {
		if n := len(m.Keys); n > 0 && value.CompareExact(m.Keys[n-1], keys[i]) == 0 {
			m.Values[n-1] = vals[i] // stable sort: a later duplicate comes later
			continue
		}
		m.Keys = append(m.Keys, keys[i])
		m.Values = append(m.Values, vals[i])
	}
	return m
}

func (p *parser) exportFun() value.Term {
	p.advance() // fun
	m := p.atom("a module name after fun")
	p.expectPunct(":", "in fun Module:Function/Arity")
	f := p.atom("a function name")
	p.expectPunct("/", "in fun Module:Function/Arity")
	a := p.smallInt("the arity", 255)
	return value.ExportFun{Module: m, Function: f, Arity: int(a)}
}

// maxLiteralBits bounds the size of one binary segment, so that a short input cannot ask
// for a huge allocation (<<0:99999999999>>).
const maxLiteralBits = 1 << 20

// bitWriter appends bits MSB-first.
type bitWriter struct {
	bytes []byte
	bits  int
}

func (w *bitWriter) writeBits(v *big.Int, n int) {
	// Two's complement of v modulo 2^n, written from the high bit down.
	m := new(big.Int).Lsh(big.NewInt(1), uint(n))
	u := new(big.Int).Mod(v, m)
	for i := n - 1; i >= 0; i-- {
		w.writeBit(u.Bit(i))
	}
}

func (w *bitWriter) writeBit(b uint) {
	if w.bits%8 == 0 {
		w.bytes = append(w.bytes, 0)
	}
	if b != 0 {
		w.bytes[w.bits/8] |= 0x80 >> (w.bits % 8)
	}
	w.bits++
}

func (w *bitWriter) writeBytes(bs []byte) {
	if w.bits%8 == 0 {
		w.bytes = append(w.bytes, bs...)
		w.bits += 8 * len(bs)
		return
	}
	for _, c := range bs {
		w.writeBits(big.NewInt(int64(c)), 8)
	}
}

// binary parses <<Seg, …>>. A segment is a value (integer, float, char, string) with an
// optional :Size and /Type-Spec…, as in Erlang: <<1, 2:16/little, "abc", "é"/utf8, 1.5/float>>.
func (p *parser) binary() value.Term {
	p.advance() // <<
	w := &bitWriter{bytes: []byte{}}
	if p.isPunct(">>") {
		p.advance()
		return value.Binary{}
	}
	for {
		p.segment(w)
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct(">>", "or \",\" in the binary")
		break
	}
	if w.bits%8 == 0 {
		return value.Binary(w.bytes)
	}
	return value.Bitstring{Bytes: w.bytes, Bits: w.bits}
}

func (p *parser) segment(w *bitWriter) {
	start := p.tok()
	var v value.Term
	if start.kind == tString {
		v = p.term()
	} else if start.kind == tInt || start.kind == tFloat || p.isPunct("-") || p.isPunct("+") {
		v = p.term()
	} else {
		p.failf(start.pos(), "expected a binary segment (an integer, a float or a string), found %s", start.describe(p.src))
	}
	size := int64(-1)
	if p.isPunct(":") {
		p.advance()
		size = p.smallInt("the segment size", maxLiteralBits)
		p.bitBudget -= int(size)
		if p.bitBudget < 0 {
			p.failf(start.pos(), "binary literals too large for a file of this size")
		}
	}
	typ, little, signed := "", false, false
	if p.isPunct("/") {
		p.advance()
		for {
			st := p.tok()
			name := p.atom("a type specifier")
			switch name {
			case "integer", "float", "binary", "bytes", "bits", "bitstring", "utf8", "utf16", "utf32":
				if typ != "" {
					p.failf(st.pos(), "segment has two types, %s and %s", typ, name)
				}
				typ = string(name)
			case "big":
				little = false
			case "little":
				little = true
			case "signed":
				signed = true
			case "unsigned":
				signed = false
			default:
				p.failf(st.pos(), "unknown type specifier %q%s", name, didYouMean(string(name), segmentSpecs))
			}
			if !p.isPunct("-") {
				break
			}
			p.advance()
		}
	}
	_ = signed // a literal's sign does not change its bits
	var chars value.List
	switch v := v.(type) {
	case value.List:
		chars = v
	case value.Float:
		if typ == "" {
			typ = "float"
		}
		if typ != "float" {
			p.failf(start.pos(), "a float segment needs the type float, not %s", typ)
		}
		switch size {
		case -1, 64:
			b := make([]byte, 8)
			if little {
				binary.LittleEndian.PutUint64(b, math.Float64bits(float64(v)))
			} else {
				binary.BigEndian.PutUint64(b, math.Float64bits(float64(v)))
			}
			w.writeBytes(b)
		case 32:
			f := float32(v)
			if math.IsInf(float64(f), 0) {
				p.failf(start.pos(), "float %v does not fit 32 bits", float64(v))
			}
			b := make([]byte, 4)
			if little {
				binary.LittleEndian.PutUint32(b, math.Float32bits(f))
			} else {
				binary.BigEndian.PutUint32(b, math.Float32bits(f))
			}
			w.writeBytes(b)
		default:
			p.failf(start.pos(), "a float segment is 32 or 64 bits")
		}
		return
	default:
		chars = value.List{v}
	}
	// Integers, and strings as one segment of that type per character.
	switch typ {
	case "", "integer", "binary", "bytes", "bits", "bitstring":
		if typ != "" && typ != "integer" && start.kind != tString {
			p.failf(start.pos(), "a %s segment needs a string here", typ)
		}
		if typ != "" && typ != "integer" && size != -1 {
			p.failf(start.pos(), "a string segment of type %s takes no size", typ)
		}
		n := int(size)
		if size == -1 {
			n = 8
		}
		if little && n%8 != 0 {
			p.failf(start.pos(), "a little-endian segment needs a size that is a multiple of 8")
		}
		for _, c := range chars {
			if b, ok := c.(value.Int); ok && n == 8 && (b >= 0 && b <= 255 || start.kind != tString || typ == "integer") {
				w.writeBytes([]byte{byte(b)}) // the common case: a byte, truncated as Erlang does
				continue
			}
			x := bigOf(c)
			if start.kind == tString && typ != "integer" && size == -1 && (x.Sign() < 0 || x.Cmp(big.NewInt(255)) > 0) {
				p.failf(start.pos(), "character %s does not fit a byte (write the string /utf8)", x)
			}
			if little {
				bs := make([]byte, n/8)
				u := new(big.Int).Mod(x, new(big.Int).Lsh(big.NewInt(1), uint(n)))
				u.FillBytes(bs)
				for i, j := 0, len(bs)-1; i < j; i, j = i+1, j-1 {
					bs[i], bs[j] = bs[j], bs[i]
				}
				w.writeBytes(bs)
			} else {
				w.writeBits(x, n)
			}
		}
	case "utf8", "utf16", "utf32":
		if size != -1 {
			p.failf(start.pos(), "a %s segment takes no size", typ)
		}
		for _, c := range chars {
			x, ok := c.(value.Int)
			if !ok || x < 0 || x > utf8.MaxRune || (x >= 0xD800 && x <= 0xDFFF) {
				p.failf(start.pos(), "%s is not a Unicode code point", value.Format(c))
			}
			r := rune(x)
			switch typ {
			case "utf8":
				w.writeBytes(utf8.AppendRune(nil, r))
			case "utf16":
				var units []uint16
				if r >= 0x10000 {
					r -= 0x10000
					units = []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
				} else {
					units = []uint16{uint16(r)}
				}
				for _, u := range units {
					b := make([]byte, 2)
					if little {
						binary.LittleEndian.PutUint16(b, u)
					} else {
						binary.BigEndian.PutUint16(b, u)
					}
					w.writeBytes(b)
				}
			case "utf32":
				b := make([]byte, 4)
				if little {
					binary.LittleEndian.PutUint32(b, uint32(r))
				} else {
					binary.BigEndian.PutUint32(b, uint32(r))
				}
				w.writeBytes(b)
			}
		}
	case "float":
		p.failf(start.pos(), "a float segment needs a float value")
	}
	if w.bits > 8*maxLiteralBits {
		p.failf(start.pos(), "binary literal is too large")
	}
}

var segmentSpecs = []string{"integer", "float", "binary", "bytes", "bits", "bitstring", "utf8", "utf16", "utf32", "big", "little", "signed", "unsigned"}

func bigOf(t value.Term) *big.Int {
	switch t := t.(type) {
	case value.Int:
		return big.NewInt(int64(t))
	case value.BigInt:
		return t.V
	}
	return new(big.Int)
}
