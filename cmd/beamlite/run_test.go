package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunExamples(t *testing.T) {
	code, out, errOut := beamlite("run", filepath.Join("..", "..", "examples", "hello.bl"))
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, "Hello, world!\n", out)

	code, out, errOut = beamlite("run", filepath.Join("..", "..", "examples", "hello.bl"), "--", "Joe", "Mike")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, "Hello, Joe!\nHello, Mike!\n", out)

	code, out, errOut = beamlite("run", "--schedulers", "1", "--pin=false", filepath.Join("..", "..", "examples", "fib.bl"), "--", "20")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, "fib(20) = 6765\n", out)
}

func TestRunStatuses(t *testing.T) {
	dir := t.TempDir()
	crash := write(t, dir, "crash.bl", `module crash
export main/0

function main/0
    allocate 0
    move 1, x0
    call 1, f/1
    deallocate 0
    return

function f/1
    is_eq_exact @bad, x0, 2
    return
@bad:
    badmatch x0
`)
	code, _, errOut := beamlite("run", crash)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, errOut, "exception error: {badmatch,1}")
	assert.Contains(t, errOut, "in function  crash:f/1 ("+crash+", line 15)")
	assert.Contains(t, errOut, "in call from crash:main/0 ("+crash+", line 7)")

	noMain := write(t, dir, "nomain.bl", "module nomain\nexport f/0\nfunction f/0\n    move ok, x0\n    return\n")
	code, _, errOut = beamlite("run", noMain)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "exports neither main/1 nor main/0")

	bad := write(t, dir, "bad.bl", "module bad\nfunction main/0\n    retrun\n")
	code, _, errOut = beamlite("run", bad)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "bad.bl:3:5")

	halt := write(t, dir, "halt.bl", "module halt\nexport main/0\nfunction main/0\n    move 3, x0\n    call_ext_only 1, erlang:halt/1\n")
	code, _, errOut = beamlite("run", halt)
	assert.Equal(t, 3, code, errOut)

	code, _, _ = beamlite("run")
	assert.Equal(t, exitUsage, code)
	code, _, _ = beamlite("run", "--schedulers", "zero", crash)
	assert.Equal(t, exitUsage, code)
}
