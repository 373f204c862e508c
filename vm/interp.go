package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// outcome is why run returned.
type outcome int

const (
	outcomeDone      outcome = iota // the first function returned; its result is in x0
	outcomeYield                    // the reduction budget is spent; run again to continue
	outcomeExit                     // an exception was not caught; p.exc holds it
	outcomeWait                     // the process waits for a message (or its receive timeout)
	outcomeHibernate                // erlang:hibernate/3: begin p.start when a message arrives
)

// get reads a register or constant operand.
func (p *Process) get(lits []term.Term, o operand) term.Term {
	i := o & opIndexMask
	switch o & opKindMask {
	case opX:
		return p.x[i]
	case opY:
		return p.stack[p.ybase+int32(i)]
	}
	return lits[i]
}

// put writes a register operand.
func (p *Process) put(o operand, t term.Term) {
	i := o & opIndexMask
	if o&opKindMask == opX {
		p.x[i] = t
		return
	}
	p.stack[p.ybase+int32(i)] = t
}

// run executes the process until it returns from its first function, exits, or spends budget
// reductions. It is the interpreter's one dispatch loop: every instruction is a case here,
// and anything longer than a few lines is a method in an interp_*.go file.
func (p *Process) run(budget int) outcome {
	fn, ip := p.fn, p.ip
	h := &p.heap.Heap
	reds := budget
	defer func() { p.reductions += int64(budget - reds) }()

	for {
		// Only fn, ip and reds are carried around the loop: every other local is derived
		// from them where a case needs it. Each value carried round is spilled to the Go stack
		// at every dispatch (Go has no callee-saved registers and many cases call out), so
		// carrying the code and lits slices cost six stores per instruction.
		in := &fn.code[ip]
		switch in.op {
		case lopMoveXX:
			p.x[in.args[1]&uint32(opIndexMask)] = p.x[in.args[0]&uint32(opIndexMask)]
			ip++
		case lopMoveXY:
			p.stack[p.ybase+int32(in.args[1]&uint32(opIndexMask))] = p.x[in.args[0]&uint32(opIndexMask)]
			ip++
		case lopMoveYX:
			p.x[in.args[1]&uint32(opIndexMask)] = p.stack[p.ybase+int32(in.args[0]&uint32(opIndexMask))]
			ip++
		case lopMoveCX:
			p.x[in.args[1]&uint32(opIndexMask)] = fn.lits[in.args[0]&uint32(opIndexMask)]
			ip++
		case lopAddRI:
			if a := p.reg(in.args[2]); a.IsSmall() {
				if r := a.Small() + int64(int32(in.args[5])); term.FitsSmall(r) {
					p.put(operand(in.args[4]), term.MakeSmall(r))
					ip++
					reds--
					continue
				}
			}
			goto bif
		case lopSubRI:
			if a := p.reg(in.args[2]); a.IsSmall() {
				if r := a.Small() - int64(int32(in.args[5])); term.FitsSmall(r) {
					p.put(operand(in.args[4]), term.MakeSmall(r))
					ip++
					reds--
					continue
				}
			}
			goto bif
		case lopAdd:
			if a, b := p.get(fn.lits, operand(in.args[2])), p.get(fn.lits, operand(in.args[3])); a.IsSmall() && b.IsSmall() {
				if r := a.Small() + b.Small(); term.FitsSmall(r) { // two 60-bit values cannot overflow an int64
					p.put(operand(in.args[4]), term.MakeSmall(r))
					ip++
					reds--
					continue
				}
			}
			goto bif
		case lopSub:
			if a, b := p.get(fn.lits, operand(in.args[2])), p.get(fn.lits, operand(in.args[3])); a.IsSmall() && b.IsSmall() {
				if r := a.Small() - b.Small(); term.FitsSmall(r) {
					p.put(operand(in.args[4]), term.MakeSmall(r))
					ip++
					reds--
					continue
				}
			}
			goto bif
		case bytecode.Bif1, bytecode.Bif2, bytecode.Bif3:
			goto bif
		case lopIsLtRI:
			// Small integers order as their tagged words do.
			if a := p.reg(in.args[1]); a.IsSmall() {
				if int64(a) < int64(term.MakeSmall(int64(int32(in.args[3])))) {
					ip++
					continue
				}
				goto failed
			} else if term.Compare(h, a, term.MakeSmall(int64(int32(in.args[3])))) < 0 {
				ip++
				continue
			}
			goto failed
		case lopIsGeRI:
			if a := p.reg(in.args[1]); a.IsSmall() {
				if int64(a) >= int64(term.MakeSmall(int64(int32(in.args[3])))) {
					ip++
					continue
				}
				goto failed
			} else if term.Compare(h, a, term.MakeSmall(int64(int32(in.args[3])))) >= 0 {
				ip++
				continue
			}
			goto failed
		case lopIsLt, lopIsGe:
			a, b := p.get(fn.lits, operand(in.args[1])), p.get(fn.lits, operand(in.args[2]))
			want := in.op == lopIsLt // read before any call: see the note at the loop's top
			var lt bool
			if a.IsSmall() && b.IsSmall() {
				lt = int64(a) < int64(b)
			} else {
				lt = term.Compare(h, a, b) < 0
			}
			if lt == want {
				ip++
			} else {
				goto failed
			}
		case lopIsEqExact:
			a, b := p.get(fn.lits, operand(in.args[1])), p.get(fn.lits, operand(in.args[2]))
			if a == b || (a.IsPointer() && b.IsPointer() && term.Equal(h, a, b)) {
				ip++
			} else {
				goto failed
			}
		case bytecode.Move:
			p.put(operand(in.args[1]), p.get(fn.lits, operand(in.args[0])))
			ip++
		case bytecode.Swap:
			a, b := operand(in.args[0]), operand(in.args[1])
			va, vb := p.get(fn.lits, a), p.get(fn.lits, b)
			p.put(a, vb)
			p.put(b, va)
			ip++
		case bytecode.Init:
			p.put(operand(in.args[0]), term.Nil)
			ip++
		case bytecode.Allocate:
			// allocate's common case inline: the stack and the frame list have room.
			n := int32(in.args[0])
			base := int32(len(p.stack))
			if nf := len(p.frames); int(base+n) <= cap(p.stack) && nf < cap(p.frames) {
				p.frames = p.frames[:nf+1]
				p.frames[nf] = frame{cp: p.cp, ybase: base, size: n}
				p.stack = p.stack[:base+n]
				for i := base; i < base+n; i++ {
					p.stack[i] = term.Nil
				}
				p.ybase = base
				p.cp = retAddr{}
			} else {
				p.allocate(n)
			}
			ip++
		case bytecode.Deallocate:
			p.deallocate()
			ip++
		case lopDeallocReturn:
			p.deallocate()
			cp := p.cp
			if cp.fn == nil {
				p.fn, p.ip = fn, ip+1
				return outcomeDone
			}
			p.cp = retAddr{}
			fn, ip = cp.fn, cp.ip
			if len(h.Young) > h.Limit {
				reds -= p.collect()
			}

		// Tried: the callee resolved at load into a field of instr (no lookup through the
		// module): no change on BenchmarkFib30 (56.4 vs 56.6 ms), and instr grows by 8 bytes;
		// rejected.
		case bytecode.Call:
			p.cp = retAddr{fn, ip + 1}
			fn, ip = fn.mod.funcs[in.args[1]], 0
			goto called
		case bytecode.CallLast:
			p.deallocate()
			fn, ip = fn.mod.funcs[in.args[1]], 0
			goto called
		case bytecode.CallOnly:
			fn, ip = fn.mod.funcs[in.args[1]], 0
			goto called

		case bytecode.CallExt, bytecode.CallExtLast, bytecode.CallExtOnly,
			bytecode.CallFun, bytecode.CallFunLast, bytecode.CallFunOnly,
			bytecode.Apply, bytecode.ApplyLast, bytecode.ApplyOnly:
			p.fn, p.ip = fn, ip
			p.reds = int32(reds - 1) // a BIF charges for its work (trap.go)
			op := in.op
			target, bifResult, ok := p.resolveCall(in)
			reds = int(p.reds)
			if !ok {
				if p.start != startNone {
					return outcomeHibernate
				}
				goto raised
			}
			switch op {
			case bytecode.CallExt, bytecode.CallFun, bytecode.Apply:
				if target == nil { // a BIF: it has returned already
					p.x[0] = bifResult
					ip++
					continue
				}
				p.cp = retAddr{fn, ip + 1}
			case bytecode.CallExtLast, bytecode.CallFunLast, bytecode.ApplyLast:
				p.deallocate()
			}
			if target == nil { // a BIF in tail position: return its result
				p.x[0] = bifResult
				if p.cp.fn == nil {
					return outcomeDone
				}
				fn, ip = p.cp.fn, p.cp.ip
				p.cp = retAddr{}
				continue
			}
			fn = target
			ip = 0
			if fn.xmax > p.xlive {
				p.enter(fn)
			}
			if len(h.Young) > h.Limit {
				reds -= p.collect()
			}
			if reds <= 0 {
				p.fn, p.ip = fn, 0
				return outcomeYield
			}

		case bytecode.Return:
			if p.cp.fn == nil {
				p.fn, p.ip = fn, ip
				return outcomeDone
			}
			fn, ip = p.cp.fn, p.cp.ip
			p.cp = retAddr{}
			if len(h.Young) > h.Limit {
				reds -= p.collect()
			}

		case bytecode.Bif0:
			e := fn.mod.imports[in.args[0]]
			p.fn, p.ip = fn, ip
			r := e.bif(p, nil)
			if r == term.NonValue {
				p.raiseBif(e, nil, false)
				goto raised
			}
			p.put(operand(in.args[1]), r)
			ip++
			reds--

		case bytecode.Jump:
			ip = int32(in.args[0])
			if in.back != 0 {
				reds--
				if len(h.Young) > h.Limit {
					reds -= p.collect()
				}
				if reds <= 0 {
					p.fn, p.ip = fn, ip
					return outcomeYield
				}
			}

		case bytecode.IsInteger, bytecode.IsFloat, bytecode.IsNumber, bytecode.IsAtom,
			bytecode.IsPid, bytecode.IsRef, bytecode.IsPort, bytecode.IsBinary,
			bytecode.IsBitstring, bytecode.IsList, bytecode.IsNonemptyList, bytecode.IsNil,
			bytecode.IsTuple, bytecode.IsMap, bytecode.IsFunction, bytecode.IsBoolean:
			if typeTest(h, in.op, p.get(fn.lits, operand(in.args[1]))) {
				ip++
			} else {
				goto failed
			}
		case bytecode.IsFunction2:
			f, a := p.get(fn.lits, operand(in.args[1])), p.get(fn.lits, operand(in.args[2]))
			if term.IsFun(h, f) && a.IsSmall() && int64(term.FunArity(h, f)) == a.Small() {
				ip++
			} else {
				goto failed
			}
		case bytecode.IsTaggedTuple:
			t := p.get(fn.lits, operand(in.args[1]))
			if term.IsTuple(h, t) && term.TupleArity(h, t) == int(in.args[2]) && in.args[2] > 0 &&
				term.TupleElem(h, t, 0) == fn.lits[operand(in.args[3])&opIndexMask] {
				ip++
			} else {
				goto failed
			}
		case bytecode.TestArity:
			if term.TupleArity(h, p.get(fn.lits, operand(in.args[1]))) == int(in.args[2]) {
				ip++
			} else {
				goto failed
			}

		case bytecode.IsLt, bytecode.IsGe, bytecode.IsEq, bytecode.IsNe, bytecode.IsEqExact,
			bytecode.IsNeExact:
			if compareTest(h, in.op, p.get(fn.lits, operand(in.args[1])), p.get(fn.lits, operand(in.args[2]))) {
				ip++
			} else {
				goto failed
			}

		case bytecode.SelectVal:
			v := p.get(fn.lits, operand(in.args[0]))
			target, ok := selectVal(h, in.ext, v)
			if !ok {
				if in.args[1] == noLabel {
					p.fn, p.ip = fn, ip
					p.raiseError(term.MakeTuple(h, term.CaseClause, v))
					goto raised
				}
				target = in.args[1]
			}
			back := int32(target) <= ip
			ip = int32(target)
			if back {
				goto backward
			}
		case bytecode.SelectTupleArity:
			arity := uint32(term.TupleArity(h, p.get(fn.lits, operand(in.args[0]))))
			target := in.args[1]
			for k, a := range in.ext.nums {
				if a == arity {
					target = in.ext.labels[k]
					break
				}
			}
			if target == noLabel {
				p.fn, p.ip = fn, ip
				p.raiseError(term.MakeTuple(h, term.CaseClause, p.get(fn.lits, operand(in.args[0]))))
				goto raised
			}
			back := int32(target) <= ip
			ip = int32(target)
			if back {
				goto backward
			}

		case bytecode.PutTuple:
			p.put(operand(in.args[0]), p.putTuple(fn.lits, in.ext.ops))
			ip++
		case bytecode.GetTupleElement:
			p.put(operand(in.args[2]), term.TupleElem(h, p.get(fn.lits, operand(in.args[0])), int(in.args[1])))
			ip++
		case bytecode.UpdateTuple:
			r, ok := p.updateTuple(fn.lits, p.get(fn.lits, operand(in.args[0])), in.ext)
			if !ok {
				p.fn, p.ip = fn, ip
				p.raiseError(term.Badarg)
				goto raised
			}
			p.put(operand(in.args[1]), r)
			ip++
		case bytecode.GetList:
			l := p.get(fn.lits, operand(in.args[0]))
			w := h.Words(l)
			p.put(operand(in.args[1]), term.Term(w[0]))
			p.put(operand(in.args[2]), term.Term(w[1]))
			ip++
		case bytecode.GetHd:
			p.put(operand(in.args[1]), h.Head(p.get(fn.lits, operand(in.args[0]))))
			ip++
		case bytecode.GetTl:
			p.put(operand(in.args[1]), h.Tail(p.get(fn.lits, operand(in.args[0]))))
			ip++
		case bytecode.PutList:
			p.put(operand(in.args[2]), term.Cons(h, p.get(fn.lits, operand(in.args[0])), p.get(fn.lits, operand(in.args[1]))))
			ip++

		case bytecode.MakeFun:
			p.put(operand(in.args[1]), p.makeFun(fn.mod, fn.lits, int(in.args[0]), in.ext.ops))
			ip++

		case bytecode.Try, bytecode.Catch:
			p.catches = append(p.catches, catchEntry{fn: fn, handler: int32(in.args[1]),
				frames: int32(len(p.frames)), isCatch: in.op == bytecode.Catch})
			p.put(operand(in.args[0]), term.MakeSmall(int64(len(p.catches))))
			ip++
		case bytecode.TryEnd:
			p.catches = p.catches[:len(p.catches)-1]
			p.put(operand(in.args[0]), term.Nil)
			ip++
		case bytecode.TryCase:
			// The handler's entry was popped when the exception was caught.
			p.put(operand(in.args[0]), term.Nil)
			p.x[0], p.x[1], p.x[2] = p.exc.class, p.exc.reason, p.exc.trace
			p.exc = exception{term.Nil, term.Nil, term.Nil}
			ip++
		case bytecode.CatchEnd:
			p.put(operand(in.args[0]), term.Nil)
			if p.exc.class != term.Nil {
				p.x[0] = p.caughtValue()
				p.exc = exception{term.Nil, term.Nil, term.Nil}
			} else {
				p.catches = p.catches[:len(p.catches)-1]
			}
			ip++

		case bytecode.TryCaseEnd, bytecode.Badmatch, bytecode.CaseEnd, bytecode.Badrecord,
			bytecode.IfEnd, bytecode.FuncClause, bytecode.Raise:
			p.fn, p.ip = fn, ip
			p.raiseInstr(fn.lits, in)
			goto raised

		case bytecode.PutMapAssoc, bytecode.PutMapExact, bytecode.HasMapFields, bytecode.GetMapElements,
			bytecode.BsCreateBin, bytecode.BsStartMatch, bytecode.BsGetInteger,
			bytecode.BsGetFloat, bytecode.BsGetBinary, bytecode.BsGetUtf8, bytecode.BsGetUtf16,
			bytecode.BsGetUtf32, bytecode.BsSkipBits, bytecode.BsMatchString, bytecode.BsTestTail,
			bytecode.BsTestUnit, bytecode.BsGetTail, bytecode.BsGetPosition, bytecode.BsSetPosition:
			// Map and binary instructions: longer work in interp_call.go and
			// interp_binary.go, with one way back for all of them.
			p.fn, p.ip = fn, ip
			var st step
			switch {
			case in.op == bytecode.BsCreateBin:
				var cost int
				st, cost = p.createBin(fn.lits, in)
				reds -= cost
			case in.op > bytecode.BsCreateBin:
				st = p.binaryInstr(fn.lits, in)
			default:
				st = p.mapInstr(fn.lits, in)
			}
			switch st {
			case stepNext:
				ip++
			case stepFail:
				ip = int32(in.args[0])
				if in.back&1 != 0 {
					goto backward
				}
			case stepRaise:
				goto raised
			}

		case bytecode.Send:
			p.fn, p.ip = fn, ip
			p.reds = int32(reds - 1) // send charges for the copy
			sent := p.send(p.get(fn.lits, operand(in.args[0])), p.get(fn.lits, operand(in.args[1])))
			reds = int(p.reds)
			if !sent {
				p.raiseError(term.Badarg)
				goto raised
			}
			ip++
		case bytecode.LoopRec:
			p.reds = int32(reds) // taking in messages costs reductions
			m, ok := p.loopRec()
			reds = int(p.reds)
			if ok {
				p.put(operand(in.args[1]), m)
				ip++
			} else {
				goto failed
			}
		case bytecode.LoopRecEnd:
			p.mb.save++
			ip = int32(in.args[0])
			reds--
			if len(h.Young) > h.Limit {
				reds -= p.collect()
			}
			if reds <= 0 {
				p.fn, p.ip = fn, ip
				return outcomeYield
			}
		case bytecode.RemoveMessage:
			p.removeMessage()
			ip++
		case bytecode.Wait:
			ip = int32(in.args[0])
			p.reds = int32(reds - 1)
			wait := p.mustWait()
			reds = int(p.reds)
			if wait {
				p.fn, p.ip = fn, ip
				return outcomeWait
			}
		case bytecode.WaitTimeout:
			timedOut, ok := p.receiveTimeout(p.get(fn.lits, operand(in.args[1])))
			switch {
			case !ok:
				p.fn, p.ip = fn, ip
				p.raiseError(atomTimeoutValue)
				goto raised
			case timedOut:
				ip++
			default:
				ip = int32(in.args[0])
				p.reds = int32(reds - 1)
				wait := p.mustWait()
				reds = int(p.reds)
				if wait {
					p.fn, p.ip = fn, ip
					return outcomeWait
				}
			}
		case bytecode.Timeout:
			p.endReceiveTimeout()
			ip++
		case bytecode.RecvMarkerReserve:
			p.put(operand(in.args[0]), p.markerReserve())
			ip++
		case bytecode.RecvMarkerBind:
			p.markerBind(p.get(fn.lits, operand(in.args[0])), p.get(fn.lits, operand(in.args[1])))
			ip++
		case bytecode.RecvMarkerUse:
			p.markerUse(p.get(fn.lits, operand(in.args[0])))
			ip++
		case bytecode.RecvMarkerClear:
			p.markerClear(p.get(fn.lits, operand(in.args[0])))
			ip++

		default:
			// Nothing else is left; a module using an opcode this interpreter does not know
			// loads but raises here rather than misbehaving.
			name := in.op.String()
			p.fn, p.ip = fn, ip
			p.raiseError(term.MakeTuple(h, term.MustIntern("not_implemented"), term.MustIntern(name)))
			goto raised
		}
		continue

	bif:
		// bif1..bif3 and the specialised arithmetic's slow path.
		p.fn, p.ip = fn, ip
		{
			p.reds = int32(reds - 1) // a BIF charges for its work (trap.go)
			st := p.bifInstr(in)
			reds = int(p.reds)
			switch st {
			case stepNext:
				ip++
				continue
			case stepRaise:
				goto raised
			case stepTrap:
				return outcomeHibernate // the BIF trapped: Run yields; this instruction runs again
			}
		}
		ip = int32(in.args[0])
		if in.back&1 == 0 {
			continue
		}
		goto backward

	called:
		// A local call has set fn and ip to the callee's start: a safe point that costs a
		// reduction.
		if fn.xmax > p.xlive {
			p.enter(fn)
		}
		reds--
		if len(h.Young) > h.Limit {
			reds -= p.collect()
		}
		if reds <= 0 {
			p.fn, p.ip = fn, 0
			return outcomeYield
		}
		continue

	failed:
		// A test fell through to its fail label (args[0]); a backward one is a back edge.
		ip = int32(in.args[0])
		if in.back&1 == 0 {
			continue
		}

	backward:
		// A taken branch to a label at or before the branching instruction (a test's or a
		// guard's fail label, a select): a safe point that costs a reduction, so that no loop
		// escapes preemption (bytecode's back-edge rule). ip is already the target.
		reds--
		if len(h.Young) > h.Limit {
			reds -= p.collect()
		}
		if reds <= 0 {
			p.fn, p.ip = fn, ip
			return outcomeYield
		}
		continue

	raised:
		// An instruction or BIF raised (p.exc is set, p.fn/p.ip say where): go to the innermost
		// try or catch, or end the process. One handler for every raising instruction.
		if !p.catchException() {
			return outcomeExit
		}
		fn, ip = p.fn, p.ip
	}
}

