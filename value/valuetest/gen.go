package valuetest

import (
	"math"
	"math/big"

	"github.com/beamlite/beamlite/value"
	"pgregory.net/rapid"
)

// Options narrows what Term generates.
type Options struct {
	// NoIdentifiers leaves out pids, ports, refs and funs (terms that have no literal syntax).
	NoIdentifiers bool
	// MaxDepth bounds nesting (default 4).
	MaxDepth int
}

// Term returns a generator of any portable term.
func Term() *rapid.Generator[value.Term] { return TermWith(Options{}) }

// TermWith returns a generator of portable terms restricted by o.
func TermWith(o Options) *rapid.Generator[value.Term] {
	if o.MaxDepth == 0 {
		o.MaxDepth = 4
	}
	return rapid.Custom(func(t *rapid.T) value.Term { return draw(t, o, o.MaxDepth) })
}

var edgeInts = []int64{0, 1, -1, 255, 256, 1<<59 - 1, -1 << 59, 1 << 59, -1<<59 - 1,
	math.MaxInt64, math.MinInt64, math.MaxInt32, 1<<32 + 7}

var edgeFloats = []float64{0, math.Copysign(0, -1), 1, -1.5, 0.1, 1e300, -1e-300,
	math.MaxFloat64, math.SmallestNonzeroFloat64, 1000, 1e21}

var atomNames = []string{"ok", "error", "a", "Hello", "with space", "it's", "end", "é", "", "node@host", "x_1"}

// Atom returns a generator of atoms, bare and quoted.
func Atom() *rapid.Generator[value.Atom] {
	return rapid.Custom(func(t *rapid.T) value.Atom {
		if rapid.Bool().Draw(t, "known") {
			return value.Atom(rapid.SampledFrom(atomNames).Draw(t, "atom"))
		}
		return value.Atom(rapid.StringMatching(`[a-zA-Z_][a-zA-Z0-9_@ ]{0,12}`).Draw(t, "atom"))
	})
}

// Integer returns a generator of canonical integers: smalls, edges and bignums.
func Integer() *rapid.Generator[value.Term] {
	return rapid.Custom(func(t *rapid.T) value.Term {
		switch rapid.IntRange(0, 3).Draw(t, "intkind") {
		case 0:
			return value.Int(rapid.Int64Range(-1000, 1000).Draw(t, "small"))
		case 1:
			return value.Int(rapid.SampledFrom(edgeInts).Draw(t, "edge"))
		case 2:
			return value.Int(rapid.Int64().Draw(t, "int64"))
		default:
			bs := rapid.SliceOfN(rapid.Byte(), 1, 40).Draw(t, "bigbytes")
			x := new(big.Int).SetBytes(bs)
			x.Lsh(x, uint(rapid.IntRange(0, 130).Draw(t, "shift")))
			if rapid.Bool().Draw(t, "neg") {
				x.Neg(x)
			}
			return value.Integer(x)
		}
	})
}

func draw(t *rapid.T, o Options, depth int) value.Term {
	leafKinds := 6
	if !o.NoIdentifiers {
		leafKinds = 9
	}
	kinds := leafKinds
	if depth > 0 {
		kinds += 5
	}
	k := rapid.IntRange(0, kinds-1).Draw(t, "kind")
	if k >= leafKinds {
		return drawCompound(t, o, depth, k-leafKinds)
	}
	switch k {
	case 0:
		return Atom().Draw(t, "atom")
	case 1:
		return Integer().Draw(t, "int")
	case 2:
		if rapid.Bool().Draw(t, "edgef") {
			return value.Float(rapid.SampledFrom(edgeFloats).Draw(t, "float"))
		}
		f := rapid.Float64().Draw(t, "float")
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 0 // Erlang floats are finite
		}
		return value.Float(f)
	case 3:
		n := rapid.SampledFrom([]int{0, 1, 3, 63, 64, 65, 200}).Draw(t, "binlen")
		return value.Binary(rapid.SliceOfN(rapid.Byte(), n, n).Draw(t, "bin"))
	case 4:
		bits := rapid.IntRange(1, 100).Draw(t, "bits")
		if bits%8 == 0 {
			bits++
		}
		bs := rapid.SliceOfN(rapid.Byte(), (bits+7)/8, (bits+7)/8).Draw(t, "bitbytes")
		bs[len(bs)-1] &^= byte(0xFF >> (bits % 8)) // unused low bits are zero
		return value.Bitstring{Bytes: bs, Bits: bits}
	case 5:
		return value.Nil
	case 6:
		return value.Pid{Index: rapid.Uint32Range(0, 1<<28-1).Draw(t, "idx"), Serial: rapid.Uint32().Draw(t, "serial")}
	case 7:
		return value.Ref{ID: rapid.Uint64().Draw(t, "ref")}
	default:
		if rapid.Bool().Draw(t, "export") {
			return value.ExportFun{Module: Atom().Draw(t, "m"), Function: Atom().Draw(t, "f"), Arity: rapid.IntRange(0, 255).Draw(t, "a")}
		}
		env := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) value.Term { return draw(t, o, 0) }), 0, 3).Draw(t, "env")
		return value.Fun{Module: Atom().Draw(t, "m"), Index: rapid.IntRange(0, 1000).Draw(t, "i"),
			Arity: rapid.IntRange(0, 255).Draw(t, "a"), Uniq: rapid.Uint32().Draw(t, "u"), Env: env}
	}
}

func drawCompound(t *rapid.T, o Options, depth, k int) value.Term {
	elem := rapid.Custom(func(t *rapid.T) value.Term { return draw(t, o, depth-1) })
	switch k {
	case 0:
		return value.Tuple(rapid.SliceOfN(elem, 0, 6).Draw(t, "tuple"))
	case 1:
		l := rapid.SliceOfN(elem, 0, 8).Draw(t, "list")
		return value.List(l)
	case 2:
		l := rapid.SliceOfN(elem, 1, 4).Draw(t, "ilist")
		var tail value.Term = value.Atom("tail")
		if rapid.Bool().Draw(t, "inttail") {
			tail = value.Int(rapid.Int64Range(0, 9).Draw(t, "tailv"))
		}
		return value.ImproperList{Elems: l, Tail: tail}
	case 3:
		n := rapid.SampledFrom([]int{0, 1, 5, 32, 33, 70}).Draw(t, "mapsize")
		kvs := make([]value.Term, 0, 2*n)
		for i := 0; i < n; i++ {
			var key value.Term = value.Int(int64(i))
			if rapid.Bool().Draw(t, "termkey") {
				key = draw(t, o, 0)
			}
			kvs = append(kvs, key, draw(t, o, depth-1))
		}
		return value.NewMap(kvs...)
	default:
		return value.String(rapid.StringMatching(`[ -~\n]{0,10}`).Draw(t, "str"))
	}
}
