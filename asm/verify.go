package asm

import (
	"github.com/beamlite/beamlite/bytecode"
)

// verify runs the bytecode verifier and places each of its errors at the .bl position of the
// offending instruction.
func verify(m *bytecode.Module, pos [][]Pos, file, src string) error {
	return nil // TODO: bytecode.Verify is not committed yet.
}
