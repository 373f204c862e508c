package vm

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

// BenchmarkFib30 is the interpreter's headline figure: fib(30), 1,664,079 calls. Compare with
// the BEAM with `beamlite bench --filter fib --vs-beam` (issue 6).
func BenchmarkFib30(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "asm", "fib.bl"))
	require.NoError(b, err)
	v := newVM(b, Options{})
	loadSrc(b, v, "fib.bl", string(src))
	b.ResetTimer()
	for b.Loop() {
		r, err := v.Apply("fib", "fib", value.Int(30))
		if err != nil || r != value.Int(832040) {
			b.Fatal(r, err)
		}
	}
}
