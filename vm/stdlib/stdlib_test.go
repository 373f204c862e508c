package stdlib

import (
	"testing"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/stretchr/testify/require"
)

func TestModulesAssemble(t *testing.T) {
	ms, err := Modules()
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for _, m := range ms {
		require.NoError(t, bytecode.Verify(m), "module %s", m.Name)
	}
	again, _ := Modules()
	require.Same(t, ms[0], again[0], "modules are assembled once")
}
