package vm

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/beamlite/beamlite/value/valuetest"
)

var miscCases = []bifCase{
	{call: "max(1, 2)", want: "2"},
	{call: "max(2, 1)", want: "2"},
	{call: "max(1, 1.0)", want: "1"},
	{call: "max(1.0, 1)", want: "1.0"},
	{call: "max(a, 1)", want: "a"},
	{call: "max([], {})", want: "[]"},
	{call: "min(1, 2)", want: "1"},
	{call: "min(1, 1.0)", want: "1"},
	{call: "min(1.0, 1)", want: "1.0"},
	{call: "min(a, 1)", want: "1"},
	{call: "min(<<1>>, [1])", want: "[1]"},
	{call: "phash2(x, 1)", want: "0"},
	{call: "phash2(x, 0)", want: "!badarg"},
	{call: "phash2(x, -1)", want: "!badarg"},
	{call: "phash2(x, 4294967297)", want: "!badarg"},
	{call: "phash2(x, a)", want: "!badarg"},
	{call: "node()", want: "nonode@nohost"},
	{call: "node(x)", want: "!badarg"},
	{call: "monotonic_time(foo)", want: "!badarg"},
	{call: "monotonic_time(0)", want: "!badarg"},
	{call: "monotonic_time(-1)", want: "!badarg"},
	{call: "monotonic_time(1.0)", want: "!badarg"},
	{call: "system_time(foo)", want: "!badarg"},
	{call: "convert_time_unit(1, second, native)", want: "1000000000"},
	{call: "convert_time_unit(1, second, perf_counter)", want: "1000000000"},
	{call: "convert_time_unit(-1, nanosecond, second)", want: "-1"},
	{call: "convert_time_unit(999, millisecond, second)", want: "0"},
	{call: "convert_time_unit(1500, milli_seconds, seconds)", want: "1"},
	{call: "convert_time_unit(3, second, 7)", want: "21"},
	{call: "convert_time_unit(2, microsecond, nano_seconds)", want: "2000"},
	{call: "convert_time_unit(123456789012345678901234567890, second, micro_seconds)", want: "123456789012345678901234567890000000"},
	{call: "convert_time_unit(1, second, 0)", want: "!badarg"},
	{call: "convert_time_unit(1.0, second, native)", want: "!badarg"},
	{call: "convert_time_unit(1, hour, native)", want: "!badarg"},
}

func init() { allBifCases["misc"] = miscCases }

func TestBifMisc(t *testing.T) { runBifCases(t, miscCases) }

const timeSrc = `
module clock
export mono/0, mono/1, sys/0, sys/1, hash/1, hash/2, node/0

function mono/0
    call_ext_only 0, erlang:monotonic_time/0
function mono/1
    call_ext_only 1, erlang:monotonic_time/1
function sys/0
    call_ext_only 0, erlang:system_time/0
function sys/1
    call_ext_only 1, erlang:system_time/1
function hash/1
    call_ext_only 1, erlang:phash2/1
function hash/2
    call_ext_only 2, erlang:phash2/2
function node/0
    allocate 0
    call_ext 0, erlang:self/0
    call_ext_last 1, erlang:node/1, 0
`

// intOf returns a checker of an Apply result that must be a small integer.
func intOf(t require.TestingT) func(value.Term, error) int64 {
	return func(v value.Term, err error) int64 {
		require.NoError(t, err)
		i, ok := v.(value.Int)
		require.True(t, ok, "%s is not a small integer", value.Format(v))
		return int64(i)
	}
}

// TestBifTime checks the clocks: monotonic time never goes back and agrees with its units;
// system time is the wall clock in each unit.
func TestBifTime(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "clock.bl", timeSrc)
	a := intOf(t)(v.Apply("clock", "mono"))
	time.Sleep(2 * time.Millisecond)
	b := intOf(t)(v.Apply("clock", "mono"))
	assert.GreaterOrEqual(t, b-a, int64(2*time.Millisecond), "native is nanoseconds")
	ms := intOf(t)(v.Apply("clock", "mono", value.Atom("millisecond")))
	assert.InDelta(t, float64(b)/1e6, float64(ms), 1000)

	for unit, per := range map[string]int64{"second": 1, "millisecond": 1e3, "microsecond": 1e6,
		"nanosecond": 1e9, "native": 1e9, "perf_counter": 1e9} {
		before := time.Now().UnixNano()
		got := intOf(t)(v.Apply("clock", "sys", value.Atom(unit)))
		after := time.Now().UnixNano()
		assert.GreaterOrEqual(t, got, before/(1e9/per), unit)
		assert.LessOrEqual(t, got, after/(1e9/per), unit)
	}
	// A unit that does not divide a second evenly: 3 parts per second.
	thirds := intOf(t)(v.Apply("clock", "sys", value.Int(3)))
	assert.InDelta(t, float64(time.Now().Unix()*3), float64(thirds), 6)
	now := intOf(t)(v.Apply("clock", "sys"))
	assert.InDelta(t, float64(time.Now().UnixNano()), float64(now), float64(time.Second))

	r, err := v.Apply("clock", "node")
	require.NoError(t, err)
	assert.Equal(t, value.Atom("nonode@nohost"), r)
}

