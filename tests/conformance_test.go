package tests

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/vm"
	"github.com/stretchr/testify/require"
)

// configs are the VM configurations every scenario runs under.
func configs() map[string]vm.Options {
	tiny := gc.Options{MinHeapSize: 1, FullsweepAfter: 0}
	gen := gc.Options{MinHeapSize: 1, FullsweepAfter: 2}
	return map[string]vm.Options{
		"normal":       {},
		"tiny-heap":    {Heap: &tiny},
		"tiny-gen":     {Heap: &gen},
		"reductions-1": {Reductions: 1},
		"schedulers-1": {Schedulers: 1},
	}
}

func TestScenariosWellFormed(t *testing.T) {
	ss, err := loadScenarios("scenarios")
	require.NoError(t, err)
	require.NotEmpty(t, ss)
	for _, s := range ss {
		src, err := os.ReadFile(s.path)
		require.NoError(t, err)
		m, err := asm.Assemble(s.path, src)
		require.NoError(t, err, s.name)
		require.Equal(t, s.module, string(m.Name), "%s: the module is named after its file", s.path)
	}
}

func TestConformance(t *testing.T) {
	ss, err := loadScenarios("scenarios")
	require.NoError(t, err)
	for _, s := range ss {
		src, err := os.ReadFile(s.path)
		require.NoError(t, err)
		m, err := asm.Assemble(s.path, src)
		require.NoError(t, err)
		for cname, opts := range configs() {
			t.Run(s.name+"/"+cname, func(t *testing.T) {
				var out bytes.Buffer
				opts.Stdout = &out
				v, err := vm.New(opts)
				require.NoError(t, err)
				require.NoError(t, v.Load(m))
				r, err := v.Apply(s.module, "main")
				o := outcome{output: out.String(), result: r}
				var ee *vm.ExitError
				if errors.As(err, &ee) {
					o.class, o.reason = ee.Class, ee.Reason
				} else {
					require.NoError(t, err)
				}
				if problems := s.check(o); len(problems) > 0 {
					t.Errorf("%s (%s):\n%s", s.path, cname, strings.Join(problems, "\n"))
				}
			})
		}
	}
}
