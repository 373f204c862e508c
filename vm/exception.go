package vm

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// Atoms an exception needs, interned at start: raising must not fail because the atom table
// filled up meanwhile.
var (
	atomBadrecord    = term.MustIntern("badrecord")
	atomLine         = term.MustIntern("line")
	atomFile         = term.MustIntern("file")
	atomTimeoutValue = term.MustIntern("timeout_value")
	atomAbort        = term.MustIntern("abort")
)

// backtraceDepth is how many entries a stack trace keeps, as Erlang's default
// backtrace_depth.
const backtraceDepth = 8

// raise sets the pending exception: class and reason, with a stack trace whose first entry is
// top (a {M, F, ArityOrArgs, Location} tuple) when top is not NonValue, followed by the current
// position p.fn/p.ip and the continuations on the stack.
func (p *Process) raise(class, reason, top term.Term) {
	p.exc = exception{class: class, reason: reason, trace: p.stackTrace(top, true)}
}

// raiseError raises an exception of class error at the current position.
func (p *Process) raiseError(reason term.Term) { p.raise(term.Error, reason, term.NonValue) }

// raiseUndef raises error undef for a call of a function that does not exist; the trace
// starts with the missing function and its arguments, as Erlang's does.
func (p *Process) raiseUndef(f mfa, args []term.Term) {
	h := &p.heap.Heap
	top := term.MakeTuple(h, f.mod, f.name, term.ListFromSlice(h, args, term.Nil), term.Nil)
	p.raise(term.Error, term.Undef, top)
}

// raiseBif raises the exception a BIF reported (p.bifClass/p.bifReason, set by the BIF).
// As in Erlang, a BIF called through the export table (call_ext, apply) is the trace's first
// entry, with its arguments; a BIF compiled inline (bif1..bif3: operators and guard BIFs in a
// body) is not, the function that called it is. error/1, exit/1 and throw/1 raise on their
// caller's behalf; error/2 puts its Args in the caller's entry; raise/3 (p.bifTrace) gives the
// whole trace.
func (p *Process) raiseBif(e *export, args []term.Term, inline bool) {
	h := &p.heap.Heap
	class, reason, trace := p.bifClass, p.bifReason, p.bifTrace
	p.bifClass, p.bifReason, p.bifTrace = term.Error, term.Badarg, term.NonValue
	switch {
	case trace != term.NonValue:
		p.exc = exception{class, reason, trace}
	case e.mod == atomErlang && e.name == term.Error && len(args) == 2 && p.fn != nil:
		top := term.MakeTuple(h, p.fn.mod.name, p.fn.name, args[1], p.location(p.fn, p.ip))
		p.exc = exception{class, reason, p.stackTrace(top, false)}
	case inline || class != term.Error || (e.mod == atomErlang && e.name == term.Error):
		p.raise(class, reason, term.NonValue)
	default:
		top := term.MakeTuple(h, e.mod, e.name, term.ListFromSlice(h, args, term.Nil), term.Nil)
		p.raise(class, reason, top)
	}
}

// raiseInstr raises the exception of an instruction whose job is to raise.
func (p *Process) raiseInstr(lits []term.Term, in *instr) {
	h := &p.heap.Heap
	src := func() term.Term { return p.get(lits, operand(in.args[0])) }
	switch in.op {
	case bytecode.Badmatch:
		p.raiseError(term.MakeTuple(h, term.Badmatch, src()))
	case bytecode.CaseEnd:
		p.raiseError(term.MakeTuple(h, term.CaseClause, src()))
	case bytecode.TryCaseEnd:
		p.raiseError(term.MakeTuple(h, term.TryClause, src()))
	case bytecode.Badrecord:
		p.raiseError(term.MakeTuple(h, atomBadrecord, src()))
	case bytecode.IfEnd:
		p.raiseError(term.IfClause)
	case bytecode.FuncClause:
		f := p.fn
		args := term.ListFromSlice(h, p.x[:f.arity], term.Nil)
		top := term.MakeTuple(h, f.mod.name, f.name, args, p.location(f, p.ip))
		p.exc = exception{term.Error, term.FunctionClause, p.stackTrace(top, false)}
	case bytecode.Raise:
		class, reason, trace := src(), p.get(lits, operand(in.args[1])), p.get(lits, operand(in.args[2]))
		if class != term.Error && class != term.Exit && class != term.Throw {
			p.raiseError(term.Badarg)
			return
		}
		p.exc = exception{class, reason, trace}
	}
}

