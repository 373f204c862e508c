package vm

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestStdlibStringFunctions(t *testing.T) {
	b := func(s string) value.Binary { return value.Binary(s) }
	bl := func(ss ...string) value.List {
		l := make(value.List, len(ss))
		for i, s := range ss {
			l[i] = value.Binary(s)
		}
		return l
	}
	i := func(x int) value.Int { return value.Int(x) }
	str := value.String
	lead, trail, all, both := value.Atom("leading"), value.Atom("trailing"), value.Atom("all"), value.Atom("both")
	calls := []stdCall{
		{fn: "split", args: args(b("a,b,c"), b(",")), want: bl("a", "b,c")},
		{fn: "split", args: args(b("a,b,c"), b(","), all), want: bl("a", "b", "c")},
		{fn: "split", args: args(b("a,b,c"), b(","), trail), want: bl("a,b", "c")},
		{fn: "split", args: args(b("a,b,c"), b(","), lead), want: bl("a", "b,c")},
		{fn: "split", args: args(b("abc"), b(",")), want: bl("abc")},
		{fn: "split", args: args(b("abc"), b("")), want: bl("abc")},
		{fn: "split", args: args(b(""), b(",")), want: bl("")},
		{fn: "split", args: args(b(""), b(","), all), want: bl("")},
		{fn: "split", args: args(b(",a,,b,"), b(","), all), want: bl("", "a", "", "b", "")},
		{fn: "split", args: args(b("a--b---c"), b("--"), all), want: bl("a", "b", "-c")},
		{fn: "split", args: args(b("a--b---c"), b("--"), trail), want: bl("a--b-", "c")},
		{fn: "split", args: args(b("a,b"), str(",")), want: bl("a", "b")},
		{fn: "split", args: args(b("é→ü→"), str("→"), all), want: bl("é", "ü", "")},
		{fn: "split", args: args(b("a,b"), b(","), atX), err: tup(value.Atom("case_clause"), atX)},
		{fn: "split", args: args(atA, b(",")), err: tup(value.Atom("badmatch"), atA)},
		{fn: "split", args: args(str("a,b,,c"), str(","), all), want: lst(str("a"), str("b"), value.Nil, str("c"))},
		{fn: "split", args: args(str("é,ü"), b(",")), want: lst(str("é"), str("ü"))},
		{fn: "split", args: args(value.Nil, str(",")), want: lst(value.Nil)},

		{fn: "trim", args: args(b("  \t\na b \r\n ")), want: b("a b")},
		{fn: "trim", args: args(b("\v\fa")), want: b("a")},
		{fn: "trim", args: args(b("\u00a0a\u2028")), want: b("\u00a0a")},
		{fn: "trim", args: args(b("\u0085a\u3000\u200e")), want: b("a\u3000")},
		{fn: "trim", args: args(b("   ")), want: b("")},
		{fn: "trim", args: args(b("")), want: b("")},
		{fn: "trim", args: args(b("  a  "), lead), want: b("a  ")},
		{fn: "trim", args: args(b("  a  "), trail), want: b("  a")},
		{fn: "trim", args: args(b("  a  "), both), want: b("a")},
		{fn: "trim", args: args(b("xxaxyx"), both, str("xy")), want: b("a")},
		{fn: "trim", args: args(b("xxaxyx"), both, str("x")), want: b("axy")},
		{fn: "trim", args: args(b("  a  "), both, value.Nil), want: b("  a  ")},
		{fn: "trim", args: args(b("ab\xff "), trail), want: b("ab\xff")},
		{fn: "trim", args: args(b("xxaxyx"), atX), err: fcl},
		{fn: "trim", args: args(str("  x y  ")), want: str("x y")},
		{fn: "trim", args: args(atA), err: fcl},

		{fn: "to_upper", args: args(b("abc é ÿ ß µ xyz ÷ þ Z")), want: b("ABC É ÿ ß µ XYZ ÷ Þ Z")},
		{fn: "to_upper", args: args(b("")), want: b("")},
		{fn: "to_upper", args: args(str("abc")), want: str("ABC")},
		{fn: "to_upper", args: args(i('a')), want: i('A')},
		{fn: "to_upper", args: args(i(0xE0)), want: i(0xC0)},
		{fn: "to_upper", args: args(atA), err: fcl},
		{fn: "to_lower", args: args(b("ABC É Ÿ XYZ × Þ a")), want: b("abc é Ÿ xyz × þ a")},
		{fn: "to_lower", args: args(str("ÀB")), want: lst(i(0xE0), i('b'))},
		{fn: "to_lower", args: args(i('Z')), want: i('z')},
		{fn: "to_lower", args: args(atA), err: fcl},
		{fn: "uppercase", args: args(b("aé")), want: b("AÉ")},
		{fn: "lowercase", args: args(b("AÉ")), want: b("aé")},

		{fn: "length", args: args(b("héllo")), want: i(5)},
		{fn: "length", args: args(b("a\r\nb")), want: i(3)},
		{fn: "length", args: args(b("e\u0301x")), want: i(2)},
		{fn: "length", args: args(b("")), want: i(0)},
		{fn: "length", args: args(str("héllo")), want: i(5)},
		{fn: "length", args: args(b("ab\xffc")), err: tup(badar, b("\xffc"))},
		{fn: "length", args: args(atA), err: fcl},

		{fn: "slice", args: args(b("héllo"), i(1), i(3)), want: b("éll")},
		{fn: "slice", args: args(b("héllo"), i(1)), want: b("éllo")},
		{fn: "slice", args: args(b("hello"), i(10)), want: b("")},
		{fn: "slice", args: args(b("hello"), i(2), i(100)), want: b("llo")},
		{fn: "slice", args: args(b("hello"), i(2), value.Atom("infinity")), want: b("llo")},
		{fn: "slice", args: args(b("hello"), i(0), i(0)), want: b("")},
		{fn: "slice", args: args(b("ae\u0301x"), i(1), i(1)), want: b("e\u0301")},
		{fn: "slice", args: args(b("hello"), i(-1), i(2)), err: fcl},
		{fn: "slice", args: args(str("héllo"), i(1), i(3)), want: str("éll")},
		{fn: "slice", args: args(atA, i(1)), err: fcl},
		{fn: "slice", args: args(b("hello"), i(1), i(-2)), err: fcl},
		{fn: "slice", args: args(b("ab\xffc"), i(1), i(2)), err: tup(badar, b("\xffc"))},

		{fn: "join", args: args(lst(str("a"), str("b"), str("c")), str(", ")), want: str("a, b, c")},
		{fn: "join", args: args(lst(str("a")), str(", ")), want: str("a")},
		{fn: "join", args: args(value.Nil, str(", ")), want: value.Nil},
		{fn: "join", args: args(bl("a", "b", "c"), b(", ")), want: b("a, b, c")},
		{fn: "join", args: args(lst(b("a"), str("é"), lst(b("b"), i('c'))), b("-")), want: b("a-é-bc")},
		{fn: "join", args: args(value.Nil, b(", ")), want: b("")},
		{fn: "join", args: args(atA, b(", ")), err: fcl},

		{fn: "find", args: args(b("abcbd"), b("b")), want: b("bcbd")},
		{fn: "find", args: args(b("abcbd"), b("b"), trail), want: b("bd")},
		{fn: "find", args: args(b("abcbd"), b("x")), want: value.Atom("nomatch")},
		{fn: "find", args: args(b("abc"), b("")), want: b("abc")},
		{fn: "find", args: args(b("a,b,c"), str(","), trail), want: b(",c")},
		{fn: "find", args: args(b("abc"), str("c"), atX), err: fcl},
		{fn: "find", args: args(str("hello world"), str("o"), trail), want: str("orld")},
		{fn: "find", args: args(str("abc"), str("z")), want: value.Atom("nomatch")},
		{fn: "find", args: args(atA, str("b")), err: tup(value.Atom("badmatch"), atA)},
		{fn: "prefix", args: args(b("abcbd"), b("ab")), want: b("cbd")},
		{fn: "prefix", args: args(b("abc"), str("ab")), want: b("c")},
		{fn: "prefix", args: args(b("abc"), b("")), want: b("abc")},
		{fn: "prefix", args: args(b("abcbd"), b("x")), want: value.Atom("nomatch")},
		{fn: "prefix", args: args(b("abc"), b("abcd")), want: value.Atom("nomatch")},
		{fn: "prefix", args: args(str("foobar"), str("foo")), want: str("bar")},
		{fn: "prefix", args: args(atA, str("b")), err: fcl},
		{fn: "replace", args: args(b("a,b,c"), b(","), b("--")), want: lst(b("a"), b("--"), b("b,c"))},
		{fn: "replace", args: args(b("a,b,c"), b(","), b("--"), all), want: lst(b("a"), b("--"), b("b"), b("--"), b("c"))},
		{fn: "replace", args: args(b("a,b,c"), str(","), str("x"), trail), want: lst(b("a,b"), str("x"), b("c"))},
		{fn: "replace", args: args(b("abc"), b(""), b("x")), want: bl("abc")},
		{fn: "replace", args: args(str("a-b-c"), str("-"), str("+"), all), want: lst(str("a"), str("+"), str("b"), str("+"), str("c"))},
		{fn: "replace", args: args(atA, str("a"), str("b")), err: tup(value.Atom("badmatch"), atA)},

		{fn: "lexemes", args: args(b(" a  b,c "), str(" ,")), want: bl("a", "b", "c")},
		{fn: "lexemes", args: args(b("é→→ü"), str("→")), want: bl("é", "ü")},
		{fn: "lexemes", args: args(b(""), str(" ")), want: value.Nil},
		{fn: "lexemes", args: args(b("  "), str(" ")), want: value.Nil},
		{fn: "lexemes", args: args(b("abc"), value.Nil), want: bl("abc")},
		{fn: "lexemes", args: args(b("a \xff"), str(" ")), err: tup(badar, b("\xff"))},
		{fn: "lexemes", args: args(b("abc"), atA), err: fcl},
		{fn: "lexemes", args: args(str("  a  b c "), str(" ")), want: lst(str("a"), str("b"), str("c"))},
		{fn: "lexemes", args: args(atA, str(" ")), err: fcl},

		{fn: "is_empty", args: args(b("")), want: value.True},
		{fn: "is_empty", args: args(lst(value.Nil, b(""))), want: value.True},
		{fn: "is_empty", args: args(b(" ")), want: value.False},
	}
	eachConfig(t, func(t *testing.T, v *VM) { runStd(t, v, "string", calls) })
}

