package asm

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamlite/beamlite/value"
)

// erlTerms are Erlang source terms with the syntax .bl literals borrow from Erlang.
var erlTerms = []string{
	`16#ff`, `2#1010`, `36#Zz`, `1_000_000`, `$a`, `$\n`, `$\x{1F600}`, `$\^A`, `-42`,
	`123456789012345678901234567890`, `-16#FFFFFFFFFFFFFFFFFFFF`,
	`2.5`, `1.0e10`, `-0.0`, `1.5e-300`, `6.02e23`, `0.1`,
	`ok`, `'Quoted atom'`, `'it\'s'`, `node@host`, `'\x{263A}'`, `'end'`, `x0`,
	`"hello"`, `"h\x{e9}llo\tworld\n"`, `"ab" "cd"`, `""`, `"\s\e\d\101\x41"`,
	`<<>>`, `<<1,2,3>>`, `<<"abc">>`, `<<"é"/utf8>>`, `<<"é">>`, `<<1:3>>`, `<<300:16/little>>`,
	`<<-1:16/little-signed>>`, `<<1.5/float>>`, `<<1.5:32/float>>`, `<<"ab"/utf16>>`,
	`<<"ab"/utf32-little>>`, `<<$a, "b", 99:8>>`, `<<1:1, 0:7, 5:4>>`,
	`{}`, `{ok, 1}`, `[]`, `[1, 2 | 3]`, `[1 | [2, 3]]`, `[a | []]`,
	`#{}`, `#{b => 1, a => [1 | 2], {k} => <<"v">>}`, `#{a => 1, a => 2}`,
	`fun lists:map/2`, `fun erlang:'+'/2`,
	`{ok, [1, 2.5, <<"bin">>, #{k => v}], "str", 'Q', -7}`,
}

// TestParseAgreesWithErlang checks .bl literals against Erlang itself: each source term must
// parse to the same value as Erlang's printing (~w and ~p) of that term parses to. It needs
// erl (Debian's erlang-nox) and is skipped without it or with -short.
func TestParseAgreesWithErlang(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	erl, err := exec.LookPath("erl")
	if err != nil {
		t.Skip("erl not installed")
	}
	var prog strings.Builder
	prog.WriteString("io:setopts([{encoding, unicode}]), lists:foreach(fun(T) -> io:format(\"~w~n~0p~n\", [T, T]) end, [")
	prog.WriteString(strings.Join(erlTerms, ",\n"))
	prog.WriteString("]), halt().")
	out, err := exec.Command(erl, "-noshell", "-eval", prog.String()).Output()
	require.NoError(t, err, "erl: %s", out)
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	require.Len(t, lines, 2*len(erlTerms), "%s", out)
	for i, src := range erlTerms {
		want, err := ParseTerm("src", src)
		require.NoError(t, err, "%s", src)
		for _, printed := range lines[2*i : 2*i+2] {
			got, err := ParseTerm("erl", printed)
			if assert.NoError(t, err, "erl printed %s as %s", src, printed) {
				assert.True(t, value.Identical(want, got), "%s: we read %s, erl printed %s", src, value.Print(want), printed)
			}
		}
	}
}
