package tests

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

// exsDriver runs an .exs twin: it loads the file, which defines a module named as the
// scenario (defmodule :NAME do def main ... end), runs NAME.main() in a fresh process and
// reports, on stderr as refDriver does, the result, the exception it raised, or the exit
// signal that killed it (class exit), so that a linked task's crash is reported as beamlite
// reports it. Logger is silenced: Elixir logs a crashing task's report on standard output,
// which the scenario's expected output does not hold (beamlite logs it on standard error).
const exsDriver = `[file, mod] = System.argv()
Logger.configure(level: :none)
Code.require_file(file)
m = String.to_atom(mod)
parent = self()

defmodule :beamlite_exs_ref do
  def clean(t) when is_function(t), do: :"#fun"
  def clean(t) when is_pid(t), do: :"#pid"
  def clean(t) when is_reference(t), do: :"#ref"
  def clean(t) when is_port(t), do: :"#port"
  def clean([h | t]), do: [clean(h) | clean(t)]
  def clean(t) when is_tuple(t), do: t |> Tuple.to_list() |> Enum.map(&clean/1) |> List.to_tuple()
  def clean(t) when is_map(t), do: :maps.from_list(for {k, v} <- :maps.to_list(t), do: {clean(k), clean(v)})
  def clean(t), do: t
end

{pid, ref} =
  spawn_monitor(fn ->
    r =
      try do
        {:result, apply(m, :main, [])}
      catch
        kind, reason -> {:exit, kind, reason}
      end

    send(parent, {self(), r})
  end)

report =
  receive do
    {^pid, r} -> r
    {:DOWN, ^ref, :process, ^pid, reason} -> {:exit, :exit, reason}
  end

case report do
  {:result, r} -> :io.format(:standard_error, '~n@@result ~w~n', [:beamlite_exs_ref.clean(r)])
  {:exit, c, e} -> :io.format(:standard_error, '~n@@exit ~w ~w~n', [c, :beamlite_exs_ref.clean(e)])
end
`

// TestReferenceExs runs every scenario's .exs twin on Elixir and checks it against the
// scenario's own expectations, as TestReference does for .erl twins. The twins are for what
// Elixir defines (Task, Agent, Registry, …). It runs with -erl and needs elixir (Debian's
// package: apt-get install -y elixir).
func TestReferenceExs(t *testing.T) {
	if !*erlMode {
		t.Skip("reference mode is off; run go test ./tests -erl (needs elixir for the .exs twins: apt-get install -y elixir)")
	}
	if _, err := exec.LookPath("elixir"); err != nil {
		t.Skip("elixir is not installed, so the .exs twins cannot be checked: apt-get install -y elixir")
	}
	ss, err := loadScenarios("scenarios")
	require.NoError(t, err)
	dir := t.TempDir()
	driver := filepath.Join(dir, "beamlite_exs_ref.exs")
	require.NoError(t, os.WriteFile(driver, []byte(exsDriver), 0o644))
	n := 0
	for _, s := range ss {
		exs := strings.TrimSuffix(s.path, ".bl") + ".exs"
		if _, err := os.Stat(exs); err != nil {
			continue
		}
		n++
		t.Run(s.name, func(t *testing.T) {
			abs, err := filepath.Abs(exs)
			require.NoError(t, err)
			cmd := exec.Command("elixir", driver, abs, s.module)
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Run(), "elixir: %s", stderr.String())
			o, err := parseReport(stdout.String(), stderr.String())
			require.NoError(t, err)
			if problems := s.check(o); len(problems) > 0 {
				t.Errorf("%s on elixir:\n%s", exs, strings.Join(problems, "\n"))
			}
		})
	}
	require.NotZero(t, n, "no scenario has an .exs twin")
}

// parseReport reads a driver's report (the last line of stderr starting with @@) into an
// outcome.
func parseReport(stdout, report string) (outcome, error) {
	o := outcome{output: stdout}
	i := strings.LastIndex(report, "\n@@")
	if i < 0 {
		return o, &reportError{report}
	}
	kind, rest, _ := strings.Cut(strings.TrimSpace(report[i+3:]), " ")
	var err error
	switch kind {
	case "result":
		o.result, err = asm.ParseTerm("elixir", rest)
	case "exit":
		class, reason, _ := strings.Cut(rest, " ")
		o.class = value.Atom(class)
		o.reason, err = asm.ParseTerm("elixir", reason)
	default:
		err = &reportError{report}
	}
	return o, err
}

type reportError struct{ report string }

func (e *reportError) Error() string { return "no report from the twin: " + e.report }
