package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// beamlite runs the command in-process and returns its exit status, stdout and stderr.
func beamlite(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &env{stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

const goodSrc = `module hi
export main/0

function main/0
    move {hello, "world"}, x0
    return
`

const badSrc = `module hi

function main/0
    mvoe x0, x1
    jump @nowhere
`

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// TestExitStatuses checks invariant 1 for every command and every way it can end.
func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.bl", goodSrc)
	bad := write(t, dir, "bad.bl", badSrc)
	garbage := write(t, dir, "garbage.blc", "BLC\x00\xff\xff\xff")
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring; "" means stderr must be empty
	}{
		{"no args", nil, exitUsage, "", "Usage:"},
		{"help", []string{"help"}, exitOK, "Commands:", ""},
		{"-h", []string{"-h"}, exitOK, "Commands:", ""},
		{"help asm", []string{"help", "asm"}, exitOK, "usage: beamlite asm FILE.bl", ""},
		{"help unknown", []string{"help", "nope"}, exitUsage, "", `unknown command "nope"`},
		{"help too many", []string{"help", "asm", "disasm"}, exitUsage, "", "at most one"},
		{"unknown", []string{"disasn"}, exitUsage, "", "(did you mean disasm?)"},
		{"asm ok", []string{"asm", good}, exitOK, "", ""},
		{"asm -o", []string{"asm", good, "-o", filepath.Join(dir, "x.blc")}, exitOK, "", ""},
		{"asm -o=", []string{"asm", "-o=" + filepath.Join(dir, "y.blc"), good}, exitOK, "", ""},
		{"asm errors", []string{"asm", bad}, exitBad, "", "bad.bl:4:5: unknown instruction \"mvoe\" (did you mean move?)\n        mvoe x0, x1\n        ^"},
		{"asm all errors", []string{"asm", bad}, exitBad, "", "bad.bl:5:10: undefined label @nowhere"},
		{"asm missing file", []string{"asm", filepath.Join(dir, "none.bl")}, exitBad, "", "no such file"},
		{"asm no file", []string{"asm"}, exitUsage, "", "usage: beamlite asm"},
		{"asm two files", []string{"asm", good, bad}, exitUsage, "", "want one .bl file"},
		{"asm bad flag", []string{"asm", good, "-x"}, exitUsage, "", "unknown flag -x"},
		{"asm -o without value", []string{"asm", good, "-o"}, exitUsage, "", "needs a value"},
		{"disasm bl", []string{"disasm", good}, exitOK, "move {hello, \"world\"}, x0", ""},
		{"disasm bad bl", []string{"disasm", bad}, exitBad, "", "unknown instruction"},
		{"disasm garbage", []string{"disasm", garbage}, exitBad, "", "garbage.blc"},
		{"disasm no file", []string{"disasm"}, exitUsage, "", "usage: beamlite disasm"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := beamlite(c.args...)
			assert.Equal(t, c.code, code, "stderr: %s", errOut)
			assert.Contains(t, out, c.stdout)
			if c.stderr == "" {
				assert.Empty(t, errOut)
			} else {
				assert.Contains(t, errOut, c.stderr)
			}
		})
	}
	assert.FileExists(t, filepath.Join(dir, "good.blc"))
	assert.FileExists(t, filepath.Join(dir, "x.blc"))
	assert.FileExists(t, filepath.Join(dir, "y.blc"))
	assert.NoFileExists(t, filepath.Join(dir, "bad.blc"))
}

// TestAsmDisasmRoundTrip checks invariant 2: asm, disasm the .blc over the source, asm
// again: the same .blc bytes.
func TestAsmDisasmRoundTrip(t *testing.T) {
	src, err := os.ReadFile("../../examples/asm/fib.bl")
	require.NoError(t, err)
	t.Chdir(t.TempDir()) // relative names, so that both modules record the file "fib.bl"
	write(t, ".", "fib.bl", string(src))
	code, _, errOut := beamlite("asm", "fib.bl")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = beamlite("disasm", "fib.blc", "-o", "fib.bl")
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = beamlite("asm", "fib.bl", "-o", "again.blc")
	require.Equal(t, exitOK, code, errOut)
	b1, err := os.ReadFile("fib.blc")
	require.NoError(t, err)
	b2, err := os.ReadFile("again.blc")
	require.NoError(t, err)
	assert.Equal(t, b1, b2)
}
