package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const excSrc = `
module exc
export safe_div/2, catch_throw/1, crash/1, clause/1, undef/0, guard/1, depth/1, badarith/0, rethrow/0

% safe_div(A, B) -> try A div B of R -> {ok, R} catch C:R -> {C, R} end.
function safe_div/2
    allocate 1
    try y0, @handler
    bif2 none, erlang:'div'/2, x0, x1, x0
    try_end y0
    put_tuple x0, [ok, x0]
    deallocate 1
    return
@handler:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return

% catch_throw(X) -> catch erlang:throw(X) / exit / error.
function catch_throw/1
    allocate 1
    catch y0, @caught
    select_val x0, @err, [1 => @throw, 2 => @exit]
@throw:
    move ball, x0
    call_ext 1, erlang:throw/1
    jump @caught
@exit:
    move bye, x0
    call_ext 1, erlang:exit/1
    jump @caught
@err:
    move oops, x0
    call_ext 1, erlang:error/1
@caught:
    catch_end y0
    deallocate 1
    return

function crash/1
    badmatch x0

function clause/1
    is_eq_exact @nomatch, x0, a
    move ok, x0
    return
@nomatch:
    func_clause

function undef/0
    move 1, x0
    call_ext_only 1, nowhere:nothing/1

% guard(X) -> element(1, X) in a guard: fails to the label instead of raising.
function guard/1
    bif2 @bad, erlang:element/2, 1, x0, x0
    return
@bad:
    move not_a_tuple, x0
    return

% depth(N): N nested calls then an error, for the trace.
function depth/1
    is_eq_exact @more, x0, 0
    move deep, x0
    call_ext_only 1, erlang:error/1
@more:
    allocate 0
    bif2 none, erlang:'-'/2, x0, 1, x0
    call 1, depth/1
    deallocate 0
    return

function badarith/0
    bif2 none, erlang:'+'/2, a, 1, x0
    return

% rethrow() -> try throw(x) catch C:R:S -> erlang:raise(C, {again, R}, S) end.
function rethrow/0
    allocate 1
    try y0, @h
    move x, x0
    call_ext 1, erlang:throw/1
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x1, [again, x1]
    raise x0, x1, x2
`

func TestTryCatch(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "exc.bl", excSrc)
		r, err := v.Apply("exc", "safe_div", value.Int(7), value.Int(2))
		require.NoError(t, err)
		assert.Equal(t, value.Tuple{value.Atom("ok"), value.Int(3)}, r)
		r, err = v.Apply("exc", "safe_div", value.Int(7), value.Int(0))
		require.NoError(t, err)
		assert.Equal(t, value.Tuple{value.Atom("error"), value.Atom("badarith")}, r)

		r, err = v.Apply("exc", "catch_throw", value.Int(1))
		require.NoError(t, err)
		assert.Equal(t, value.Atom("ball"), r)
		r, err = v.Apply("exc", "catch_throw", value.Int(2))
		require.NoError(t, err)
		assert.Equal(t, value.Tuple{value.Atom("EXIT"), value.Atom("bye")}, r)
		r, err = v.Apply("exc", "catch_throw", value.Int(3))
		require.NoError(t, err)
		tup := r.(value.Tuple)
		assert.Equal(t, value.Atom("EXIT"), tup[0])
		assert.Equal(t, value.Atom("oops"), tup[1].(value.Tuple)[0])

		r, err = v.Apply("exc", "guard", value.Tuple{value.Int(9)})
		require.NoError(t, err)
		assert.Equal(t, value.Int(9), r)
		r, err = v.Apply("exc", "guard", value.Int(9))
		require.NoError(t, err)
		assert.Equal(t, value.Atom("not_a_tuple"), r)
	})
}

func exitOf(t *testing.T, err error) *ExitError {
	t.Helper()
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	return ee
}

func TestUncaughtErrors(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "exc.bl", excSrc)
		_, err := v.Apply("exc", "crash", value.Int(5))
		ee := exitOf(t, err)
		assert.Equal(t, value.Atom("error"), ee.Class)
		assert.Equal(t, value.Tuple{value.Atom("badmatch"), value.Int(5)}, ee.Reason)

		_, err = v.Apply("exc", "clause", value.Atom("b"))
		ee = exitOf(t, err)
		assert.Equal(t, value.Atom("function_clause"), ee.Reason)
		top := ee.Trace.(value.List)[0].(value.Tuple)
		assert.Equal(t, value.Atom("exc"), top[0])
		assert.Equal(t, value.Atom("clause"), top[1])
		assert.Equal(t, value.List{value.Atom("b")}, top[2], "function_clause shows the arguments")

		_, err = v.Apply("exc", "undef")
		ee = exitOf(t, err)
		assert.Equal(t, value.Atom("undef"), ee.Reason)
		top = ee.Trace.(value.List)[0].(value.Tuple)
		assert.Equal(t, value.Tuple{value.Atom("nowhere"), value.Atom("nothing"), value.List{value.Int(1)}, value.Nil}, top)

		_, err = v.Apply("exc", "badarith")
		ee = exitOf(t, err)
		assert.Equal(t, value.Atom("badarith"), ee.Reason)
		// An operator compiled inline (bif2) is not a trace entry: the function is, as in Erlang.
		top = ee.Trace.(value.List)[0].(value.Tuple)
		assert.Equal(t, value.Atom("badarith"), top[1])
		assert.Equal(t, value.Int(0), top[2])

		_, err = v.Apply("exc", "rethrow")
		ee = exitOf(t, err)
		assert.Equal(t, value.Atom("throw"), ee.Class)
		assert.Equal(t, value.Tuple{value.Atom("again"), value.Atom("x")}, ee.Reason)
	})
}

// TestStackTrace checks that a trace lists each live caller once, with .bl lines, innermost
// first, and is cut at backtraceDepth entries.
func TestStackTrace(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "exc.bl", excSrc)
	_, err := v.Apply("exc", "depth", value.Int(3))
	ee := exitOf(t, err)
	assert.Equal(t, value.Atom("deep"), ee.Reason)
	trace := ee.Trace.(value.List)
	// erlang:error/1 raises on its caller's behalf, as in Erlang: depth/1 four times.
	require.Len(t, trace, 4, value.Print(trace))
	loc := func(i int) value.Term { return trace[i].(value.Tuple)[3] }
	assert.Equal(t, value.List{value.Tuple{value.Atom("file"), value.String("exc.bl")}, value.Tuple{value.Atom("line"), value.Int(67)}}, loc(0))
	for i := 1; i < 4; i++ {
		assert.Equal(t, value.List{value.Tuple{value.Atom("file"), value.String("exc.bl")}, value.Tuple{value.Atom("line"), value.Int(71)}}, loc(i), "entry %d", i)
	}

	_, err = v.Apply("exc", "depth", value.Int(50))
	ee = exitOf(t, err)
	assert.Len(t, ee.Trace.(value.List), backtraceDepth)
}
