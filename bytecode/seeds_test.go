package bytecode_test

import (
	"errors"
	"testing"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/bytecode/bytecodetest"
	"pgregory.net/rapid"
)

// validSeedModules are modules that pass the verifier, as fuzz seeds: the hand-written ones
// of TestVerifyAcceptsValid and a few drawn by ValidModule.
func validSeedModules() []*bytecode.Module {
	var ms []*bytecode.Module
	for _, name := range []string{"identity", "label loop", "frame and calls", "try catch", "catch", "receive",
		"binary match", "select and closures"} {
		ms = append(ms, validModules()[name])
	}
	gen := rapid.Custom(bytecodetest.ValidModule)
	for i := 0; i < 4; i++ {
		ms = append(ms, gen.Example(i))
	}
	return ms
}

func TestValidModulesVerify(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := bytecodetest.ValidModule(t)
		if err := bytecode.Verify(m); err != nil {
			t.Fatalf("%v", err)
		}
		got, err := bytecode.Decode(bytecode.Encode(m))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if d := bytecode.Diff(m, got); d != "" {
			t.Fatalf("round trip: %s", d)
		}
	})
}

// TestVerifyNeverPanics: structurally random modules (mostly invalid) give an error or nil.
func TestVerifyNeverPanics(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := bytecodetest.RandomModule(t)
		if err := bytecode.Verify(m); err != nil {
			var list bytecode.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}

func FuzzVerify(f *testing.F) {
	for _, m := range append(seedModules(), validSeedModules()...) {
		f.Add(bytecode.Encode(m))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := bytecode.Decode(b)
		if err != nil {
			return
		}
		if err := bytecode.Verify(m); err != nil {
			var list bytecode.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}
