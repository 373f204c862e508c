package bytecode_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/bytecode/bytecodetest"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := bytecodetest.RandomModule(t)
		b := bytecode.Encode(m)
		got, err := bytecode.Decode(b)
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if d := bytecode.Diff(m, got); d != "" {
			t.Fatalf("decode(encode(m)) != m: %s", d)
		}
		if !bytes.Equal(b, bytecode.Encode(got)) {
			t.Fatalf("encoding is not deterministic")
		}
	})
}

func TestRoundTripEdgeLiterals(t *testing.T) {
	big1, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	m := &bytecode.Module{Name: "edge", File: "edge.bl", Literals: []value.Term{
		value.Float(math.Copysign(0, -1)), value.Float(math.MaxFloat64), value.Int(math.MinInt64),
		value.Integer(big1), value.Bitstring{Bytes: []byte{0xa0}, Bits: 3}, value.Binary{},
		value.Nil, value.Tuple{}, value.NewMap(value.Int(1), value.Atom("a"), value.Float(1), value.Atom("b")),
		value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Atom("t")},
		value.Fun{Module: "m", Index: 2, Arity: 1, Uniq: 7, Env: []value.Term{value.Int(1)}},
		value.ExportFun{Module: "lists", Function: "map", Arity: 2},
		value.Pid{Node: 0, Index: 3, Serial: 4}, value.Ref{ID: 1 << 63}, value.Port{ID: 9},
	}}
	got, err := bytecode.Decode(bytecode.Encode(m))
	require.NoError(t, err)
	require.Empty(t, bytecode.Diff(m, got))
	assert.Equal(t, math.Float64bits(math.Copysign(0, -1)), math.Float64bits(float64(got.Literals[0].(value.Float))))
}

func TestDecodeErrors(t *testing.T) {
	good := bytecode.Encode(&bytecode.Module{Name: "m", Functions: []bytecode.Function{{Name: "f",
		Code: []bytecode.Instr{{Op: bytecode.Return, Line: 3}}}}})
	_, err := bytecode.Decode(good)
	require.NoError(t, err)

	versioned := append([]byte(bytecode.Magic), 99)
	cases := map[string][]byte{
		"bad magic":             []byte("BEAM"),
		"format version 99":     versioned,
		"exceeds the remaining": good[:len(good)-1],
		"trailing data":         append(append([]byte{}, good...), 0),
		"expected section 1":    append([]byte(bytecode.Magic), bytecode.FormatVersion, 7),
		"overlong varint":       append([]byte(bytecode.Magic), 0x81, 0x00),
		"leading zero byte":     bigWithLeadingZero(),
	}
	for want, in := range cases {
		t.Run(want, func(t *testing.T) {
			_, err := bytecode.Decode(in)
			var de *bytecode.DecodeError
			require.True(t, errors.As(err, &de), "got %v", err)
			assert.Contains(t, de.Error(), want)
		})
	}
}

// bigWithLeadingZero is a module whose one literal is a bignum written with a leading zero:
// the encoding of an atom literal of the same length, with the term's bytes replaced.
func bigWithLeadingZero() []byte {
	b := bytecode.Encode(&bytecode.Module{Name: "m", Literals: []value.Term{value.Atom("zzzzzzzz")}})
	atom := append([]byte{1, 8}, "zzzzzzzz"...) // termAtom, length, name
	i := bytes.Index(b, atom)
	copy(b[i:], []byte{3, 0, 7, 0, 1, 2, 3, 4, 5, 6}) // termBigInt, sign, length, magnitude
	return b
}

// TestDecodeRefusesNonCanonical: literals that value's invariants forbid never come out of Decode.
func TestDecodeRefusesNonCanonical(t *testing.T) {
	cases := map[string]value.Term{
		"fits an int64":    value.BigInt{V: big.NewInt(5)},
		"not finite":       value.Float(math.Inf(1)),
		"strictly":         value.Map{Keys: []value.Term{value.Int(2), value.Int(1)}, Values: []value.Term{value.Nil, value.Nil}},
		"padding":          value.Bitstring{Bytes: []byte{0xff}, Bits: 3},
		"bad bitstring":    value.Bitstring{Bytes: []byte{0xff}, Bits: 8},
		"tail is a list":   value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.List{value.Int(2)}},
		"without elements": value.ImproperList{Tail: value.Atom("a")},
		"unknown term tag": nil,
	}
	for want, lit := range cases {
		t.Run(want, func(t *testing.T) {
			_, err := bytecode.Decode(bytecode.Encode(&bytecode.Module{Name: "m", Literals: []value.Term{lit}}))
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte(bytecode.Magic))
	f.Add(bytecode.Encode(&bytecode.Module{Name: "m"}))
	for _, m := range seedModules() {
		f.Add(bytecode.Encode(m))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := bytecode.Decode(b)
		if err != nil {
			var de *bytecode.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		// Whatever decodes re-encodes to the same bytes: the encoding is canonical.
		if !bytes.Equal(bytecode.Encode(m), b) {
			t.Fatalf("re-encoding differs")
		}
	})
}

// seedModules returns a few random modules, drawn deterministically, as fuzz seeds.
func seedModules() []*bytecode.Module {
	var ms []*bytecode.Module
	gen := rapid.Custom(bytecodetest.RandomModule)
	for i := 0; i < 8; i++ {
		ms = append(ms, gen.Example(i))
	}
	return ms
}

// TestWriteFuzzSeeds writes the seed corpora of FuzzDecode and FuzzVerify into
// testdata/fuzz when run with -update, so that the committed corpus follows the generators.
func TestWriteFuzzSeeds(t *testing.T) {
	if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
		t.Skip("run with -update to rewrite the seed corpora")
	}
	for _, target := range []string{"FuzzDecode", "FuzzVerify"} {
		dir := filepath.Join("testdata", "fuzz", target)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for i, m := range append(seedModules(), validSeedModules()...) {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", bytecode.Encode(m))
			require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%02d", i)), []byte(body), 0o644))
		}
	}
}
