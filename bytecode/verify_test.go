package bytecode_test

import (
	"errors"
	"testing"

	. "github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// I builds an instruction.
func I(op Opcode, args ...Operand) Instr { return Instr{Op: op, Args: args} }

// mod builds a module "m" in "m.bl" with the given literals and functions; imports are
// erlang:'+'/2 (0), lists:reverse/1 (1), erlang:self/0 (2); funs: one lambda on function 0 with
// one free variable when function 0 has an arity of at least 1.
func mod(lits []value.Term, fs ...Function) *Module {
	m := &Module{Name: "m", File: "m.bl", Literals: lits, Atoms: []value.Atom{"rec"},
		Imports: []Import{{"erlang", "+", 2}, {"lists", "reverse", 1}, {"erlang", "self", 0}}}
	m.Functions = fs
	for i := range fs {
		m.Exports = append(m.Exports, i)
	}
	if len(fs) > 0 && fs[0].Arity >= 1 {
		m.Funs = []Lambda{{Func: 0, NumFree: 1}}
	}
	return m
}

func fn(name string, arity int, code ...Instr) Function {
	for i := range code {
		code[i].Line = int32(10 + i)
	}
	return Function{Name: value.Atom(name), Arity: arity, Code: code}
}

var lits = []value.Term{value.Int(1), value.Atom("ok"), value.Nil, value.Binary("GET "), value.Float(2.5), value.Int(1)}

func validModules() map[string]*Module {
	return map[string]*Module{
		"identity": mod(nil, fn("id", 1, I(Return))),
		// loop(N) -> loop(N-1) via a backward jump, until N == 0.
		"label loop": mod(lits, fn("loop", 1,
			I(IsEqExact, Label(3), X(0), Lit(0)),
			I(Move, Lit(1), X(0)),
			I(Return),
			I(Bif2, None(), Imp(0), X(0), Lit(0), X(0)),
			I(Jump, Label(0)))),
		"frame and calls": mod(lits, fn("f", 1,
			I(Allocate, Uint(1)),
			I(Move, X(0), Y(0)),
			I(Call, Uint(1), Func(0)),
			I(Move, Y(0), X(1)),
			I(PutTuple, X(0), List(X(0), X(1), Lit(1))),
			I(CallExtLast, Uint(1), Imp(1), Uint(1)))),
		"try catch": mod(lits, fn("t", 0,
			I(Allocate, Uint(1)),
			I(Try, Y(0), Label(5)),
			I(CallExt, Uint(0), Imp(2)),
			I(TryEnd, Y(0)),
			I(Jump, Label(7)),
			I(TryCase, Y(0)),
			I(Move, X(1), X(0)),
			I(Deallocate, Uint(1)),
			I(Return))),
		"catch": mod(lits, fn("c", 0,
			I(Allocate, Uint(1)),
			I(Catch, Y(0), Label(3)),
			I(CallExt, Uint(0), Imp(2)),
			I(CatchEnd, Y(0)),
			I(Deallocate, Uint(1)),
			I(Return))),
		"receive": mod(lits, fn("r", 0,
			I(LoopRec, Label(5), X(0)),
			I(IsTuple, Label(4), X(0)),
			I(RemoveMessage),
			I(Return),
			I(LoopRecEnd, Label(0)),
			I(WaitTimeout, Label(0), Lit(0)),
			I(Timeout),
			I(Move, Lit(1), X(0)),
			I(Return))),
		"binary match": mod(lits, fn("b", 1,
			I(BsStartMatch, Label(6), X(0), X(1)),
			I(BsMatchString, Label(6), X(1), Lit(3)),
			I(BsGetInteger, Label(6), X(1), Lit(0), Uint(8), Uint(int(BsSigned)), X(2)),
			I(BsGetTail, X(1), X(0)),
			I(BsCreateBin, None(), X(0), List(Seg(SegInteger, BsLittle, 1, X(2), Lit(0)), Seg(SegBinary, 0, 8, X(0), None()))),
			I(Return),
			I(FuncClause))),
		"select and closures": mod(lits, fn("s", 1,
			I(SelectVal, X(0), None(), List(Lit(0), Label(1), Lit(1), Label(2))),
			I(Return),
			I(MakeFun, Lam(0), X(0), List(Lit(4))),
			I(Return))),
		"tuples lists maps": mod([]value.Term{value.Tuple{value.Atom("a"), value.Int(1)}, value.Atom("k")}, fn("d", 1,
			I(IsTaggedTuple, Label(14), X(0), Uint(3), AtomOp(0)),
			I(GetTupleElement, X(0), Uint(2), X(1)),
			I(UpdateTuple, X(0), X(2), List(Uint(1), X(1))),
			I(GetTupleElement, X(2), Uint(2), X(3)),
			I(GetTupleElement, Lit(0), Uint(1), X(4)),
			I(IsNonemptyList, Label(14), X(1)),
			I(GetList, X(1), X(5), X(6)),
			I(PutList, X(5), X(6), X(7)),
			I(GetTl, X(7), X(8)),
			I(IsMap, Label(14), X(8)),
			I(GetMapElements, Label(14), X(8), List(Lit(1), X(9))),
			I(PutMapAssoc, None(), X(8), X(10), List(Lit(1), X(9))),
			I(HasMapFields, Label(14), X(10), List(Lit(1))),
			I(SelectTupleArity, X(0), Label(14), List(Uint(3), Label(15))),
			I(IfEnd),
			I(GetTupleElement, X(0), Uint(2), X(0)),
			I(Return))),
		"unreachable garbage is not flow-checked": mod(lits, fn("u", 0,
			I(Move, Lit(0), X(0)),
			I(Return),
			I(Move, Y(7), X(3)))),
	}
}

func TestVerifyAcceptsValid(t *testing.T) {
	for name, m := range validModules() {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, Verify(m))
		})
	}
}

