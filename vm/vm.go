package vm

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/stdlib"
	"github.com/beamlite/beamlite/vm/term"
)

// DefaultReductions is the budget a process runs before it yields, as the BEAM's.
const DefaultReductions = 4000

// Options configure a VM. The zero value is valid.
type Options struct {
	// Reductions is the budget of a time slice (default DefaultReductions).
	Reductions int
	// Schedulers is the number of schedulers (default: one per CPU).
	Schedulers int
	// NoPin leaves the schedulers' threads unpinned (by default each is pinned to a CPU).
	NoPin bool
	// Clock is the time source of timers and receive timeouts (default: real time). Tests
	// pass sched.NewFakeClock() to control time.
	Clock sched.Clock
	// ProcessLimit is the most processes that may exist at once (default
	// DefaultProcessLimit); spawning past it raises system_limit.
	ProcessLimit int
	// Heap are the heap options of new processes (default gc.DefaultOptions()).
	Heap *gc.Options
	// Stdout and Stderr receive what processes write to standard_io and standard_error
	// (default os.Stdout and os.Stderr).
	Stdout, Stderr io.Writer
	// Logf receives the VM's own notices (such as refused CPU pinning); default log.Printf.
	Logf func(format string, args ...any)
}

// VM is a beamlite virtual machine: its loaded code, its schedulers and its processes.
type VM struct {
	opts           Options
	code           *codeServer
	sys            *sched.System
	procs          *procTable
	regs           []*regFile // one per scheduler, indexed by Scheduler.ID
	stdout, stderr *output

	namesMu sync.RWMutex // guards names
	names   map[term.Term]*Process
	global  globalNames // the {global, Name} registry (bif_global.go)

	haltOnce sync.Once
	halted   chan struct{} // closed by erlang:halt
	haltCode int           // set before halted is closed

	gcStats gcCounters // statistics(garbage_collection) (bif_memory.go)
	timers  timerTable // erlang:send_after and start_timer timers, by reference (bif_timer.go)
}

// New returns a running VM with the given options and the standard library loaded. Stop it
// with Stop.
func New(opts Options) (*VM, error) {
	if opts.Reductions <= 0 {
		opts.Reductions = DefaultReductions
	}
	if opts.Heap == nil {
		o := gc.DefaultOptions()
		opts.Heap = &o
	}
	v := &VM{opts: opts, code: newCodeServer(), procs: newProcTable(opts.ProcessLimit),
		names: map[term.Term]*Process{}, halted: make(chan struct{}),
		timers: timerTable{m: map[uint64]*timerEntry{}},
		stdout: newOutput(opts.Stdout, os.Stdout), stderr: newOutput(opts.Stderr, os.Stderr)}
	ms, err := stdlib.Modules()
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if err := v.code.load(m, true); err != nil {
			return nil, err
		}
	}
	v.sys = sched.New(sched.Options{Schedulers: opts.Schedulers, Budget: opts.Reductions,
		NoPin: opts.NoPin, Clock: opts.Clock, Logf: opts.Logf})
	for range v.sys.Schedulers() {
		v.regs = append(v.regs, new(regFile))
	}
	v.sys.Start()
	return v, nil
}

// Stop stops the schedulers; processes still running are abandoned. Safe from any goroutine.
func (v *VM) Stop(ctx context.Context) error { return v.sys.Stop(ctx) }

// Load verifies m and makes it the current version of its module. Safe from any goroutine.
func (v *VM) Load(m *bytecode.Module) error { return v.code.load(m, false) }

// module returns the current version of the module named name, or nil.
func (cs *codeServer) module(name term.Term) *module {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.modules[name]
}

// whereis returns the process registered under name, or nil. Safe from any goroutine.
func (v *VM) whereis(name term.Term) *Process {
	v.namesMu.RLock()
	defer v.namesMu.RUnlock()
	return v.names[name]
}

// ExitError is the error a call returns when its process ended with an uncaught exception.
type ExitError struct {
	Class  value.Atom // error, exit or throw
	Reason value.Term
	Trace  value.Term // the stack trace: a list of {M, F, ArityOrArgs, Location}
}

func (e *ExitError) Error() string {
	return fmt.Sprintf("%s: %s", e.Class, value.Print(e.Reason))
}

// Apply runs mod:fun(args...) in a new process and waits until it ends: it returns the
// function's result, or an *ExitError when the process ended with an uncaught exception.
func (v *VM) Apply(mod, fun string, args ...value.Term) (value.Term, error) {
	r, err := v.apply(mod, fun, args)
	if err != nil {
		return nil, err
	}
	return r.result, r.err
}

// applyResult is what a process started by apply left behind.
type applyResult struct {
	result value.Term
	err    error
	// For tests: the process's state as it ended.
	stackCap, frames  int
	reductions, heapN int64
}

