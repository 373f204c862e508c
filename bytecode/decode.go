package bytecode

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"

	"github.com/beamlite/beamlite/value"
)

// DecodeError is a malformed .blc input: what was wrong and the byte offset where it was seen.
type DecodeError struct {
	Offset int
	Msg    string
}

func (e *DecodeError) Error() string { return fmt.Sprintf("blc: offset %d: %s", e.Offset, e.Msg) }

// decoder reads b[off:]; on the first error it panics with a *DecodeError, which Decode
// recovers (the panic never leaves the package).
type decoder struct {
	b     []byte
	off   int
	end   int // end of the current section
	depth int
	slab  []Operand
}

// operands returns room for n operands (n was checked against the input left). They come
// from chunks shared by many instructions, which saves an allocation per instruction; a chunk
// is never larger than the rest of the input could fill.
func (d *decoder) operands(n int) []Operand {
	if len(d.slab) < n {
		d.slab = make([]Operand, max(n, min(256, d.left()/3)))
	}
	ops := d.slab[:n:n]
	d.slab = d.slab[n:]
	return ops
}

func (d *decoder) fail(format string, args ...any) {
	panic(&DecodeError{Offset: d.off, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) left() int { return d.end - d.off }

func (d *decoder) byte1(what string) byte {
	if d.off >= d.end {
		d.fail("truncated: %s", what)
	}
	c := d.b[d.off]
	d.off++
	return c
}

// u reads an unsigned varint. Overlong forms (a final zero byte after the first) are refused
// so that every module has exactly one encoding.
func (d *decoder) u(what string) uint64 {
	x, n := binary.Uvarint(d.b[d.off:d.end])
	if n <= 0 {
		d.fail("bad or truncated varint: %s", what)
	}
	if n > 1 && d.b[d.off+n-1] == 0 {
		d.fail("overlong varint: %s", what)
	}
	d.off += n
	return x
}

// s reads a signed (zig-zag) varint.
func (d *decoder) s(what string) int64 {
	u := d.u(what)
	return int64(u>>1) ^ -int64(u&1)
}

// int reads a signed int that must fit an int32 (arities, indices).
func (d *decoder) int(what string) int {
	x := d.s(what)
	if x < math.MinInt32 || x > math.MaxInt32 {
		d.fail("%s out of range: %d", what, x)
	}
	return int(x)
}

// count reads a count of items that each take at least min bytes, refusing a count larger
// than the rest of the section could hold: allocation stays proportional to the input.
func (d *decoder) count(what string, min int) int {
	n := d.u(what)
	if n > uint64(d.left()/min) {
		d.fail("%s: count %d exceeds the remaining %d bytes", what, n, d.left())
	}
	return int(n)
}

func (d *decoder) bytes(n int, what string) []byte {
	if n > d.left() {
		d.fail("truncated: %s", what)
	}
	b := d.b[d.off : d.off+n]
	d.off += n
	return b
}

func (d *decoder) str(what string) string {
	n := d.count(what, 1)
	return string(d.bytes(n, what))
}

// Decode parses a .blc file. Bad input gives a *DecodeError, never a panic. The result is
// structurally sound (opcodes known, operand counts as the table says, literals canonical
// value terms) but not verified: call [Verify] before running it.
func Decode(b []byte) (m *Module, err error) {
	d := &decoder{b: b, end: len(b)}
	defer func() {
		if r := recover(); r != nil {
			de, ok := r.(*DecodeError)
			if !ok {
				panic(r)
			}
			m, err = nil, de
		}
	}()
	if len(b) < len(Magic) || string(b[:len(Magic)]) != Magic {
		d.fail("not a .blc file (bad magic)")
	}
	d.off = len(Magic)
	if v := d.u("format version"); v != FormatVersion {
		d.fail("format version %d, this beamlite reads version %d (reassemble the .bl source)", v, FormatVersion)
	}
	m = &Module{}
	for id := byte(1); id <= lastSection; id++ {
		d.section(id, m)
	}
	if d.off != len(b) {
		d.fail("%d bytes of trailing data", len(b)-d.off)
	}
	return m, nil
}

func (d *decoder) section(id byte, m *Module) {
	d.end = len(d.b)
	if got := d.byte1("section id"); got != id {
		d.off--
		d.fail("expected section %d (%s), found %d", id, sectionNames[id], got)
	}
	n := d.u("section length")
	if n > uint64(len(d.b)-d.off) {
		d.fail("section %s: length %d exceeds the remaining %d bytes", sectionNames[id], n, len(d.b)-d.off)
	}
	d.end = d.off + int(n)
	switch id {
	case sectHeader:
		m.Name = value.Atom(d.str("module name"))
		m.File = d.str("file name")
	case sectAtoms:
		n := d.count("atoms", 1)
		m.Atoms = make([]value.Atom, n)
		for i := range m.Atoms {
			m.Atoms[i] = value.Atom(d.str("atom"))
		}
	case sectLiterals:
		n := d.count("literals", 1)
		m.Literals = make([]value.Term, n)
		for i := range m.Literals {
			m.Literals[i] = d.term()
		}
	case sectImports:
		n := d.count("imports", 3)
		m.Imports = make([]Import, n)
		for i := range m.Imports {
			m.Imports[i] = Import{Module: value.Atom(d.str("import module")), Name: value.Atom(d.str("import name")),
				Arity: d.int("import arity")}
		}
	case sectExports:
		n := d.count("exports", 1)
		m.Exports = make([]int, n)
		for i := range m.Exports {
			m.Exports[i] = d.int("export")
		}
	case sectFuns:
		n := d.count("funs", 2)
		m.Funs = make([]Lambda, n)
		for i := range m.Funs {
			m.Funs[i] = Lambda{Func: d.int("fun function"), NumFree: d.int("fun free variables")}
		}
	case sectFunctions:
		n := d.count("functions", 3)
		m.Functions = make([]Function, n)
		for i := range m.Functions {
			d.function(&m.Functions[i])
		}
	}
	if d.off != d.end {
		d.fail("section %s: %d unread bytes", sectionNames[id], d.end-d.off)
	}
}

func (d *decoder) function(f *Function) {
	f.Name = value.Atom(d.str("function name"))
	f.Arity = d.int("function arity")
	n := d.count("instructions", 3)
	f.Code = make([]Instr, n)
	var line int64
	for i := range f.Code {
		in := &f.Code[i]
		at := d.off
		op := d.u("opcode")
		info := Lookup(Opcode(op))
		if op > math.MaxUint16 || info == nil {
			d.off = at
			d.fail("unknown opcode %d", op)
		}
		in.Op = Opcode(op)
		nargs := d.count("operands", 3)
		if nargs != len(info.Operands) {
			d.off = at
			d.fail("%s has %d operands, found %d", info.Name, len(info.Operands), nargs)
		}
		if nargs > 0 {
			in.Args = d.operands(nargs)
			for j := range in.Args {
				in.Args[j] = d.operand(0)
			}
		}
		line += d.s("line")
		if line < math.MinInt32 || line > math.MaxInt32 {
			d.fail("line out of range: %d", line)
		}
		in.Line = int32(line)
	}
}

// maxOperandDepth bounds operand nesting: lists of segments whose parts are plain operands
// need 3 levels.
const maxOperandDepth = 3

func (d *decoder) operand(depth int) Operand {
	at := d.off
	tag := Tag(d.byte1("operand tag"))
	if tag == 0 || tag > lastTag {
		d.off = at
		d.fail("unknown operand tag %d", tag)
	}
	n := d.u("operand")
	if n > math.MaxUint32 {
		d.fail("operand value out of range: %d", n)
	}
	o := Operand{Tag: tag, N: uint32(n)}
	nl := d.count("operand list", 3)
	if nl > 0 {
		if depth+1 >= maxOperandDepth {
			d.fail("operands nested too deeply")
		}
		o.List = d.operands(nl)
		for i := range o.List {
			o.List[i] = d.operand(depth + 1)
		}
	}
	return o
}

func (d *decoder) term() value.Term {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > maxTermDepth {
		d.fail("literal nested deeper than %d", maxTermDepth)
	}
	at := d.off
	switch tag := d.byte1("term tag"); tag {
	case termAtom:
		return value.Atom(d.str("atom"))
	case termInt:
		return value.Int(d.s("integer"))
	case termBigInt:
		sign := d.byte1("bignum sign")
		if sign > 1 {
			d.fail("bad bignum sign %d", sign)
		}
		n := d.count("bignum", 1)
		mag := d.bytes(n, "bignum")
		if n > 0 && mag[0] == 0 {
			d.off = at
			d.fail("bignum with a leading zero byte (not canonical)")
		}
		x := new(big.Int).SetBytes(mag)
		if sign == 1 {
			x.Neg(x)
		}
		if x.IsInt64() {
			d.off = at
			d.fail("bignum %s fits an int64 (not canonical)", x)
		}
		return value.BigInt{V: x}
	case termFloat:
		f := math.Float64frombits(binary.LittleEndian.Uint64(d.bytes(8, "float")))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			d.off = at
			d.fail("float %v is not finite", f)
		}
		return value.Float(f)
	case termBinary:
		n := d.count("binary", 1)
		return value.Binary(append([]byte{}, d.bytes(n, "binary")...))
	case termBitstring:
		bits := d.u("bitstring size")
		n := d.count("bitstring", 1)
		if bits%8 == 0 || bits > uint64(n)*8 || uint64(n) != (bits+7)/8 {
			d.off = at
			d.fail("bad bitstring: %d bits in %d bytes", bits, n)
		}
		bs := append([]byte{}, d.bytes(n, "bitstring")...)
		if bs[n-1]&(0xff>>(bits%8)) != 0 {
			d.off = at
			d.fail("bitstring has non-zero padding bits")
		}
		return value.Bitstring{Bytes: bs, Bits: int(bits)}
	case termTuple:
		return value.Tuple(d.terms())
	case termList:
		return value.List(d.terms())
	case termImproperList:
		elems := d.terms()
		tail := d.term()
		if len(elems) == 0 {
			d.off = at
			d.fail("improper list without elements")
		}
		switch tail.(type) {
		case value.List, value.ImproperList:
			d.off = at
			d.fail("improper list whose tail is a list")
		}
		return value.ImproperList{Elems: elems, Tail: tail}
	case termMap:
		n := d.count("map", 4)
		m := value.Map{Keys: make([]value.Term, n), Values: make([]value.Term, n)}
		for i := 0; i < n; i++ {
			m.Keys[i] = d.term()
			if i > 0 && value.CompareExact(m.Keys[i-1], m.Keys[i]) >= 0 {
				d.off = at
				d.fail("map keys not in strictly increasing order")
			}
			m.Values[i] = d.term()
		}
		return m
	case termPid:
		return value.Pid{Node: d.u32("pid node"), Index: d.u32("pid index"), Serial: d.u32("pid serial")}
	case termPort:
		return value.Port{Node: d.u32("port node"), ID: d.u("port id")}
	case termRef:
		return value.Ref{Node: d.u32("ref node"), ID: d.u("ref id")}
	case termFun:
		f := value.Fun{Module: value.Atom(d.str("fun module")), Index: d.int("fun index"), Arity: d.int("fun arity"),
			Uniq: d.u32("fun uniq")}
		f.Env = d.terms()
		return f
	case termExportFun:
		return value.ExportFun{Module: value.Atom(d.str("fun module")), Function: value.Atom(d.str("fun name")),
			Arity: d.int("fun arity")}
	default:
		d.off = at
		d.fail("unknown term tag %d", tag)
		return nil
	}
}

func (d *decoder) u32(what string) uint32 {
	x := d.u(what)
	if x > math.MaxUint32 {
		d.fail("%s out of range: %d", what, x)
	}
	return uint32(x)
}

func (d *decoder) terms() []value.Term {
	n := d.count("elements", 2)
	if n == 0 {
		return nil
	}
	ts := make([]value.Term, n)
	for i := range ts {
		ts[i] = d.term()
	}
	return ts
}
