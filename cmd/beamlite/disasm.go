package main

import (
	"bytes"
	"os"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/bytecode"
)

var disasmCommand = &command{
	name:    "disasm",
	args:    "FILE.blc|FILE.bl [-o FILE.bl]",
	summary: "print a module as .bl",
	help: `Disasm prints a module as .bl assembly on stdout (or into the file given with -o).
A .blc file is decoded and printed as it is, without verification, so that a module the
loader refuses can still be read. A .bl file is assembled and verified first, which shows it
as the machine sees it: labels numbered, comments gone, literals in one spelling.
The kind of file is told by its contents, not its name.

Assembling the output gives back the same module.
`,
	run: runDisasm,
}

// blcMagic starts every .blc file.
var blcMagic = []byte("BLC\x00")

func runDisasm(c *command, e *env, args []string) int {
	pos, flags, err := parseArgs(args, "o")
	if err != nil {
		return e.usagef(c, "disasm: %v", err)
	}
	if len(pos) != 1 {
		return e.usagef(c, "disasm: want one .blc or .bl file, got %d arguments", len(pos))
	}
	in := pos[0]
	data, err := os.ReadFile(in)
	if err != nil {
		e.errorf("%v", err)
		return exitBad
	}
	var m *bytecode.Module
	if bytes.HasPrefix(data, blcMagic) {
		m, err = bytecode.Decode(data)
		if err != nil {
			e.errorf("%s: %v", in, err)
			return exitBad
		}
	} else {
		m, err = asm.Assemble(in, data)
		if err != nil {
			e.stderr.Write([]byte(err.Error() + "\n"))
			return exitBad
		}
	}
	text, err := asm.Disassemble(m)
	if err != nil {
		e.errorf("%s: cannot write this module as .bl: %v", in, err)
		return exitBad
	}
	if out, ok := flags["o"]; ok {
		if err := os.WriteFile(out, text, 0o644); err != nil {
			e.errorf("%v", err)
			return exitBad
		}
		return exitOK
	}
	e.stdout.Write(text)
	return exitOK
}
