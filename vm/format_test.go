package vm

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIoLibFormat checks io_lib:format/2 against outputs taken from Erlang/OTP 25.
func TestIoLibFormat(t *testing.T) {
	s := value.String
	a := func(args ...value.Term) value.List { return value.List(args) }
	f := func(x float64) value.Term { return value.Float(x) }
	i := func(x int64) value.Term { return value.Int(x) }
	cases := []struct {
		format string
		args   value.List
		want   string // "" with bad: badarg
		bad    bool
	}{
		{"~p", a(value.Atom("abc")), "abc", false},
		{"~p", a(s("abc")), `"abc"`, false},
		{"~w", a(s("abc")), "[97,98,99]", false},
		{"~s", a(s("abc")), "abc", false},
		{"~s", a(value.Binary("bin")), "bin", false},
		{"~s", a(value.Atom("abc")), "abc", false},
		{"~s", a(value.List{s("ab"), i('c'), value.Binary("d")}), "abcd", false},
		{"~10s|", a(s("ab")), "        ab|", false},
		{"~-10s|", a(s("ab")), "ab        |", false},
		{"~.1s|", a(s("abc")), "a|", false},
		{"~5.2s|", a(s("abc")), "   ab|", false},
		{"~3s|", a(s("abcdef")), "abc|", false},
		{"~p", a(f(1.5)), "1.5", false},
		{"~f", a(f(1.5)), "1.500000", false},
		{"~.2f", a(f(3.14159)), "3.14", false},
		{"~e", a(f(1.5)), "1.50000e+0", false},
		{"~.3e", a(f(12345.678)), "1.23e+4", false},
		{"~g", a(f(1.5)), "1.50000", false},
		{"~g", a(f(123456.0)), "1.23456e+5", false},
		{"~g", a(f(0.01)), "1.00000e-2", false},
		{"~g", a(f(123.0)), "123.000", false},
		{"~g", a(f(0.1)), "0.100000", false},
		{"~g", a(f(9999.5)), "9999.50", false},
		{"~g", a(f(10000.0)), "1.00000e+4", false},
		{"~g", a(f(-0.5)), "-0.500000", false},
		{"~.3g", a(f(1.23456)), "1.23", false},
		{"~b", a(i(255)), "255", false},
		{"~.16b", a(i(255)), "ff", false},
		{"~.16B", a(i(255)), "FF", false},
		{"~.2B", a(i(-5)), "-101", false},
		{"~x", a(i(255), s("0x")), "0x255", false},
		{"~.16X", a(i(255), s("0x")), "0xFF", false},
		{"~.16x", a(i(-255), s("p")), "-pff", false},
		{"~.16#", a(i(255)), "16#FF", false},
		{"~.16+", a(i(255)), "16#ff", false},
		{"~c", a(i('a')), "a", false},
		{"~3c|", a(i('a')), "aaa|", false},
		{"~5.3c|", a(i('a')), "  aaa|", false},
		{"~n", a(), "\n", false},
		{"~~", a(), "~", false},
		{"~p", a(value.Tuple{value.Atom("a"), value.List{i(1), i(2)}, value.NewMap(value.Atom("k"), value.Atom("v"))}), "{a,[1,2],#{k => v}}", false},
		{"~8.3f|", a(f(2.5)), "   2.500|", false},
		{"~-8.3f|", a(f(2.5)), "2.500   |", false},
		{"~8.3.0f|", a(f(2.5)), "0002.500|", false},
		{"~10.3.xf|", a(f(1.5)), "xxxxx1.500|", false},
		{"~w", a(value.Binary{1, 2}), "<<1,2>>", false},
		{"~p", a(value.Binary("hi")), `<<"hi">>`, false},
		{"~5w|", a(value.Atom("ab")), "   ab|", false},
		{"~-5w|", a(value.Atom("ab")), "ab   |", false},
		{"~5p|", a(value.Atom("ab")), "ab|", false},
		{"~3w|", a(value.Atom("abcdef")), "***|", false},
		{"~3b|", a(i(12345)), "***|", false},
		{"~3f|", a(f(1234.5)), "***|", false},
		{"~B", a(i(42)), "42", false},
		{"~p", a(f(math.Copysign(0, -1))), "-0.0", false},
		{"~f", a(f(1.0e20)), "100000000000000000000.000000", false},
		{"~e", a(f(0.0)), "0.00000e+0", false},
		{"~.1f", a(f(0.05)), "0.1", false},
		{"~.1f", a(f(0.25)), "0.3", false},
		{"~.1f", a(f(-0.05)), "-0.1", false},
		{"~.2f", a(f(1.005)), "1.00", false},
		{"~.2e", a(f(9.99)), "1.0e+1", false},
		{"~e", a(f(123456789.0)), "1.23457e+8", false},
		{"~e", a(f(-1.0e-10)), "-1.00000e-10", false},
		{"~10.4e|", a(f(3.0)), "  3.000e+0|", false},
		{"~ts", a(value.List{i(1024)}), "\u0400", false},
		{"~ts", a(value.Binary("é")), "é", false},
		{"~s", a(value.Binary("é")), "Ã©", false},
		{"~s", a(s("")), "", false},
		{"~i|", a(value.Atom("x")), "|", false},
		{"~p ~p", a(i(1), i(2)), "1 2", false},
		{"~*w|", a(i(5), value.Atom("a")), "    a|", false},
		{"~.*f|", a(i(2), f(1.23456)), "1.23|", false},
		{"~.10B|", a(i(-255)), "-255|", false},
		{"~.3f", a(f(1.0e-10)), "0.000", false},
		{"~P", a(value.List{i(1)}, i(3)), "[1]", false},
		{"~.0f", a(f(2.5)), "", true},
		{"~f", a(i(1)), "", true},
		{"~s", a(i(1)), "", true},
		{"~s", a(value.List{i(256)}), "", true},
		{"~w", a(), "", true},
		{"~q", a(value.Atom("a")), "", true},
		{"~a", a(value.Atom("x")), "", true},
		{"~+", a(), "", true},
		{"~p", a(i(1), i(2)), "", true},
	}
	v := newVM(t, Options{})
	for _, c := range cases {
		r, err := v.Apply("io_lib", "format", value.String(c.format), c.args)
		if c.bad {
			if assert.Error(t, err, "format %q", c.format) {
				assert.Equal(t, value.Atom("badarg"), exitOf(t, err).Reason)
			}
			continue
		}
		if assert.NoError(t, err, "format %q %s", c.format, value.Print(c.args)) {
			want := value.String(c.want)
			if len(want) == 0 {
				assert.Equal(t, value.Nil, r, "format %q", c.format)
				continue
			}
			assert.Equal(t, want, r, "format %q %s: got %s", c.format, value.Print(c.args), value.Print(r))
		}
	}
}

