package vm

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/beamlite/beamlite/value/valuetest"
)

var convertCases = []bifCase{
	// Atoms.
	{call: "atom_to_list(abc)", want: `"abc"`},
	{call: "atom_to_list('héllo')", want: `[104, 233, 108, 108, 111]`},
	{call: "atom_to_list(\"abc\")", want: "!badarg"},
	{call: "atom_to_list(1)", want: "!badarg"},
	{call: "list_to_atom(\"abc\")", want: "abc"},
	{call: "list_to_atom([104, 233, 300])", want: "'hé" + string(rune(300)) + "'"},
	{call: "list_to_atom([])", want: "''"},
	{call: "list_to_atom([-1])", want: "!badarg"},
	{call: "list_to_atom([16#D800])", want: "!badarg"},
	{call: "list_to_atom([16#110000])", want: "!badarg"},
	{call: "list_to_atom([a])", want: "!badarg"},
	{call: "list_to_atom([$a | b])", want: "!badarg"},
	{call: "list_to_atom(<<\"a\">>)", want: "!badarg"},
	{call: "list_to_atom(\"" + strings.Repeat("a", 255) + "\")", want: "'" + strings.Repeat("a", 255) + "'"},
	{call: "list_to_atom(\"" + strings.Repeat("a", 256) + "\")", want: "!system_limit"},
	{call: "list_to_existing_atom(\"ok\")", want: "ok"},
	{call: "list_to_existing_atom(\"no_such_atom_zzz_1\")", want: "!badarg"},
	{call: "list_to_existing_atom([300, 301])", want: "!badarg"},
	{call: "atom_to_binary(abc)", want: `<<"abc">>`},
	{call: "atom_to_binary('héllo')", want: "<<104, 195, 169, 108, 108, 111>>"},
	{call: "atom_to_binary('héllo', utf8)", want: "<<104, 195, 169, 108, 108, 111>>"},
	{call: "atom_to_binary('héllo', unicode)", want: "<<104, 195, 169, 108, 108, 111>>"},
	{call: "atom_to_binary('héllo', latin1)", want: "<<104, 233, 108, 108, 111>>"},
	{call: "atom_to_binary('" + string(rune(300)) + "', latin1)", want: "!badarg"},
	{call: "atom_to_binary(a, utf16)", want: "!badarg"},
	{call: "atom_to_binary(\"a\", utf8)", want: "!badarg"},
	{call: "binary_to_atom(<<\"abc\">>)", want: "abc"},
	{call: "binary_to_atom(<<104, 195, 169>>, utf8)", want: "'hé'"},
	{call: "binary_to_atom(<<233>>, latin1)", want: "'é'"},
	{call: "binary_to_atom(<<233>>, utf8)", want: "!badarg"},
	{call: "binary_to_atom(<<233>>)", want: "!badarg"},
	{call: "binary_to_atom(<<237, 160, 128>>, utf8)", want: "!badarg"}, // a surrogate
	{call: "binary_to_atom(<<255, 255>>, utf8)", want: "!badarg"},
	{call: "binary_to_atom(<<\"a\">>, utf16)", want: "!badarg"},
	{call: "binary_to_atom(<<1:4>>, latin1)", want: "!badarg"},
	{call: "binary_to_atom(\"a\", latin1)", want: "!badarg"},
	{call: "binary_to_atom(<<\"" + strings.Repeat("a", 256) + "\">>, latin1)", want: "!system_limit"},
	{call: "binary_to_atom(<<\"" + strings.Repeat("a", 256) + "\">>, utf8)", want: "!system_limit"},
	{call: "binary_to_existing_atom(<<\"ok\">>)", want: "ok"},
	{call: "binary_to_existing_atom(<<\"ok\">>, latin1)", want: "ok"},
	{call: "binary_to_existing_atom(<<\"no_such_atom_zzz_2\">>, utf8)", want: "!badarg"},
	{call: "binary_to_existing_atom(<<\"" + strings.Repeat("a", 256) + "\">>, latin1)", want: "!badarg"},
	{call: "binary_to_existing_atom(<<\"" + strings.Repeat("a", 256) + "\">>, utf8)", want: "!badarg"},
	{call: "list_to_existing_atom(\"" + strings.Repeat("a", 256) + "\")", want: "!badarg"},

	// Integers.
	{call: "integer_to_list(0)", want: `"0"`},
	{call: "integer_to_list(-123)", want: `"-123"`},
	{call: "integer_to_list(123456789012345678901234567890)", want: `"123456789012345678901234567890"`},
	{call: "integer_to_list(255, 16)", want: `"FF"`},
	{call: "integer_to_list(-255, 16)", want: `"-FF"`},
	{call: "integer_to_list(35, 36)", want: `"Z"`},
	{call: "integer_to_list(5, 2)", want: `"101"`},
	{call: "integer_to_list(0, 2)", want: `"0"`},
	{call: "integer_to_list(18446744073709551616, 2)", want: `"1` + strings.Repeat("0", 64) + `"`},
	{call: "integer_to_list(16#7fffffffffffffffff, 36)", want: `"DUB5VNRPT17P4V"`},
	{call: "integer_to_list(5, 1)", want: "!badarg"},
	{call: "integer_to_list(5, 37)", want: "!badarg"},
	{call: "integer_to_list(1.0)", want: "!badarg"},
	{call: "integer_to_list(a, 10)", want: "!badarg"},
	{call: "integer_to_binary(-10, 2)", want: `<<"-1010">>`},
	{call: "integer_to_binary(123456789012345678901234567890, 7)", want: `<<"21653251153414601406403630240331250">>`},
	{call: "integer_to_binary(42)", want: `<<"42">>`},
	{call: "integer_to_binary(x)", want: "!badarg"},
	{call: "list_to_integer(\"123\")", want: "123"},
	{call: "list_to_integer(\"+12\")", want: "12"},
	{call: "list_to_integer(\"-12\")", want: "-12"},
	{call: "list_to_integer(\"-0\")", want: "0"},
	{call: "list_to_integer(\"000000000000000000000000042\")", want: "42"},
	{call: "list_to_integer(\"123456789012345678901234567890\")", want: "123456789012345678901234567890"},
	{call: "list_to_integer(\"-1152921504606846977\")", want: "-1152921504606846977"},
	{call: "list_to_integer(\" 12\")", want: "!badarg"},
	{call: "list_to_integer(\"12 \")", want: "!badarg"},
	{call: "list_to_integer(\"\")", want: "!badarg"},
	{call: "list_to_integer(\"-\")", want: "!badarg"},
	{call: "list_to_integer(\"+\")", want: "!badarg"},
	{call: "list_to_integer(\"1_000\")", want: "!badarg"},
	{call: "list_to_integer(\"1.0\")", want: "!badarg"},
	{call: "list_to_integer([$1 | x])", want: "!badarg"},
	{call: "list_to_integer([1633])", want: "!badarg"}, // an Arabic-Indic digit
	{call: "list_to_integer(<<\"1\">>)", want: "!badarg"},
	{call: "list_to_integer(\"ff\", 16)", want: "255"},
	{call: "list_to_integer(\"-abc\", 16)", want: "-2748"},
	{call: "list_to_integer(\"z\", 36)", want: "35"},
	{call: "list_to_integer(\"12\", 2)", want: "!badarg"},
	{call: "list_to_integer(\"10\", 37)", want: "!badarg"},
	{call: "list_to_integer(\"10\", 1)", want: "!badarg"},
	{call: "binary_to_integer(<<\"-ZZ\">>, 36)", want: "-1295"},
	{call: "binary_to_integer(<<\"+0\">>)", want: "0"},
	{call: "binary_to_integer(<<\"12.0\">>)", want: "!badarg"},
	{call: "binary_to_integer(<<>>)", want: "!badarg"},
	{call: "binary_to_integer(<<1:4>>)", want: "!badarg"},
	{call: "binary_to_integer(\"12\")", want: "!badarg"},

	// Floats: default, short, decimals, scientific, compact, and their bad options.
	{call: "float_to_list(1.0)", want: `"1.00000000000000000000e+00"`},
	{call: "float_to_list(0.1)", want: `"1.00000000000000005551e-01"`},
	{call: "float_to_list(-1.5e300)", want: `"-1.50000000000000007876e+300"`},
	{call: "float_to_list(-0.0)", want: `"-0.00000000000000000000e+00"`},
	{call: "float_to_list(5.0e-324)", want: `"4.94065645841246544177e-324"`},
	{call: "float_to_list(1)", want: "!badarg"},
	{call: "float_to_list(1.0, [short])", want: `"1.0"`},
	{call: "float_to_list(0.1, [short])", want: `"0.1"`},
	{call: "float_to_list(100.0, [short])", want: `"100.0"`},
	{call: "float_to_list(1000.0, [short])", want: `"1.0e3"`},
	{call: "float_to_list(123456.0, [short])", want: `"123456.0"`},
	{call: "float_to_list(1.0e15, [short])", want: `"1.0e15"`},
	{call: "float_to_list(123456789012345678.0, [short])", want: `"1.2345678901234568e17"`},
	{call: "float_to_list(0.0001, [short])", want: `"0.0001"`},
	{call: "float_to_list(1.0e-5, [short])", want: `"1.0e-5"`},
	{call: "float_to_list(1.23e-7, [short])", want: `"1.23e-7"`},
	{call: "float_to_list(-0.0, [short])", want: `"-0.0"`},
	{call: "float_to_list(5.0e-324, [short])", want: `"5.0e-324"`},
	{call: "float_to_list(1.7976931348623157e308, [short])", want: `"1.7976931348623157e308"`},
	{call: "float_to_list(1234567890123456.0, [short])", want: `"1234567890123456.0"`},
	{call: "float_to_list(9007199254740992.0, [short])", want: `"9.007199254740992e15"`},
	{call: "float_to_list(-12345678901234567.0, [short])", want: `"-1.2345678901234568e16"`},
	{call: "float_to_list(1.2e16, [short])", want: `"1.2e16"`},
	{call: "float_to_list(0.000123456, [short])", want: `"1.23456e-4"`},
	{call: "float_to_list(1.5, [{decimals, 3}])", want: `"1.500"`},
	{call: "float_to_list(1.5, [{decimals, 3}, compact])", want: `"1.5"`},
	{call: "float_to_list(-1.5, [{decimals, 2}, compact])", want: `"-1.5"`},
	{call: "float_to_list(100.0, [{decimals, 4}, compact])", want: `"100.0"`},
	{call: "float_to_list(1.0, [{decimals, 0}])", want: `"1"`},
	{call: "float_to_list(1.0, [{decimals, 0}, compact])", want: `"1"`},
	{call: "float_to_list(0.5, [{decimals, 0}])", want: `"1"`},
	{call: "float_to_list(2.5, [{decimals, 0}])", want: `"3"`},
	{call: "float_to_list(0.125, [{decimals, 2}])", want: `"0.13"`},
	{call: "float_to_list(1.005, [{decimals, 2}])", want: `"1.00"`},
	{call: "float_to_list(0.995, [{decimals, 2}])", want: `"1.00"`},
	{call: "float_to_list(9.995, [{decimals, 2}])", want: `"9.99"`},
	{call: "float_to_list(123456789.987654321, [{decimals, 15}])", want: `"123456789.987654328346253"`},
	{call: "float_to_list(0.3, [{decimals, 17}])", want: `"0.30000000000000000"`},
	{call: "float_to_list(0.3, [{decimals, 18}])", want: `"0.300000000000000000"`},
	{call: "float_to_list(0.3, [{decimals, 19}])", want: `"0.2999999999999999889"`},
	{call: "float_to_list(0.3, [{decimals, 23}])", want: `"0.29999999999999998889777"`},
	{call: "float_to_list(4503599627370495.5, [{decimals, 0}])", want: `"4503599627370496"`},
	{call: "float_to_list(9007199254740992.0, [{decimals, 1}])", want: `"9007199254740992.0"`},
	{call: "float_to_list(1.0e23, [{decimals, 0}])", want: `"99999999999999991611392"`},
	{call: "float_to_list(1.0e60, [{decimals, 3}, compact])", want: `"999999999999999949387135297074018866963645011013410073083904.0"`},
	{call: "float_to_list(0.1, [{decimals, 30}, compact])", want: `"0.100000000000000005551115123126"`},
	{call: "float_to_list(0.5, [{decimals, 30}, compact])", want: `"0.5"`},
	{call: "float_to_list(-0.0, [{decimals, 2}])", want: `"-0.00"`},
	{call: "float_to_list(-0.001, [{decimals, 2}])", want: `"-0.00"`},
	{call: "float_to_list(-0.001, [{decimals, 2}, compact])", want: `"-0.0"`},
	{call: "float_to_list(1.0e-10, [{decimals, 2}])", want: `"0.00"`},
	{call: "float_to_list(1.5, [{decimals, 253}])", want: `"1.5` + strings.Repeat("0", 252) + `"`},
	{call: "float_to_list(1.0e250, [{decimals, 4}])", want: `"` + fixedDigits(1e250) + `.0000"`}, // 255 characters, the most
	{call: "float_to_list(1.0e250, [{decimals, 5}])", want: "!badarg"},
	{call: "float_to_list(1.0e250, [{decimals, 5}, compact])", want: "!badarg"},
	{call: "float_to_list(1.5e300, [{decimals, 2}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{decimals, 254}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{decimals, -1}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{decimals, a}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{scientific, 3}])", want: `"1.500e+00"`},
	{call: "float_to_list(1.5, [{scientific, 0}])", want: `"2e+00"`},
	{call: "float_to_list(2.5, [{scientific, 0}])", want: `"2e+00"`},
	{call: "float_to_list(1.5, [{scientific, 3}, compact])", want: `"1.500e+00"`},
	{call: "float_to_list(1.5, [{scientific, 8}])", want: `"1.50000000e+00"`},
	{call: "float_to_list(1.5, [{scientific, 250}])", want: "!badarg"},
	{call: "float_to_list(1.5e300, [{scientific, 249}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{scientific, -1}])", want: `"1.500000e+00"`},
	{call: "float_to_list(1.5, [{scientific, -5}])", want: `"1.500000e+00"`},
	{call: "float_to_list(1.5, [{scientific, 18446744073709551616}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{decimals, 18446744073709551616}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{scientific, 1.0}])", want: "!badarg"},
	{call: "float_to_list(1.5, [{decimals, 3}, {scientific, 2}])", want: `"1.50e+00"`},
	{call: "float_to_list(1.5, [{scientific, 2}, {decimals, 3}])", want: `"1.500"`},
	{call: "float_to_list(1.5, [short, {decimals, 3}])", want: `"1.500"`},
	{call: "float_to_list(1.5, [{decimals, 3}, short])", want: `"1.5"`},
	{call: "float_to_list(1.5, [compact])", want: `"1.50000000000000000000e+00"`},
	{call: "float_to_list(1.5, [])", want: `"1.50000000000000000000e+00"`},
	{call: "float_to_list(1.5, [bogus])", want: "!badarg"},
	{call: "float_to_list(1.5, [short | x])", want: "!badarg"},
	{call: "float_to_list(1.5, x)", want: "!badarg"},
	{call: "float_to_list(1, [])", want: "!badarg"},
	{call: "float_to_binary(3.25)", want: `<<"3.25000000000000000000e+00">>`},
	{call: "float_to_binary(3.25, [short])", want: `<<"3.25">>`},
	{call: "float_to_binary(3.25, [{decimals, 1}])", want: `<<"3.3">>`},
	{call: "float_to_binary(3, [short])", want: "!badarg"},
	{call: "list_to_float(\"1.5\")", want: "1.5"},
	{call: "list_to_float(\"1.0e5\")", want: "1.0e5"},
	{call: "list_to_float(\"1.0e05\")", want: "1.0e5"},
	{call: "list_to_float(\"1.0e+5\")", want: "1.0e5"},
	{call: "list_to_float(\"+1.5\")", want: "1.5"},
	{call: "list_to_float(\"-1.5E-3\")", want: "-0.0015"},
	{call: "list_to_float(\"01.50\")", want: "1.5"},
	{call: "list_to_float(\"-0.0\")", want: "-0.0"},
	{call: "list_to_float(\"1.0e308\")", want: "1.0e308"},
	{call: "list_to_float(\"1.0e-320\")", want: "1.0e-320"},
	{call: "list_to_float(\"1.0e-400\")", want: "0.0"},
	{call: "list_to_float(\"1.8e308\")", want: "!badarg"},
	{call: "list_to_float(\"1e5\")", want: "!badarg"},
	{call: "list_to_float(\"1.\")", want: "!badarg"},
	{call: "list_to_float(\".5\")", want: "!badarg"},
	{call: "list_to_float(\"1\")", want: "!badarg"},
	{call: "list_to_float(\"1.0e\")", want: "!badarg"},
	{call: "list_to_float(\"1.5e+\")", want: "!badarg"},
	{call: "list_to_float(\"1,5\")", want: "1.5"}, // erts's strtod quirk
	{call: "list_to_float(\"1,5e3\")", want: "1.5e3"},
	{call: "list_to_float(\"1,,5\")", want: "!badarg"},
	{call: "list_to_float(\"1.5.\")", want: "!badarg"},
	{call: "list_to_float([$1, $., $5, 0, $x])", want: "1.5"}, // the text ends at NUL
	{call: "list_to_float([$1, $., 0, $5])", want: "!badarg"},
	{call: "list_to_float(\"1.0e-2147483649\")", want: "0.0"},
	{call: "list_to_float(\"1.0e2147483648\")", want: "!badarg"},
	{call: "list_to_float(\"1.5 \")", want: "!badarg"},
	{call: "list_to_float(\"1.5e2.0\")", want: "!badarg"},
	{call: "list_to_float(\"inf\")", want: "!badarg"},
	{call: "list_to_float(1.5)", want: "!badarg"},
	{call: "binary_to_float(<<\"2.5e1\">>)", want: "25.0"},
	{call: "binary_to_float(<<\"1.5\", 0>>)", want: "1.5"},
	{call: "binary_to_float(<<\"1.5\", 0, \"abc\">>)", want: "1.5"},
	{call: "binary_to_float(<<\" 1.5\">>)", want: "!badarg"},
	{call: "binary_to_integer(<<\"1\", 0>>)", want: "!badarg"},
	{call: "binary_to_float(<<\"inf\">>)", want: "!badarg"},
	{call: "binary_to_float(\"1.5\")", want: "!badarg"},
}

