package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit statuses, the same for every command.
const (
	exitOK    = 0 // success
	exitBad   = 1 // bad input: the errors are on stderr
	exitUsage = 2 // the command line is wrong
)

// command is one subcommand. Adding one (run, bench, …) is adding an entry to commands and a
// file with its function; main needs no change.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string // one line for the command list
	help    string // the rest of `beamlite help NAME`
	run     func(c *command, e *env, args []string) int
}

// env is what a command may touch: its output streams and the file system through os. Tests
// run commands in-process with buffers here.
type env struct {
	stdout, stderr io.Writer
}

// errorf prints a message prefixed with the program's name on stderr.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "beamlite: "+format+"\n", args...)
}

// usagef reports a command-line mistake and returns the usage exit status.
func (e *env) usagef(c *command, format string, args ...any) int {
	e.errorf(format, args...)
	if c != nil {
		fmt.Fprintf(e.stderr, "usage: beamlite %s %s\n", c.name, c.args)
	}
	return exitUsage
}

var commands []*command

func init() {
	commands = []*command{asmCommand, benchCommand, disasmCommand, helpCommand, runCommand}
	sort.Slice(commands, func(i, j int) bool { return commands[i].name < commands[j].name })
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr}))
}

// run executes the command line args (without the program name) and returns the exit status.
func run(args []string, e *env) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		hint := ""
		if s := nearest(name, names); s != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", s)
		}
		e.errorf("unknown command %q%s; run 'beamlite help' for the list", name, hint)
		return exitUsage
	}
	return c.run(c, e, args[1:])
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("beamlite is a BEAM-like virtual machine.\n\nUsage:\n\n\tbeamlite <command> [arguments]\n\nCommands:\n\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'beamlite help <command>' for more about a command.\n")
	b.WriteString("Exit status: 0 on success, 1 on bad input (errors on stderr), 2 on a usage error.\n")
	io.WriteString(w, b.String())
}

// nearest returns the name within two edits of s, for "did you mean".
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := distance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// parseArgs splits a command's arguments into positional ones and the values of the given
// flags (each taking a value). Flags may come before or after the positional arguments, as
// in `beamlite asm fib.bl -o fib.blc`; "--" ends the flags.
func parseArgs(args []string, flags ...string) (pos []string, vals map[string]string, err error) {
	vals = map[string]string{}
	known := map[string]bool{}
	for _, f := range flags {
		known[f] = true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(pos, args[i+1:]...), vals, nil
		case len(a) > 1 && a[0] == '-':
			name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !known[name] {
				return nil, nil, fmt.Errorf("unknown flag %s", a)
			}
			if _, dup := vals[name]; dup {
				return nil, nil, fmt.Errorf("flag -%s given twice", name)
			}
			if !hasVal {
				if i+1 >= len(args) {
					return nil, nil, fmt.Errorf("flag -%s needs a value", name)
				}
				i++
				val = args[i]
			}
			vals[name] = val
		default:
			pos = append(pos, a)
		}
	}
	return pos, vals, nil
}
