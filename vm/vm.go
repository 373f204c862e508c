package vm

import (
	"fmt"
	"io"
	"os"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
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
	// Heap are the heap options of new processes (default gc.DefaultOptions()).
	Heap *gc.Options
	// Stdout and Stderr receive what processes write to standard_io and standard_error
	// (default os.Stdout and os.Stderr).
	Stdout, Stderr io.Writer
}

// VM is a beamlite virtual machine: its loaded code and its processes.
type VM struct {
	opts           Options
	code           *codeServer
	stdout, stderr *output
}

// New returns a VM with the given options and the standard library loaded.
func New(opts Options) (*VM, error) {
	if opts.Reductions <= 0 {
		opts.Reductions = DefaultReductions
	}
	if opts.Heap == nil {
		o := gc.DefaultOptions()
		opts.Heap = &o
	}
	v := &VM{opts: opts, code: newCodeServer(),
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
	return v, nil
}

// Load verifies m and makes it the current version of its module. Safe from any goroutine.
func (v *VM) Load(m *bytecode.Module) error { return v.code.load(m, false) }

// module returns the current version of the module named name, or nil.
func (cs *codeServer) module(name term.Term) *module {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.modules[name]
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

// Apply runs mod:fun(args...) in a new process until it returns, and returns its result. It
// runs on the calling goroutine (the schedulers come with processes).
func (v *VM) Apply(mod, fun string, args ...value.Term) (value.Term, error) {
	p, err := v.applyProcess(mod, fun, args)
	if err != nil {
		return nil, err
	}
	h := &p.heap.Heap
	if p.exc.class != term.Nil {
		return nil, &ExitError{
			Class:  value.Atom(term.AtomName(p.exc.class)),
			Reason: term.ToValue(h, p.exc.reason),
			Trace:  term.ToValue(h, p.exc.trace),
		}
	}
	return term.ToValue(h, p.x[0]), nil
}

// applyProcess runs mod:fun(args...) in a new process to its end and returns the process: its
// result in x0, or its uncaught exception in exc.
func (v *VM) applyProcess(mod, fun string, args []value.Term) (*Process, error) {
	p := newProcess(v, *v.opts.Heap)
	m, _ := term.Intern(mod)
	f, _ := term.Intern(fun)
	e := v.code.lookup(m, f, len(args))
	if e == nil || (e.fn.Load() == nil && e.bif == nil) {
		return nil, fmt.Errorf("vm: %s:%s/%d is not exported by a loaded module", mod, fun, len(args))
	}
	fn := e.fn.Load()
	if fn != nil {
		p.enter(fn) // before the arguments are set: it clears the registers it adds
	} else {
		p.xlive = len(args)
	}
	for i, a := range args {
		t, err := term.FromValue(&p.heap.Heap, a)
		if err != nil {
			return nil, err
		}
		p.x[i] = t
	}
	if fn == nil { // a BIF: call it directly
		if r := e.bif(p, p.x[:len(args)]); r != term.NonValue {
			p.x[0] = r
		} else {
			p.raiseBif(e, p.x[:len(args)])
		}
		return p, nil
	}
	p.fn, p.ip = fn, 0
	for {
		switch p.run(v.opts.Reductions) {
		case outcomeDone:
			return p, nil
		case outcomeExit:
			return p, nil
		}
		p.yields++
	}
}
