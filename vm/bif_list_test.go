package vm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

var listCases = []bifCase{
	{call: "'++'([1, 2], [3])", want: "[1, 2, 3]"},
	{call: "'++'([], x)", want: "x"},
	{call: "'++'([1], 2)", want: "[1 | 2]"},
	{call: "'++'([1 | x], 2)", want: "!badarg"},
	{call: "'++'(x, [])", want: "!badarg"},
	{call: "'--'([1, 2, 3, 2, 1], [2, 1])", want: "[3, 2, 1]"},
	{call: "'--'([a, b, a, b], [b, b, b])", want: "[a, a]"},
	{call: "'--'([1.0, 1], [1])", want: "[1.0]"},
	{call: "'--'([{a, [1]}, {a, [1]}], [{a, [1]}])", want: "[{a, [1]}]"},
	{call: "'--'([a, b], [])", want: "[a, b]"},
	{call: "'--'([], [a])", want: "[]"},
	{call: "'--'([1, 2, 3], [4 | x])", want: "!badarg"},
	{call: "'--'([1, 2 | x], [4])", want: "!badarg"},
	{call: "'--'(x, [])", want: "!badarg"},
	{call: "'--'([], x)", want: "!badarg"},
	{call: "lists:reverse([])", want: "[]"},
	{call: "lists:reverse([1])", want: "[1]"},
	{call: "lists:reverse([1, 2, 3])", want: "[3, 2, 1]"},
	{call: "lists:reverse(x)", want: "!function_clause"},
	{call: "lists:reverse([1 | x])", want: "!function_clause"},
	{call: "lists:reverse([1, 2 | x])", want: "!badarg"},
	{call: "lists:reverse([1, 2, 3 | x])", want: "!badarg"},
	{call: "lists:reverse([1, 2], tail)", want: "[2, 1 | tail]"},
	{call: "lists:reverse([], b)", want: "b"},
	{call: "lists:reverse([1, 2, 3], [a | b])", want: "[3, 2, 1, a | b]"},
	{call: "lists:reverse(a, b)", want: "!badarg"},
	{call: "lists:reverse([1, 2 | x], [])", want: "!badarg"},
	{call: "lists:member(b, [a, b])", want: "true"},
	{call: "lists:member(c, [a, b])", want: "false"},
	{call: "lists:member(1, [1.0])", want: "false"},
	{call: "lists:member({x, [1]}, [a, {x, [1]}])", want: "true"},
	{call: "lists:member(a, [a | b])", want: "true"},
	{call: "lists:member(x, [a | b])", want: "!badarg"},
	{call: "lists:member(a, x)", want: "!badarg"},
	{call: "lists:keyfind(b, 1, [{a, 1}, {b, 2}])", want: "{b, 2}"},
	{call: "lists:keyfind(c, 1, [{a, 1}, {b, 2}])", want: "false"},
	{call: "lists:keyfind(1, 1, [{1.0, x}])", want: "{1.0, x}"},
	{call: "lists:keyfind(b, 2, [{b}, x, [b, b], {x, b}])", want: "{x, b}"},
	{call: "lists:keyfind(a, 1, [{a, 1} | x])", want: "{a, 1}"},
	{call: "lists:keyfind(a, 1, [{a} | {b}])", want: "{a}"},
	{call: "lists:keyfind(b, 1, [{a, 1} | x])", want: "!badarg"},
	{call: "lists:keyfind(b, 0, [{a, 1}])", want: "!badarg"},
	{call: "lists:keyfind(b, 1.0, [])", want: "!badarg"},
	{call: "lists:keyfind(z, 1, x)", want: "!badarg"},
	{call: "lists:keyfind(z, 1, [])", want: "false"},
	{call: "lists:keymember(b, 2, [{b}, {x, b}])", want: "true"},
	{call: "lists:keymember(c, 2, [{b}, {x, b}])", want: "false"},
	{call: "lists:keymember(a, 1, [{a} | x])", want: "true"},
	{call: "lists:keymember(a, 0, [])", want: "!badarg"},
	{call: "lists:keysearch(b, 2, [{b}, {x, b}])", want: "{value, {x, b}}"},
	{call: "lists:keysearch(z, 1, [{a}])", want: "false"},
	{call: "lists:keysearch(z, 1, [{a} | t])", want: "!badarg"},
	// The lead's BIFs, for the guard path and the error cases.
	{call: "hd([a, b])", want: "a"},
	{call: "hd([])", want: "!badarg"},
	{call: "tl([a, b])", want: "[b]"},
	{call: "tl(x)", want: "!badarg"},
	{call: "length([a, b, c])", want: "3"},
	{call: "length([a | b])", want: "!badarg"},
}

func init() { allBifCases["list"] = listCases }

func TestBifList(t *testing.T) { runBifCases(t, listCases) }

// listSubtractModel is A -- B as OTP documents it: each element of B removes the first
// remaining occurrence of itself from A.
func listSubtractModel(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, x := range b {
		for i, y := range out {
			if y == x {
				out = append(out[:i], out[i+1:]...)
				break
			}
		}
	}
	return out
}

// TestBifSubtractProperty checks '--' (computed with a multiset) against the one-by-one
// definition, on small alphabets so that duplicates are common, and large lists so that both
// sides of the multiset are exercised.
func TestBifSubtractProperty(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "sub.bl", `
module sub
export sub/2

function sub/2
    call_ext_only 2, erlang:'--'/2
`)
	toList := func(xs []int) value.List {
		l := value.List{}
		for _, x := range xs {
			l = append(l, value.Int(int64(x)))
		}
		return l
	}
	rapid.Check(t, func(rt *rapid.T) {
		// B up to 80 long, so that both the scan (up to 32) and the multiset are used.
		gen := rapid.SliceOfN(rapid.IntRange(0, 6), 0, 80)
		a, b := gen.Draw(rt, "a"), gen.Draw(rt, "b")
		r, err := v.Apply("sub", "sub", toList(a), toList(b))
		require.NoError(rt, err)
		assert.Equal(rt, value.Format(toList(listSubtractModel(a, b))), value.Format(r),
			"%v -- %v", a, b)
	})
}

// TestBifLongLists runs the list BIFs over lists long enough that a recursive or quadratic
// implementation would show.
func TestBifLongLists(t *testing.T) {
	const n = 200000
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, "%d", i)
	}
	long := value.List{}
	for i := range n {
		long = append(long, value.Int(int64(i)))
	}
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "long.bl", `
module long
export run/1

% {length(L -- L), hd(lists:reverse(L)), length(L ++ L), lists:member(-1, L)}
function run/1
    allocate 2
    move x0, y0
    move x0, x1
    call_ext 2, erlang:'--'/2
    call_ext 1, erlang:length/1
    move x0, y1
    move y0, x0
    call_ext 1, lists:reverse/1
    call_ext 1, erlang:hd/1
    put_tuple x0, [y1, x0]
    move x0, y1
    move y0, x0
    move y0, x1
    call_ext 2, erlang:'++'/2
    call_ext 1, erlang:length/1
    put_tuple x0, [y1, x0]
    move x0, y1
    move -1, x0
    move y0, x1
    call_ext 2, lists:member/2
    put_tuple x0, [y1, x0]
    deallocate 2
    return
`)
		r, err := v.Apply("long", "run", long)
		require.NoError(t, err)
		assert.Equal(t, "{{{0,199999},400000},false}", value.Format(r))
	})
}