// TestStdlibStringProperties checks string functions against Go's strings package on random
// strings of a few ASCII, Latin-1 and other characters.
func TestStdlibStringProperties(t *testing.T) {
	v := newVM(t, Options{})
	alphabet := []rune{'a', 'b', 'Z', ',', ' ', '\t', '\n', 'é', 'Ö', '÷', 'ÿ', '→', '😀'}
	str := func(t *rapid.T, label string) string {
		rs := rapid.SliceOfN(rapid.SampledFrom(alphabet), 0, 30).Draw(t, label)
		return string(rs)
	}
	upper := func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 0xE0 && r <= 0xFE && r != 0xF7 {
			return r - 32
		}
		return r
	}
	lower := func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7 {
			return r + 32
		}
		return r
	}
	rapid.Check(t, func(t *rapid.T) {
		s := str(t, "s")
		sep := rapid.SampledFrom([]string{",", ", ", "a", "é", "→", "ab"}).Draw(t, "sep")
		r, err := v.Apply("string", "split", value.Binary(s), value.Binary(sep), value.Atom("all"))
		require.NoError(t, err)
		var want value.List
		for _, p := range strings.Split(s, sep) {
			want = append(want, value.Binary(p))
		}
		require.Equal(t, want, r)

		r, err = v.Apply("string", "join", r, value.Binary(sep))
		require.NoError(t, err)
		require.Equal(t, value.Binary(s), r)

		r, err = v.Apply("string", "lexemes", value.Binary(s), value.String(" ,é"))
		require.NoError(t, err)
		var fields value.List
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == 'é' }) {
			fields = append(fields, value.Binary(f))
		}
		require.Equal(t, fields, r)

		r, err = v.Apply("string", "trim", value.Binary(s))
		require.NoError(t, err)
		require.Equal(t, value.Binary(strings.Trim(s, " \t\n")), r)

		r, err = v.Apply("string", "to_upper", value.Binary(s))
		require.NoError(t, err)
		require.Equal(t, value.Binary(strings.Map(upper, s)), r)
		r, err = v.Apply("string", "to_lower", value.Binary(s))
		require.NoError(t, err)
		require.Equal(t, value.Binary(strings.Map(lower, s)), r)

		r, err = v.Apply("string", "length", value.Binary(s))
		require.NoError(t, err)
		require.Equal(t, value.Int(utf8.RuneCountInString(s)), r)

		rs := []rune(s)
		start := rapid.IntRange(0, len(rs)+2).Draw(t, "start")
		n := rapid.IntRange(0, len(rs)+2).Draw(t, "n")
		r, err = v.Apply("string", "slice", value.Binary(s), value.Int(start), value.Int(n))
		require.NoError(t, err)
		lo, hi := min(start, len(rs)), min(start+n, len(rs))
		require.Equal(t, value.Binary(string(rs[lo:hi])), r)
	})
}
