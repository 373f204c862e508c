package bytecode

import "fmt"

// The dataflow half of the verifier: an abstract interpretation of one function over its
// control-flow graph. The abstract state at an instruction is the frame size (or none) and,
// for every x register and y slot, what it surely holds on every path that reaches it. States
// only lose information at joins (meet), so the worklist reaches a fixpoint; a final pass over
// the reachable instructions then reports errors against the fixpoint states, each once.

// regState is what a register surely holds.
type regState uint8

const (
	rUndef regState = iota // not written on some path
	rValue                 // a term
	rCtx                   // a binary match context (bs_start_match)
	rCatch                 // a catch tag (try, catch); y slots only
)

const (
	noFrame       = -1
	conflictFrame = -2 // paths with different frames joined; reported once, then unchecked
)

type flowState struct {
	frame int
	x     []regState
	y     []regState
}

func (s *flowState) clone() *flowState {
	return &flowState{frame: s.frame, x: append([]regState(nil), s.x...), y: append([]regState(nil), s.y...)}
}

// meet merges o into s and reports whether s changed and whether the frames disagreed.
func (s *flowState) meet(o *flowState) (changed, conflict bool) {
	if s.frame != o.frame && s.frame != conflictFrame {
		conflict = o.frame != conflictFrame
		s.frame, changed = conflictFrame, true
	}
	for i := range s.x {
		if s.x[i] != o.x[i] && s.x[i] != rUndef {
			s.x[i], changed = rUndef, true
		}
	}
	for i := range s.y {
		if s.y[i] != o.y[i] && s.y[i] != rUndef {
			s.y[i], changed = rUndef, true
		}
	}
	return changed, conflict
}

func (s *flowState) clearX() {
	for i := range s.x {
		s.x[i] = rUndef
	}
}

// flow runs one function's dataflow.
type flow struct {
	v        *verifier
	f        *Function
	leader   []bool
	in       []*flowState // at leaders only
	conflict []bool       // a frame conflict arose at this instruction's entry
	report   bool         // the final pass: report errors
	cur      int          // the instruction being executed
	queued   []bool       // leaders whose state changed since their block last ran
	lo       int          // no queued leader is below lo
}

func (v *verifier) dataflow() {
	f := v.f
	nx, ny := f.Arity, 0
	if nx < 3 {
		nx = 3 // try_case writes x0..x2
	}
	var scan func(o Operand)
	scan = func(o Operand) {
		switch o.Tag {
		case TagX:
			nx = max(nx, int(o.N)+1)
		case TagY:
			ny = max(ny, int(o.N)+1)
		}
		for _, e := range o.List {
			scan(e)
		}
	}
	for i := range f.Code {
		in := &f.Code[i]
		for _, a := range in.Args {
			scan(a)
		}
		switch in.Op {
		case Allocate:
			ny = max(ny, int(in.Args[0].N))
		case Call, CallLast, CallOnly, CallExt, CallExtLast, CallExtOnly:
			nx = max(nx, int(in.Args[0].N))
		case CallFun, CallFunLast, CallFunOnly:
			nx = max(nx, int(in.Args[0].N)+1)
		case Apply, ApplyLast, ApplyOnly:
			nx = max(nx, int(in.Args[0].N)+2)
		}
	}
	// States are kept only at block leaders (the entry, every label target, every instruction
	// after a branch or terminator); within a block one state is updated in place. That bounds
	// the memory by the number of blocks, and a budget bounds it absolutely, so that a crafted
	// module cannot make the verifier allocate far more than its own size.
	leader := make([]bool, len(f.Code))
	leader[0] = true
	nLeaders := 1
	mark := func(t int) {
		if !leader[t] {
			leader[t] = true
			nLeaders++
		}
	}
	var labels func(o Operand)
	labels = func(o Operand) {
		if o.Tag == TagLabel {
			mark(int(o.N))
		}
		for _, e := range o.List {
			labels(e)
		}
	}
	for i := range f.Code {
		in := &f.Code[i]
		for _, a := range in.Args {
			labels(a)
		}
		if info := Lookup(in.Op); i+1 < len(f.Code) && info.Flags&(FlagBranch|FlagTerminator) != 0 {
			mark(i + 1)
		}
	}
	if cost := nLeaders * (nx + ny); cost > maxFlowCells {
		v.errorf(-1, "function too large to verify: %d blocks × %d registers (limit %d)", nLeaders, nx+ny, maxFlowCells)
		return
	}
	fl := &flow{v: v, f: f, leader: leader, in: make([]*flowState, len(f.Code)), conflict: make([]bool, len(f.Code)),
		queued: make([]bool, len(f.Code))}
	start := &flowState{frame: noFrame, x: make([]regState, nx), y: make([]regState, ny)}
	for i := 0; i < f.Arity; i++ {
		start.x[i] = rValue
	}
	fl.edge(0, start)
	// Blocks are taken lowest index first, which follows most edges forward and so reaches
	// the fixpoint in few sweeps.
	for {
		for fl.lo < len(fl.queued) && !fl.queued[fl.lo] {
			fl.lo++
		}
		if fl.lo == len(fl.queued) {
			break
		}
		i := fl.lo
		fl.queued[i] = false
		fl.block(i, fl.in[i].clone())
	}
	fl.report = true
	for i, s := range fl.in {
		if s == nil {
			continue // unreachable: never runs, so nothing to check
		}
		if fl.conflict[i] {
			v.errorf(i, "paths with different frames meet here")
		}
		fl.block(i, s.clone())
	}
}

