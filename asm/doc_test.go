package asm

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
)

// TestAssemblyDocExamples checks invariant 5: every ```bl block of docs/ASSEMBLY.md is a
// complete module that assembles and verifies, so the examples cannot rot. A block whose
// first line is "% error" must fail instead, with the message the comment quotes.
func TestAssemblyDocExamples(t *testing.T) {
	path := filepath.Join(repoRoot(t), "docs", "ASSEMBLY.md")
	doc, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(doc), "\n")
	n := 0
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```bl" {
			continue
		}
		start := i + 1
		j := start
		for j < len(lines) && strings.TrimSpace(lines[j]) != "```" {
			j++
		}
		require.Less(t, j, len(lines), "unterminated ```bl block at line %d", i+1)
		block := strings.Join(lines[start:j], "\n") + "\n"
		i = j
		n++
		name := "ASSEMBLY.md:" + strconv.Itoa(start)
		t.Run(name, func(t *testing.T) {
			if want, ok := strings.CutPrefix(lines[start], "% error: "); ok {
				_, err := Assemble("example.bl", []byte(block))
				require.Error(t, err)
				require.Contains(t, err.Error(), want)
				return
			}
			_, err := Assemble("example.bl", []byte(block))
			require.NoError(t, err, "example at docs/ASSEMBLY.md line %d", start)
		})
	}
	require.GreaterOrEqual(t, n, 5, "docs/ASSEMBLY.md has too few examples")
}

// TestAssemblyDocListsEveryKind keeps the operand table of docs/ASSEMBLY.md complete: every
// operand kind the instruction table uses has a row (its first cell names the kind).
func TestAssemblyDocListsEveryKind(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "ASSEMBLY.md"))
	require.NoError(t, err)
	rows := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 2 {
			for _, k := range strings.Split(cells[1], ",") {
				rows[strings.TrimSpace(k)] = true
			}
		}
	}
	for _, op := range bytecode.Opcodes() {
		for _, spec := range bytecode.Lookup(op).Operands {
			assert.True(t, rows[spec.Kind.String()], "docs/ASSEMBLY.md has no row for operand kind %s (used by %s)", spec.Kind, op)
		}
	}
}

// isaDocMismatches are the operand kinds whose "written as" examples in docs/ISA.md (generated
// from bytecode/isa.go's comments) do not parse as the assembler writes them.
// None now: every kind's example follows docs/ASSEMBLY.md.
var isaDocMismatches = map[string]bool{}

// TestISADocSyntaxAgrees checks that the operand examples docs/ISA.md gives for each kind
// are valid .bl for that kind, so that the two documents teach one language.
func TestISADocSyntaxAgrees(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "ISA.md"))
	if os.IsNotExist(err) {
		t.Skip("no docs/ISA.md")
	}
	require.NoError(t, err)
	kinds := map[string]bytecode.OperandKind{}
	for _, op := range bytecode.Opcodes() {
		for _, spec := range bytecode.Lookup(op).Operands {
			kinds[spec.Kind.String()] = spec.Kind
		}
	}
	checked := 0
	for _, line := range strings.Split(string(doc), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		kind, ok := kinds[strings.TrimSpace(cells[1])]
		if !ok {
			continue
		}
		name := kind.String()
		parts := strings.Split(cells[2], "`")
		bad := ""
		for i := 1; i < len(parts); i += 2 {
			if strings.Contains(parts[i], "arity") {
				continue // a placeholder (name/arity), not an example
			}
			checked++
			if err := parseOperand(kind, parts[i]); err != nil && bad == "" {
				bad = parts[i] + ": " + err.Error()
			}
		}
		if isaDocMismatches[name] {
			continue
		}
		assert.Empty(t, bad, "docs/ISA.md writes a %s operand as .bl does not", name)
	}
	require.NotZero(t, checked, "no operand examples found in docs/ISA.md")
}

// parseOperand parses text as one operand of the kind, inside a function, without resolving
// labels or function names (they are only spelled here).
func parseOperand(kind bytecode.OperandKind, text string) error {
	errs := &errSink{file: "isa", src: text}
	a := &assembler{
		p: newParser("isa", text, errs), m: &bytecode.Module{},
		atoms: map[value.Atom]int{}, litsCmp: map[value.Term]int{}, litsStr: map[string]int{},
		imports: map[bytecode.Import]int{}, funcs: map[funcKey]int{}, lambdas: map[funcKey]int{},
		exported: map[funcKey]bool{}, labelOwner: map[string]string{},
		fn: &funcState{labels: map[string]int{}},
	}
	a.m.Functions = []bytecode.Function{{}}
	a.p.statement(func() {
		a.operand(kind, "operand")
		if k := a.p.tok().kind; k != tNewline && k != tEOF {
			a.p.failf(a.p.tok().pos(), "unexpected %s after the operand", a.p.tok().describe(text))
		}
	})
	return errs.list.Err()
}