// fixedDigits returns the digits of integral float f as printf("%.0f") prints them.
func fixedDigits(f float64) string { return fmt.Sprintf("%.0f", f) }

func init() { allBifCases["convert"] = convertCases }

func TestBifConvert(t *testing.T) { runBifCases(t, convertCases) }

// TestBifAtomLimit checks that creating an atom past the atom table's limit is system_limit.
func TestBifAtomLimit(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "mk.bl", `
module mk
export atom/1

function atom/1
    allocate 1
    try y0, @h
    call_ext 1, erlang:binary_to_atom/1
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return
`)
	// exception.go interns these while raising (MustIntern, which panics on a full table):
	// make sure they exist before the table is full.
	for _, a := range []string{"file", "line", "badrecord"} {
		term.MustIntern(a)
	}
	old := term.SetAtomLimit(term.AtomCount())
	defer term.SetAtomLimit(old)
	r, err := v.Apply("mk", "atom", mustValue(t, `<<"surely_a_new_atom_for_the_limit">>`))
	require.NoError(t, err)
	assert.Equal(t, "{error,system_limit}", fmtValue(r))
	r, err = v.Apply("mk", "atom", mustValue(t, `<<"ok">>`))
	require.NoError(t, err)
	assert.Equal(t, "ok", fmtValue(r), "an existing atom needs no room")
}

