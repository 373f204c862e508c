package bytecodetest

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value/valuetest"
	"pgregory.net/rapid"
)

// RandomModule draws a structurally well-formed module (see the package doc).
func RandomModule(t *rapid.T) *bytecode.Module {
	m := &bytecode.Module{
		Name: valuetest.Atom().Draw(t, "name"),
		File: rapid.SampledFrom([]string{"", "m.bl", "dir/ünï code.bl"}).Draw(t, "file"),
	}
	m.Atoms = rapid.SliceOfN(valuetest.Atom(), 1, 4).Draw(t, "atoms")
	m.Literals = rapid.SliceOfN(valuetest.TermWith(valuetest.Options{MaxDepth: 2}), 1, 6).Draw(t, "literals")
	nf := rapid.IntRange(1, 4).Draw(t, "nfuncs")
	for i := 0; i < nf; i++ {
		m.Functions = append(m.Functions, bytecode.Function{
			Name:  valuetest.Atom().Draw(t, "fname"),
			Arity: rapid.IntRange(0, 5).Draw(t, "farity"),
		})
	}
	ni := rapid.IntRange(1, 4).Draw(t, "nimports")
	for i := 0; i < ni; i++ {
		m.Imports = append(m.Imports, bytecode.Import{
			Module: valuetest.Atom().Draw(t, "imod"),
			Name:   valuetest.Atom().Draw(t, "iname"),
			Arity:  rapid.IntRange(0, 5).Draw(t, "iarity"),
		})
	}
	m.Exports = rapid.SliceOfN(rapid.IntRange(0, nf-1), 0, nf).Draw(t, "exports")
	nl := rapid.IntRange(1, 3).Draw(t, "nfuns")
	for i := 0; i < nl; i++ {
		m.Funs = append(m.Funs, bytecode.Lambda{Func: rapid.IntRange(0, nf-1).Draw(t, "lfunc"),
			NumFree: rapid.IntRange(0, 3).Draw(t, "lfree")})
	}
	ops := bytecode.Opcodes()
	for i := range m.Functions {
		f := &m.Functions[i]
		n := rapid.IntRange(1, 12).Draw(t, "ncode")
		line := rapid.Int32Range(0, 1000).Draw(t, "line0")
		for j := 0; j < n; j++ {
			op := rapid.SampledFrom(ops).Draw(t, "op")
			in := bytecode.Instr{Op: op, Line: line}
			if rapid.Bool().Draw(t, "newline") {
				line += rapid.Int32Range(-3, 10).Draw(t, "dline")
			}
			for _, spec := range bytecode.Lookup(op).Operands {
				in.Args = append(in.Args, drawOperand(t, m, n, spec.Kind))
			}
			f.Code = append(f.Code, in)
		}
	}
	return m
}

// drawOperand draws an operand of kind k for a function of ncode instructions.
func drawOperand(t *rapid.T, m *bytecode.Module, ncode int, k bytecode.OperandKind) bytecode.Operand {
	reg := func() bytecode.Operand {
		if rapid.Bool().Draw(t, "isx") {
			return bytecode.X(rapid.SampledFrom([]int{0, 1, 2, 3, 1023}).Draw(t, "x"))
		}
		return bytecode.Y(rapid.IntRange(0, 4).Draw(t, "y"))
	}
	lit := func() bytecode.Operand { return bytecode.Lit(rapid.IntRange(0, len(m.Literals)-1).Draw(t, "lit")) }
	src := func() bytecode.Operand {
		if rapid.IntRange(0, 2).Draw(t, "srclit") == 0 {
			return lit()
		}
		return reg()
	}
	label := func() bytecode.Operand { return bytecode.Label(rapid.IntRange(0, ncode-1).Draw(t, "label")) }
	count := func() bytecode.Operand {
		return bytecode.Uint(rapid.SampledFrom([]int{0, 1, 2, 3, 8, 255, 1 << 20}).Draw(t, "uint"))
	}
	list := func(elems ...func() bytecode.Operand) bytecode.Operand {
		n := rapid.IntRange(0, 3).Draw(t, "nlist")
		var ops []bytecode.Operand
		for i := 0; i < n; i++ {
			for _, e := range elems {
				ops = append(ops, e())
			}
		}
		return bytecode.List(ops...)
	}
	switch k {
	case bytecode.KindSrc:
		return src()
	case bytecode.KindDst, bytecode.KindReg:
		return reg()
	case bytecode.KindYDst, bytecode.KindYSrc:
		return bytecode.Y(rapid.IntRange(0, 4).Draw(t, "y"))
	case bytecode.KindLabel:
		return label()
	case bytecode.KindFail:
		if rapid.Bool().Draw(t, "none") {
			return bytecode.None()
		}
		return label()
	case bytecode.KindUint:
		return count()
	case bytecode.KindAtom:
		return bytecode.AtomOp(rapid.IntRange(0, len(m.Atoms)-1).Draw(t, "atom"))
	case bytecode.KindLocal:
		return bytecode.Func(rapid.IntRange(0, len(m.Functions)-1).Draw(t, "func"))
	case bytecode.KindImport:
		return bytecode.Imp(rapid.IntRange(0, len(m.Imports)-1).Draw(t, "import"))
	case bytecode.KindLambda:
		return bytecode.Lam(rapid.IntRange(0, len(m.Funs)-1).Draw(t, "lambda"))
	case bytecode.KindSize:
		if rapid.Bool().Draw(t, "all") {
			return bytecode.None()
		}
		return src()
	case bytecode.KindBsFlags:
		return bytecode.Uint(rapid.IntRange(0, 7).Draw(t, "flags"))
	case bytecode.KindLit:
		return lit()
	case bytecode.KindSrcList:
		return list(src)
	case bytecode.KindValTable:
		return list(lit, label)
	case bytecode.KindArityTable:
		return list(count, label)
	case bytecode.KindPairs:
		return list(src, src)
	case bytecode.KindKeyDsts:
		return list(src, reg)
	case bytecode.KindUpdates:
		return list(count, src)
	case bytecode.KindSegments:
		return list(func() bytecode.Operand {
			size := bytecode.None()
			if rapid.Bool().Draw(t, "sized") {
				size = src()
			}
			return bytecode.Seg(bytecode.SegType(rapid.IntRange(1, 6).Draw(t, "segtype")),
				bytecode.BsFlags(rapid.IntRange(0, 7).Draw(t, "segflags")),
				rapid.IntRange(1, bytecode.MaxUnit).Draw(t, "unit"), src(), size)
		})
	}
	panic("bytecodetest: no generator for operand kind " + k.String())
}