func TestIoFormatWrites(t *testing.T) {
	var out bytes.Buffer
	v := newVM(t, Options{Stdout: &out})
	_, err := v.Apply("io", "format", value.String("~ts ~p~n"), value.List{value.Binary("héllo"), value.Tuple{value.Int(1)}})
	require.NoError(t, err)
	_, err = v.Apply("io", "format", value.String("plain~n"))
	require.NoError(t, err)
	_, err = v.Apply("io", "nl")
	require.NoError(t, err)
	assert.Equal(t, "héllo {1}\nplain\n\n", out.String())
}

// prettyTerm returns a pseudo-random term of the kinds ~p lays out differently: flat leaves
// (atoms, numbers, strings, printable binaries), byte binaries, lists, tagged and untagged
// tuples, maps and improper lists, nested up to depth.
func prettyTerm(rng *rand.Rand, depth int) value.Term {
	k := rng.IntN(12)
	if depth == 0 {
		k = rng.IntN(5)
	}
	switch k {
	case 0:
		return value.Atom([]string{"ok", "error", "a_longer_atom_name", "Quoted atom", "x"}[rng.IntN(5)])
	case 1:
		return value.Int(rng.IntN(2000000) - 1000)
	case 2:
		return value.String([]string{"value", "a string of some length", "", "tab\there", "x"}[rng.IntN(5)])
	case 3:
		return value.Binary([]string{"binary", "a longer binary here", "\x01\x02\xff", "", "αβ"}[rng.IntN(5)])
	case 4:
		return value.Float(float64(rng.IntN(1000)) / 8)
	case 5, 6:
		l := make(value.List, rng.IntN(14))
		for i := range l {
			l[i] = prettyTerm(rng, depth-1)
		}
		return l
	case 7:
		l := make(value.Tuple, 1+rng.IntN(5))
		l[0] = value.Atom([]string{"tag", "a_very_long_tag_name_here", "t"}[rng.IntN(3)])
		for i := 1; i < len(l); i++ {
			l[i] = prettyTerm(rng, depth-1)
		}
		return l
	case 8:
		l := make(value.Tuple, rng.IntN(5))
		for i := range l {
			l[i] = prettyTerm(rng, depth-1)
		}
		return l
	case 9:
		n := rng.IntN(5)
		var keys []value.Term
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			k := value.Atom(fmt.Sprintf("key%d", rng.IntN(9)))
			if !seen[string(k)] {
				seen[string(k)] = true
				keys = append(keys, k)
			}
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].(value.Atom) < keys[j].(value.Atom) })
		m := value.Map{Keys: keys}
		for range keys {
			m.Values = append(m.Values, prettyTerm(rng, depth-1))
		}
		return m
	case 10:
		l := make([]value.Term, 1+rng.IntN(4))
		for i := range l {
			l[i] = prettyTerm(rng, depth-1)
		}
		return value.ImproperList{Elems: l, Tail: value.Atom("tail")}
	}
	l := make(value.List, 20+rng.IntN(30))
	for i := range l {
		l[i] = value.Int(rng.IntN(300))
	}
	return l
}

