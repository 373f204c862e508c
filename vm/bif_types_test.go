package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var typesCases = []bifCase{
	{call: "is_integer(1)", want: "true"},
	{call: "is_integer(123456789012345678901234567890)", want: "true"},
	{call: "is_integer(1.0)", want: "false"},
	{call: "is_float(1.0)", want: "true"},
	{call: "is_float(1)", want: "false"},
	{call: "is_number(-5)", want: "true"},
	{call: "is_number(2.5)", want: "true"},
	{call: "is_number(-123456789012345678901234567890)", want: "true"},
	{call: "is_number(a)", want: "false"},
	{call: "is_atom(a)", want: "true"},
	{call: "is_atom([])", want: "false"},
	{call: "is_atom(\"a\")", want: "false"},
	{call: "is_list([])", want: "true"},
	{call: "is_list([a|b])", want: "true"},
	{call: "is_list({})", want: "false"},
	{call: "is_tuple({})", want: "true"},
	{call: "is_tuple({a, b})", want: "true"},
	{call: "is_tuple([a])", want: "false"},
	{call: "is_map(#{})", want: "true"},
	{call: "is_map(#{a => 1})", want: "true"},
	{call: "is_map([])", want: "false"},
	{call: "is_binary(<<>>)", want: "true"},
	{call: "is_binary(<<1,2>>)", want: "true"},
	{call: "is_binary(<<1:4>>)", want: "false"},
	{call: "is_binary(\"ab\")", want: "false"},
	{call: "is_bitstring(<<1:4>>)", want: "true"},
	{call: "is_bitstring(<<1>>)", want: "true"},
	{call: "is_bitstring(1)", want: "false"},
	{call: "is_boolean(true)", want: "true"},
	{call: "is_boolean(false)", want: "true"},
	{call: "is_boolean(maybe)", want: "false"},
	{call: "is_function(fun erlang:abs/1)", want: "true"},
	{call: "is_function(abs)", want: "false"},
	{call: "is_function(fun erlang:abs/1, 1)", want: "true"},
	{call: "is_function(fun erlang:abs/1, 2)", want: "false"},
	{call: "is_function(fun erlang:abs/1, 0)", want: "false"},
	{call: "is_function(x, 1)", want: "false"},
	{call: "is_function(fun erlang:abs/1, 1180591620717411303424)", want: "false"},
	{call: "is_function(fun erlang:abs/1, -1)", want: "!badarg"},
	{call: "is_function(fun erlang:abs/1, -1180591620717411303424)", want: "!badarg"},
	{call: "is_function(fun erlang:abs/1, 1.0)", want: "!badarg"},
	{call: "is_function(x, a)", want: "!badarg"},
	{call: "is_pid(a)", want: "false"},
	{call: "is_reference(a)", want: "false"},
	{call: "is_port(a)", want: "false"},
}

func init() { allBifCases["types"] = typesCases }

func TestBifTypes(t *testing.T) { runBifCases(t, typesCases) }

// TestBifTypesOfIdentifiers tests the type BIFs on pids and references, which have no
// literal syntax.
func TestBifTypesOfIdentifiers(t *testing.T) {
	const src = `
module idtypes
export run/0

function run/0
    allocate 2
    call_ext 0, erlang:self/0
    move x0, y0
    call_ext 0, erlang:make_ref/0
    move x0, y1
    move y0, x0
    call_ext 1, erlang:is_pid/1
    move x0, x1
    move y1, x0
    move x1, y1
    call_ext 1, erlang:is_reference/1
    move x0, x2
    move y0, x0
    move x2, y0
    call_ext 1, erlang:is_reference/1
    put_tuple x0, [y1, y0, x0]
    deallocate 2
    return
`
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "idtypes.bl", src)
		r, err := v.Apply("idtypes", "run")
		require.NoError(t, err)
		// {is_pid(self()), is_reference(make_ref()), is_reference(self())}
		assert.Equal(t, value.Tuple{value.Atom("true"), value.Atom("true"), value.Atom("false")}, r)
	})
}
