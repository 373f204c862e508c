package vm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The BIF tests are tables of calls written in Erlang syntax with their expected results,
// run from .bl code: every call goes through call_ext inside a try (so an error comes back as
// {Class, Reason}), and every call of an erlang BIF of arity 1 to 3 also through bif1..bif3
// with a fail label (so an error jumps to the label, as in a guard). Where erl is installed,
// TestBifErlangReference runs the same calls on OTP and checks the expectations themselves.

// bifCase is one call and its expected outcome.
type bifCase struct {
	call  string // mod:name(Args...) in Erlang syntax; the module defaults to erlang
	want  string // the result, or "!Reason" for an exception of class error
	noErl bool   // beamlite's own choice (an iterator's form, a hash value): not checked on erl
}

// parsedCase is a bifCase taken apart.
type parsedCase struct {
	bifCase
	mod, name string
	args      value.List
	want      value.Term // {ok, Result} or {error, Reason}
}

// parseCall splits "mod:name(args)" at the top level (outside quotes).
func parseCall(t testing.TB, c bifCase) parsedCase {
	t.Helper()
	open := -1
	quoted := false
	for i, r := range c.call {
		if r == '\'' {
			quoted = !quoted
		}
		if r == '(' && !quoted {
			open = i
			break
		}
	}
	require.True(t, open > 0 && strings.HasSuffix(c.call, ")"), "bad call %q", c.call)
	head, inner := c.call[:open], c.call[open+1:len(c.call)-1]
	mod, name := "erlang", head
	if i := strings.Index(head, ":"); i > 0 && !strings.HasPrefix(head, "'") {
		mod, name = head[:i], head[i+1:]
	}
	atomOf := func(s string) string {
		v, err := asm.ParseTerm("case", s)
		require.NoError(t, err, s)
		a, ok := v.(value.Atom)
		require.True(t, ok, "%q is not an atom", s)
		return string(a)
	}
	argv, err := asm.ParseTerm("case", "["+inner+"]")
	require.NoError(t, err, c.call)
	args, _ := argv.(value.List)
	if args == nil {
		args = value.List{}
	}
	wantSrc, tag := c.want, "ok"
	if strings.HasPrefix(wantSrc, "!") {
		wantSrc, tag = wantSrc[1:], "error"
	}
	w, err := asm.ParseTerm("case", wantSrc)
	require.NoError(t, err, c.want)
	return parsedCase{bifCase: c, mod: atomOf(mod), name: atomOf(name), args: args,
		want: value.Tuple{value.Atom(tag), w}}
}

// bifModule returns the source of a .bl module with, for case i, a function c<i> that makes
// the call through call_ext in a try, and for erlang BIFs of arity 1..3 a function g<i> that
// makes it through bif<n> with a fail label (returning fail there).
func bifModule(cases []parsedCase) string {
	var sb strings.Builder
	var exports []string
	for i, c := range cases {
		n := len(c.args)
		exports = append(exports, fmt.Sprintf("c%d/%d", i, n))
		if guardable(c) {
			exports = append(exports, fmt.Sprintf("g%d/%d", i, n))
		}
	}
	fmt.Fprintf(&sb, "module biftest\nexport %s\n\n", strings.Join(exports, ", "))
	for i, c := range cases {
		n := len(c.args)
		f := fmt.Sprintf("%s:%s/%d", value.QuoteAtom(c.mod), value.QuoteAtom(c.name), n)
		fmt.Fprintf(&sb, `function c%d/%d
    allocate 1
    try y0, @h%d
    call_ext %d, %s
    try_end y0
    put_tuple x0, [ok, x0]
    deallocate 1
    return
@h%d:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return

`, i, n, i, n, f, i)
		if guardable(c) {
			regs := make([]string, n)
			for k := range regs {
				regs[k] = fmt.Sprintf("x%d", k)
			}
			fmt.Fprintf(&sb, `function g%d/%d
    bif%d @f%d, %s, %s, x0
    put_tuple x0, [ok, x0]
    return
@f%d:
    move fail, x0
    return

`, i, n, n, i, f, strings.Join(regs, ", "), i)
		}
	}
	return sb.String()
}

func guardable(c parsedCase) bool { return c.mod == "erlang" && len(c.args) >= 1 && len(c.args) <= 3 }

// runBifCases runs every case under every VM configuration.
func runBifCases(t *testing.T, cases []bifCase) {
	parsed := make([]parsedCase, len(cases))
	for i, c := range cases {
		parsed[i] = parseCall(t, c)
	}
	src := bifModule(parsed)
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "biftest.bl", src)
		for i, c := range parsed {
			r, err := v.Apply("biftest", fmt.Sprintf("c%d", i), c.args...)
			require.NoError(t, err, c.call)
			assert.Equal(t, value.Format(c.want), value.Format(r), "call_ext %s", c.call)
			if !guardable(c) {
				continue
			}
			r, err = v.Apply("biftest", fmt.Sprintf("g%d", i), c.args...)
			require.NoError(t, err, c.call)
			want := c.want
			if want.(value.Tuple)[0] == value.Atom("error") {
				want = value.Atom("fail")
			}
			assert.Equal(t, value.Format(want), value.Format(r), "bif%d %s", len(c.args), c.call)
		}
	})
}

// allBifCases are the tables of every group, for the reference test.
var allBifCases = map[string][]bifCase{}

// TestBifErlangReference runs every table's calls on erl (OTP 25) and checks that OTP gives
// the expected results, so that the expectations are Erlang's and not beamlite's guesses.
func TestBifErlangReference(t *testing.T) {
	var cases []parsedCase
	for _, group := range []string{"types", "tuple", "list", "convert", "binary", "map", "misc"} {
		for _, c := range allBifCases[group] {
			if !c.noErl {
				cases = append(cases, parseCall(t, c))
			}
		}
	}
	require.NotEmpty(t, cases)
	var sb strings.Builder
	sb.WriteString("-module(bifref).\n-export([main/0]).\n")
	sb.WriteString("t(M, F, A) -> try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end.\n")
	sb.WriteString("main() ->\n    L = [\n")
	for i, c := range cases {
		sep := ","
		if i == len(cases)-1 {
			sep = ""
		}
		fmt.Fprintf(&sb, "        fun() -> t(%s, %s, %s) end%s\n", value.QuoteAtom(c.mod), value.QuoteAtom(c.name), value.Format(c.args), sep)
	}
	sb.WriteString("    ],\n    io:setopts([{encoding, unicode}]),\n")
	sb.WriteString("    lists:foreach(fun(F) -> io:format(\"~tw~n\", [F()]) end, L).\n")
	lines := runErl(t, "bifref", sb.String())
	require.Len(t, lines, len(cases))
	for i, c := range cases {
		got, err := asm.ParseTerm("erl", lines[i])
		require.NoError(t, err, lines[i])
		assert.Equal(t, value.Format(c.want), value.Format(got), "erl: %s", c.call)
	}
}

// mustValue parses an Erlang term.
func mustValue(t testing.TB, src string) value.Term {
	t.Helper()
	v, err := asm.ParseTerm("test", src)
	require.NoError(t, err, src)
	return v
}

// mustTerm parses an Erlang term onto heap h.
func mustTerm(t testing.TB, h *term.Heap, src string) term.Term {
	t.Helper()
	r, err := term.FromValue(h, mustValue(t, src))
	require.NoError(t, err, src)
	return r
}

func fmtValue(v value.Term) string { return value.Format(v) }