// TestBifFloatFormatErlang compares float_to_list with {decimals, N}, {scientific, N} and
// short against erl on random floats, to pin down erts's own rounding (formatFixed).
func TestBifFloatFormatErlang(t *testing.T) {
	erl, err := exec.LookPath("erl")
	if err != nil || testing.Short() {
		t.Skip("erl is not installed")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	type fcase struct {
		f    float64
		opts string
	}
	var cases []fcase
	for range 5000 {
		var f float64
		switch rng.IntN(4) {
		case 0: // a few decimal places, where ties and near-ties live
			f = float64(rng.IntN(2000000)-1000000) / math.Pow10(rng.IntN(7))
		case 1:
			f = math.Float64frombits(rng.Uint64())
			if math.IsNaN(f) || math.IsInf(f, 0) {
				f = 1.5
			}
		case 2:
			f = (rng.Float64() - 0.5) * math.Pow10(rng.IntN(40)-20)
		default:
			f = float64(rng.IntN(1<<20)) / float64(uint(1)<<rng.IntN(30))
		}
		var opts string
		switch rng.IntN(4) {
		case 0:
			opts = fmt.Sprintf("[{decimals, %d}]", rng.IntN(25))
			if rng.IntN(4) == 0 {
				opts = fmt.Sprintf("[{decimals, %d}]", 15+rng.IntN(5)) // where the rounding changes
			}
		case 1:
			opts = fmt.Sprintf("[{decimals, %d}, compact]", rng.IntN(25))
		case 2:
			opts = fmt.Sprintf("[{scientific, %d}]", rng.IntN(25))
		default:
			opts = "[short]"
		}
		cases = append(cases, fcase{f, opts})
	}
	// The cases go to erl as data (file:consult), which is much faster than compiling them.
	var data strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&data, "{%d, %s}.\n", math.Float64bits(c.f), c.opts)
	}
	const src = `-module(fmtref).
-export([main/1]).
main([File]) ->
    {ok, Cases} = file:consult(File),
    [io:format("~p~n", [t(F, O)]) || {B, O} <- Cases, <<F:64/float>> <- [<<B:64>>]],
    ok.
t(F, O) -> try float_to_list(F, O) catch _:R -> R end.
`
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fmtref.erl"), []byte(src), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.txt"), []byte(data.String()), 0o644))
	out, err := exec.Command("erlc", "-o", dir, filepath.Join(dir, "fmtref.erl")).CombinedOutput()
	require.NoError(t, err, string(out))
	var stdout bytes.Buffer
	cmd := exec.Command(erl, "-noshell", "-pa", dir, "-run", "fmtref", "main", filepath.Join(dir, "cases.txt"), "-s", "init", "stop")
	cmd.Stdout = &stdout
	require.NoError(t, cmd.Run())
	sc := bufio.NewScanner(&stdout)
	var h term.Heap
	bad, i := 0, 0
	for ; sc.Scan(); i++ {
		require.Less(t, i, len(cases))
		want := sc.Text()
		c := cases[i]
		opts := mustTerm(t, &h, c.opts)
		got, ok := formatFloatOpts(&h, c.f, opts)
		if !ok {
			got = "badarg"
		} else {
			got = fmt.Sprintf("%q", got)
		}
		if got != want && bad < 20 {
			bad++
			t.Errorf("float_to_list(%v, %s): erl %s, beamlite %s", c.f, c.opts, want, got)
		}
	}
	require.Equal(t, len(cases), i, "erl printed a line per case")
}

