package value

import (
	"bytes"
	"cmp"
	"math"
	"math/big"
	"strings"
)

// Class is the rank of a term's type in Erlang's term order:
// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
type Class int

// The classes, in term order.
const (
	ClassNumber Class = iota
	ClassAtom
	ClassRef
	ClassFun
	ClassPort
	ClassPid
	ClassTuple
	ClassMap
	ClassNil
	ClassList
	ClassBitstring
)

// ClassOf returns t's rank in term order.
func ClassOf(t Term) Class {
	switch t := t.(type) {
	case Int, BigInt, Float:
		return ClassNumber
	case Atom:
		return ClassAtom
	case Ref:
		return ClassRef
	case Fun, ExportFun:
		return ClassFun
	case Port:
		return ClassPort
	case Pid:
		return ClassPid
	case Tuple:
		return ClassTuple
	case Map:
		return ClassMap
	case List:
		if len(t) == 0 {
			return ClassNil
		}
		return ClassList
	case ImproperList:
		return ClassList
	case Binary, Bitstring:
		return ClassBitstring
	}
	panic("value: unknown term type")
}

// Compare returns -1, 0 or 1 as a is less than, equal to (==) or greater than b in Erlang term
// order. Integers and floats compare by value, so Compare(Int(1), Float(1)) == 0.
func Compare(a, b Term) int { return compare(a, b, false) }

// CompareExact is Compare in the exact order of =:= and map keys: an integer and a float are
// never equal, and every integer sorts before every float.
func CompareExact(a, b Term) int { return compare(a, b, true) }

// Equal reports whether a =:= b.
func Equal(a, b Term) bool { return compare(a, b, true) == 0 }

func compare(a, b Term, exact bool) int {
	ca, cb := ClassOf(a), ClassOf(b)
	if ca != cb {
		return cmp.Compare(int64(ca), int64(cb))
	}
	switch ca {
	case ClassNumber:
		return compareNumbers(a, b, exact)
	case ClassAtom:
		return strings.Compare(string(a.(Atom)), string(b.(Atom)))
	case ClassRef:
		x, y := a.(Ref), b.(Ref)
		if c := cmp.Compare(uint64(x.Node), uint64(y.Node)); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	case ClassFun:
		return compareFuns(a, b, exact)
	case ClassPort:
		x, y := a.(Port), b.(Port)
		if c := cmp.Compare(uint64(x.Node), uint64(y.Node)); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	case ClassPid:
		x, y := a.(Pid), b.(Pid)
		if c := cmp.Compare(uint64(x.Node), uint64(y.Node)); c != 0 {
			return c
		}
		if c := cmp.Compare(uint64(x.Serial), uint64(y.Serial)); c != 0 {
			return c
		}
		return cmp.Compare(uint64(x.Index), uint64(y.Index))
	case ClassTuple:
		x, y := a.(Tuple), b.(Tuple)
		if c := cmp.Compare(int64(len(x)), int64(len(y))); c != 0 {
			return c
		}
		return compareSeq(x, y, exact)
	case ClassMap:
		x, y := a.(Map), b.(Map)
		if c := cmp.Compare(int64(len(x.Keys)), int64(len(y.Keys))); c != 0 {
			return c
		}
		// Keys compare in map-key (exact) order whatever the operator; values then compare
		// with the operator's own equality.
		if c := compareSeq(x.Keys, y.Keys, true); c != 0 {
			return c
		}
		return compareSeq(x.Values, y.Values, exact)
	case ClassNil:
		return 0
	case ClassList:
		return compareLists(a, b, exact)
	case ClassBitstring:
		xb, xn := bitsOf(a)
		yb, yn := bitsOf(b)
		// Bitstrings compare bit by bit; a proper prefix is smaller.
		n := min(len(xb), len(yb))
		if c := bytes.Compare(xb[:n], yb[:n]); c != 0 {
			return c
		}
		return cmp.Compare(int64(xn), int64(yn))
	}
	panic("value: unreachable")
}

func bitsOf(t Term) ([]byte, int) {
	switch t := t.(type) {
	case Binary:
		return t, 8 * len(t)
	case Bitstring:
		return t.Bytes, t.Bits
	}
	panic("value: not a bitstring")
}

func compareSeq(x, y []Term, exact bool) int {
	for i := range x {
		if i >= len(y) {
			return 1
		}
		if c := compare(x[i], y[i], exact); c != 0 {
			return c
		}
	}
	if len(x) < len(y) {
		return -1
	}
	return 0
}

// listParts splits a non-empty list into its elements and final tail.
func listParts(t Term) ([]Term, Term) {
	switch t := t.(type) {
	case List:
		return t, Nil
	case ImproperList:
		return t.Elems, t.Tail
	}
	panic("value: not a list")
}

