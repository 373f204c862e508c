package value

import (
	"math"
	"math/big"
)

// Term is any portable Erlang term. The set of implementations is closed: the types of this
// package.
type Term interface {
	isTerm()
}

// Atom is an Erlang atom, by name.
type Atom string

// Int is an integer that fits in an int64. Larger ones are [BigInt].
type Int int64

// BigInt is an integer outside the int64 range. Build one with [Integer].
type BigInt struct{ V *big.Int }

// Float is an IEEE double.
type Float float64

// Binary is a sequence of bytes (a bitstring whose size is a multiple of 8).
type Binary []byte

// Bitstring is a sequence of bits whose size is not a multiple of 8: Bytes holds them
// MSB-first, and the last byte's low (8 - Bits%8) bits are zero. Bits is the total bit count.
type Bitstring struct {
	Bytes []byte
	Bits  int
}

// Tuple is a tuple of any arity, including {}.
type Tuple []Term

// List is a proper list; an empty (or nil) List is [].
type List []Term

// ImproperList is a list whose final tail is not []: [A, B | Tail]. Elems is not empty and
// Tail is not a list.
type ImproperList struct {
	Elems []Term
	Tail  Term
}

// Map is an Erlang map with its keys in strictly increasing term order. Build one with
// [NewMap]; a Map literal with unsorted keys breaks equality and printing.
type Map struct {
	Keys   []Term
	Values []Term
}

// Pid is a process identifier: <Node.Index.Serial>. Node 0 is the local node.
type Pid struct {
	Node   uint32
	Index  uint32
	Serial uint32
}

// Port is a port identifier. Ports do not exist yet; the type keeps their place in term order.
type Port struct {
	Node uint32
	ID   uint64
}

// Ref is a reference, unique within a VM: #Ref<Node.ID>.
type Ref struct {
	Node uint32
	ID   uint64
}

// Fun is a closure: function number Index of Module, with Arity parameters and the captured
// values Env. Uniq distinguishes versions of a module's code.
type Fun struct {
	Module Atom
	Index  int
	Arity  int
	Uniq   uint32
	Env    []Term
}

// ExportFun is fun Module:Function/Arity.
type ExportFun struct {
	Module   Atom
	Function Atom
	Arity    int
}

func (Atom) isTerm()         {}
func (Int) isTerm()          {}
func (BigInt) isTerm()       {}
func (Float) isTerm()        {}
func (Binary) isTerm()       {}
func (Bitstring) isTerm()    {}
func (Tuple) isTerm()        {}
func (List) isTerm()         {}
func (ImproperList) isTerm() {}
func (Map) isTerm()          {}
func (Pid) isTerm()          {}
func (Port) isTerm()         {}
func (Ref) isTerm()          {}
func (Fun) isTerm()          {}
func (ExportFun) isTerm()    {}

// Common atoms.
const (
	True      Atom = "true"
	False     Atom = "false"
	Ok        Atom = "ok"
	Error     Atom = "error"
	Undefined Atom = "undefined"
)

// Nil is the empty list [].
var Nil = List(nil)

// Bool returns the atom true or false.
func Bool(b bool) Atom {
	if b {
		return True
	}
	return False
}

// Integer returns x as a canonical integer term: an [Int] if it fits an int64, else a [BigInt]
// holding a copy of x.
func Integer(x *big.Int) Term {
	if x.IsInt64() {
		return Int(x.Int64())
	}
	return BigInt{V: new(big.Int).Set(x)}
}

// String returns the Erlang string s: a list of its Unicode code points.
func String(s string) List {
	l := make(List, 0, len(s))
	for _, r := range s {
		l = append(l, Int(r))
	}
	return l
}

// Str returns the binary holding s's bytes, which is how Elixir and most beamlite code write
// strings.
func Str(s string) Binary { return Binary(s) }

// NewMap returns the map with the given key/value pairs (k1, v1, k2, v2, …). When a key
// appears more than once (by exact equality), the last value wins, as in #{K => V1, K => V2}.
func NewMap(kvs ...Term) Map {
	if len(kvs)%2 != 0 {
		panic("value: NewMap needs an even number of arguments")
	}
	m := Map{}
	for i := 0; i < len(kvs); i += 2 {
		m = m.Put(kvs[i], kvs[i+1])
	}
	return m
}

// Find returns the value under key k (exact equality) and whether it is there.
func (m Map) Find(k Term) (Term, bool) {
	i, ok := m.search(k)
	if !ok {
		return nil, false
	}
	return m.Values[i], true
}

// Put returns a new map with k mapped to v; m is not changed.
func (m Map) Put(k, v Term) Map {
	i, ok := m.search(k)
	if ok {
		vals := append([]Term(nil), m.Values...)
		vals[i] = v
		return Map{Keys: m.Keys, Values: vals}
	}
	keys := make([]Term, 0, len(m.Keys)+1)
	keys = append(append(append(keys, m.Keys[:i]...), k), m.Keys[i:]...)
	vals := make([]Term, 0, len(m.Values)+1)
	vals = append(append(append(vals, m.Values[:i]...), v), m.Values[i:]...)
	return Map{Keys: keys, Values: vals}
}

// Len returns the number of entries.
func (m Map) Len() int { return len(m.Keys) }

// search finds k by binary search in term order; keys are ordered by exact term order
// (CompareExact), so 1 and 1.0 are different keys, as in Erlang maps.
func (m Map) search(k Term) (int, bool) {
	lo, hi := 0, len(m.Keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if CompareExact(m.Keys[mid], k) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(m.Keys) && CompareExact(m.Keys[lo], k) == 0
}

// isPrintableLatin1 reports whether c prints inside a "string" as io:format's ~p does with the
// default latin1 printable range.
func isPrintableChar(c int64) bool {
	switch {
	case c >= 32 && c <= 126:
		return true
	case c >= 160 && c <= 255:
		return true
	case c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\b' || c == '\f' || c == 27:
		return true
	}
	return false
}

// floatIsInt reports whether f holds an integral value that converts exactly.
func floatIsInt(f float64) bool {
	return !math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)
}
