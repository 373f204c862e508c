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

func TestVerifyNil(t *testing.T) {
	assert.ErrorContains(t, Verify(nil), "nil module")
}

func TestOperandString(t *testing.T) {
	assert.Equal(t, "[x3, y0, lit(2), L5, none, 7, seg(integer, flags 1, unit 8, x1, none)]",
		List(X(3), Y(0), Lit(2), Label(5), None(), Uint(7), Seg(SegInteger, BsSigned, 8, X(1), None())).String())
}
