package bytecode

import (
	"encoding/binary"
	"math"

	"github.com/beamlite/beamlite/value"
)

// Magic starts every .blc file.
const Magic = "BLC\x00"

// The .blc layout (all integers are varints: unsigned "u" as encoding/binary's Uvarint, signed
// "s" as its zig-zag Varint; a string is u length + bytes):
//
//	file      = Magic, u FormatVersion, section×7 in the order of the sect* constants
//	section   = byte id, u length, payload            (length lets a tool skip a section)
//	header    = string name, string file
//	atoms     = u n, string×n
//	literals  = u n, term×n
//	imports   = u n, (string module, string name, s arity)×n
//	exports   = u n, s func×n
//	funs      = u n, (s func, s numfree)×n
//	functions = u n, (string name, s arity, u ncode, instr×ncode)×n
//	instr     = u opcode, u nargs, operand×nargs, s line-delta (from the previous instruction's
//	            line in the function, starting at 0)
//	operand   = byte tag, u N, u nlist, operand×nlist
//	term      = byte termTag, then per tag (see writeTerm)
//
// The operand count is written although the table fixes it, so that the decoder can name a
// mismatch precisely. Every count is checked against the bytes left before anything is
// allocated, so a short input cannot make the decoder allocate much.
const (
	sectHeader byte = iota + 1
	sectAtoms
	sectLiterals
	sectImports
	sectExports
	sectFuns
	sectFunctions
	lastSection = sectFunctions
)

var sectionNames = [...]string{sectHeader: "header", sectAtoms: "atoms", sectLiterals: "literals",
	sectImports: "imports", sectExports: "exports", sectFuns: "funs", sectFunctions: "functions"}

// Literal term tags on disk.
const (
	termAtom byte = iota + 1
	termInt
	termBigInt
	termFloat
	termBinary
	termBitstring
	termTuple
	termList
	termImproperList
	termMap
	termPid
	termPort
	termRef
	termFun
	termExportFun
	// termInvalid is written for a nil or foreign Term; Decode refuses it (Verify refuses the
	// module before it gets that far).
	termInvalid
)

// maxTermDepth bounds the nesting of literal terms (and of operand lists) on disk, so that a
// crafted input cannot recurse deeply. Lists and tuples are written flat, so only nesting counts.
const maxTermDepth = 10000

type encoder struct{ b []byte }

func (e *encoder) u(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *encoder) s(x int64)  { e.b = binary.AppendVarint(e.b, x) }
func (e *encoder) str(s string) {
	e.u(uint64(len(s)))
	e.b = append(e.b, s...)
}

// Encode returns the .blc encoding of m. It does not verify m; Decode(Encode(m)) equals m (as
// [Diff] compares) for every module whose literals are well-formed value terms.
func Encode(m *Module) []byte {
	e := &encoder{b: make([]byte, 0, 1024)}
	e.b = append(e.b, Magic...)
	e.u(FormatVersion)
	e.section(sectHeader, func(e *encoder) {
		e.str(string(m.Name))
		e.str(m.File)
	})
	e.section(sectAtoms, func(e *encoder) {
		e.u(uint64(len(m.Atoms)))
		for _, a := range m.Atoms {
			e.str(string(a))
		}
	})
	e.section(sectLiterals, func(e *encoder) {
		e.u(uint64(len(m.Literals)))
		for _, t := range m.Literals {
			e.term(t)
		}
	})
	e.section(sectImports, func(e *encoder) {
		e.u(uint64(len(m.Imports)))
		for _, im := range m.Imports {
			e.str(string(im.Module))
			e.str(string(im.Name))
			e.s(int64(im.Arity))
		}
	})
	e.section(sectExports, func(e *encoder) {
		e.u(uint64(len(m.Exports)))
		for _, f := range m.Exports {
			e.s(int64(f))
		}
	})
	e.section(sectFuns, func(e *encoder) {
		e.u(uint64(len(m.Funs)))
		for _, l := range m.Funs {
			e.s(int64(l.Func))
			e.s(int64(l.NumFree))
		}
	})
	e.section(sectFunctions, func(e *encoder) {
		e.u(uint64(len(m.Functions)))
		for i := range m.Functions {
			f := &m.Functions[i]
			e.str(string(f.Name))
			e.s(int64(f.Arity))
			e.u(uint64(len(f.Code)))
			var line int32
			for j := range f.Code {
				in := &f.Code[j]
				e.u(uint64(in.Op))
				e.u(uint64(len(in.Args)))
				for _, a := range in.Args {
					e.operand(a)
				}
				e.s(int64(in.Line) - int64(line))
				line = in.Line
			}
		}
	})
	return e.b
}