// reg reads an x or y register operand (an args word of a specialised instruction).
func (p *Process) reg(a uint32) term.Term {
	if operand(a)&opKindMask == opX {
		return p.x[a&(bytecode.MaxX-1)]
	}
	return p.stack[p.ybase+int32(a&uint32(opIndexMask))]
}

// bifInstr runs a bif1..bif3 instruction: stepNext with the result stored, stepFail when
// the BIF failed and the instruction has a fail label, stepRaise with the exception set.
func (p *Process) bifInstr(in *instr) step {
	n := bifArity(in.op)
	lits := p.fn.lits
	// The arguments live in the process, not on the Go stack: a slice passed to a bifFunc
	// escapes, and a local array would cost a Go allocation per BIF call.
	args := &p.bifArgs
	for k := 0; k < n; k++ {
		args[k] = p.get(lits, operand(in.args[2+k]))
	}
	e := p.fn.mod.imports[in.args[1]]
	r := e.bif(p, args[:n])
	if r == term.NonValue {
		if p.start != startNone {
			return stepTrap
		}
		if in.args[0] != noLabel {
			return stepFail
		}
		p.raiseBif(e, args[:n], true)
		return stepRaise
	}
	p.put(operand(in.args[2+n]), r)
	return stepNext
}

// allocate pushes a frame of n y slots, all [] so that the collector may scan them, and
// moves the continuation into it.
func (p *Process) allocate(n int32) {
	base := int32(len(p.stack))
	if int(base+n) > cap(p.stack) {
		p.growStack(int(base + n))
	}
	p.frames = append(p.frames, frame{cp: p.cp, ybase: base, size: n})
	p.stack = p.stack[:base+n]
	for i := base; i < base+n; i++ {
		p.stack[i] = term.Nil
	}
	p.ybase = base
	p.cp = retAddr{}
}

// growStack makes room for need y slots; kept apart so that allocate stays small enough to
// inline.
func (p *Process) growStack(need int) {
	grown := make([]term.Term, len(p.stack), max(2*cap(p.stack), need, 4))
	copy(grown, p.stack)
	p.stack = grown
}

// deallocate pops the current frame and restores the continuation it saved.
func (p *Process) deallocate() {
	top := p.frames[len(p.frames)-1]
	p.frames = p.frames[:len(p.frames)-1]
	p.cp = top.cp
	p.stack = p.stack[:top.ybase]
	if n := len(p.frames); n > 0 {
		p.ybase = p.frames[n-1].ybase
	} else {
		p.ybase = 0
	}
}
