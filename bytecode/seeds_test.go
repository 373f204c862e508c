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
	ms = append(ms, bytecodetest.EveryInstruction())
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

func TestEveryInstructionVerifies(t *testing.T) {
	m := bytecodetest.EveryInstruction()
	if err := bytecode.Verify(m); err != nil {
		t.Fatalf("%v", err)
	}
	used := map[bytecode.Opcode]bool{}
	for _, f := range m.Functions {
		for _, in := range f.Code {
			used[in.Op] = true
		}
	}
	for _, op := range bytecode.Opcodes() {
		if !used[op] {
			t.Errorf("EveryInstruction does not use %s", op)
		}
	}
	got, err := bytecode.Decode(bytecode.Encode(m))
	if err != nil {
		t.Fatal(err)
	}
	if d := bytecode.Diff(m, got); d != "" {
		t.Fatal(d)
	}
}

// TestVerifyMutants: EveryInstruction with a few operands or opcodes changed at random is
// refused or accepted, never a panic.
func TestVerifyMutants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := bytecodetest.EveryInstruction()
		for k := rapid.IntRange(1, 3).Draw(t, "nmut"); k > 0; k-- {
			f := &m.Functions[rapid.IntRange(0, len(m.Functions)-1).Draw(t, "f")]
			in := &f.Code[rapid.IntRange(0, len(f.Code)-1).Draw(t, "i")]
			if len(in.Args) == 0 || rapid.IntRange(0, 4).Draw(t, "opmut") == 0 {
				in.Op = rapid.SampledFrom(bytecode.Opcodes()).Draw(t, "op")
				continue
			}
			a := &in.Args[rapid.IntRange(0, len(in.Args)-1).Draw(t, "a")]
			if rapid.Bool().Draw(t, "tagmut") {
				a.Tag = bytecode.Tag(rapid.IntRange(0, 14).Draw(t, "tag"))
			}
			a.N = uint32(rapid.IntRange(0, 40).Draw(t, "n"))
		}
		if err := bytecode.Verify(m); err != nil {
			var list bytecode.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}