// TestBifPhash2 checks phash2's contract: the range, and that equal terms hash alike however
// they are built (the VM may hold one as a literal and the other on a heap).
func TestBifPhash2(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "clock.bl", timeSrc)
	rapid.Check(t, func(rt *rapid.T) {
		x := valuetest.Term().Draw(rt, "x")
		h1 := intOf(rt)(v.Apply("clock", "hash", x))
		assert.GreaterOrEqual(rt, h1, int64(0))
		assert.Less(rt, h1, int64(1<<27))
		h2 := intOf(rt)(v.Apply("clock", "hash", x))
		assert.Equal(rt, h1, h2, "stable")
		r := rapid.Int64Range(1, 1<<32).Draw(rt, "range")
		hr := intOf(rt)(v.Apply("clock", "hash", x, value.Int(r)))
		assert.GreaterOrEqual(rt, hr, int64(0))
		assert.Less(rt, hr, r)
	})
	// The value is OTP's, fixed across runs and hosts: a change here changes every stored hash.
	var h term.Heap
	assert.Equal(t, uint32(83525170), term.Phash2(&h, mustTerm(t, &h, `{ok, [1, 2.5, <<"bin">>, #{k => v}]}`))&(1<<27-1))
	assert.Equal(t, uint32(3468870702), term.Phash2(&h, term.Nil))
}

// phash2Terms are terms whose erlang:phash2 values TestBifPhash2Erlang checks against erl:
// every kind whose hash is portable, and the edges of each encoding (byte runs in lists,
// 28-bit and 60-bit integers, bitstring tails, block-hash lengths, map sizes).
var phash2Terms = []string{
	`0`, `1`, `-1`, `7`, `255`, `256`, `-7`, `134217727`, `134217728`, `-134217728`, `-134217729`,
	`576460752303423487`, `576460752303423488`, `-576460752303423488`, `-576460752303423489`,
	`18446744073709551616`, `-18446744073709551616`, `123456789012345678901234567890`,
	`0.0`, `-0.0`, `1.0`, `3.5`, `-2.25`, `1.0e300`, `abc`, `''`, `a`, `true`, `'hello world'`,
	`'été'`, `'日本'`, `[]`, `"abc"`, `"a"`, `"abcd"`, `"abcde"`, `"hello, world"`, `[1, 2]`,
	`[a]`, `[a, b]`, `[1, a, 2]`, `[256, 1]`, `[1 | 2]`, `[a | b]`, `[97, 98 | c]`, `[[1], [2]]`,
	`[-1]`, `{}`, `{a}`, `{a, 1}`, `{x, [1, 2]}`, `{{}, {{}}}`, `<<>>`, `<<"abc">>`, `<<1>>`,
	`<<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11>>`, `<<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>>`,
	`<<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13>>`, `<<1:1>>`, `<<5:3>>`, `<<1, 2:7>>`,
	`#{}`, `#{k => v}`, `#{a => 1, b => 2}`, `#{1 => [], [] => 1}`, `#{{a} => #{b => c}}`,
	`[#{}, #{x => y}]`, `{#{a => b}, #{a => b}}`,
}

// TestBifPhash2Erlang checks term.Phash2 against erlang:phash2 on erl, term by term, and that
// maps of more than 32 keys (a HAMT here, as in erts) hash as OTP's do.
func TestBifPhash2Erlang(t *testing.T) {
	srcs := append([]string(nil), phash2Terms...)
	var big strings.Builder
	big.WriteString("#{")
	for i := 0; i < 100; i++ {
		if i > 0 {
			big.WriteString(", ")
		}
		fmt.Fprintf(&big, "%d => k%d", i, i)
	}
	big.WriteString("}")
	srcs = append(srcs, big.String(), "["+big.String()+", "+big.String()+"]")
	var sb strings.Builder
	sb.WriteString("-module(phref).\n-export([main/0]).\nmain() ->\n    L = [\n")
	for i, s := range srcs {
		sep := ","
		if i == len(srcs)-1 {
			sep = ""
		}
		fmt.Fprintf(&sb, "        %s%s\n", s, sep)
	}
	sb.WriteString("    ],\n    lists:foreach(fun(X) -> io:format(\"~w ~w ~w~n\", " +
		"[erlang:phash2(X, 4294967296), erlang:phash2(X), erlang:phash2(X, 1000)]) end, L).\n")
	lines := runErl(t, "phref", sb.String())
	require.Len(t, lines, len(srcs))
	v := newVM(t, Options{})
	loadSrc(t, v, "clock.bl", timeSrc)
	for i, s := range srcs {
		var h term.Heap
		x := mustTerm(t, &h, s)
		var full, short, mod int64
		_, err := fmt.Sscan(lines[i], &full, &short, &mod)
		require.NoError(t, err)
		assert.Equal(t, full, int64(term.Phash2(&h, x)), "phash2(%s)", s)
		// And through the BIFs, on a process heap.
		val := mustValue(t, s)
		assert.Equal(t, short, intOf(t)(v.Apply("clock", "hash", val)), "phash2(%s)", s)
		assert.Equal(t, mod, intOf(t)(v.Apply("clock", "hash", val, value.Int(1000))), "phash2(%s, 1000)", s)
	}
}
