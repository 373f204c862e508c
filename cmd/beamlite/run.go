package main

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm"
)

var runCommand = &command{
	name:    "run",
	args:    "[--schedulers N] [--reductions N] [--pin=false] FILE.bl|FILE.blc [FILE…] [-- ARGS…]",
	summary: "run a program: main/1 (or main/0) of the first file's module",
	help: `Run loads every FILE (.bl source is assembled first, .blc is loaded as it is) and runs
main/1 of the first file's module with the remaining arguments as a list of binaries, or
main/0 when there is no main/1. Arguments after -- are always passed to main.

The exit status is 0 when main returns, 1 when it ends with an uncaught exception (printed on
stderr with its stack trace), 2 for a usage error or a file that does not assemble or load, and
Status when a process calls erlang:halt(Status) first. Other processes are stopped then.

  --schedulers N   schedulers to run processes on (default: one per CPU)
  --reductions N   reductions a process runs before it is preempted (default 4000)
  --pin=false      do not pin scheduler threads to CPUs
`,
	run: runRun,
}

func runRun(c *command, e *env, args []string) int {
	opts := vm.Options{Stdout: e.stdout, Stderr: e.stderr}
	var files, progArgs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		num := func() (int, bool) {
			val, has := strings.CutPrefix(a, "=")
			if _, v, ok := strings.Cut(a, "="); ok {
				val, has = v, true
			}
			if !has {
				if i+1 >= len(args) {
					return 0, false
				}
				i++
				val = args[i]
			}
			n, err := strconv.Atoi(val)
			return n, err == nil && n > 0
		}
		switch {
		case a == "--":
			progArgs = append(progArgs, args[i+1:]...)
			i = len(args)
		case len(files) > 0 && !strings.HasSuffix(a, ".bl") && !strings.HasSuffix(a, ".blc"):
			progArgs = append(progArgs, a)
		case strings.HasPrefix(a, "--schedulers"):
			n, ok := num()
			if !ok {
				return e.usagef(c, "run: --schedulers wants a positive number")
			}
			opts.Schedulers = n
		case strings.HasPrefix(a, "--reductions"):
			n, ok := num()
			if !ok {
				return e.usagef(c, "run: --reductions wants a positive number")
			}
			opts.Reductions = n
		case a == "--pin=false":
			opts.NoPin = true
		case a == "--pin=true" || a == "--pin":
		case strings.HasPrefix(a, "-") && len(files) == 0:
			return e.usagef(c, "run: unknown flag %s", a)
		default:
			files = append(files, a)
		}
	}
	if len(files) == 0 {
		return e.usagef(c, "run: want a .bl or .blc file")
	}
	var modules []*bytecode.Module
	for _, f := range files {
		m, status := loadFile(e, f)
		if m == nil {
			return status
		}
		modules = append(modules, m)
	}
	v, err := vm.New(opts)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	defer v.Stop(context.Background())
	for _, m := range modules {
		if err := v.Load(m); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
	}
	mod := string(modules[0].Name)
	var callArgs []value.Term
	switch {
	case v.Exported(mod, "main", 1):
		list := value.List{}
		for _, a := range progArgs {
			list = append(list, value.Binary(a))
		}
		callArgs = []value.Term{list}
	case v.Exported(mod, "main", 0):
		if len(progArgs) > 0 {
			return e.usagef(c, "run: %s exports main/0, which takes no arguments", mod)
		}
	default:
		e.errorf("run: module %s exports neither main/1 nor main/0", mod)
		return exitUsage
	}
	_, err = v.Apply(mod, "main", callArgs...)
	var ee *vm.ExitError
	var he *vm.HaltError
	switch {
	case errors.As(err, &he):
		return he.Code
	case errors.As(err, &ee):
		e.stderr.Write([]byte(ee.Report()))
		return exitBad
	case err != nil:
		e.errorf("%v", err)
		return exitBad
	}
	return exitOK
}

// loadFile reads a .bl (assembling it) or .blc file; on failure it reports and returns the
// exit status.
func loadFile(e *env, path string) (*bytecode.Module, int) {
	data, err := os.ReadFile(path)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitUsage
	}
	if strings.HasSuffix(path, ".blc") {
		m, err := bytecode.Decode(data)
		if err != nil {
			e.errorf("%s: %v", path, err)
			return nil, exitUsage
		}
		return m, exitOK
	}
	m, err := asm.Assemble(path, data)
	if err != nil {
		e.stderr.Write([]byte(err.Error() + "\n"))
		return nil, exitUsage
	}
	return m, exitOK
}
