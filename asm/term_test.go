package asm

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/value/valuetest"
)

func mustParse(t *testing.T, src string) value.Term {
	t.Helper()
	v, err := ParseTerm("t.bl", src)
	require.NoError(t, err, "parse %q", src)
	return v
}

func TestParseTermTable(t *testing.T) {
	big70 := value.Integer(new(big.Int).Lsh(big.NewInt(1), 70))
	cases := []struct {
		src  string
		want value.Term
	}{
		{"42", value.Int(42)},
		{"-42", value.Int(-42)},
		{"1_000_000", value.Int(1000000)},
		{"16#ff", value.Int(255)},
		{"16#FF_FF", value.Int(65535)},
		{"2#1010", value.Int(10)},
		{"36#z", value.Int(35)},
		{"1180591620717411303424", big70},
		{"-9223372036854775808", value.Int(math.MinInt64)},
		{"9223372036854775808", value.Integer(new(big.Int).Lsh(big.NewInt(1), 63))},
		{"$a", value.Int('a')},
		{"$\\n", value.Int('\n')},
		{"$ ", value.Int(' ')},
		{"$é", value.Int(0xe9)},
		{"$\\x{1F600}", value.Int(0x1F600)},
		{"$\\101", value.Int('A')},
		{"$\\^a", value.Int(1)},
		{"2.5", value.Float(2.5)},
		{"1.0e10", value.Float(1e10)},
		{"1.5E-3", value.Float(1.5e-3)},
		{"-0.0", value.Float(math.Copysign(0, -1))},
		{"ok", value.Atom("ok")},
		{"node@host", value.Atom("node@host")},
		{"'Hello World'", value.Atom("Hello World")},
		{`'it\'s'`, value.Atom("it's")},
		{`'\x{263A}'`, value.Atom("☺")},
		{"'end'", value.Atom("end")},
		{"x0", value.Atom("x0")},
		{`"abc"`, value.String("abc")},
		{`""`, value.Nil},
		{`"ab" "cd"`, value.String("abcd")},
		{`"a\tb\s\e"`, value.List{value.Int('a'), value.Int('\t'), value.Int('b'), value.Int(' '), value.Int(27)}},
		{`"héllo"`, value.String("héllo")},
		{"<<>>", value.Binary{}},
		{"<<1,2,3>>", value.Binary{1, 2, 3}},
		{`<<"abc">>`, value.Binary("abc")},
		{`<<"é">>`, value.Binary{0xe9}},
		{`<<"é"/utf8>>`, value.Binary("é")},
		{"<<256>>", value.Binary{0}},
		{"<<-1>>", value.Binary{255}},
		{"<<1:16>>", value.Binary{0, 1}},
		{"<<1:16/little>>", value.Binary{1, 0}},
		{"<<-2:16/little-signed>>", value.Binary{0xfe, 0xff}},
		{"<<1.5/float>>", value.Binary{0x3f, 0xf8, 0, 0, 0, 0, 0, 0}},
		{"<<1.5:32/float>>", value.Binary{0x3f, 0xc0, 0, 0}},
		{"<<1,5:3>>", value.Bitstring{Bytes: []byte{1, 0xa0}, Bits: 11}},
		{"<<1:1>>", value.Bitstring{Bytes: []byte{0x80}, Bits: 1}},
		{`<<"ab"/utf16>>`, value.Binary{0, 'a', 0, 'b'}},
		{`<<$a, "b", 99>>`, value.Binary("abc")},
		{"{}", value.Tuple{}},
		{"{ok, 1}", value.Tuple{value.Atom("ok"), value.Int(1)}},
		{"[]", value.Nil},
		{"[1, 2]", value.List{value.Int(1), value.Int(2)}},
		{"[1 | 2]", value.ImproperList{Elems: []value.Term{value.Int(1)}, Tail: value.Int(2)}},
		{"[1 | [2]]", value.List{value.Int(1), value.Int(2)}},
		{"[1 | [2 | 3]]", value.ImproperList{Elems: []value.Term{value.Int(1), value.Int(2)}, Tail: value.Int(3)}},
		{"[1 | []]", value.List{value.Int(1)}},
		{"#{}", value.NewMap()},
		{"#{b => 2, a => 1}", value.NewMap(value.Atom("a"), value.Int(1), value.Atom("b"), value.Int(2))},
		{"#{a => 1, a => 2}", value.NewMap(value.Atom("a"), value.Int(2))},
		{"fun lists:map/2", value.ExportFun{Module: "lists", Function: "map", Arity: 2}},
		{"fun erlang:'+'/2", value.ExportFun{Module: "erlang", Function: "+", Arity: 2}},
		{"<0.85.0>", value.Pid{Index: 85}},
		{"#Ref<0.1.2.0>", value.Ref{ID: 1<<32 | 2}},
		{"#Port<0.7>", value.Port{ID: 7}},
		{"{ok,\n  [1, % comment\n   2]} % comment\n", value.Tuple{value.Atom("ok"), value.List{value.Int(1), value.Int(2)}}},
	}
	for _, c := range cases {
		got := mustParse(t, c.src)
		assert.True(t, value.Equal(c.want, got), "%s: got %s want %s", c.src, value.Print(got), value.Print(c.want))
		assert.Equal(t, c.want, got, "%s", c.src)
	}
}

func TestParseTermErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{1, 2", `t.bl:1:6: expected "}" or ","`},
		{"Foo", "t.bl:1:1: Foo is not a term"},
		{`"abc`, "t.bl:1:1: unterminated string"},
		{"16#", `t.bl:1:1: bad base-16 integer "16#"`},
		{"37#1", "t.bl:1:1: integer base must be from 2 to 36"},
		{"1.0e999", "t.bl:1:1: float 1.0e999 is out of range"},
		{"<<1/integr>>", `unknown type specifier "integr" (did you mean integer?)`},
		{`<<"☺">>`, "does not fit a byte (write the string /utf8)"},
		{"<<1:99999999>>", "the segment size must be from 0 to"},
		{"1 2", `t.bl:1:3: unexpected "2" after the term`},
		{"#[1]", `expected "{" after #`},
		{"<0.1>", "bad pid"},
		{"fun lists:map", `expected "/"`},
		{"&", `unexpected character '&'`},
		{"-a", `expected a number after "-"`},
		{"'\\x{110000}'", `beyond the last Unicode code point`},
	}
	for _, c := range cases {
		_, err := ParseTerm("t.bl", c.src)
		require.Error(t, err, "%s", c.src)
		assert.Contains(t, err.Error(), c.want, "%s", c.src)
	}
}

func TestBigMapLiteralIsFast(t *testing.T) {
	var b strings.Builder
	b.WriteString("#{")
	for i := 0; i < 100000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d => %d", 100000-i, i)
	}
	b.WriteString(", 5 => five}")
	v := mustParse(t, b.String())
	m := v.(value.Map)
	require.Equal(t, 100000, m.Len())
	got, _ := m.Find(value.Int(5))
	assert.Equal(t, value.Atom("five"), got)
	assert.Equal(t, value.Int(1), m.Keys[0])
}

func TestErrorDetailCaret(t *testing.T) {
	_, err := ParseTerm("t.bl", "{ok,\n\t[1, 2 3]}")
	require.Error(t, err)
	assert.Equal(t, "t.bl:2:8: expected \"]\" or \",\" or \"|\", found \"3\"\n    \t[1, 2 3]}\n    \t      ^", err.Error())
}

