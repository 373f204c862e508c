package main

import (
	"os"
	"strings"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/bytecode"
)

var asmCommand = &command{
	name:    "asm",
	args:    "FILE.bl [-o FILE.blc]",
	summary: "assemble a .bl file into a .blc module",
	help: `Asm assembles and verifies FILE.bl and writes the module as .blc bytecode, by default
next to the source with the extension .blc. Every error of the file is reported at once
(file:line:col, the line and a caret); nothing is written then.

The language is described in docs/ASSEMBLY.md.
`,
	run: runAsm,
}

func runAsm(c *command, e *env, args []string) int {
	pos, flags, err := parseArgs(args, "o")
	if err != nil {
		return e.usagef(c, "asm: %v", err)
	}
	if len(pos) != 1 {
		return e.usagef(c, "asm: want one .bl file, got %d arguments", len(pos))
	}
	in := pos[0]
	out, ok := flags["o"]
	if !ok {
		out = strings.TrimSuffix(in, ".bl") + ".blc"
	}
	if out == in {
		return e.usagef(c, "asm: the output %s would overwrite the source", out)
	}
	src, err := os.ReadFile(in)
	if err != nil {
		e.errorf("%v", err)
		return exitBad
	}
	m, err := asm.Assemble(in, src)
	if err != nil {
		e.stderr.Write([]byte(err.Error() + "\n"))
		return exitBad
	}
	if err := os.WriteFile(out, bytecode.Encode(m), 0o644); err != nil {
		e.errorf("%v", err)
		return exitBad
	}
	return exitOK
}
