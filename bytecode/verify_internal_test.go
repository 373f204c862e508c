package bytecode

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerifyBudget(t *testing.T) {
	defer func(old int) { maxFlowCells = old }(maxFlowCells)
	maxFlowCells = 8
	m := &Module{Name: "m", Functions: []Function{{Name: "f", Arity: 1, Code: []Instr{
		{Op: IsAtom, Args: []Operand{Label(2), X(0)}},
		{Op: Return},
		{Op: Return},
	}}}}
	err := Verify(m)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "function too large to verify: 3 blocks × 3 registers (limit 8)")
}
