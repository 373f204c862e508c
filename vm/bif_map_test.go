package vm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var mapCases = []bifCase{
	{call: "map_get(a, #{a => 1})", want: "1"},
	{call: "map_get(1, #{1.0 => x})", want: "!{badkey, 1}"},
	{call: "map_get(a, #{})", want: "!{badkey, a}"},
	{call: "map_get(a, x)", want: "!{badmap, x}"},
	{call: "is_map_key(a, #{a => 1})", want: "true"},
	{call: "is_map_key(b, #{a => 1})", want: "false"},
	{call: "is_map_key(a, x)", want: "!{badmap, x}"},
	{call: "map_size(#{a => 1, b => 2})", want: "2"},
	{call: "map_size(#{})", want: "0"},
	{call: "map_size(x)", want: "!{badmap, x}"},
	{call: "maps:get(a, #{a => 1})", want: "1"},
	{call: "maps:get({k, [1]}, #{{k, [1]} => v})", want: "v"},
	{call: "maps:get(b, #{a => 1})", want: "!{badkey, b}"},
	{call: "maps:get(a, x)", want: "!{badmap, x}"},
	{call: "maps:get(a, #{a => 1}, d)", want: "1"},
	{call: "maps:get(a, #{}, d)", want: "d"},
	{call: "maps:get(a, x, d)", want: "!{badmap, x}"},
	{call: "maps:find(a, #{a => 1})", want: "{ok, 1}"},
	{call: "maps:find(b, #{a => 1})", want: "error"},
	{call: "maps:find(a, x)", want: "!{badmap, x}"},
	{call: "maps:put(b, 2, #{a => 1})", want: "#{a => 1, b => 2}"},
	{call: "maps:put(a, 2, #{a => 1})", want: "#{a => 2}"},
	{call: "maps:put(a, 1, x)", want: "!{badmap, x}"},
	{call: "maps:update(a, 2, #{a => 1})", want: "#{a => 2}"},
	{call: "maps:update(a, 1, #{})", want: "!{badkey, a}"},
	{call: "maps:update(a, 1, x)", want: "!{badmap, x}"},
	{call: "maps:remove(a, #{a => 1, b => 2})", want: "#{b => 2}"},
	{call: "maps:remove(c, #{a => 1})", want: "#{a => 1}"},
	{call: "maps:remove(a, x)", want: "!{badmap, x}"},
	{call: "maps:keys(#{b => 2, a => 1})", want: "[a, b]"},
	{call: "maps:keys(#{})", want: "[]"},
	{call: "maps:keys(x)", want: "!{badmap, x}"},
	{call: "maps:values(#{b => 2, a => 1})", want: "[1, 2]"},
	{call: "maps:values(x)", want: "!{badmap, x}"},
	{call: "maps:to_list(#{b => 2, a => 1, 1 => c})", want: "[{1, c}, {a, 1}, {b, 2}]"},
	{call: "maps:to_list(x)", want: "!{badmap, x}"},
	{call: "maps:from_list([{a, 1}, {b, 2}])", want: "#{a => 1, b => 2}"},
	{call: "maps:from_list([{a, 1}, {a, 2}])", want: "#{a => 2}"},
	{call: "maps:from_list([])", want: "#{}"},
	{call: "maps:from_list(x)", want: "!badarg"},
	{call: "maps:from_list([a])", want: "!badarg"},
	{call: "maps:from_list([{a, 1, 2}])", want: "!badarg"},
	{call: "maps:from_list([{a, 1} | x])", want: "!badarg"},
	{call: "maps:merge(#{a => 1, b => 2}, #{a => 3})", want: "#{a => 3, b => 2}"},
	{call: "maps:merge(#{}, #{a => 1})", want: "#{a => 1}"},
	{call: "maps:merge(x, #{})", want: "!{badmap, x}"},
	{call: "maps:merge(#{}, y)", want: "!{badmap, y}"},
	{call: "maps:merge(x, y)", want: "!{badmap, x}"},
	{call: "maps:is_key(a, #{a => 1})", want: "true"},
	{call: "maps:is_key(b, #{a => 1})", want: "false"},
	{call: "maps:is_key(a, x)", want: "!{badmap, x}"},
	{call: "maps:size(#{a => 1})", want: "1"},
	{call: "maps:size(x)", want: "!{badmap, x}"},
	{call: "maps:new()", want: "#{}"},
	{call: "maps:iterator(x)", want: "!{badmap, x}"},
	{call: "maps:next(none)", want: "none"},
	{call: "maps:next(x)", want: "!badarg"},
	{call: "maps:next({a, b, c})", want: "!badarg", noErl: true}, // OTP returns it as it is
	// The iterator's form is beamlite's own (see bif_map.go).
	{call: "maps:iterator(#{b => 2, a => 1})", want: "[{a, 1}, {b, 2}]", noErl: true},
	{call: "maps:next([{a, 1}, {b, 2}])", want: "{a, 1, [{b, 2}]}", noErl: true},
	{call: "maps:next([])", want: "none", noErl: true},
}

func init() { allBifCases["map"] = mapCases }

func TestBifMap(t *testing.T) { runBifCases(t, mapCases) }

// TestBifMapLarge runs the maps BIFs on maps past the flat size (hash tries), and walks one
// with iterator/next in .bl, so the iterator works as a program uses it.
func TestBifMapLarge(t *testing.T) {
	const src = `
module bigmap
export build/1, walk/1, keys/1

% build(N) -> maps:from_list([{I, I * I} || I <- lists:seq(1, N)]).
function build/1
    move [], x1
@loop:
    is_eq_exact @more, x0, 0
    move x1, x0
    call_ext_only 1, maps:from_list/1
@more:
    bif2 none, erlang:'*'/2, x0, x0, x2
    put_tuple x2, [x0, x2]
    put_list x2, x1, x1
    bif2 none, erlang:'-'/2, x0, 1, x0
    jump @loop

% walk(Map) -> the sum of the values, through maps:iterator/1 and maps:next/1.
function walk/1
    allocate 0
    call_ext 1, maps:iterator/1
    deallocate 0
    move 0, x1
@next:
    allocate 1
    move x1, y0
    call_ext 1, maps:next/1
    is_tuple @done, x0
    test_arity @done, x0, 3
    get_tuple_element x0, 1, x2
    get_tuple_element x0, 2, x0
    bif2 none, erlang:'+'/2, y0, x2, x1
    deallocate 1
    jump @next
@done:
    move y0, x0
    deallocate 1
    return

function keys/1
    call_ext_only 1, maps:keys/1
`
	const n = 1000
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "bigmap.bl", src)
		m, err := v.Apply("bigmap", "build", value.Int(n))
		require.NoError(t, err)
		mm, ok := m.(value.Map)
		require.True(t, ok, "%T", m)
		assert.Equal(t, n, len(mm.Keys))
		sum, err := v.Apply("bigmap", "walk", m)
		require.NoError(t, err)
		assert.Equal(t, value.Int(n*(n+1)*(2*n+1)/6), sum)
		keys, err := v.Apply("bigmap", "keys", m)
		require.NoError(t, err)
		var want []string
		for i := 1; i <= n; i++ {
			want = append(want, fmt.Sprint(i))
		}
		assert.Equal(t, "["+strings.Join(want, ",")+"]", value.Format(keys), "keys in term order")
	})
}
