package tests

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

var erlMode = flag.Bool("erl", false, "check the scenarios' expectations against their .erl twins on erl")

// refDriver runs a twin's main/0 and reports its result or exception on stderr, in ~w form so
// that it reads back as one term.
// Funs, pids, refs and ports have no literal syntax: they are reported as atoms ('#fun', …),
// which only the wildcard _ matches.
const refDriver = `-module(beamlite_ref).
-export([run/1]).
run([Mod]) ->
    M = list_to_atom(Mod),
    try M:main() of
        R -> io:format(standard_error, "~n@@result ~w~n", [clean(R)])
    catch C:E -> io:format(standard_error, "~n@@exit ~w ~w~n", [C, clean(E)])
    end,
    halt().
clean(T) when is_function(T) -> '#fun';
clean(T) when is_pid(T) -> '#pid';
clean(T) when is_reference(T) -> '#ref';
clean(T) when is_port(T) -> '#port';
clean([H | T]) -> [clean(H) | clean(T)];
clean(T) when is_tuple(T) -> list_to_tuple([clean(E) || E <- tuple_to_list(T)]);
clean(T) when is_map(T) -> maps:from_list([{clean(K), clean(V)} || {K, V} <- maps:to_list(T)]);
clean(T) -> T.
`

// erlLogArgs send erl's logger reports (a gen_server's crash, proc_lib's crash report) to
// standard error: under -noshell the default handler writes them to standard output, where
// they would mix with the output the scenarios compare. beamlite's error_logger writes to
// standard error too.
var erlLogArgs = []string{"-kernel", "logger",
	"[{handler,default,logger_std_h,#{config=>#{type=>standard_error}}}]"}

// TestReference runs every scenario's .erl twin on erl and checks it against the scenario's
// own expectations.
func TestReference(t *testing.T) {
	if !*erlMode {
		t.Skip("reference mode is off; run go test ./tests -erl (needs erl: apt-get install -y erlang-nox)")
	}
	_, err := exec.LookPath("erlc")
	require.NoError(t, err, "reference mode needs erlc and erl: apt-get install -y erlang-nox")
	ss, err := loadScenarios("scenarios")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "beamlite_ref.erl"), []byte(refDriver), 0o644))
	twins := []string{filepath.Join(dir, "beamlite_ref.erl")}
	var withTwin []*scenario
	seen := map[string]string{} // module name -> scenario: the twins share one code path
	for _, s := range ss {
		erl := strings.TrimSuffix(s.path, ".bl") + ".erl"
		if _, err := os.Stat(erl); err == nil {
			require.Empty(t, seen[s.module], "%s and %s both define module %s: on erl one would replace the other",
				seen[s.module], s.path, s.module)
			seen[s.module] = s.path
			twins = append(twins, erl)
			withTwin = append(withTwin, s)
		}
	}
	out, err := exec.Command("erlc", append([]string{"-o", dir}, twins...)...).CombinedOutput()
	require.NoError(t, err, "erlc: %s", out)
	require.NotEmpty(t, withTwin, "no scenario has an .erl twin")
	for _, s := range withTwin {
		t.Run(s.name, func(t *testing.T) {
			cmd := exec.Command("erl", append(erlLogArgs, "-noshell", "-pa", dir, "-run", "beamlite_ref", "run", s.module)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Run(), "erl: %s", stderr.String())
			o := outcome{output: stdout.String()}
			report := stderr.String()
			i := strings.LastIndex(report, "\n@@")
			require.GreaterOrEqual(t, i, 0, "no report from the twin: %s", report)
			// The report is one line; what follows it is the logger's (which writes to
			// standard error too, and may finish after the driver).
			line, _, _ := strings.Cut(report[i+3:], "\n")
			kind, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
			switch kind {
			case "result":
				o.result, err = asm.ParseTerm("erl", rest)
				require.NoError(t, err)
			case "exit":
				class, reason, _ := strings.Cut(rest, " ")
				o.class = value.Atom(class)
				o.reason, err = asm.ParseTerm("erl", reason)
				require.NoError(t, err)
			}
			if problems := s.check(o); len(problems) > 0 {
				t.Errorf("%s on erl:\n%s", s.path, strings.Join(problems, "\n"))
			}
		})
	}
}
