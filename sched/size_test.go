package sched

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestTaskSize pins the per-process cost of scheduling (DESIGN.md: an idle process under
// 1,000 bytes in all).
func TestTaskSize(t *testing.T) {
	require.LessOrEqual(t, unsafe.Sizeof(Task{}), uintptr(48))
	require.LessOrEqual(t, unsafe.Sizeof(Timer{}), uintptr(48))
}
