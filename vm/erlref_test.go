package vm

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// runErl compiles the Erlang module mod (source src) with erlc into a temporary directory, runs
// mod:main() on erl and returns what it printed, a line each. It skips the test when erl is not
// installed or under -short: the reference checks are what make test expectations Erlang's.
func runErl(t *testing.T, mod, src string) []string {
	t.Helper()
	erl, err := exec.LookPath("erl")
	if err != nil || testing.Short() {
		t.Skip("erl is not installed (apt-get install -y erlang-nox)")
	}
	erlc, err := exec.LookPath("erlc")
	require.NoError(t, err)
	dir := t.TempDir()
	file := filepath.Join(dir, mod+".erl")
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	out, err := exec.Command(erlc, "-o", dir, file).CombinedOutput()
	require.NoError(t, err, string(out))
	var stdout bytes.Buffer
	cmd := exec.Command(erl, "-noshell", "-pa", dir, "-s", mod, "main", "-s", "init", "stop")
	cmd.Stdout = &stdout
	require.NoError(t, cmd.Run())
	return strings.Split(strings.TrimSpace(stdout.String()), "\n")
}