// TestBifIntegerLimit checks that text for an integer larger than any integer may be is
// system_limit, refused before the quadratic work of parsing it.
func TestBifIntegerLimit(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "toint.bl", `
module toint
export run/1

function run/1
    allocate 1
    try y0, @h
    call_ext 1, erlang:binary_to_integer/1
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return
`)
	digits := int(float64(term.MaxBigBits)/math.Log2(10)) + 10
	r, err := v.Apply("toint", "run", value.Binary(strings.Repeat("9", digits)))
	require.NoError(t, err)
	assert.Equal(t, "{error,system_limit}", value.Format(r))
	r, err = v.Apply("toint", "run", value.Binary(strings.Repeat("0", digits)+"42"))
	require.NoError(t, err)
	assert.Equal(t, "42", value.Format(r), "leading zeros do not count")
}

// TestBifConvertRoundTrips checks that integer and float text read back: list_to_integer of
// integer_to_list in every base, and list_to_float of float_to_list in the short and default
// forms, for random integers (bignums included) and random doubles.
func TestBifConvertRoundTrips(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "rt.bl", `
module rt
export int/2, float/2

% int(I, Base) -> list_to_integer(integer_to_list(I, Base), Base).
function int/2
    allocate 1
    move x1, y0
    call_ext 2, erlang:integer_to_list/2
    move y0, x1
    deallocate 1
    call_ext_only 2, erlang:list_to_integer/2

% float(F, Opts) -> list_to_float(float_to_list(F, Opts)).
function float/2
    allocate 0
    call_ext 2, erlang:float_to_list/2
    call_ext_last 1, erlang:list_to_float/1, 0
`)
	rapid.Check(t, func(rt *rapid.T) {
		i := valuetest.Integer().Draw(rt, "i")
		base := rapid.IntRange(2, 36).Draw(rt, "base")
		r, err := v.Apply("rt", "int", i, value.Int(base))
		require.NoError(rt, err)
		assert.Equal(rt, value.Format(i), value.Format(r))

		f := math.Float64frombits(rapid.Uint64().Draw(rt, "bits"))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return
		}
		for _, opts := range []string{"[short]", "[]"} {
			r, err = v.Apply("rt", "float", value.Float(f), mustValue(t, opts))
			require.NoError(rt, err)
			assert.Equal(rt, value.Format(value.Float(f)), value.Format(r), opts)
		}
	})
}
