package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const codeSrc = `
module fe
export check/3, f/1, mfa/1, closure/1

% mfa(F) -> erlang:fun_info_mfa(F).
function mfa/1
    call_ext_only 1, erlang:fun_info_mfa/1

% closure(X) -> fun(Y) -> add(Y, X) end.
function closure/1
    make_fun add/2, x0, [x0]
    return

function add/2
    bif2 none, erlang:'+'/2, x0, x1, x0
    return

% check(M, F, A) -> try erlang:function_exported(M, F, A) catch error:R -> {error, R} end.
function check/3
    allocate 1
    try y0, @caught
    call_ext 3, erlang:function_exported/3
    try_end y0
    deallocate 1
    return
@caught:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return

function f/1
    return

function local/1
    return
`

func TestFunctionExported(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "fe.bl", codeSrc)
	cases := []struct {
		args []value.Term
		want string
	}{
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(1)}, "true"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(2)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("local"), value.Int(1)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("check"), value.Int(3)}, "true"},
		{[]value.Term{value.Atom("gen_server"), value.Atom("call"), value.Int(2)}, "true"},
		{[]value.Term{value.Atom("erlang"), value.Atom("self"), value.Int(0)}, "true"},
		{[]value.Term{value.Atom("no_such_module"), value.Atom("f"), value.Int(1)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), mustValue(t, "100000000000000000000")}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(-1)}, "{error,badarg}"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Atom("x")}, "{error,badarg}"},
		{[]value.Term{value.String("fe"), value.Atom("f"), value.Int(1)}, "{error,badarg}"},
		{[]value.Term{value.Atom("fe"), value.Int(1), value.Int(1)}, "{error,badarg}"},
	}
	for _, c := range cases {
		r, err := v.Apply("fe", "check", c.args...)
		require.NoError(t, err)
		assert.Equal(t, c.want, value.Format(r), "function_exported%s", value.Format(value.List(c.args)))
	}
}

func TestFunInfoMFA(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "fe.bl", codeSrc)
	r, err := v.Apply("fe", "mfa", mustValue(t, "fun lists:map/2"))
	require.NoError(t, err)
	assert.Equal(t, "{lists,map,2}", value.Format(r))
	clo, err := v.Apply("fe", "closure", value.Int(1))
	require.NoError(t, err)
	r, err = v.Apply("fe", "mfa", clo)
	require.NoError(t, err)
	assert.Equal(t, "{fe,add,1}", value.Format(r), "a closure: its function, and the arity without the captured value")
	_, err = v.Apply("fe", "mfa", value.Atom("nofun"))
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "badarg", value.Format(ee.Reason))
}