// TestIoFormatPrettyErlang checks ~p, ~P and ~W against io_lib:format on erl for random
// terms, at several columns, line lengths and depths.
func TestIoFormatPrettyErlang(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 80))
	type fcase struct {
		format string
		args   value.List
	}
	var cases []fcase
	for n := 0; n < 400; n++ {
		x := prettyTerm(rng, 4)
		d := value.Int(1 + rng.IntN(7))
		switch n % 6 {
		case 0:
			cases = append(cases, fcase{"~p", value.List{x}})
		case 1:
			cases = append(cases, fcase{"~P", value.List{x, d}})
		case 2:
			cases = append(cases, fcase{"~W", value.List{x, d}})
		case 3:
			cases = append(cases, fcase{"result: ~p~n  ~p", value.List{x, x}})
		case 4:
			cases = append(cases, fcase{"~40p", value.List{x}})
		case 5:
			cases = append(cases, fcase{"~tp", value.List{x}})
		}
	}
	var sb strings.Builder
	sb.WriteString("-module(ppref).\n-export([main/0]).\nmain() ->\n    L = [\n")
	for i, c := range cases {
		sep := ","
		if i == len(cases)-1 {
			sep = ""
		}
		fmt.Fprintf(&sb, "        {%s, %s}%s\n", value.Format(value.String(c.format)), value.Format(c.args), sep)
	}
	sb.WriteString("    ],\n    lists:foreach(fun({F, A}) -> io:format(\"~w~n\", " +
		"[unicode:characters_to_binary(io_lib:format(F, A))]) end, L).\n")
	lines := runErl(t, "ppref", sb.String())
	require.Len(t, lines, len(cases))
	for i, c := range cases {
		want, err := asm.ParseTerm("erl", lines[i])
		require.NoError(t, err)
		var h term.Heap
		args := make([]term.Term, len(c.args))
		for k, a := range c.args {
			args[k], err = term.FromValue(&h, a)
			require.NoError(t, err)
		}
		got, ok := ioFormat(&h, []rune(c.format), args)
		require.True(t, ok, "%s %s", c.format, value.Format(c.args))
		assert.Equal(t, string(want.(value.Binary)), string(got), "io_lib:format(%q, %s)", c.format, value.Format(c.args))
	}
}