// maxFlowCells bounds blocks × registers of one function's dataflow (one byte each).
const maxFlowCells = 64 << 20

// block runs the block that starts at leader i.
func (fl *flow) block(i int, s *flowState) {
	for {
		if !fl.exec(i, s) {
			return
		}
		if i+1 >= len(fl.f.Code) {
			fl.errorf("control falls off the end of the function")
			return
		}
		i++
		if fl.leader[i] {
			fl.edge(i, s)
			return
		}
	}
}

// edge records that control may reach instruction t in state s.
func (fl *flow) edge(t int, s *flowState) {
	if fl.report {
		return
	}
	if fl.in[t] == nil {
		fl.in[t] = s.clone()
	} else {
		changed, conflict := fl.in[t].meet(s)
		if conflict {
			fl.conflict[t] = true
		}
		if !changed {
			return
		}
	}
	fl.queued[t] = true
	fl.lo = min(fl.lo, t)
}

func (fl *flow) errorf(format string, args ...any) {
	if fl.report {
		fl.v.errorf(fl.cur, format, args...)
	}
}

func regName(o Operand) string {
	if o.Tag == TagX {
		return fmt.Sprintf("x%d", o.N)
	}
	return fmt.Sprintf("y%d", o.N)
}

// slot returns the state cell of register o, or nil (after reporting) if o is a y slot
// outside the frame.
func (fl *flow) slot(s *flowState, o Operand) *regState {
	if o.Tag == TagX {
		return &s.x[o.N]
	}
	switch {
	case s.frame == conflictFrame:
		return &s.y[o.N]
	case s.frame == noFrame:
		fl.errorf("%s used without a frame (allocate first)", regName(o))
		return nil
	case int(o.N) >= s.frame:
		fl.errorf("%s is outside the frame of %d slots", regName(o), s.frame)
		return nil
	}
	return &s.y[o.N]
}

// read checks that register or literal o holds a state in want, and returns its state.
func (fl *flow) read(s *flowState, o Operand, want ...regState) regState {
	if !o.IsReg() {
		return rValue
	}
	p := fl.slot(s, o)
	if p == nil {
		return rUndef
	}
	for _, w := range want {
		if *p == w {
			return w
		}
	}
	switch *p {
	case rUndef:
		fl.errorf("%s is read before it is written (on some path)", regName(o))
	case rCtx:
		fl.errorf("%s holds a match context, not a value", regName(o))
	case rCatch:
		fl.errorf("%s holds a catch tag, not a value", regName(o))
	default:
		if len(want) == 1 && want[0] == rCtx {
			fl.errorf("%s is not a match context (bs_start_match makes one)", regName(o))
		} else {
			fl.errorf("%s is not a catch tag", regName(o))
		}
	}
	return *p
}

func (fl *flow) readValue(s *flowState, o Operand) { fl.read(s, o, rValue) }

func (fl *flow) write(s *flowState, o Operand, st regState) {
	if p := fl.slot(s, o); p != nil {
		*p = st
	}
}

// readArgs checks x0..x(n-1).
func (fl *flow) readArgs(s *flowState, n int) {
	for i := 0; i < n; i++ {
		fl.readValue(s, X(i))
	}
}

// needFrame checks that the live frame has slots slots and holds no catch tag (it is about to
// be removed).
func (fl *flow) needFrame(s *flowState, slots int) {
	switch s.frame {
	case conflictFrame:
	case noFrame:
		fl.errorf("no frame to deallocate")
	default:
		if s.frame != slots {
			fl.errorf("the frame has %d slots, not %d", s.frame, slots)
		}
		for i := 0; i < s.frame; i++ {
			if s.y[i] == rCatch {
				fl.errorf("the frame is removed while y%d holds an active try/catch", i)
			}
		}
	}
}

func (fl *flow) needNoFrame(s *flowState, what string) {
	if s.frame >= 0 {
		fl.errorf("%s with a live frame of %d slots (deallocate first)", what, s.frame)
	}
}

func (fl *flow) dropFrame(s *flowState) {
	s.frame = noFrame
	for i := range s.y {
		s.y[i] = rUndef
	}
}

