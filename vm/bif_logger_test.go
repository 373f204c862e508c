package vm

import (
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSingleLineFormat(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"plain":                "plain",
		"~p":                   "~0p",
		"a ~p b ~P c":          "a ~0p b ~0P c",
		"~10p ~-8p ~*p":        "~0p ~0p ~0p",
		"~tp ~10.4tp ~.2.xp":   "~0tp ~0.4tp ~0.2.xp",
		"~w ~s ~10.2f ~~p ~n~": "~w ~s ~10.2f ~~p ~n~",
		"~ts: ~p~n":            "~ts: ~0p~n",
	} {
		assert.Equal(t, want, string(singleLineFormat([]rune(in))), "%q", in)
	}
}

func TestAppendOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "",
		"one line":                "one line",
		"a\nb":                    "a b",
		"a,\n    b,\n\n  c":       "a, b, c",
		"a  b\tc":                 "a  b\tc",
		"trailing  \n  \n":        "trailing",
		"a \r\n  b":               "a b",
		"é\n  ü":                  "é ü",
		"\n  leading":             " leading",
		"[{a,1},\n {b,2}]   \t  ": "[{a,1}, {b,2}]",
	} {
		assert.Equal(t, want, string(appendOneLine(nil, []rune(in))), "%q", in)
	}
}

const loggerSrc = `
module lg
export msg/2, info/2, warn/2, rep/1, rep2/2

function msg/2
    call_ext_only 2, error_logger:error_msg/2

function info/2
    call_ext_only 2, error_logger:info_msg/2

function warn/2
    call_ext_only 2, error_logger:warning_msg/2

function rep/1
    call_ext_only 1, error_logger:error_report/1

function rep2/2
    call_ext_only 2, error_logger:error_report/2
`

// Each error_logger function writes exactly one line to standard_error, whatever it formats.
func TestErrorLoggerLines(t *testing.T) {
	long := "[" + strings.Repeat("{some_key,\"a value that is long enough\"},", 8) + "last]"
	cases := []struct {
		fun  string
		args []string
		want string
	}{
		{"msg", []string{`"hello ~w"`, `[world]`}, "=ERROR REPORT==== hello world"},
		{"info", []string{`"~s~n"`, `["two\n   lines"]`}, "=INFO REPORT==== two lines"},
		{"warn", []string{`<<"bin ~p">>`, `[x]`}, "=WARNING REPORT==== bin x"},
		// ~p of a long term is laid out on one line (width 0), as OTP's single_line.
		{"msg", []string{`"t: ~p"`, "[" + long + "]"}, "=ERROR REPORT==== t: " + strings.ReplaceAll(long, "\n", "")},
		{"msg", []string{`"t: ~10p"`, `[[1,2,3,4,5,6,7,8,9,10]]`}, "=ERROR REPORT==== t: [1,2,3,4,5,6,7,8,9,10]"},
		// A report that names its own kind has no header.
		{"msg", []string{`"=CRASH REPORT==== crasher: ~w"`, `[x]`}, "=CRASH REPORT==== crasher: x"},
		// A bad format is written, not raised.
		{"msg", []string{`"~d"`, `[a]`}, `=ERROR REPORT==== FORMAT ERROR: "~d" - [a]`},
		{"msg", []string{`"~w ~w"`, `[a]`}, `=ERROR REPORT==== FORMAT ERROR: "~w ~w" - [a]`},
		{"msg", []string{`"~w"`, `[a | b]`}, `=ERROR REPORT==== FORMAT ERROR: "~w" - [a|b]`},
		{"msg", []string{`42`, `[]`}, `=ERROR REPORT==== FORMAT ERROR: 42 - []`},
		{"rep", []string{`{a, "b"}`}, `=ERROR REPORT==== {a,"b"}`},
		{"rep2", []string{`crash_report`, `[x]`}, `=CRASH REPORT==== [x]`},
		{"rep2", []string{`supervisor_report`, `[x]`}, `=SUPERVISOR REPORT==== [x]`},
		{"rep2", []string{`other`, `[x]`}, `=ERROR REPORT==== [x]`},
	}
	for _, c := range cases {
		var out, errOut syncBuffer
		v := newVM(t, Options{Stdout: &out, Stderr: &errOut})
		loadSrc(t, v, "lg.bl", loggerSrc)
		var args []value.Term
		for _, a := range c.args {
			args = append(args, mustValue(t, a))
		}
		r, err := v.Apply("lg", c.fun, args...)
		require.NoError(t, err, "%s%v", c.fun, c.args)
		assert.Equal(t, "ok", value.Format(r))
		assert.Equal(t, c.want+"\n", errOut.String(), "%s%v", c.fun, c.args)
		assert.Empty(t, out.String())
	}
}