func compareLists(a, b Term, exact bool) int {
	xe, xt := listParts(a)
	ye, yt := listParts(b)
	n := min(len(xe), len(ye))
	if c := compareSeq(xe[:n], ye[:n], exact); c != 0 {
		return c
	}
	// After the common prefix, compare what remains of each list as a term.
	var xr, yr Term = restOf(xe[n:], xt), restOf(ye[n:], yt)
	return compare(xr, yr, exact)
}

func restOf(elems []Term, tail Term) Term {
	if len(elems) == 0 {
		return tail
	}
	if l, ok := tail.(List); ok && len(l) == 0 {
		return List(elems)
	}
	return ImproperList{Elems: elems, Tail: tail}
}

func compareFuns(a, b Term, exact bool) int {
	// Local funs sort before export funs (as erts does), then by their identity.
	xf, xok := a.(Fun)
	yf, yok := b.(Fun)
	switch {
	case xok && !yok:
		return -1
	case !xok && yok:
		return 1
	case !xok && !yok:
		x, y := a.(ExportFun), b.(ExportFun)
		if c := strings.Compare(string(x.Module), string(y.Module)); c != 0 {
			return c
		}
		if c := strings.Compare(string(x.Function), string(y.Function)); c != 0 {
			return c
		}
		return cmp.Compare(int64(x.Arity), int64(y.Arity))
	}
	if c := strings.Compare(string(xf.Module), string(yf.Module)); c != 0 {
		return c
	}
	if c := cmp.Compare(int64(xf.Index), int64(yf.Index)); c != 0 {
		return c
	}
	if c := cmp.Compare(uint64(xf.Uniq), uint64(yf.Uniq)); c != 0 {
		return c
	}
	if c := cmp.Compare(int64(len(xf.Env)), int64(len(yf.Env))); c != 0 {
		return c
	}
	return compareSeq(xf.Env, yf.Env, exact)
}

func compareNumbers(a, b Term, exact bool) int {
	af, aIsFloat := a.(Float)
	bf, bIsFloat := b.(Float)
	switch {
	case aIsFloat && bIsFloat:
		return cmp.Compare(float64(af), float64(bf))
	case !aIsFloat && !bIsFloat:
		return bigOf(a).Cmp(bigOf(b))
	case exact:
		// The exact order (map keys) puts every integer before every float, whatever their
		// values: #{2 => a, 1.0 => b} lists 2 first (erts; checked on OTP 25).
		if aIsFloat {
			return 1
		}
		return -1
	case aIsFloat:
		return -compareIntFloat(bigOf(b), float64(af))
	default:
		return compareIntFloat(bigOf(a), float64(bf))
	}
}

// CompareIntFloat compares the integer i with the float f by exact mathematical value.
func compareIntFloat(i *big.Int, f float64) int {
	if math.IsInf(f, 1) {
		return -1
	}
	if math.IsInf(f, -1) {
		return 1
	}
	bf := new(big.Float).SetPrec(0).SetInt(i)
	return bf.Cmp(big.NewFloat(f))
}

func bigOf(t Term) *big.Int {
	switch t := t.(type) {
	case Int:
		return big.NewInt(int64(t))
	case BigInt:
		return t.V
	}
	panic("value: not an integer")
}

// Identical reports whether a and b are the same term in every detail: Equal, and also of the
// same Go types with floats compared by their bits, so -0.0 is not 0.0 (Equal says they are,
// as =:= does). It is the equality of encodings and round trips, and it is safe for nil terms
// (an unverified module may hold them).
func Identical(a, b Term) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case Float:
		bf, ok := b.(Float)
		return ok && math.Float64bits(float64(a)) == math.Float64bits(float64(bf))
	case Tuple:
		bt, ok := b.(Tuple)
		return ok && identicalSeq(a, bt)
	case List:
		bl, ok := b.(List)
		return ok && identicalSeq(a, bl)
	case ImproperList:
		bl, ok := b.(ImproperList)
		return ok && identicalSeq(a.Elems, bl.Elems) && Identical(a.Tail, bl.Tail)
	case Map:
		bm, ok := b.(Map)
		return ok && identicalSeq(a.Keys, bm.Keys) && identicalSeq(a.Values, bm.Values)
	case Fun:
		bf, ok := b.(Fun)
		return ok && a.Module == bf.Module && a.Index == bf.Index && a.Arity == bf.Arity &&
			a.Uniq == bf.Uniq && identicalSeq(a.Env, bf.Env)
	case BigInt:
		bb, ok := b.(BigInt)
		return ok && a.V != nil && bb.V != nil && a.V.Cmp(bb.V) == 0
	}
	switch b.(type) {
	case nil, Float, BigInt:
		return false
	}
	return Equal(a, b)
}

func identicalSeq(a, b []Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Identical(a[i], b[i]) {
			return false
		}
	}
	return true
}
