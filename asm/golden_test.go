package asm

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden disassemblies")

// TestDisasmGolden pins the disassembler's layout: the listing of each testdata/*.bl file is
// compared with its .golden file (go test ./asm -update rewrites them).
func TestDisasmGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.bl")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			m, err := Assemble(filepath.Base(path), src)
			require.NoError(t, err)
			text, err := Disassemble(m)
			require.NoError(t, err)
			golden := strings.TrimSuffix(path, ".bl") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, text, 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./asm -update to create it")
			assert.Equal(t, string(want), string(text))
		})
	}
}
