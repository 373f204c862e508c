package bytecodetest

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
	"pgregory.net/rapid"
)

// ValidModule draws a module that passes bytecode.Verify: each function optionally makes a
// frame, runs straight-line code (moves, builds, BIFs, type tests, local and external calls,
// closures) over the registers it has written, and returns; every test fails to a final
// if_end. Literals have no pids, refs or funs, so the module has a .bl spelling.
func ValidModule(t *rapid.T) *bytecode.Module {
	m := &bytecode.Module{
		Name:  valuetest.Atom().Draw(t, "name"),
		File:  "valid.bl",
		Atoms: []value.Atom{"rec"},
		Imports: []bytecode.Import{{Module: "erlang", Name: "+", Arity: 2},
			{Module: "erlang", Name: "self", Arity: 0}, {Module: "lists", Name: "reverse", Arity: 1}},
	}
	m.Literals = rapid.SliceOfN(valuetest.TermWith(valuetest.Options{NoIdentifiers: true, MaxDepth: 2}), 1, 5).Draw(t, "literals")
	nf := rapid.IntRange(1, 4).Draw(t, "nfuncs")
	for i := 0; i < nf; i++ {
		m.Functions = append(m.Functions, bytecode.Function{
			Name:  value.Atom(rapid.SampledFrom([]string{"f", "g", "run", "Quoted name"}).Draw(t, "fname")) + value.Atom(rune('a'+i)),
			Arity: rapid.IntRange(0, 4).Draw(t, "farity"),
		})
	}
	m.Exports = []int{0}
	for i := range m.Functions {
		if m.Functions[i].Arity >= 1 {
			m.Funs = append(m.Funs, bytecode.Lambda{Func: i, NumFree: 1})
		}
	}
	for i := range m.Functions {
		m.Functions[i].Code = validCode(t, m, i)
	}
	return m
}

func validCode(t *rapid.T, m *bytecode.Module, fi int) []bytecode.Instr {
	f := &m.Functions[fi]
	var code []bytecode.Instr
	var tests []int // instructions whose fail label is patched to the final if_end
	line := int32(1)
	emit := func(op bytecode.Opcode, args ...bytecode.Operand) {
		code = append(code, bytecode.Instr{Op: op, Args: args, Line: line})
		line++
	}
	xs := map[int]bool{}
	for i := 0; i < f.Arity; i++ {
		xs[i] = true
	}
	frame := 0
	if rapid.Bool().Draw(t, "frame") {
		frame = rapid.IntRange(1, 3).Draw(t, "slots")
		emit(bytecode.Allocate, bytecode.Uint(frame))
		for y := 0; y < frame; y++ {
			emit(bytecode.Init, bytecode.Y(y))
		}
	}
	lit := func() bytecode.Operand { return bytecode.Lit(rapid.IntRange(0, len(m.Literals)-1).Draw(t, "lit")) }
	src := func() bytecode.Operand {
		var defined []int
		for x := 0; x < 8; x++ {
			if xs[x] {
				defined = append(defined, x)
			}
		}
		switch k := rapid.IntRange(0, 2).Draw(t, "src"); {
		case k == 0 && len(defined) > 0:
			return bytecode.X(rapid.SampledFrom(defined).Draw(t, "x"))
		case k == 1 && frame > 0:
			return bytecode.Y(rapid.IntRange(0, frame-1).Draw(t, "y"))
		}
		return lit()
	}
	dst := func() bytecode.Operand {
		if frame > 0 && rapid.IntRange(0, 3).Draw(t, "ydst") == 0 {
			return bytecode.Y(rapid.IntRange(0, frame-1).Draw(t, "y"))
		}
		x := rapid.IntRange(0, 7).Draw(t, "xdst")
		xs[x] = true
		return bytecode.X(x)
	}
	n := rapid.IntRange(0, 12).Draw(t, "nbody")
	for i := 0; i < n; i++ {
		switch rapid.IntRange(0, 8).Draw(t, "what") {
		case 0:
			s := src()
			emit(bytecode.Move, s, dst())
		case 1:
			elems := []bytecode.Operand{src(), src()}
			emit(bytecode.PutTuple, dst(), bytecode.List(elems...))
		case 2:
			h, tl := src(), src()
			emit(bytecode.PutList, h, tl, dst())
		case 3:
			a, b := src(), src()
			tests = append(tests, len(code))
			emit(bytecode.Bif2, bytecode.None(), bytecode.Imp(0), a, b, dst())
		case 4:
			tests = append(tests, len(code))
			emit(rapid.SampledFrom([]bytecode.Opcode{bytecode.IsInteger, bytecode.IsAtom, bytecode.IsTuple, bytecode.IsList}).Draw(t, "test"),
				bytecode.None(), src())
		case 5:
			a, b := src(), src()
			tests = append(tests, len(code))
			emit(bytecode.IsEqExact, bytecode.None(), a, b)
		case 6:
			if frame == 0 {
				continue
			}
			callee := rapid.IntRange(0, len(m.Functions)-1).Draw(t, "callee")
			ar := m.Functions[callee].Arity
			for x := 0; x < ar; x++ {
				emit(bytecode.Move, src(), bytecode.X(x))
			}
			emit(bytecode.Call, bytecode.Uint(ar), bytecode.Func(callee))
			xs = map[int]bool{0: true}
		case 7:
			emit(bytecode.Bif0, bytecode.Imp(1), dst())
		case 8:
			if len(m.Funs) == 0 {
				continue
			}
			l := rapid.IntRange(0, len(m.Funs)-1).Draw(t, "lambda")
			env := src()
			emit(bytecode.MakeFun, bytecode.Lam(l), dst(), bytecode.List(env))
		}
	}
	emit(bytecode.Move, src(), bytecode.X(0))
	if frame > 0 {
		emit(bytecode.Deallocate, bytecode.Uint(frame))
	}
	emit(bytecode.Return)
	fail := len(code)
	emit(bytecode.IfEnd)
	for _, i := range tests {
		code[i].Args[0] = bytecode.Label(fail)
	}
	return code
}
