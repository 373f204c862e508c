// Package bytecodetest generates random bytecode modules for property tests
// (pgregory.net/rapid), for package bytecode and for the assembler's asm(disasm(m)) == m.
//
//	rapid.Check(t, func(t *rapid.T) {
//		m := bytecodetest.RandomModule(t)
//		…
//	})
//
// [RandomModule] builds structurally well-formed modules: every instruction has the operand
// count and tags its table entry allows and every index is in range, but the code is not
// meant to pass the verifier (registers are read before they are written, frames do not
// balance). [ValidModule] builds modules that do pass it.
//
// Invariants:
//
//  1. RandomModule's modules are structurally well-formed, so decode(encode(m)) == m holds for
//     them — bytecode's TestRoundTrip.
//  2. ValidModule's modules pass bytecode.Verify — bytecode's TestValidModulesVerify.
package bytecodetest