func (v *VM) apply(mod, fun string, args []value.Term) (applyResult, error) {
	m, err1 := term.Intern(mod)
	f, err2 := term.Intern(fun)
	if err1 != nil || err2 != nil {
		return applyResult{}, term.ErrSystemLimit
	}
	done := make(chan applyResult, 1)
	p, err := v.newProcessMFA(*v.opts.Heap, m, f, args)
	if err != nil {
		return applyResult{}, err
	}
	p.extState().onExit = func(p *Process, normal bool) {
		h := &p.heap.Heap
		r := applyResult{stackCap: cap(p.stack), frames: len(p.frames), reductions: p.reductions}
		if normal {
			r.result = term.ToValue(h, p.x[0])
		} else {
			r.err = &ExitError{
				Class:  value.Atom(term.AtomName(p.exc.class)),
				Reason: term.ToValue(h, p.exc.reason),
				Trace:  term.ToValue(h, p.exc.trace),
			}
		}
		done <- r
	}
	v.sys.Spawn(&p.Task, p, sched.Normal)
	select {
	case r := <-done:
		return r, nil
	case <-v.halted:
		return applyResult{err: &HaltError{Code: v.haltCode}}, nil
	}
}

// HaltError is what Apply returns when a process called erlang:halt/0,1 before the applied
// function returned: the VM's processes are to stop, with Code as the exit status.
type HaltError struct{ Code int }

func (e *HaltError) Error() string { return fmt.Sprintf("halt(%d)", e.Code) }

// halt records the exit status and tells every Apply to return. Safe from any goroutine; the
// first call wins.
func (v *VM) halt(code int) {
	v.haltOnce.Do(func() {
		v.haltCode = code
		close(v.halted)
	})
}

// Halted returns a channel closed when a process calls erlang:halt, and the status it gave
// (valid once the channel is closed).
func (v *VM) Halted() (<-chan struct{}, func() int) {
	return v.halted, func() int { return v.haltCode }
}

// newProcessMFA makes a process that will run mod:fun(args...) (resolved when it first runs,
// as Erlang's spawn/3 does: a missing function makes the process exit with undef).
func (v *VM) newProcessMFA(opts gc.Options, mod, fun term.Term, args []value.Term) (*Process, error) {
	if len(args) > bytecode.MaxArity {
		return nil, term.ErrSystemLimit
	}
	p := newProcess(v, opts)
	if !v.procs.insert(p) {
		return nil, term.ErrSystemLimit
	}
	xs := make([]term.Term, 0, len(args)+2)
	for _, a := range args {
		t, err := term.FromValue(&p.heap.Heap, a)
		if err != nil {
			v.procs.remove(p)
			return nil, err
		}
		xs = append(xs, t)
	}
	p.xsaved = append(xs, mod, fun)
	p.xlive = len(p.xsaved)
	p.start = startApply
	p.startArity = uint8(len(args))
	return p, nil
}

// Exported reports whether mod:fun/arity is a function of a loaded module (or a BIF).
func (v *VM) Exported(mod, fun string, arity int) bool {
	m, err1 := term.Intern(mod)
	f, err2 := term.Intern(fun)
	if err1 != nil || err2 != nil {
		return false
	}
	e := v.code.lookup(m, f, arity)
	return e != nil && (e.fn.Load() != nil || e.bif != nil)
}

// Report formats the exception as the beamlite command prints an uncaught one: the class and
// reason, then one line per stack-trace entry, innermost first.
func (e *ExitError) Report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exception %s: %s\n", e.Class, value.Print(e.Reason))
	trace, _ := e.Trace.(value.List)
	for i, entry := range trace {
		t, ok := entry.(value.Tuple)
		if !ok || len(t) != 4 {
			continue
		}
		what := "in call from"
		if i == 0 {
			what = "in function "
		}
		fa := value.Print(t[2])
		if args, ok := t[2].(value.List); ok {
			fa = fmt.Sprintf("%d", len(args))
		}
		fmt.Fprintf(&b, "    %s %s:%s/%s", what, value.Print(t[0]), value.Print(t[1]), fa)
		if loc := location(t[3]); loc != "" {
			fmt.Fprintf(&b, " (%s)", loc)
		}
		b.WriteByte('\n')
		if args, ok := t[2].(value.List); ok && i == 0 {
			list := value.Print(args) // "[A,B]": the call shows what is between the brackets
			fmt.Fprintf(&b, "       called as %s:%s(%s)\n", value.Print(t[0]), value.Print(t[1]),
				list[1:len(list)-1])
		}
	}
	return b.String()
}

// location renders a stack entry's [{file, F}, {line, L}] as "F, line L".
func location(loc value.Term) string {
	l, _ := loc.(value.List)
	var file, line string
	for _, e := range l {
		t, ok := e.(value.Tuple)
		if !ok || len(t) != 2 {
			continue
		}
		switch t[0] {
		case value.Atom("file"):
			if s, ok := t[1].(value.List); ok {
				for _, c := range s {
					if r, ok := c.(value.Int); ok {
						file += string(rune(r))
					}
				}
			}
		case value.Atom("line"):
			line = value.Print(t[1])
		}
	}
	switch {
	case file != "" && line != "":
		return file + ", line " + line
	case file != "":
		return file
	}
	return ""
}
