package vm

import (
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var binaryCases = []bifCase{
	{call: "byte_size(<<1, 2, 3>>)", want: "3"},
	{call: "byte_size(<<1, 2, 3:4>>)", want: "3"},
	{call: "byte_size(<<>>)", want: "0"},
	{call: "byte_size([1])", want: "!badarg"},
	{call: "bit_size(<<1, 2, 3:4>>)", want: "20"},
	{call: "bit_size(<<>>)", want: "0"},
	{call: "bit_size(a)", want: "!badarg"},
	{call: "size({a, b})", want: "2"},
	{call: "size(<<1, 2, 3:4>>)", want: "2"},
	{call: "size([a])", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {1, 2})", want: "<<2, 3>>"},
	{call: "binary_part(<<1, 2, 3>>, {3, -2})", want: "<<2, 3>>"},
	{call: "binary_part(<<1, 2, 3>>, {3, 0})", want: "<<>>"},
	{call: "binary_part(<<1, 2, 3>>, {0, 3})", want: "<<1, 2, 3>>"},
	{call: "binary_part(<<1, 2, 3>>, {0, 4})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {4, -1})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {1, -2})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {-1, 1})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {1, a})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, {1, 1, 1})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, [1, 1])", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3:4>>, {0, 1})", want: "<<1>>"},
	{call: "binary_part(<<1, 2, 3:4>>, {2, 1})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3:4>>, {3, 0})", want: "!badarg"},
	{call: "binary_part(\"abc\", {0, 1})", want: "!badarg"},
	{call: "binary_part(<<1, 2, 3>>, 1, 1)", want: "<<2>>"},
	{call: "binary_part(<<1, 2, 3>>, 2, -2)", want: "<<1, 2>>"},
	{call: "binary_part(<<1, 2, 3>>, 2, 2)", want: "!badarg"},
	{call: "split_binary(<<1, 2, 3>>, 1)", want: "{<<1>>, <<2, 3>>}"},
	{call: "split_binary(<<1, 2, 3>>, 0)", want: "{<<>>, <<1, 2, 3>>}"},
	{call: "split_binary(<<1, 2, 3>>, 3)", want: "{<<1, 2, 3>>, <<>>}"},
	{call: "split_binary(<<1, 2, 3>>, 4)", want: "!badarg"},
	{call: "split_binary(<<1, 2, 3>>, -1)", want: "!badarg"},
	{call: "split_binary(<<1, 2, 3:4>>, 1)", want: "{<<1>>, <<2, 3:4>>}"},
	{call: "split_binary(<<1, 2, 3:4>>, 3)", want: "!badarg"},
	{call: "split_binary([1], 0)", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3>>)", want: "[1, 2, 3]"},
	{call: "binary_to_list(<<>>)", want: "[]"},
	{call: "binary_to_list(<<1, 2, 3:4>>)", want: "!badarg"},
	{call: "binary_to_list([1])", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3>>, 2, 3)", want: "[2, 3]"},
	{call: "binary_to_list(<<1, 2, 3>>, 3, 3)", want: "[3]"},
	{call: "binary_to_list(<<1, 2, 3>>, 1, 4)", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3>>, 2, 1)", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3>>, 4, 3)", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3>>, 0, 1)", want: "!badarg"},
	{call: "binary_to_list(<<1, 2, 3:4>>, 1, 2)", want: "[1, 2]"},
	{call: "binary_to_list(<<1, 2, 3:4>>, 1, 3)", want: "!badarg"},
	{call: "list_to_binary([1, <<2>>, [3 | <<4>>], [], [[]]])", want: "<<1, 2, 3, 4>>"},
	{call: "list_to_binary([1 | <<2>>])", want: "<<1, 2>>"},
	{call: "list_to_binary([])", want: "<<>>"},
	{call: "list_to_binary(<<1>>)", want: "!badarg"},
	{call: "list_to_binary([<<1:4>>])", want: "!badarg"},
	{call: "list_to_binary([256])", want: "!badarg"},
	{call: "list_to_binary([-1])", want: "!badarg"},
	{call: "list_to_binary([a])", want: "!badarg"},
	{call: "list_to_binary([1 | 2])", want: "!badarg"},
	{call: "iolist_to_binary([1, <<2>>, [3 | <<4>>]])", want: "<<1, 2, 3, 4>>"},
	{call: "iolist_to_binary(<<7, 8>>)", want: "<<7, 8>>"},
	{call: "iolist_to_binary([])", want: "<<>>"},
	{call: "iolist_to_binary([[], [[]], <<>>])", want: "<<>>"},
	{call: "iolist_to_binary([[[[1], 2], 3] | <<4>>])", want: "<<1, 2, 3, 4>>"},
	{call: "iolist_to_binary(<<1:4>>)", want: "!badarg"},
	{call: "iolist_to_binary([<<1:4>>])", want: "!badarg"},
	{call: "iolist_to_binary([256])", want: "!badarg"},
	{call: "iolist_to_binary([1 | 2])", want: "!badarg"},
	{call: "iolist_to_binary(x)", want: "!badarg"},
	{call: "iolist_size([1, <<2, 3>>, [3 | <<4>>]])", want: "5"},
	{call: "iolist_size(<<1, 2, 3>>)", want: "3"},
	{call: "iolist_size([])", want: "0"},
	{call: "iolist_size(<<1:4>>)", want: "!badarg"},
	{call: "iolist_size(x)", want: "!badarg"},
	{call: "iolist_size([1 | a])", want: "!badarg"},
}