// section writes id, the payload's length and the payload.
func (e *encoder) section(id byte, body func(*encoder)) {
	sub := &encoder{}
	body(sub)
	e.b = append(e.b, id)
	e.u(uint64(len(sub.b)))
	e.b = append(e.b, sub.b...)
}

func (e *encoder) operand(o Operand) {
	e.b = append(e.b, byte(o.Tag))
	e.u(uint64(o.N))
	e.u(uint64(len(o.List)))
	for _, a := range o.List {
		e.operand(a)
	}
}

// term writes a literal. Integers that fit an int64 are termInt (zig-zag varint); bignums are
// sign + magnitude bytes; floats are their IEEE bits, so -0.0 and every payload survive.
func (e *encoder) term(t value.Term) {
	switch t := t.(type) {
	case value.Atom:
		e.b = append(e.b, termAtom)
		e.str(string(t))
	case value.Int:
		e.b = append(e.b, termInt)
		e.s(int64(t))
	case value.BigInt:
		if t.V == nil {
			e.b = append(e.b, termInvalid)
			return
		}
		e.b = append(e.b, termBigInt)
		if t.V.Sign() < 0 {
			e.b = append(e.b, 1)
		} else {
			e.b = append(e.b, 0)
		}
		mag := t.V.Bytes()
		e.u(uint64(len(mag)))
		e.b = append(e.b, mag...)
	case value.Float:
		e.b = append(e.b, termFloat)
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(float64(t)))
	case value.Binary:
		e.b = append(e.b, termBinary)
		e.u(uint64(len(t)))
		e.b = append(e.b, t...)
	case value.Bitstring:
		e.b = append(e.b, termBitstring)
		e.u(uint64(t.Bits))
		e.u(uint64(len(t.Bytes)))
		e.b = append(e.b, t.Bytes...)
	case value.Tuple:
		e.b = append(e.b, termTuple)
		e.terms(t)
	case value.List:
		e.b = append(e.b, termList)
		e.terms(t)
	case value.ImproperList:
		e.b = append(e.b, termImproperList)
		e.terms(t.Elems)
		e.term(t.Tail)
	case value.Map:
		e.b = append(e.b, termMap)
		e.u(uint64(len(t.Keys)))
		for i, k := range t.Keys {
			e.term(k)
			if i < len(t.Values) {
				e.term(t.Values[i])
			} else {
				e.b = append(e.b, termInvalid)
			}
		}
	case value.Pid:
		e.b = append(e.b, termPid)
		e.u(uint64(t.Node))
		e.u(uint64(t.Index))
		e.u(uint64(t.Serial))
	case value.Port:
		e.b = append(e.b, termPort)
		e.u(uint64(t.Node))
		e.u(t.ID)
	case value.Ref:
		e.b = append(e.b, termRef)
		e.u(uint64(t.Node))
		e.u(t.ID)
	case value.Fun:
		e.b = append(e.b, termFun)
		e.str(string(t.Module))
		e.s(int64(t.Index))
		e.s(int64(t.Arity))
		e.u(uint64(t.Uniq))
		e.terms(t.Env)
	case value.ExportFun:
		e.b = append(e.b, termExportFun)
		e.str(string(t.Module))
		e.str(string(t.Function))
		e.s(int64(t.Arity))
	default:
		e.b = append(e.b, termInvalid)
	}
}

func (e *encoder) terms(ts []value.Term) {
	e.u(uint64(len(ts)))
	for _, t := range ts {
		e.term(t)
	}
}
