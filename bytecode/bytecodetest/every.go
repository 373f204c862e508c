package bytecodetest

import (
	. "github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
)

// EveryInstruction returns a module that passes bytecode.Verify and uses every instruction of
// the table at least once, in the ways compiled code uses them: a sample for round trips
// (encoding, assembly) and for loader tests. Its functions are not meant to compute anything
// useful.
func EveryInstruction() *Module {
	lit := map[string]int{}
	m := &Module{Name: "every", File: "every.bl", Atoms: []value.Atom{"rec"},
		Imports: []Import{
			{Module: "erlang", Name: "+", Arity: 2},
			{Module: "lists", Name: "reverse", Arity: 1},
			{Module: "erlang", Name: "self", Arity: 0},
			{Module: "erlang", Name: "setelement", Arity: 3},
		}}
	for _, l := range []struct {
		name string
		t    value.Term
	}{
		{"ok", value.Atom("ok")}, {"1", value.Int(1)}, {"8", value.Int(8)}, {"nil", value.Nil},
		{"GET", value.Binary("GET ")}, {"2.5", value.Float(2.5)}, {"emptymap", value.Map{}},
		{"error", value.Atom("error")}, {"tuple", value.Tuple{value.Atom("rec"), value.Int(1)}},
		{"k", value.Atom("k")}, {"infinity", value.Atom("infinity")}, {"32", value.Int(32)},
	} {
		lit[l.name] = len(m.Literals)
		m.Literals = append(m.Literals, l.t)
	}
	L := func(name string) Operand { return Lit(lit[name]) }
	I := func(op Opcode, args ...Operand) Instr { return Instr{Op: op, Args: args} }
	fn := func(name string, arity int, code ...Instr) {
		for i := range code {
			code[i].Line = int32(100*len(m.Functions) + i + 1)
		}
		m.Functions = append(m.Functions, Function{Name: value.Atom(name), Arity: arity, Code: code})
		m.Exports = append(m.Exports, len(m.Functions)-1)
	}

	// 0: frames, body calls, moves.
	fn("calls", 1,
		I(Allocate, Uint(1)),
		I(Move, X(0), Y(0)),
		I(Call, Uint(1), Func(0)),
		I(CallExt, Uint(1), Imp(1)),
		I(CallFun, Uint(0)),
		I(Move, L("ok"), X(0)),
		I(Move, L("ok"), X(1)),
		I(Apply, Uint(0)),
		I(Init, Y(0)),
		I(Swap, X(0), Y(0)),
		I(Deallocate, Uint(1)),
		I(Return))
	// 1..8: tail calls.
	fn("call_last", 1, I(Allocate, Uint(0)), I(CallLast, Uint(1), Func(1), Uint(0)))
	fn("call_only", 1, I(CallOnly, Uint(1), Func(0)))
	fn("call_ext_last", 1, I(Allocate, Uint(0)), I(CallExtLast, Uint(1), Imp(1), Uint(0)))
	fn("call_ext_only", 1, I(CallExtOnly, Uint(1), Imp(1)))
	fn("call_fun_last", 1, I(Allocate, Uint(0)), I(Move, X(0), X(1)), I(CallFunLast, Uint(1), Uint(0)))
	fn("call_fun_only", 1, I(CallFunOnly, Uint(0)))
	fn("apply_last", 1, I(Allocate, Uint(0)), I(Move, L("ok"), X(1)), I(Move, L("ok"), X(2)), I(ApplyLast, Uint(1), Uint(0)))
	fn("apply_only", 1, I(Move, L("ok"), X(1)), I(Move, L("ok"), X(2)), I(ApplyOnly, Uint(1)))
	// 9: BIFs.
	fn("bifs", 1,
		I(Bif0, Imp(2), X(1)),
		I(Bif1, None(), Imp(1), X(0), X(2)),
		I(Bif2, Label(6), Imp(0), X(0), L("1"), X(3)),
		I(PutTuple, X(4), List(X(0), X(1))),
		I(Bif3, None(), Imp(3), L("1"), X(4), X(3), X(0)),
		I(Return),
		I(FuncClause))
	// 10: every type test and comparison, falling to if_end.
	tests := []Opcode{IsInteger, IsFloat, IsNumber, IsAtom, IsPid, IsRef, IsPort, IsBinary, IsBitstring, IsList,
		IsNonemptyList, IsNil, IsTuple, IsMap, IsFunction, IsBoolean}
	compares := []Opcode{IsLt, IsGe, IsEq, IsNe, IsEqExact, IsNeExact}
	fail := len(tests) + len(compares) + 5
	var code []Instr
	for _, op := range tests {
		code = append(code, I(op, Label(fail), X(0)))
	}
	for _, op := range compares {
		code = append(code, I(op, Label(fail), X(0), L("1")))
	}
	code = append(code,
		I(IsFunction2, Label(fail), X(0), L("1")),
		I(IsTaggedTuple, Label(fail), X(1), Uint(2), AtomOp(0)),
		I(TestArity, Label(fail), X(1), Uint(2)),
		I(Jump, Label(fail+1)),
		I(Return),
		I(IfEnd), // fail
		I(Jump, Label(fail-1)))
	fn("tests", 2, code...)
	// 11: selects.
	fn("selects", 1,
		I(SelectVal, X(0), Label(1), List(L("ok"), Label(4), L("1"), Label(5))),
		I(IsTuple, Label(5), X(0)),
		I(SelectTupleArity, X(0), Label(5), List(Uint(2), Label(3))),
		I(GetTupleElement, X(0), Uint(1), X(0)),
		I(Return),
		I(CaseEnd, X(0)))
	// 12: tuples, lists, maps.
	fn("terms", 1,
		I(PutTuple, X(1), List(X(0), L("ok"), L("1"))),
		I(GetTupleElement, X(1), Uint(2), X(2)),
		I(UpdateTuple, X(1), X(3), List(Uint(0), X(2))),
		I(PutList, X(3), L("nil"), X(4)),
		I(GetList, X(4), X(5), X(6)),
		I(GetHd, X(4), X(5)),
		I(GetTl, X(4), X(6)),
		I(PutMapAssoc, None(), L("emptymap"), X(7), List(L("k"), X(5))),
		I(PutMapExact, None(), X(7), X(8), List(L("k"), X(6))),
		I(HasMapFields, Label(12), X(8), List(L("k"))),
		I(GetMapElements, Label(12), X(8), List(L("k"), X(0))),
		I(Return),
		I(Badmatch, X(8)))
	// 13: binaries.
	fn("binaries", 1,
		I(BsCreateBin, None(), X(1), List(
			Seg(SegInteger, BsLittle|BsSigned, 1, X(0), L("32")),
			Seg(SegFloat, 0, 1, L("2.5"), None()),
			Seg(SegUtf8, 0, 1, L("1"), None()),
			Seg(SegBinary, 0, 8, L("GET"), None()))),
		I(BsStartMatch, Label(16), X(1), X(2)),
		I(BsGetPosition, X(2), X(3)),
		I(BsMatchString, Label(16), X(2), L("GET")),
		I(BsGetInteger, Label(16), X(2), L("32"), Uint(1), Uint(int(BsLittle|BsSigned)), X(4)),
		I(BsGetFloat, Label(16), X(2), L("8"), Uint(8), Uint(0), X(5)),
		I(BsGetUtf8, Label(16), X(2), X(6)),
		I(BsGetUtf16, Label(16), X(2), Uint(0), X(6)),
		I(BsGetUtf32, Label(16), X(2), Uint(int(BsLittle)), X(6)),
		I(BsSkipBits, Label(16), X(2), L("8"), Uint(1)),
		I(BsGetBinary, Label(16), X(2), L("1"), Uint(8), Uint(0), X(7)),
		I(BsTestUnit, Label(16), X(2), Uint(8)),
		I(BsSetPosition, X(2), X(3)),
		I(BsTestTail, Label(16), X(2), Uint(0)),
		I(BsGetTail, X(2), X(0)),
		I(Return),
		I(Move, X(1), X(0)),
		I(Return))
	// 14: closures (a lambda on function 0, which has one parameter: one free variable).
	m.Funs = []Lambda{{Func: 0, NumFree: 1}}
	fn("closures", 1, I(MakeFun, Lam(0), X(0), List(X(0))), I(Return))
	// 15: exceptions.
	fn("exceptions", 1,
		I(Allocate, Uint(2)),
		I(Try, Y(0), Label(6)),
		I(Catch, Y(1), Label(4)),
		I(CallExt, Uint(1), Imp(1)),
		I(CatchEnd, Y(1)), // 4
		I(TryEnd, Y(0)),
		I(Jump, Label(8)),
		I(TryCase, Y(0)), // 7
		I(Raise, X(0), X(1), X(2)),
		I(IsAtom, Label(10), X(0)), // 9
		I(Deallocate, Uint(2)),
		I(Return),
		I(TryCaseEnd, X(0))) // 12
	fix := m.Functions[len(m.Functions)-1].Code
	fix[1].Args[1] = Label(7)
	fix[6].Args[0] = Label(9)
	fix[9].Args[0] = Label(12)
	fn("badrecord", 1, I(Badrecord, X(0)))
	// 17: receive with a reference marker, as a gen_server call does.
	fn("receive", 1,
		I(Allocate, Uint(2)),
		I(RecvMarkerReserve, Y(1)),
		I(Bif0, Imp(2), Y(0)),
		I(RecvMarkerBind, Y(1), Y(0)),
		I(Send, X(0), Y(0)),
		I(RecvMarkerUse, Y(0)),
		I(LoopRec, Label(11), X(0)), // 6
		I(IsEqExact, Label(10), X(0), Y(0)),
		I(RemoveMessage),
		I(Jump, Label(14)),
		I(LoopRecEnd, Label(6)),                 // 10
		I(WaitTimeout, Label(6), L("infinity")), // 11
		I(Timeout),
		I(Move, L("error"), X(0)),
		I(RecvMarkerClear, Y(0)), // 14
		I(Deallocate, Uint(2)),
		I(Return))
	fn("wait", 0,
		I(LoopRec, Label(3), X(0)),
		I(RemoveMessage),
		I(Return),
		I(Wait, Label(0)))
	return m
}
