package bytecode

import (
	"fmt"
	"math"

	"github.com/beamlite/beamlite/value"
)

// The dataflow half of the verifier: an abstract interpretation of one function over its
// control-flow graph. The abstract state at an instruction is the frame size (or none) and,
// for every x register and y slot, what it surely holds on every path that reaches it. States
// only lose information at joins (meet), so the worklist reaches a fixpoint; a final pass over
// the reachable instructions then reports errors against the fixpoint states, each once.

// regKind is what a register surely holds; reg adds the least tuple arity for rTuple.
type regKind uint8

const (
	rUndef     regKind = iota // not written on some path
	rValue                    // a term of unknown type
	rTuple                    // a tuple of at least n elements
	rCons                     // a cons cell
	rMap                      // a map
	rCtx                      // a binary match context (bs_start_match)
	rCatch                    // a catch tag (try, catch) for handler label n, nesting depth d; y only
	rSomeCatch                // a catch tag on some paths only: unusable, and the frame cannot go
	rMixed                    // a term on some paths, a match context on others: unusable
)

type reg struct {
	k regKind
	d uint16 // rCatch: 1 for the outermost active try/catch of the function, 2 inside it, …
	n uint32
}

var (
	undef = reg{k: rUndef}
	term  = reg{k: rValue}
)

// isValue reports whether r holds a term (of any type).
func (r reg) isValue() bool { return r.k >= rValue && r.k <= rMap }

// meetReg is what a register holds after a join of paths where it holds a and b.
func meetReg(a, b reg) reg {
	switch {
	case a == b:
		return a
	case a.k == rTuple && b.k == rTuple:
		return reg{k: rTuple, n: min(a.n, b.n)}
	case a.isValue() && b.isValue():
		return term
	case a.k == rCatch || b.k == rCatch || a.k == rSomeCatch || b.k == rSomeCatch:
		return reg{k: rSomeCatch}
	case a.k == rUndef || b.k == rUndef:
		return undef
	}
	return reg{k: rMixed}
}

// typeOfLiteral is what a literal operand is known to be.
func typeOfLiteral(t value.Term) reg {
	switch t := t.(type) {
	case value.Tuple:
		return reg{k: rTuple, n: uint32(len(t))}
	case value.List:
		if len(t) > 0 {
			return reg{k: rCons}
		}
	case value.ImproperList:
		return reg{k: rCons}
	case value.Map:
		return reg{k: rMap}
	}
	return term
}

const (
	noFrame       = -1
	conflictFrame = -2 // paths with different frames joined; reported once, then unchecked
)

type flowState struct {
	frame int
	// msg: loop_rec has peeked at a message and nothing since has moved the save pointer, so
	// remove_message and loop_rec_end have a message to act on.
	msg bool
	x   []reg
	y   []reg
}

func (s *flowState) clone() *flowState {
	buf := make([]reg, len(s.x)+len(s.y))
	c := &flowState{x: buf[:len(s.x):len(s.x)], y: buf[len(s.x):]}
	c.copyFrom(s)
	return c
}

// copyFrom makes s equal to o, which has the same shape.
func (s *flowState) copyFrom(o *flowState) {
	s.frame, s.msg = o.frame, o.msg
	copy(s.x, o.x)
	copy(s.y, o.y)
}

// meet merges o into s and reports whether s changed and whether the frames disagreed.
func (s *flowState) meet(o *flowState) (changed, conflict bool) {
	if s.frame != o.frame && s.frame != conflictFrame {
		conflict = o.frame != conflictFrame
		s.frame, changed = conflictFrame, true
	}
	if s.msg && !o.msg {
		s.msg, changed = false, true
	}
	for i := range s.x {
		if m := meetReg(s.x[i], o.x[i]); m != s.x[i] {
			s.x[i], changed = m, true
		}
	}
	for i := range s.y {
		if m := meetReg(s.y[i], o.y[i]); m != s.y[i] {
			s.y[i], changed = m, true
		}
	}
	return changed, conflict
}

func (s *flowState) clearX() {
	for i := range s.x {
		s.x[i] = undef
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
	// cur1 is the state of the block being run, cur2 scratch for a branch's state; edge copies
	// what it keeps, so neither is ever stored.
	cur1, cur2 *flowState
	slab       []reg       // backing store of the leaders' states, taken in order
	states     []flowState // the leaders' states, taken in order
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
	start := &flowState{frame: noFrame, x: make([]reg, nx), y: make([]reg, ny)}
	for i := 0; i < f.Arity; i++ {
		start.x[i] = term
	}
	fl.cur1, fl.cur2 = start.clone(), start.clone()
	// One allocation holds every leader's state.
	fl.slab = make([]reg, nLeaders*(nx+ny))
	fl.states = make([]flowState, 0, nLeaders)
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
		fl.cur1.copyFrom(fl.in[i])
		fl.block(i, fl.cur1)
	}
	fl.report = true
	for i, s := range fl.in {
		if s == nil {
			continue // unreachable: never runs, so nothing to check
		}
		if fl.conflict[i] {
			v.errorf(i, "paths with different frames meet here")
		}
		fl.cur1.copyFrom(s)
		fl.block(i, fl.cur1)
	}
}