// genTerm generates terms that Erlang syntax can write: everything but closures.
func genTerm(depth int) *rapid.Generator[value.Term] {
	return rapid.Custom(func(t *rapid.T) value.Term {
		kinds := 12
		if depth <= 0 {
			kinds = 7
		}
		switch rapid.IntRange(0, kinds-1).Draw(t, "kind") {
		case 0:
			return value.Int(rapid.Int64().Draw(t, "int"))
		case 1:
			x := new(big.Int).SetBytes(rapid.SliceOfN(rapid.Byte(), 9, 20).Draw(t, "big"))
			if rapid.Bool().Draw(t, "neg") {
				x.Neg(x)
			}
			return value.Integer(x)
		case 2:
			f := rapid.Float64().Draw(t, "float")
			if math.IsNaN(f) || math.IsInf(f, 0) {
				f = 0.5
			}
			return value.Float(f)
		case 3:
			return value.Atom(rapid.OneOf(rapid.SampledFrom([]string{"ok", "x0", "y1", "end", "", "Hello", "a b", "it's", "fun", "é"}), rapid.String()).Draw(t, "atom"))
		case 4:
			return value.Binary(rapid.SliceOf(rapid.Byte()).Draw(t, "bin"))
		case 5:
			bits := rapid.IntRange(1, 40).Draw(t, "bits")
			if bits%8 == 0 {
				bits++
			}
			bs := rapid.SliceOfN(rapid.Byte(), (bits+7)/8, (bits+7)/8).Draw(t, "bytes")
			bs[len(bs)-1] &= byte(0xff << (8 - bits%8))
			return value.Bitstring{Bytes: bs, Bits: bits}
		case 6:
			switch rapid.IntRange(0, 3).Draw(t, "opaque") {
			case 0:
				return value.Pid{Node: rapid.Uint32().Draw(t, "n"), Index: rapid.Uint32().Draw(t, "i"), Serial: rapid.Uint32().Draw(t, "s")}
			case 1:
				return value.Ref{Node: rapid.Uint32().Draw(t, "n"), ID: rapid.Uint64().Draw(t, "id")}
			case 2:
				return value.Port{Node: rapid.Uint32().Draw(t, "n"), ID: rapid.Uint64().Draw(t, "id")}
			}
			return value.ExportFun{Module: value.Atom(rapid.String().Draw(t, "m")), Function: value.Atom(rapid.String().Draw(t, "f")), Arity: rapid.IntRange(0, 255).Draw(t, "a")}
		case 7:
			return value.Tuple(rapid.SliceOfN(genTerm(depth-1), 0, 4).Draw(t, "tuple"))
		case 8:
			l := rapid.SliceOfN(genTerm(depth-1), 0, 4).Draw(t, "list")
			if len(l) == 0 {
				return value.Nil
			}
			return value.List(l)
		case 9:
			cs := rapid.SliceOfN(rapid.IntRange(0, 0x2FFFF), 1, 8).Draw(t, "chars")
			l := make(value.List, len(cs))
			for i, c := range cs {
				l[i] = value.Int(c)
			}
			return l
		case 10:
			elems := rapid.SliceOfN(genTerm(depth-1), 1, 3).Draw(t, "elems")
			tail := genTerm(0).Draw(t, "tail")
			if l, ok := tail.(value.List); ok && len(l) == 0 {
				tail = value.Atom("t")
			}
			return value.ImproperList{Elems: elems, Tail: tail}
		}
		kvs := rapid.SliceOfN(genTerm(depth-1), 0, 6).Draw(t, "kvs")
		return value.NewMap(kvs[:len(kvs)/2*2]...)
	})
}

// TestPropertyParsePrint checks invariant 1: parse(value.Print(v)) == v and
// parse(value.Format(v)) == v for every term that has a written form.
func TestPropertyParsePrint(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := genTerm(3).Draw(t, "v")
		mine, err := formatTerm(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{value.Print(v), value.Format(v), mine} {
			got, err := ParseTerm("p.bl", s)
			if err != nil {
				t.Fatalf("parse %q: %v", s, err)
			}
			if !value.Equal(v, got) {
				t.Fatalf("parse(%q) = %s", s, value.Print(got))
			}
		}
	})
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 1, editDistance("mvoe", "move", 5))
	assert.Equal(t, 1, editDistance("mov", "move", 5))
	assert.Equal(t, 3, editDistance("abc", "xyz", 5))
	assert.Equal(t, 2, editDistance("abcdef", "xyzuvw", 2))
	assert.Equal(t, "move", suggest("mvoe", []string{"call", "move", "return"}))
	assert.Equal(t, "", suggest("x", []string{"call"}))
	assert.Equal(t, "return", suggest("retrun", []string{"call", "move", "return"}))
	assert.Equal(t, "", suggest(strings.Repeat("q", 30), []string{"call"}))
}

// TestPropertyParseValuetest runs invariant 1 over the shared term generator: every term but
// closures prints (value.Print, value.Format) and parses back exactly.
func TestPropertyParseValuetest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := valuetest.Term().Draw(t, "v")
		mine, err := formatTerm(v)
		if err != nil {
			t.Skip("closure")
		}
		for _, s := range []string{value.Print(v), value.Format(v), mine} {
			got, err := ParseTerm("p.bl", s)
			if err != nil {
				t.Fatalf("parse %q: %v", s, err)
			}
			if !value.Identical(v, got) {
				t.Fatalf("parse(%q) = %s", s, value.Print(got))
			}
		}
	})
}