// readOperand checks the reads of a non-register-specific operand of kind k.
func (fl *flow) readOperand(s *flowState, k OperandKind, o Operand) {
	switch k {
	case KindSrc, KindSize:
		fl.readValue(s, o)
	case KindSrcList, KindPairs:
		for _, e := range o.List {
			fl.readValue(s, e)
		}
	case KindKeyDsts:
		for j := 0; j < len(o.List); j += 2 {
			fl.readValue(s, o.List[j])
		}
	case KindUpdates:
		for j := 1; j < len(o.List); j += 2 {
			fl.readValue(s, o.List[j])
		}
	case KindSegments:
		for _, seg := range o.List {
			fl.readValue(s, seg.SegValue())
			fl.readValue(s, seg.SegSize())
		}
	}
}

// exec interprets instruction i from state s, leaving in s the state after it, sending the
// states of jumps to edge and checking reads when reporting. It reports whether control can
// fall through to the next instruction.
func (fl *flow) exec(i int, s *flowState) bool {
	fl.cur = i
	in := &fl.f.Code[i]
	info := Lookup(in.Op)
	a := in.Args
	n := func(j int) int { return int(a[j].N) }

	// Reads of the generic operand kinds, then the fail edge (taken before anything is
	// written), then the writes.
	for j, spec := range info.Operands {
		switch spec.Kind {
		case KindReg:
			if in.Op != Swap && in.Op != Move {
				fl.read(s, a[j], rCtx)
			}
		case KindYSrc:
			fl.read(s, a[j], rCatch)
		default:
			if in.Op != Move {
				fl.readOperand(s, spec.Kind, a[j])
			}
		}
	}
	if len(info.Operands) > 0 {
		for j, spec := range info.Operands {
			if spec.Kind == KindFail && a[j].Tag == TagLabel {
				fl.edge(n(j), s)
			}
		}
	}

	fall := true
	switch in.Op {
	case Move:
		st := fl.read(s, a[0], rValue, rCtx)
		if st == rUndef || st == rCatch {
			st = rValue // reported; carry on with a sane state
		}
		fl.write(s, a[1], st)
	case Swap:
		sa := fl.read(s, a[0], rValue, rCtx)
		sb := fl.read(s, a[1], rValue, rCtx)
		fl.write(s, a[0], sb)
		fl.write(s, a[1], sa)
	case Allocate:
		if s.frame >= 0 {
			fl.errorf("a frame of %d slots is already live", s.frame)
		}
		s.frame = n(0)
		for j := range s.y {
			s.y[j] = rUndef
		}
	case Deallocate:
		fl.needFrame(s, n(0))
		fl.dropFrame(s)
	case Call, CallExt, CallFun, Apply:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		s.clearX()
		s.x[0] = rValue
	case CallLast, CallExtLast:
		fl.readArgs(s, n(0))
		fl.needFrame(s, n(2))
		fall = false
	case CallFunLast, ApplyLast:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		fl.needFrame(s, n(1))
		fall = false
	case CallOnly, CallExtOnly, CallFunOnly, ApplyOnly:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		fl.needNoFrame(s, "a tail call")
		fall = false
	case Return:
		fl.readValue(s, X(0))
		fl.needNoFrame(s, "return")
		fall = false
	case FuncClause:
		fl.readArgs(s, fl.f.Arity)
		fall = false
	case Jump:
		fl.edge(n(0), s)
		fall = false
	case SelectVal, SelectTupleArity:
		for j := 1; j < len(a[2].List); j += 2 {
			fl.edge(int(a[2].List[j].N), s)
		}
		fall = false
	case BsStartMatch:
		fl.write(s, a[2], rCtx)
	case Try, Catch:
		fl.write(s, a[0], rCatch)
		h := s.clone()
		h.clearX()
		if in.Op == Catch {
			h.x[0] = rValue // catch_end reads x0 on both paths
		}
		fl.edge(n(1), h)
	case TryEnd:
		fl.write(s, a[0], rValue)
	case TryCase:
		fl.write(s, a[0], rValue)
		s.clearX()
		s.x[0], s.x[1], s.x[2] = rValue, rValue, rValue
	case CatchEnd:
		fl.readValue(s, X(0))
		fl.write(s, a[0], rValue)
	case LoopRecEnd, Wait:
		s.clearX()
		fl.edge(n(0), s)
		fall = false
	case WaitTimeout:
		s.clearX()
		fl.edge(n(0), s)
	default:
		// The generic writes: every Dst, YDst and KeyDsts destination becomes a value.
		for j, spec := range info.Operands {
			switch spec.Kind {
			case KindDst, KindYDst:
				fl.write(s, a[j], rValue)
			case KindKeyDsts:
				for k := 1; k < len(a[j].List); k += 2 {
					fl.write(s, a[j].List[k], rValue)
				}
			}
		}
		if info.Has(FlagTerminator) {
			fall = false
		}
	}
	return fall
}

// callRegs is the number of x registers a call reads: the arguments, plus the fun for
// call_fun, plus module and function for apply.
func callRegs(op Opcode, arity int) int {
	switch op {
	case CallFun, CallFunLast, CallFunOnly:
		return arity + 1
	case Apply, ApplyLast, ApplyOnly:
		return arity + 2
	}
	return arity
}