func TestVerifyRules(t *testing.T) {
	ret := I(Return)
	cases := []struct {
		name string
		m    *Module
		want string
	}{
		{"unknown opcode", mod(nil, fn("f", 1, I(Opcode(999)), ret)), "unknown opcode 999"},
		{"operand count", mod(nil, fn("f", 1, I(Move, X(0)), ret)), "takes 2 operands, found 1"},
		{"operand kind", mod(nil, fn("f", 1, I(Move, Label(0), X(0)), ret)), "label is not allowed for a Src operand"},
		{"label range", mod(nil, fn("f", 1, I(Jump, Label(5)))), "label 5 is not an instruction"},
		{"x range", mod(nil, fn("f", 1, I(Move, X(0), X(MaxX)), ret)), "x1024 out of range"},
		{"y range", mod(nil, fn("f", 1, I(Move, X(0), Y(MaxY)), ret)), "y1024 out of range"},
		{"literal range", mod(nil, fn("f", 1, I(Move, Lit(0), X(0)), ret)), "literal 0 out of range"},
		{"atom range", mod(nil, fn("f", 1, I(IsTaggedTuple, None(), X(0), Uint(2), AtomOp(3)), ret)), "atom 3 out of range"},
		{"import range", mod(nil, fn("f", 1, I(CallExtOnly, Uint(1), Imp(9)))), "import 9 out of range"},
		{"function range", mod(nil, fn("f", 1, I(CallOnly, Uint(1), Func(4)))), "function 4 out of range"},
		{"fun range", mod(nil, fn("f", 0, I(MakeFun, Lam(0), X(0), List()), ret)), "fun 0 out of range"},
		{"local call arity", mod(nil, fn("f", 1, I(CallOnly, Uint(2), Func(0)))), "calls f/1 with 2 arguments"},
		{"external call arity", mod(nil, fn("f", 1, I(CallExtOnly, Uint(1), Imp(0)))), "calls erlang:+/2 with 1 arguments"},
		{"bif arity", mod(nil, fn("f", 1, I(Bif1, None(), Imp(0), X(0), X(0)), ret)), "bif1 needs a BIF of arity 1"},
		{"make_fun env", mod(nil, fn("f", 1, I(MakeFun, Lam(0), X(0), List()), ret)), "make_fun captures 0"},
		{"arity limit", mod(nil, fn("f", 1, I(CallFunOnly, Uint(300)))), "arity 300 out of range"},
		{"falls off the end", mod(nil, fn("f", 1, I(Move, X(0), X(1)))), "falls off the end"},
		{"empty function", mod(nil, fn("f", 1)), "falls off the end"},
		{"test falls off the end", mod(nil, fn("f", 1, I(IsAtom, Label(0), X(0)))), "falls off the end"},
		{"x read before written", mod(nil, fn("f", 1, I(Move, X(1), X(0)), ret)), "x1 is read before it is written"},
		{"x clobbered by a call", mod(nil, fn("f", 1,
			I(Allocate, Uint(0)), I(Move, X(0), X(1)), I(Call, Uint(1), Func(0)), I(Move, X(1), X(0)),
			I(Deallocate, Uint(0)), ret)), "x1 is read before it is written"},
		{"x defined on one path only", mod(nil, fn("f", 1,
			I(IsAtom, Label(2), X(0)), I(Move, X(0), X(1)), I(Move, X(1), X(0)), ret)), "x1 is read before"},
		{"y read before written", mod(nil, fn("f", 1,
			I(Allocate, Uint(2)), I(Move, Y(1), X(0)), I(Deallocate, Uint(2)), ret)), "y1 is read before it is written"},
		{"y outside the frame", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Move, X(0), Y(1)), I(Deallocate, Uint(1)), ret)), "y1 is outside the frame of 1 slots"},
		{"y without a frame", mod(nil, fn("f", 1, I(Move, X(0), Y(0)), ret)), "y0 used without a frame"},
		{"frames differ at a join", mod(nil, fn("f", 1,
			I(IsAtom, Label(2), X(0)), I(Allocate, Uint(1)), ret)), "paths with different frames meet here"},
		{"return with a frame", mod(nil, fn("f", 1, I(Allocate, Uint(1)), ret)), "return with a live frame of 1 slots"},
		{"tail call with a frame", mod(nil, fn("f", 1, I(Allocate, Uint(0)), I(CallOnly, Uint(1), Func(0)))), "a tail call with a live frame"},
		{"call without a frame", mod(nil, fn("f", 1, I(Call, Uint(1), Func(0)), ret)),
			"call without a frame: a call that returns here needs one"},
		{"call_ext without a frame", mod(nil, fn("f", 2, I(CallExt, Uint(2), Imp(0)), ret)),
			"call_ext without a frame"},
		{"call_fun without a frame", mod(nil, fn("f", 2, I(CallFun, Uint(1)), ret)), "call_fun without a frame"},
		{"apply without a frame", mod(nil, fn("f", 3, I(Apply, Uint(1)), ret)), "apply without a frame"},
		{"call after the frame is gone", mod(nil, fn("f", 1,
			I(Allocate, Uint(0)), I(Call, Uint(1), Func(0)), I(Deallocate, Uint(0)), I(Call, Uint(1), Func(0)), ret)),
			"instruction 3 (call): call without a frame"},
		{"deallocate without a frame", mod(nil, fn("f", 1, I(Deallocate, Uint(1)), ret)), "no frame to deallocate"},
		{"deallocate size", mod(nil, fn("f", 1, I(Allocate, Uint(2)), I(Deallocate, Uint(1)), ret)), "the frame has 2 slots, not 1"},
		{"call_last size", mod(nil, fn("f", 1, I(Allocate, Uint(2)), I(CallLast, Uint(1), Func(0), Uint(3)))), "the frame has 2 slots, not 3"},
		{"allocate twice", mod(nil, fn("f", 1, I(Allocate, Uint(1)), I(Allocate, Uint(1)), I(Deallocate, Uint(1)), ret)), "already live"},
		{"match context as a value", mod(nil, fn("f", 1,
			I(BsStartMatch, None(), X(0), X(0)), ret)), "x0 holds a match context"},
		{"value as a match context", mod(lits, fn("f", 1,
			I(BsGetUtf8, None(), X(0), X(0)), ret)), "x0 is not known to be a match context"},
		{"catch tag as a value", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Try, Y(0), Label(4)), I(Move, Y(0), X(0)), I(Deallocate, Uint(1)),
			I(TryCase, Y(0)), I(Deallocate, Uint(1)), ret)), "y0 holds a catch tag"},
		{"try_end without try", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Init, Y(0)), I(TryEnd, Y(0)), I(Deallocate, Uint(1)), ret)), "y0 is not known to be a catch tag"},
		{"deallocate inside try", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Try, Y(0), Label(3)), I(Deallocate, Uint(1)),
			I(TryCase, Y(0)), I(Deallocate, Uint(1)), ret)), "while y0 holds an active try/catch"},
		{"overwriting a catch tag", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Try, Y(0), Label(4)), I(Move, X(0), Y(0)), I(Deallocate, Uint(1)),
			I(TryCase, Y(0)), I(Deallocate, Uint(1)), ret)), "y0 holds an active try/catch and cannot be overwritten"},
		{"try on some paths only", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Init, Y(0)), I(IsAtom, Label(4), X(0)), I(Try, Y(0), Label(6)),
			I(Deallocate, Uint(1)), ret,
			I(TryCase, Y(0)), I(Deallocate, Uint(1)), ret)), "while y0 holds an active try/catch on some paths"},
		{"handler sees the whole try body", mod(lits, fn("f", 1,
			I(Allocate, Uint(2)), I(Init, Y(1)), I(Try, Y(0), Label(7)),
			I(BsStartMatch, None(), X(0), Y(1)), // y1: a term at the try, a match context later
			I(CallExt, Uint(0), Imp(2)),         // may raise
			I(TryEnd, Y(0)), I(Jump, Label(9)),
			I(TryCase, Y(0)), // 7: y1 may be either
			I(PutTuple, X(0), List(Y(1))),
			I(Deallocate, Uint(2)), ret)), "y1 holds a match context on some paths and a value on others"},
		{"remove_message without loop_rec", mod(lits, fn("f", 1, I(RemoveMessage), ret)), "no message is under the save pointer"},
		{"remove_message after a call", mod(lits, fn("f", 0,
			I(LoopRec, Label(6), X(0)), I(Allocate, Uint(0)), I(Call, Uint(0), Func(0)), I(RemoveMessage),
			I(Deallocate, Uint(0)), ret, I(Wait, Label(0)))),
			"no message is under the save pointer"},
		{"loop_rec_end after remove_message", mod(lits, fn("f", 0,
			I(LoopRec, Label(3), X(0)), I(RemoveMessage), I(LoopRecEnd, Label(0)), I(Wait, Label(0)))),
			"no message is under the save pointer"},
		{"try_end of an outer try", mod(nil, fn("f", 1,
			I(Allocate, Uint(2)), I(Try, Y(0), Label(7)), I(Try, Y(1), Label(5)), I(TryEnd, Y(0)),
			I(Jump, Label(8)),
			I(TryCase, Y(1)), I(Jump, Label(8)), // 5
			I(TryCase, Y(0)), // 7
			I(Deallocate, Uint(2)), ret)), "y0's try/catch is not the innermost active one (y1's is)"},
		{"try handler", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(Try, Y(0), Label(2)), I(Deallocate, Uint(1)), ret)), "the handler (instruction 2) must be try_case y0"},
		{"select duplicates", mod(lits, fn("f", 1,
			I(SelectVal, X(0), None(), List(Lit(0), Label(1), Lit(5), Label(1))), ret)), "select value 1 appears twice"},
		{"select value type", mod(lits, fn("f", 1,
			I(SelectVal, X(0), None(), List(Lit(2), Label(1))), ret)), "select value [] is not an atom or a number"},
		{"arity table duplicates", mod(lits, fn("f", 1,
			I(SelectTupleArity, X(0), None(), List(Uint(2), Label(1), Uint(2), Label(1))), ret)), "arity 2 appears twice"},
		{"odd pair list", mod(lits, fn("f", 1,
			I(PutMapAssoc, None(), Lit(0), X(0), List(X(0))), ret)), "needs a multiple of 2 elements"},
		{"segment unit", mod(lits, fn("f", 1,
			I(BsCreateBin, None(), X(0), List(Seg(SegInteger, 0, 0, X(0), Lit(0)))), ret)), "segment unit 0 out of range"},
		{"segment size literal", mod(lits, fn("f", 1,
			I(BsCreateBin, None(), X(0), List(Seg(SegInteger, 0, 1, X(0), Lit(1)))), ret)), "size ok is not a non-negative integer"},
		{"bs flags", mod(lits, fn("f", 1,
			I(BsStartMatch, None(), X(0), X(0)), I(BsGetInteger, None(), X(0), Lit(0), Uint(1), Uint(64), X(0)), ret)), "unknown binary flags"},
		{"match string literal", mod(lits, fn("f", 1,
			I(BsStartMatch, None(), X(0), X(0)), I(BsMatchString, None(), X(0), Lit(0)), ret)), "needs a bitstring literal"},
		{"element of an untested term", mod(nil, fn("f", 1, I(GetTupleElement, X(0), Uint(0), X(0)), ret)),
			"x0 is not known to be a tuple of at least 1 elements"},
		{"element beyond the tested arity", mod(nil, fn("f", 1,
			I(IsTuple, Label(3), X(0)), I(TestArity, Label(3), X(0), Uint(2)),
			I(GetTupleElement, X(0), Uint(2), X(0)), ret)), "x0 is not known to be a tuple of at least 3 elements"},
		{"test_arity of an untested term", mod(nil, fn("f", 1, I(TestArity, Label(1), X(0), Uint(2)), ret)),
			"x0 is not known to be a tuple"},
		{"tuple on one path only", mod(nil, fn("f", 1,
			I(IsAtom, Label(2), X(0)), I(PutTuple, X(0), List(X(0))), I(GetTupleElement, X(0), Uint(0), X(0)), ret)),
			"x0 is not known to be a tuple"},
		{"head of an untested term", mod(nil, fn("f", 1, I(GetHd, X(0), X(0)), ret)), "x0 is not known to be a non-empty list"},
		{"head of a tested list", mod(nil, fn("f", 1, I(IsList, Label(2), X(0)), I(GetList, X(0), X(0), X(1)), ret)),
			"x0 is not known to be a non-empty list"},
		{"map lookup in an untested term", mod(lits, fn("f", 1, I(GetMapElements, Label(1), X(0), List(Lit(1), X(0))), ret)),
			"x0 is not known to be a map"},
		{"type lost across a call", mod(nil, fn("f", 1,
			I(Allocate, Uint(1)), I(IsTuple, Label(5), X(0)), I(TestArity, Label(5), X(0), Uint(1)), I(Call, Uint(1), Func(0)),
			I(GetTupleElement, X(0), Uint(0), Y(0)), I(Deallocate, Uint(1)), ret)), "x0 is not known to be a tuple"},
		{"duplicate function", mod(nil, fn("f", 1, ret), fn("f", 1, ret)), "f/1 is already defined"},
		{"export range", func() *Module { m := mod(nil, fn("f", 1, ret)); m.Exports = []int{3}; return m }(), "export 0: no function 3"},
		{"export twice", func() *Module { m := mod(nil, fn("f", 1, ret)); m.Exports = []int{0, 0}; return m }(), "exported twice"},
		{"fun free variables", func() *Module {
			m := mod(nil, fn("f", 1, ret))
			m.Funs = []Lambda{{Func: 0, NumFree: 2}}
			return m
		}(), "2 free variables, but f/1 has only 1"},
		{"function arity", mod(nil, fn("f", 256, ret)), "arity 256 out of range"},
		{"nil literal", mod([]value.Term{nil}, fn("f", 1, ret)), "literal 0: nil term"},
		{"unsorted map literal", mod([]value.Term{value.Map{Keys: []value.Term{value.Int(2), value.Int(1)},
			Values: []value.Term{value.Nil, value.Nil}}}, fn("f", 1, ret)), "strictly increasing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Verify(c.m)
			require.Error(t, err)
			var list ErrorList
			require.True(t, errors.As(err, &list), "%T", err)
			require.NotEmpty(t, list)
			assert.Contains(t, err.Error(), c.want)
			for _, e := range list {
				assert.Equal(t, value.Atom("m"), e.Module)
			}
		})
	}
}

func TestVerifyErrorNamesPosition(t *testing.T) {
	m := mod(nil, fn("f", 1, I(Move, X(0), X(0)), I(Move, X(3), X(0)), I(Return)))
	err := Verify(m)
	var list ErrorList
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 1)
	e := list[0]
	assert.Equal(t, "f/1", e.Func)
	assert.Equal(t, 1, e.Index)
	assert.Equal(t, "move", e.Op)
	assert.Equal(t, Pos{File: "m.bl", Line: 11}, e.Pos)
	assert.Equal(t, "m.bl:11: module m, f/1, instruction 1 (move): x3 is read before it is written (on some path)", e.Error())
}

func TestVerifyErrorCap(t *testing.T) {
	var code []Instr
	for i := 0; i < 3*MaxErrors; i++ {
		code = append(code, I(Move, X(5), X(0)))
	}
	code = append(code, I(Return))
	err := Verify(mod(nil, fn("f", 1, code...)))
	var list ErrorList
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, MaxErrors)
}
