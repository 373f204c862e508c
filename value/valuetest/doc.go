// Package valuetest generates random portable terms for property tests (pgregory.net/rapid).
//
//	rapid.Check(t, func(t *rapid.T) {
//		v := valuetest.Term().Draw(t, "v")
//		…
//	})
//
// The generator covers every type of package value, deep and wide, with the edge values that break
// encoders: integers at the int64 and 60-bit boundaries, bignums, floats incl. -0.0 and extremes,
// empty and 64/65-byte binaries, bitstrings, quoted atoms, improper lists, maps on both sides of
// the 32-key boundary.
//
// Invariants:
//
//  1. Every generated term is canonical (value.Integer form, maps from value.NewMap) —
//     TestGeneratedTermsAreCanonical.
package valuetest
