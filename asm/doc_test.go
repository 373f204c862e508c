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
