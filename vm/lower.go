package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// operand is a lowered register or constant operand: the kind in the top two bits, the index
// below. Constants index module.lits (atoms of KindAtom operands are appended there too).
type operand uint32

const (
	opX     operand = 0 << 30
	opY     operand = 1 << 30
	opConst operand = 2 << 30
	opNone  operand = 3 << 30 // no operand (a Size of "all")

	opKindMask  operand = 3 << 30
	opIndexMask operand = 1<<30 - 1
)

// noLabel marks a fail label of "none": the instruction raises instead of jumping.
const noLabel = ^uint32(0)

// instr is one lowered instruction. Operands keep the table's order in args: registers and
// constants as operands, labels as instruction indices (noLabel for none), counts as numbers,
// imports, local functions and lambdas as indices into the module's tables. List operands live
// in ext. back has bit i set when args[i] is a label at or before this instruction, so taking
// it costs a reduction (bytecode's back-edge rule).
type instr struct {
	op   bytecode.Opcode
	back uint8
	args [6]uint32
	ext  *instrExt
}

// instrExt holds an instruction's list operand.
type instrExt struct {
	ops    []operand   // SrcList, Pairs, KeyDsts (flattened), Updates' values
	nums   []uint32    // ArityTable arities, Updates' positions
	vals   []term.Term // ValTable values
	labels []uint32    // ValTable and ArityTable targets
	segs   []segment
	site   *callSite // apply* and call_fun*: the call site's inline cache (interp_call.go)
}

// segment is a lowered binary segment of bs_create_bin.
type segment struct {
	typ   bytecode.SegType
	flags bytecode.BsFlags
	unit  int
	val   operand
	size  operand
}

func lowerFunction(lm *module, f *function, bf *bytecode.Function) {
	f.code = make([]instr, len(bf.Code))
	f.lines = make([]int32, len(bf.Code))
	f.xmax = bf.Arity
	for i, in := range bf.Code {
		f.lines[i] = in.Line
		info := bytecode.Lookup(in.Op)
		li := instr{op: in.Op}
		for j, spec := range info.Operands {
			a := in.Args[j]
			switch {
			case spec.Kind.IsList():
				li.ext = lowerList(lm, f, spec.Kind, a)
			case a.Tag == bytecode.TagLabel:
				li.args[j] = a.N
				if int(a.N) <= i {
					li.back |= 1 << j
				}
			case a.Tag == bytecode.TagNone:
				if spec.Kind == bytecode.KindFail {
					li.args[j] = noLabel
				} else {
					li.args[j] = uint32(opNone)
				}
			case a.Tag == bytecode.TagAtom:
				li.args[j] = uint32(constOperand(lm, lm.atoms[a.N]))
			default:
				li.args[j] = uint32(lowerOperand(f, a))
			}
		}
		li.op = specialize(lm, &li)
		switch li.op {
		case bytecode.Apply, bytecode.ApplyLast, bytecode.ApplyOnly,
			bytecode.CallFun, bytecode.CallFunLast, bytecode.CallFunOnly:
			if li.ext == nil {
				li.ext = &instrExt{}
			}
			li.ext.site = &callSite{}
		}
		f.code[i] = li
	}
	fuse(f)
}

// lowerOperand converts a register, literal or plain number operand.
func lowerOperand(f *function, a bytecode.Operand) operand {
	switch a.Tag {
	case bytecode.TagX:
		f.xmax = max(f.xmax, int(a.N)+1)
		return opX | operand(a.N)
	case bytecode.TagY:
		return opY | operand(a.N)
	case bytecode.TagLit:
		return opConst | operand(a.N)
	}
	return operand(a.N) // uint, func, import, lambda: the number itself
}

// constOperand returns a constant operand for t, appending it to the module's constants.
func constOperand(lm *module, t term.Term) operand {
	lm.lits = append(lm.lits, t)
	return opConst | operand(len(lm.lits)-1)
}

func lowerList(lm *module, f *function, kind bytecode.OperandKind, a bytecode.Operand) *instrExt {
	ext := &instrExt{}
	switch kind {
	case bytecode.KindValTable:
		for k := 0; k+1 < len(a.List); k += 2 {
			ext.vals = append(ext.vals, lm.lits[a.List[k].N])
			ext.labels = append(ext.labels, a.List[k+1].N)
		}
	case bytecode.KindArityTable:
		for k := 0; k+1 < len(a.List); k += 2 {
			ext.nums = append(ext.nums, a.List[k].N)
			ext.labels = append(ext.labels, a.List[k+1].N)
		}
	case bytecode.KindUpdates:
		for k := 0; k+1 < len(a.List); k += 2 {
			ext.nums = append(ext.nums, a.List[k].N)
			ext.ops = append(ext.ops, lowerOperand(f, a.List[k+1]))
		}
	case bytecode.KindSegments:
		for _, s := range a.List {
			seg := segment{typ: s.SegType(), flags: s.SegFlags(), unit: s.SegUnit(),
				val: lowerOperand(f, s.SegValue()), size: opNone}
			if sz := s.SegSize(); sz.Tag != bytecode.TagNone {
				seg.size = lowerOperand(f, sz)
			}
			ext.segs = append(ext.segs, seg)
		}
	default: // SrcList, Pairs, KeyDsts
		for _, e := range a.List {
			ext.ops = append(ext.ops, lowerOperand(f, e))
		}
	}
	return ext
}
