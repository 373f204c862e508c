package bytecode_test

import (
	"testing"

	. "github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

// largeModule builds a module of about n instructions in functions of about 200, shaped like
// compiled code: a frame, type tests to a shared fail label, BIFs, tuple building, calls and a
// backward loop.
func largeModule(n int) *Module {
	m := &Module{Name: "large", File: "large.bl",
		Literals: []value.Term{value.Int(1), value.Atom("ok"), value.Binary("bytes")},
		Imports:  []Import{{"erlang", "+", 2}, {"lists", "reverse", 1}}}
	for fi := 0; instrCount(m) < n; fi++ {
		code := []Instr{I(Allocate, Uint(2)), I(Move, X(0), Y(0)), I(Init, Y(1))}
		loop := len(code)
		for len(code) < 190 {
			code = append(code,
				I(IsInteger, Label(0), X(0)), // patched below
				I(Bif2, None(), Imp(0), X(0), Lit(0), X(1)),
				I(PutTuple, X(2), List(X(0), X(1), Y(0), Lit(1))),
				I(Move, X(2), Y(1)),
				I(Call, Uint(1), Func(fi)),
				I(IsEqExact, Label(0), X(0), Lit(1)),
				I(Move, Y(0), X(0)),
			)
		}
		code = append(code, I(IsTuple, Label(loop), Y(1)), I(Move, Y(1), X(0)), I(Deallocate, Uint(2)), I(Return))
		fail := len(code)
		code = append(code, I(IfEnd))
		for i := range code {
			if (code[i].Op == IsInteger || code[i].Op == IsEqExact) && code[i].Args[0].N == 0 {
				code[i].Args[0] = Label(fail)
			}
			code[i].Line = int32(i + 1)
		}
		m.Functions = append(m.Functions, Function{Name: value.Atom("f"), Arity: 1, Code: code})
		m.Functions[fi].Name = value.Atom("f" + string(rune('a'+fi%26)) + string(rune('a'+fi/26)))
		m.Exports = append(m.Exports, fi)
	}
	return m
}

func instrCount(m *Module) int {
	n := 0
	for _, f := range m.Functions {
		n += len(f.Code)
	}
	return n
}

func TestLargeModuleVerifies(t *testing.T) {
	m := largeModule(10000)
	require.GreaterOrEqual(t, instrCount(m), 10000)
	require.NoError(t, Verify(m))
}

func BenchmarkEncode(b *testing.B) {
	m := largeModule(10000)
	b.ReportAllocs()
	for b.Loop() {
		Encode(m)
	}
	b.ReportMetric(float64(instrCount(m)), "instrs")
}

func BenchmarkDecode(b *testing.B) {
	m := largeModule(10000)
	blc := Encode(m)
	b.SetBytes(int64(len(blc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(blc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(instrCount(m)), "instrs")
}

func BenchmarkVerify(b *testing.B) {
	m := largeModule(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Verify(m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(instrCount(m)), "instrs")
}
