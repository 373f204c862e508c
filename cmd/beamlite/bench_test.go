package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/beamlite/beamlite/bench"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBench(t *testing.T) {
	dir := t.TempDir()
	jsonFile, svgFile := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.svg")
	code, out, errOut := beamlite("bench", "--quick", "--runs", "1", "--schedulers", "1", "--filter", "^fib ",
		"--json", jsonFile, "--svg", svgFile)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "| fib | fib(18) | 1 | time |")
	assert.Contains(t, errOut, "[1/1] fib fib(18) (1 sched): run 1/1 beamlite")

	data, err := os.ReadFile(jsonFile)
	require.NoError(t, err)
	var rep bench.Report
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Len(t, rep.Cases, 1)
	assert.Equal(t, "2584", rep.Cases[0].Runs[0].Check)
	svg, err := os.ReadFile(svgFile)
	require.NoError(t, err)
	assert.Contains(t, string(svg), "<svg")
}

func TestBenchUsage(t *testing.T) {
	code, _, errOut := beamlite("bench", "--runs", "x")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "usage: beamlite bench")
	code, _, errOut = beamlite("bench", "--filter", "^nothing$")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "no benchmark matches")
	code, _, _ = beamlite("bench", "--schedulers", "0")
	assert.Equal(t, exitUsage, code)
	code, _, _ = beamlite("bench", "extra")
	assert.Equal(t, exitUsage, code)
}
