package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// Specialised instructions exist only in the lowered form (STYLE G3): the loader rewrites a
// generic instruction into one of these when its operands allow a faster case. Their numbers
// sit above every bytecode opcode. Each one's effect is exactly its generic form's.
const (
	lopMoveXX    bytecode.Opcode = 200 + iota // move xA, xB
	lopMoveXY                                 // move xA, yB
	lopMoveYX                                 // move yA, xB
	lopMoveCX                                 // move Const, xB
	lopAdd                                    // bif2 Fail, erlang:'+'/2, A, B, Dst: small-integer fast path
	lopSub                                    // bif2 Fail, erlang:'-'/2, A, B, Dst: small-integer fast path
	lopIsLt                                   // is_lt: small-integer fast path
	lopIsGe                                   // is_ge: small-integer fast path
	lopIsEqExact                              // is_eq_exact: word-equality fast path
)

// lowered lists the specialised forms for tests and listings: name and generic form.
var lowered = map[bytecode.Opcode][2]string{
	lopMoveXX:    {"move_xx", "move"},
	lopMoveXY:    {"move_xy", "move"},
	lopMoveYX:    {"move_yx", "move"},
	lopMoveCX:    {"move_cx", "move"},
	lopAdd:       {"add", "bif2 erlang:'+'/2"},
	lopSub:       {"sub", "bif2 erlang:'-'/2"},
	lopIsLt:      {"is_lt_fast", "is_lt"},
	lopIsGe:      {"is_ge_fast", "is_ge"},
	lopIsEqExact: {"is_eq_exact_fast", "is_eq_exact"},
}

var (
	atomErlang = term.MustIntern("erlang")
	atomPlus   = term.MustIntern("+")
	atomMinus  = term.MustIntern("-")
)

// specialize returns the specialised opcode for a lowered generic instruction, or its own.
func specialize(lm *module, li *instr) bytecode.Opcode {
	kind := func(i int) operand { return operand(li.args[i]) & opKindMask }
	switch li.op {
	case bytecode.Move:
		switch {
		case kind(0) == opX && kind(1) == opX:
			return lopMoveXX
		case kind(0) == opX && kind(1) == opY:
			return lopMoveXY
		case kind(0) == opY && kind(1) == opX:
			return lopMoveYX
		case kind(0) == opConst && kind(1) == opX:
			return lopMoveCX
		}
	case bytecode.Bif2:
		e := lm.imports[li.args[1]]
		if e.mod == atomErlang && e.arity == 2 {
			switch e.name {
			case atomPlus:
				return lopAdd
			case atomMinus:
				return lopSub
			}
		}
	case bytecode.IsLt:
		return lopIsLt
	case bytecode.IsGe:
		return lopIsGe
	case bytecode.IsEqExact:
		return lopIsEqExact
	}
	return li.op
}

// bifArity returns the number of arguments of a bif1..bif3 instruction or its specialisation.
func bifArity(op bytecode.Opcode) int {
	switch op {
	case bytecode.Bif1:
		return 1
	case bytecode.Bif3:
		return 3
	}
	return 2
}