// location returns the [{file, F}, {line, L}] list of instruction ip of f.
func (p *Process) location(f *function, ip int32) term.Term {
	h := &p.heap.Heap
	loc := term.Nil
	if ip >= 0 && int(ip) < len(f.lines) && f.lines[ip] > 0 {
		loc = term.Cons(h, term.MakeTuple(h, atomLine, term.MakeSmall(int64(f.lines[ip]))), loc)
	}
	if f.mod.file != "" {
		file := stringToList(h, f.mod.file)
		loc = term.Cons(h, term.MakeTuple(h, atomFile, file), loc)
	}
	return loc
}

func stringToList(h *term.Heap, s string) term.Term {
	l := term.Nil
	rs := []rune(s)
	for i := len(rs) - 1; i >= 0; i-- {
		l = term.Cons(h, term.MakeSmall(int64(rs[i])), l)
	}
	return l
}

// stackTrace builds the trace: top (unless NonValue), then the current position (when
// withCurrent), then each continuation, innermost first, up to backtraceDepth entries.
func (p *Process) stackTrace(top term.Term, withCurrent bool) term.Term {
	h := &p.heap.Heap
	var entries []term.Term
	if top != term.NonValue {
		entries = append(entries, top)
	}
	entry := func(f *function, ip int32) term.Term {
		return term.MakeTuple(h, f.mod.name, f.name, term.MakeSmall(int64(f.arity)), p.location(f, ip))
	}
	if withCurrent && p.fn != nil {
		entries = append(entries, entry(p.fn, p.ip))
	}
	// A return address points after its call; the call's own line is the one to show.
	if p.cp.fn != nil && len(entries) < backtraceDepth {
		entries = append(entries, entry(p.cp.fn, p.cp.ip-1))
	}
	for i := len(p.frames) - 1; i >= 0 && len(entries) < backtraceDepth; i-- {
		if cp := p.frames[i].cp; cp.fn != nil {
			entries = append(entries, entry(cp.fn, cp.ip-1))
		}
	}
	return term.ListFromSlice(h, entries, term.Nil)
}

// catchException transfers control to the innermost active try or catch, unwinding the stack
// to its frame. It returns false when there is none: the process exits.
func (p *Process) catchException() bool {
	n := len(p.catches)
	if n == 0 {
		return false
	}
	c := p.catches[n-1]
	p.catches = p.catches[:n-1]
	p.frames = p.frames[:c.frames]
	top := p.frames[c.frames-1]
	p.stack = p.stack[:top.ybase+top.size]
	p.ybase = top.ybase
	p.cp = retAddr{}
	p.fn, p.ip = c.fn, c.handler
	return true
}

// caughtValue is the value of `catch Expr` after an exception: the thrown term, {'EXIT',
// Reason} for an exit, {'EXIT', {Reason, Stack}} for an error.
func (p *Process) caughtValue() term.Term {
	h := &p.heap.Heap
	switch p.exc.class {
	case term.Throw:
		return p.exc.reason
	case term.Exit:
		return term.MakeTuple(h, term.EXIT, p.exc.reason)
	}
	return term.MakeTuple(h, term.EXIT, term.MakeTuple(h, p.exc.reason, p.exc.trace))
}

// exitReason is the reason a process that did not catch its exception exits with.
func (p *Process) exitReason() term.Term {
	h := &p.heap.Heap
	switch p.exc.class {
	case term.Exit:
		return p.exc.reason
	case term.Throw:
		return term.MakeTuple(h, term.MakeTuple(h, term.Nocatch, p.exc.reason), p.exc.trace)
	}
	return term.MakeTuple(h, p.exc.reason, p.exc.trace)
}
