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

// TestRunEveryExample runs each program of examples/ and checks what it prints, so that the
// examples the README points to keep working.
func TestRunEveryExample(t *testing.T) {
	cases := map[string]struct {
		status int
		out    string
		errOut string
	}{
		"hello.bl":       {exitOK, "Hello, world!\n", ""},
		"fib.bl":         {exitOK, "fib(30) = 832040\n", ""},
		"processes.bl":   {exitOK, "echo replied hello\necho stopped: normal\nnothing else arrived\n", ""},
		"collections.bl": {exitOK, "squares: [1,4,9,16,25,36,49,64,81,100]\nsum: 55, sorted: [1,2,3]\n#{apple => 3,pear => 5,plum => 7}, pears: 5\n", ""},
		"binaries.bl":    {exitOK, "<<1,5,0,104,101,108,108,111>> -> version 1, 5 bytes: hello\n", ""},
		"agent.bl":       {exitOK, "counter: 11\ntook 11, the counter is 0 again\nprices: #{apple => 3,pear => 5}\na pear costs 5\n", ""},
		"counter.bl": {exitOK, "after two increments: 2\ntick 1: count 3\ntick 2: count 4\n" +
			"tick 3: count 5\nafter three ticks: 5\n", ""},
		"delayed_reply.bl": {exitOK, "while the worker computes, the server answers: pong\n" +
			"the worker's reply: 7 * 7 = 49\n", ""},
		"exceptions.bl": {exitBad, "caught throw:oops\ncaught exit:oops\ncaught error:oops\n",
			"exception error: {badmatch,{error,1}}\n"},
		"tasks.bl": {exitOK, "async/await: fib(25) = 75025\n" +
			"async_stream: 100 results in input order: true, their sum: 338350\n" +
			"async_nolink: the task crashed with badarith, and we are still here\n" +
			"yield for 100 ms: nil\n" +
			"shutdown: nil (no result came; the task is stopped)\n", "=ERROR REPORT==== Task"},
		"supervision.bl": {exitOK, "the tree: top [db,cache,jobs], jobs [job]\n" +
			"killed cache; top started a new one: true, which answers pong\n" +
			"job crashed once: jobs restarted it, it answers pong\n" +
			"job crashed again: jobs gave up (more than 1 restart in 5 s) and exited: shutdown\n" +
			"top reacted: it started jobs again (true), and with it job: pong\n" +
			"stopped the tree: shutdown\n", "=SUPERVISOR REPORT==== supervisor: {local,jobs}, errorContext: shutdown, reason: reached_max_restart_intensity"},
	}
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.bl"))
	require.NoError(t, err)
	for _, path := range examples {
		name := filepath.Base(path)
		want, ok := cases[name]
		if !assert.True(t, ok, "examples/%s has no expected output here", name) {
			continue
		}
		code, out, errOut := beamlite("run", path)
		assert.Equal(t, want.status, code, "%s: %s", name, errOut)
		assert.Equal(t, want.out, out, name)
		assert.Contains(t, errOut, want.errOut, name)
	}
}