func init() { allBifCases["binary"] = binaryCases }

func TestBifBinary(t *testing.T) { runBifCases(t, binaryCases) }

// TestBifBinaryLarge slices and joins binaries big enough to live off-heap, so that slices
// are sub binaries sharing the bytes, and checks them after collections (the tiny-heap
// configurations collect at nearly every safe point).
func TestBifBinaryLarge(t *testing.T) {
	src := `
module bigbin
export run/1, lit/0

% {byte_size(B2), binary_part(B2, {100, 3}), binary_to_list(B2, 1, 2), iolist_size([B1, B2])}
% where {B1, B2} = split_binary(B, 1000) and the binary is rebuilt with iolist_to_binary.
function run/1
    allocate 3
    move 1000, x1
    call_ext 2, erlang:split_binary/2
    is_tuple @bad, x0
    test_arity @bad, x0, 2
    get_tuple_element x0, 0, y0
    get_tuple_element x0, 1, y1
    put_list y1, [], x0
    put_list y0, x0, x0
    call_ext 1, erlang:iolist_to_binary/1
    move x0, y2
    move y1, x0
    call_ext 1, erlang:byte_size/1
    move x0, y0
    put_tuple x1, [100, 3]
    move y1, x0
    call_ext 2, erlang:binary_part/2
    put_tuple x0, [y0, x0]
    move x0, y0
    move y1, x0
    move 1, x1
    move 2, x2
    call_ext 3, erlang:binary_to_list/3
    put_tuple x0, [y0, x0]
    move x0, y0
    move y2, x0
    call_ext 1, erlang:byte_size/1
    put_tuple x0, [y0, x0]
    deallocate 3
    return
@bad:
    badmatch x0

% Slices of a large literal binary (off-heap in the module's literal area) outlive collections:
% {binary_part(L, {90, 10}), split_binary(L, 100)} built with a collection in between.
function lit/0
    allocate 1
    move <<"` + strings.Repeat("0123456789", 20) + `">>, x0
    put_tuple x1, [90, 10]
    call_ext 2, erlang:binary_part/2
    move x0, y0
    move <<"` + strings.Repeat("0123456789", 20) + `">>, x0
    move 100, x1
    call_ext 2, erlang:split_binary/2
    put_tuple x0, [y0, x0]
    deallocate 1
    return
`
	var b strings.Builder
	for i := range 3000 {
		b.WriteByte(byte(i % 251))
	}
	bin := value.Binary(b.String())
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "bigbin.bl", src)
		r, err := v.Apply("bigbin", "run", bin)
		require.NoError(t, err)
		want := value.Tuple{value.Tuple{value.Tuple{value.Int(2000), value.Binary(bin[1100:1103])},
			value.List{value.Int(int64(bin[1000])), value.Int(int64(bin[1001]))}}, value.Int(3000)}
		assert.Equal(t, value.Format(want), value.Format(r))

		r, err = v.Apply("bigbin", "lit")
		require.NoError(t, err)
		half := strings.Repeat("0123456789", 10)
		assert.Equal(t, value.Format(value.Tuple{value.Binary("0123456789"), value.Tuple{value.Binary(half), value.Binary(half)}}), value.Format(r))
	})
}
