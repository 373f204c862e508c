package bytecode

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/isa.golden (after bumping FormatVersion)")

// gaps lists opcode numbers that are deliberately unused (removed instructions keep their
// number forever). None yet.
var gaps = map[Opcode]string{}

func TestTableComplete(t *testing.T) {
	require.Len(t, table, maxOpcode+1, "table must end at maxOpcode")
	assert.Empty(t, table[0].Name, "opcode 0 is never used (a zero Instr is invalid)")
	names := map[string]Opcode{}
	groups := map[string]bool{}
	for _, g := range groupOrder {
		groups[g] = true
	}
	for op := Opcode(1); op <= maxOpcode; op++ {
		in := Lookup(op)
		if _, gap := gaps[op]; gap {
			assert.Nil(t, in, "gap %d has an entry", op)
			continue
		}
		require.NotNil(t, in, "opcode %d has no table entry", op)
		assert.NotEmpty(t, in.Doc, "%s: doc", in.Name)
		assert.NotEmpty(t, in.Effect, "%s: effect", in.Name)
		assert.True(t, groups[in.Group], "%s: unknown group %q", in.Name, in.Group)
		assert.GreaterOrEqual(t, in.Cost, 0, "%s: cost", in.Name)
		if prev, dup := names[in.Name]; dup {
			t.Errorf("mnemonic %s used by %d and %d", in.Name, prev, op)
		}
		names[in.Name] = op
		got, ok := OpcodeByName(in.Name)
		assert.True(t, ok)
		assert.Equal(t, op, got)
		assert.Equal(t, in.Name, op.String())
		argNames := map[string]bool{}
		hasLabel := false
		for _, spec := range in.Operands {
			assert.NotEqual(t, "Kind?", spec.Kind.String(), "%s: operand kind", in.Name)
			assert.NotEmpty(t, spec.Name)
			assert.False(t, argNames[spec.Name], "%s: operand name %s repeated", in.Name, spec.Name)
			argNames[spec.Name] = true
			switch spec.Kind {
			case KindLabel, KindFail, KindValTable, KindArityTable:
				hasLabel = true
			}
		}
		assert.Equal(t, hasLabel, in.Has(FlagBranch), "%s: FlagBranch iff a label operand", in.Name)
		if in.Has(FlagTest) {
			require.NotEmpty(t, in.Operands, in.Name)
			assert.Equal(t, KindFail, in.Operands[0].Kind, "%s: a test's first operand is its fail label", in.Name)
		}
		if in.Has(FlagCall) {
			assert.Equal(t, 1, in.Cost, "%s: calls cost 1 (DESIGN.md)", in.Name)
		}
	}
	assert.Equal(t, "op(0)", Opcode(0).String())
	assert.Nil(t, Lookup(maxOpcode+1))
}

func TestKindsComplete(t *testing.T) {
	for k := OperandKind(1); k <= lastKind; k++ {
		assert.NotEqual(t, "Kind?", k.String(), "kind %d", k)
		assert.NotEmpty(t, kindTags[k], "kind %s allows no tag", k)
	}
	for tg := Tag(1); tg <= lastTag; tg++ {
		assert.NotContains(t, tg.String(), "tag(", "tag %d", tg)
	}
}

// goldenText is what testdata/isa.golden pins: the version, then one line per opcode.
func goldenText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "FormatVersion %d\n", FormatVersion)
	for _, op := range Opcodes() {
		in := Lookup(op)
		fmt.Fprintf(&b, "%d %s", op, in.Name)
		for _, s := range in.Operands {
			fmt.Fprintf(&b, " %s", s.Kind)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestISAGolden(t *testing.T) {
	const path = "testdata/isa.golden"
	want := goldenText()
	old, err := os.ReadFile(path)
	if err != nil && !*update {
		t.Fatalf("%v (run go test ./bytecode -run TestISAGolden -update)", err)
	}
	oldVersion, oldBody, _ := strings.Cut(string(old), "\n")
	_, newBody, _ := strings.Cut(want, "\n")
	if oldBody != newBody && oldVersion == fmt.Sprintf("FormatVersion %d", FormatVersion) {
		t.Fatalf("the instruction table changed but FormatVersion is still %d: bump it, then run with -update\n%s",
			FormatVersion, lineDiff(oldBody, newBody))
	}
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	require.Equal(t, string(old), want, "run go test ./bytecode -run TestISAGolden -update")
}

// lineDiff lists the lines only in a and only in b.
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out strings.Builder
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			fmt.Fprintf(&out, "- %s\n", l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			fmt.Fprintf(&out, "+ %s\n", l)
		}
	}
	return out.String()
}

func TestISADocUpToDate(t *testing.T) {
	got, err := os.ReadFile("../docs/ISA.md")
	require.NoError(t, err, "run go generate ./bytecode")
	require.Equal(t, string(ISAMarkdown()), string(got), "docs/ISA.md is stale: run go generate ./bytecode")
}

func TestKindDocsComplete(t *testing.T) {
	for k := OperandKind(1); k <= lastKind; k++ {
		assert.NotEmpty(t, kindDocs[k].syntax, "kind %s", k)
		assert.NotEmpty(t, kindDocs[k].doc, "kind %s", k)
	}
}
