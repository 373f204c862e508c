package vm

import (
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const callSrc = `
module calls
export adder/1, apply_fun/2, map/2, dyn/3, maps/0, badfun/0, badarity/0, ext_fun/0

% adder(N) -> fun(X) -> X + N end.
function adder/1
    make_fun add/2, x0, [x0]
    return

function add/2
    bif2 none, erlang:'+'/2, x0, x1, x0
    return

% apply_fun(F, X) -> F(X).
function apply_fun/2
    move x0, x2
    move x1, x0
    move x2, x1
    call_fun_only 1

% map(F, List), body recursive.
function map/2
    is_nonempty_list @done, x1
    allocate 2
    get_list x1, x2, y1
    move x0, y0
    move x0, x3
    move x2, x0
    move x3, x1
    call_fun 1
    move x0, x2
    move y0, x0
    move y1, x1
    move x2, y1
    call 2, map/2
    put_list y1, x0, x0
    deallocate 2
    return
@done:
    move [], x0
    return

% dyn(M, F, Args) with apply/3 on a one-argument list.
function dyn/3
    is_nonempty_list @bad, x2
    get_hd x2, x3
    move x0, x4
    move x1, x5
    move x3, x0
    move x4, x1
    move x5, x2
    apply_only 1
@bad:
    func_clause

function maps/0
    put_map_assoc none, #{}, x0, [a => 1, b => 2]
    put_map_exact none, x0, x0, [a => 10]
    get_map_elements @missing, x0, [a => x1, b => x2]
    put_tuple x0, [x0, x1, x2]
    return
@missing:
    move missing, x0
    return

function badfun/0
    move 42, x1
    move 1, x0
    call_fun_only 1

function badarity/0
    make_fun add/2, x2, [1]
    move 1, x0
    move 2, x1
    call_fun_only 2

function ext_fun/0
    move fun erlang:'-'/1, x1
    move 5, x0
    call_fun_only 1
`

func TestCalls(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "calls.bl", callSrc)
		r, err := v.Apply("calls", "map", value.ExportFun{Module: "erlang", Function: "abs", Arity: 1},
			value.List{value.Int(-1), value.Int(2), value.Int(-3)})
		require.NoError(t, err)
		assert.Equal(t, value.List{value.Int(1), value.Int(2), value.Int(3)}, r)

		r, err = v.Apply("calls", "dyn", value.Atom("erlang"), value.Atom("tuple_size"), value.List{value.Tuple{value.Int(1), value.Int(2)}})
		require.NoError(t, err)
		assert.Equal(t, value.Int(2), r)

		r, err = v.Apply("calls", "maps")
		require.NoError(t, err)
		assert.Equal(t, value.Tuple{value.NewMap(value.Atom("a"), value.Int(10), value.Atom("b"), value.Int(2)), value.Int(10), value.Int(2)}, r)

		_, err = v.Apply("calls", "badfun")
		assert.Equal(t, value.Tuple{value.Atom("badfun"), value.Int(42)}, exitOf(t, err).Reason)

		_, err = v.Apply("calls", "badarity")
		reason := exitOf(t, err).Reason.(value.Tuple)
		assert.Equal(t, value.Atom("badarity"), reason[0])
		assert.Equal(t, value.List{value.Int(1), value.Int(2)}, reason[1].(value.Tuple)[1])

		r, err = v.Apply("calls", "ext_fun")
		require.NoError(t, err)
		assert.Equal(t, value.Int(-5), r)

		_, err = v.Apply("calls", "dyn", value.Atom("nope"), value.Atom("f"), value.List{value.Int(1)})
		assert.Equal(t, value.Atom("undef"), exitOf(t, err).Reason)
	})
}

// TestClosures makes closures in one call and calls them in another: the captured value
// survives collections in between.
func TestClosures(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "calls.bl", callSrc)
		loadSrc(t, v, "use.bl", `
module use
export run/0
function run/0
    allocate 1
    move 100, x0
    call_ext 1, calls:adder/1
    move x0, y0
    move y0, x0
    move [1, 2, 3], x1
    call_ext 2, calls:map/2
    deallocate 1
    return
`)
		r, err := v.Apply("use", "run")
		require.NoError(t, err)
		assert.Equal(t, value.List{value.Int(101), value.Int(102), value.Int(103)}, r)
	})
}

// TestLoadRefusesInlineNonBif checks that a bif instruction naming a function that is not a
// BIF is refused at load time rather than failing at run time.
func TestLoadRefusesInlineNonBif(t *testing.T) {
	v := newVM(t, Options{})
	m, err := asm.Assemble("bad.bl", []byte(`
module bad
export f/0
function f/0
    bif1 none, lists:seq/1, 1, x0
    return
`))
	require.NoError(t, err)
	err = v.Load(m)
	var le *LoadError
	require.ErrorAs(t, err, &le)
	assert.Contains(t, err.Error(), "lists:seq/1 is not a built-in function")
}

// TestClosureManyCaptures is a regression test: a closure's captured values are written into
// registers above the arguments, and entering the callee cleared those the caller had never
// named (a fun capturing two values lost them).
func TestClosureManyCaptures(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "cap.bl", `
module cap
export main/0

% main() -> A = 1, B = 2, C = 3, F = fun(X) -> X + A + B + C end, F(10).
function main/0
    make_fun sum4/4, x1, [1, 2, 3]
    move 10, x0
    call_fun_only 1

function sum4/4
    bif2 none, erlang:'+'/2, x0, x1, x0
    bif2 none, erlang:'+'/2, x0, x2, x0
    bif2 none, erlang:'+'/2, x0, x3, x0
    return
`)
		r, err := v.Apply("cap", "main")
		require.NoError(t, err)
		assert.Equal(t, value.Int(16), r)
	})
}