// maxFlowCells bounds blocks × registers of one function's dataflow (8 bytes each): 64 MB,
// some 500 times what a 10,000-instruction function needs. A variable for its test.
var maxFlowCells = 8 << 20

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

// newState returns a copy of s in storage taken from the slab.
func (fl *flow) newState(s *flowState) *flowState {
	nx, ny := len(s.x), len(s.y)
	buf := fl.slab[: nx+ny : nx+ny]
	fl.slab = fl.slab[nx+ny:]
	fl.states = append(fl.states, flowState{x: buf[:nx:nx], y: buf[nx:]})
	c := &fl.states[len(fl.states)-1]
	c.copyFrom(s)
	return c
}

// edge records that control may reach instruction t in state s.
func (fl *flow) edge(t int, s *flowState) {
	if fl.report {
		return
	}
	if fl.in[t] == nil {
		fl.in[t] = fl.newState(s)
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
func (fl *flow) slot(s *flowState, o Operand) *reg {
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

// get returns what operand o holds: a register's state or a literal's type. It reports a y
// slot outside the frame.
func (fl *flow) get(s *flowState, o Operand) reg {
	switch o.Tag {
	case TagLit:
		return typeOfLiteral(fl.v.m.Literals[o.N])
	case TagX, TagY:
		if p := fl.slot(s, o); p != nil {
			return *p
		}
		return undef
	}
	return term // TagNone sizes
}

// complain reports that o holds r where something else was needed.
func (fl *flow) complain(o Operand, r reg, need string) {
	switch r.k {
	case rUndef:
		fl.errorf("%s is read before it is written (on some path)", regName(o))
	case rCtx:
		fl.errorf("%s holds a match context, not %s", regName(o), need)
	case rCatch:
		fl.errorf("%s holds a catch tag, not %s", regName(o), need)
	case rSomeCatch:
		fl.errorf("%s holds a catch tag on some paths only, not %s", regName(o), need)
	case rMixed:
		fl.errorf("%s holds a match context on some paths and a value on others, not %s", regName(o), need)
	default:
		fl.errorf("%s is not known to be %s", operandName(fl.v.m, o), need)
	}
}

func operandName(m *Module, o Operand) string {
	if o.Tag == TagLit {
		return short(m.Literals[o.N])
	}
	return regName(o)
}

// readValue checks that o holds a term and returns what it holds.
func (fl *flow) readValue(s *flowState, o Operand) reg {
	r := fl.get(s, o)
	if !r.isValue() && (o.Tag == TagX || o.Tag == TagY) {
		if r.k != rUndef || fl.slotOK(s, o) {
			fl.complain(o, r, "a value")
		}
	}
	return r
}

// slotOK reports whether o is a register inside the frame (so an undef state means "not
// written" rather than an error already reported).
func (fl *flow) slotOK(s *flowState, o Operand) bool {
	return o.Tag == TagX || s.frame == conflictFrame || (s.frame >= 0 && int(o.N) < s.frame)
}

// need checks that o holds a term of kind k (for rTuple, at least n elements).
func (fl *flow) need(s *flowState, o Operand, k regKind, n uint32) {
	r := fl.get(s, o)
	if r.k == k && (k != rTuple || r.n >= n) {
		return
	}
	var what string
	switch k {
	case rTuple:
		what = fmt.Sprintf("a tuple of at least %d elements (test it with is_tuple, test_arity or is_tagged_tuple)", n)
	case rCons:
		what = "a non-empty list (test it with is_nonempty_list)"
	case rMap:
		what = "a map (test it with is_map)"
	case rCtx:
		what = "a match context (bs_start_match makes one)"
	case rCatch:
		what = "a catch tag (try or catch makes one)"
	}
	if !(r.k == rUndef && !fl.slotOK(s, o)) {
		fl.complain(o, r, what)
	}
}

// set records that register o now holds r. Only try_end, try_case and catch_end may
// overwrite a catch tag: anything else would leave its handler installed with no slot.
func (fl *flow) set(s *flowState, o Operand, r reg) {
	p := fl.slot(s, o)
	if p == nil {
		return
	}
	if p.k == rCatch || p.k == rSomeCatch {
		switch fl.f.Code[fl.cur].Op {
		case TryEnd, TryCase, CatchEnd:
		default:
			fl.errorf("%s holds an active try/catch and cannot be overwritten", regName(o))
		}
	}
	*p = r
}

// refine records that register o is known to hold r on this path (after a successful test).
func (fl *flow) refine(s *flowState, o Operand, r reg) {
	if !o.IsReg() {
		return
	}
	if p := fl.slot(s, o); p != nil && p.isValue() {
		if p.k == rTuple && r.k == rTuple {
			r.n = max(r.n, p.n)
		}
		*p = r
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
			switch s.y[i].k {
			case rCatch:
				fl.errorf("the frame is removed while y%d holds an active try/catch", i)
			case rSomeCatch:
				fl.errorf("the frame is removed while y%d holds an active try/catch on some paths", i)
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
		s.y[i] = undef
	}
}

// readOperand checks the reads of an operand of kind k that holds values.
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

	// Any instruction inside a try or catch may raise, so each active handler can be reached
	// with the frame as it is here and no x register (x0 for catch_end): the handler's state is
	// the meet over its whole protected region, not just the state at the try.
	if in.Op != TryEnd && in.Op != TryCase && in.Op != CatchEnd { // these cannot raise
		if r := innermost(s); r.k == rCatch {
			fl.handlerEdge(int(r.n), s)
		}
	}

	// Reads of the generic operand kinds, then the fail edge (taken before anything is
	// written or learnt), then the instruction's own effect.
	if in.Op != Move && in.Op != Swap {
		for j, spec := range info.Operands {
			switch spec.Kind {
			case KindReg:
				fl.need(s, a[j], rCtx, 0)
			case KindYSrc:
				fl.need(s, a[j], rCatch, 0)
				// Handlers are a stack: only the innermost one can end.
				if r, top := fl.get(s, a[j]), innermost(s); r.k == rCatch && r.d != top.d {
					fl.errorf("%s's try/catch is not the innermost active one (y%d's is)", regName(a[j]), top.yslot)
				}
			default:
				fl.readOperand(s, spec.Kind, a[j])
			}
		}
	}
	for j, spec := range info.Operands {
		if spec.Kind == KindFail && a[j].Tag == TagLabel {
			fl.edge(n(j), s)
		}
	}

	switch in.Op {
	case Move:
		fl.set(s, a[1], fl.movable(s, a[0]))
	case Swap:
		ra, rb := fl.movable(s, a[0]), fl.movable(s, a[1])
		fl.set(s, a[0], rb)
		fl.set(s, a[1], ra)
	case Allocate:
		if s.frame >= 0 {
			fl.errorf("a frame of %d slots is already live", s.frame)
		}
		s.frame = n(0)
		for j := range s.y {
			s.y[j] = undef
		}
	case Deallocate:
		fl.needFrame(s, n(0))
		fl.dropFrame(s)
	case Call, CallExt, CallFun, Apply:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		if s.frame == noFrame {
			// The call saves the return address in the continuation register, which holds
			// this function's own return address until allocate moves it into a frame.
			fl.errorf("%s without a frame: a call that returns here needs one (allocate first, or make it a tail call)", in.Op)
		}
		s.clearX()
		s.x[0] = term
		s.msg = false // the callee may receive
	case CallLast, CallExtLast:
		fl.readArgs(s, n(0))
		fl.needFrame(s, n(2))
		return false
	case CallFunLast, ApplyLast:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		fl.needFrame(s, n(1))
		return false
	case CallOnly, CallExtOnly, CallFunOnly, ApplyOnly:
		fl.readArgs(s, callRegs(in.Op, n(0)))
		fl.needNoFrame(s, "a tail call")
		return false
	case Return:
		fl.readValue(s, X(0))
		fl.needNoFrame(s, "return")
		return false
	case FuncClause:
		fl.readArgs(s, fl.f.Arity)
		return false
	case Jump:
		fl.edge(n(0), s)
		return false
	case SelectVal:
		for j := 1; j < len(a[2].List); j += 2 {
			fl.edge(int(a[2].List[j].N), s)
		}
		return false
	case SelectTupleArity:
		fl.need(s, a[0], rTuple, 0)
		for j := 0; j+1 < len(a[2].List); j += 2 {
			t := fl.cur2
			t.copyFrom(s)
			fl.refine(t, a[0], reg{k: rTuple, n: a[2].List[j].N})
			fl.edge(int(a[2].List[j+1].N), t)
		}
		return false

	// Tests teach the fall-through path the type of what they tested.
	case IsTuple:
		fl.refine(s, a[1], reg{k: rTuple})
	case TestArity:
		fl.need(s, a[1], rTuple, 0)
		fl.refine(s, a[1], reg{k: rTuple, n: a[2].N})
	case IsTaggedTuple:
		fl.refine(s, a[1], reg{k: rTuple, n: a[2].N})
	case IsNonemptyList:
		fl.refine(s, a[1], reg{k: rCons})
	case IsMap:
		fl.refine(s, a[1], reg{k: rMap})

	// Taking terms apart needs their type to be known.
	case GetTupleElement:
		fl.need(s, a[0], rTuple, a[1].N+1)
		fl.set(s, a[2], term)
	case UpdateTuple:
		var need uint32
		for j := 0; j < len(a[2].List); j += 2 {
			need = max(need, a[2].List[j].N+1)
		}
		fl.need(s, a[0], rTuple, need)
		r := fl.get(s, a[0])
		if r.k != rTuple {
			r = reg{k: rTuple, n: need}
		}
		fl.set(s, a[1], r)
	case GetList:
		fl.need(s, a[0], rCons, 0)
		fl.set(s, a[1], term)
		fl.set(s, a[2], term)
	case GetHd, GetTl:
		fl.need(s, a[0], rCons, 0)
		fl.set(s, a[1], term)
	case HasMapFields:
		fl.need(s, a[1], rMap, 0)
	case GetMapElements:
		fl.need(s, a[1], rMap, 0)
		for k := 1; k < len(a[2].List); k += 2 {
			fl.set(s, a[2].List[k], term)
		}

	// Building terms makes their type known.
	case PutTuple:
		fl.set(s, a[0], reg{k: rTuple, n: uint32(len(a[1].List))})
	case PutList:
		fl.set(s, a[2], reg{k: rCons})
	case PutMapAssoc, PutMapExact:
		fl.set(s, a[2], reg{k: rMap})

	case BsStartMatch:
		fl.set(s, a[2], reg{k: rCtx})
	case Try, Catch:
		if top := innermost(s); top.d < math.MaxUint16 {
			fl.set(s, a[0], reg{k: rCatch, n: a[1].N, d: top.d + 1})
		} else {
			fl.errorf("try/catch nested too deeply")
		}
		fl.handlerEdge(n(1), s)
	case TryEnd:
		fl.set(s, a[0], term)
	case TryCase:
		fl.set(s, a[0], term)
		s.clearX()
		s.x[0], s.x[1], s.x[2] = term, term, term
	case CatchEnd:
		fl.readValue(s, X(0))
		fl.set(s, a[0], term)
	case LoopRec:
		fl.set(s, a[1], term)
		s.msg = true
	case RemoveMessage:
		fl.needMessage(s)
		s.msg = false
	case LoopRecEnd:
		fl.needMessage(s)
		s.msg = false
		s.clearX()
		fl.edge(n(0), s)
		return false
	case Wait:
		s.msg = false
		s.clearX()
		fl.edge(n(0), s)
		return false
	case WaitTimeout:
		s.msg = false
		s.clearX()
		fl.edge(n(0), s)
	case Timeout, RecvMarkerUse:
		s.msg = false
	default:
		// The generic writes: every Dst and YDst becomes a term of unknown type.
		for j, spec := range info.Operands {
			switch spec.Kind {
			case KindDst, KindYDst:
				fl.set(s, a[j], term)
			}
		}
	}
	return !info.Has(FlagTerminator)
}

// movable checks that o holds something move and swap may copy (a term or a match context)
// and returns it; after an error it returns a plain term so that checking goes on sanely.
func (fl *flow) movable(s *flowState, o Operand) reg {
	r := fl.get(s, o)
	if r.isValue() || r.k == rCtx {
		return r
	}
	if r.k != rUndef || fl.slotOK(s, o) {
		fl.complain(o, r, "a value")
	}
	return term
}

func (fl *flow) needMessage(s *flowState) {
	if !s.msg {
		fl.errorf("no message is under the save pointer here (loop_rec must succeed first, with no call, wait or remove_message since)")
	}
}

// innermost returns the active catch tag of greatest depth (d 0 when there is none) and its
// slot in yslot.
func innermost(s *flowState) (r struct {
	reg
	yslot int
}) {
	for i, y := range s.y {
		if y.k == rCatch && y.d > r.d {
			r.reg, r.yslot = y, i
		}
	}
	return r
}

// handlerEdge sends state s to the exception handler at label h: no x register is defined,
// except x0 at a catch_end (it reads the expression's value or the caught term).
func (fl *flow) handlerEdge(h int, s *flowState) {
	t := fl.cur2
	t.copyFrom(s)
	t.clearX()
	t.msg = false
	if fl.f.Code[h].Op == CatchEnd {
		t.x[0] = term
	}
	fl.edge(h, t)
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
