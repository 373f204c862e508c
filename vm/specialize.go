package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// Specialised instructions exist only in the lowered form (STYLE G3): the loader rewrites a
// generic instruction into one of these when its operands allow a faster case. Their numbers
// sit above every bytecode opcode. Each one's effect is exactly its generic form's.
const (
	lopMoveXX        bytecode.Opcode = 200 + iota // move xA, xB
	lopMoveXY                                     // move xA, yB
	lopMoveYX                                     // move yA, xB
	lopMoveCX                                     // move Const, xB
	lopAdd                                        // bif2 Fail, erlang:'+'/2, A, B, Dst: small-integer fast path
	lopSub                                        // bif2 Fail, erlang:'-'/2, A, B, Dst: small-integer fast path
	lopIsLt                                       // is_lt: small-integer fast path
	lopIsGe                                       // is_ge: small-integer fast path
	lopIsEqExact                                  // is_eq_exact: word-equality fast path
	lopAddRI                                      // bif2 Fail, erlang:'+'/2, Reg, SmallConst, Reg: the constant in args[5]
	lopSubRI                                      // bif2 Fail, erlang:'-'/2, Reg, SmallConst, Reg: the constant in args[5]
	lopIsLtRI                                     // is_lt Fail, Reg, SmallConst: the constant in args[3]
	lopIsGeRI                                     // is_ge Fail, Reg, SmallConst: the constant in args[3]
	lopDeallocReturn                              // deallocate N; return (the return stays in place for jumps to it)
)

// lowered lists the specialised forms for tests and listings: name and generic form.
var lowered = map[bytecode.Opcode][2]string{
	lopMoveXX:        {"move_xx", "move"},
	lopMoveXY:        {"move_xy", "move"},
	lopMoveYX:        {"move_yx", "move"},
	lopMoveCX:        {"move_cx", "move"},
	lopAdd:           {"add", "bif2 erlang:'+'/2"},
	lopSub:           {"sub", "bif2 erlang:'-'/2"},
	lopIsLt:          {"is_lt_fast", "is_lt"},
	lopIsGe:          {"is_ge_fast", "is_ge"},
	lopIsEqExact:     {"is_eq_exact_fast", "is_eq_exact"},
	lopAddRI:         {"add_ri", "bif2 erlang:'+'/2"},
	lopSubRI:         {"sub_ri", "bif2 erlang:'-'/2"},
	lopIsLtRI:        {"is_lt_ri", "is_lt"},
	lopIsGeRI:        {"is_ge_ri", "is_ge"},
	lopDeallocReturn: {"deallocate_return", "deallocate; return"},
}

var (
	atomErlang = term.MustIntern("erlang")
	atomPlus   = term.MustIntern("+")
	atomMinus  = term.MustIntern("-")
)

// smallImm reports whether a lowered operand is a constant small integer that fits in 32
// bits, and returns it as an immediate (the specialised forms keep it in a spare args word).
func smallImm(lm *module, o operand) (uint32, bool) {
	if o&opKindMask != opConst {
		return 0, false
	}
	t := lm.lits[o&opIndexMask]
	if !t.IsSmall() || t.Small() != int64(int32(t.Small())) {
		return 0, false
	}
	return uint32(int32(t.Small())), true
}

// isReg reports whether a lowered operand is an x or y register.
func isReg(o operand) bool { k := o & opKindMask; return k == opX || k == opY }

// specialize returns the specialised opcode for a lowered generic instruction, or its own;
// a specialised form that needs an immediate stores it in li.
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
			imm, ok := smallImm(lm, operand(li.args[3]))
			ok = ok && isReg(operand(li.args[2])) && isReg(operand(li.args[4]))
			switch {
			case e.name == atomPlus && ok:
				li.args[5] = imm
				return lopAddRI
			case e.name == atomMinus && ok:
				li.args[5] = imm
				return lopSubRI
			case e.name == atomPlus:
				return lopAdd
			case e.name == atomMinus:
				return lopSub
			}
		}
	case bytecode.IsLt, bytecode.IsGe:
		if imm, ok := smallImm(lm, operand(li.args[2])); ok && isReg(operand(li.args[1])) {
			li.args[3] = imm
			if li.op == bytecode.IsLt {
				return lopIsLtRI
			}
			return lopIsGeRI
		}
		if li.op == bytecode.IsLt {
			return lopIsLt
		}
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

// fuse rewrites pairs of adjacent instructions that run together into one specialised
// instruction at the first one's place. The second stays where it is, so a jump to it still
// finds it.
func fuse(f *function) {
	for i := 0; i+1 < len(f.code); i++ {
		if f.code[i].op == bytecode.Deallocate && f.code[i+1].op == bytecode.Return {
			f.code[i].op = lopDeallocReturn
		}
	}
}
