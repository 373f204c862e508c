package term

import (
	"math"

	"github.com/beamlite/beamlite/value"
)

// Conversion between heap terms and the portable value.Term (DESIGN.md: one portable
// representation). ToValue copies everything out of the heap, so its result stays valid after
// the heap is collected or freed; FromValue builds a fresh term on the heap.

// ToValue returns term t as a portable value. Integers come back canonical (value.Int when
// they fit an int64), maps with their keys in map-key order, bytes copied.
func ToValue(h *Heap, t Term) value.Term {
	switch {
	case t.IsSmall():
		return value.Int(t.Small())
	case t.IsAtom():
		return value.Atom(AtomName(t))
	case t == Nil:
		return value.Nil
	case t.IsPid():
		return value.Pid{Index: t.PidIndex(), Serial: t.PidSerial()}
	case t.IsList():
		var elems []value.Term
		for t.IsList() {
			w := h.Words(t)
			elems = append(elems, ToValue(h, Term(w[0])))
			t = Term(w[1])
		}
		if t == Nil {
			return value.List(elems)
		}
		return value.ImproperList{Elems: elems, Tail: ToValue(h, t)}
	case !t.IsBoxed():
		panic("term: ToValue of a non-value")
	}
	w := h.Words(t)
	switch k := HeaderKind(w[0]); k {
	case KindTuple:
		tup := make(value.Tuple, HeaderSize(w[0]))
		for i := range tup {
			tup[i] = ToValue(h, Term(w[1+i]))
		}
		return tup
	case KindFloat:
		return value.Float(FloatFromBits(w[1]))
	case KindBigPos, KindBigNeg:
		return value.Integer(ToBig(h, t))
	case KindHeapBin, KindRefBin, KindSubBin:
		bs := append([]byte{}, BinaryBytes(h, t)...)
		if n := BitSize(h, t); n%8 != 0 {
			return value.Bitstring{Bytes: bs, Bits: n}
		}
		return value.Binary(bs)
	case KindFlatMap, KindHashMapRoot:
		// MapSorted's map-key order is value.Map's order (value.CompareExact): no re-sorting.
		keys, vals := MapSorted(h, t)
		m := value.Map{Keys: make([]value.Term, len(keys)), Values: make([]value.Term, len(vals))}
		for i := range keys {
			m.Keys[i], m.Values[i] = ToValue(h, keys[i]), ToValue(h, vals[i])
		}
		return m
	case KindFun:
		index, uniq, nenv := ClosureInfo(h, t)
		f := value.Fun{Module: value.Atom(AtomName(FunModule(h, t))), Index: index,
			Arity: FunArity(h, t), Uniq: uniq}
		if nenv > 0 {
			f.Env = make([]value.Term, nenv)
			for i := range f.Env {
				f.Env[i] = ToValue(h, ClosureEnv(h, t, i))
			}
		}
		return f
	case KindExportFun:
		return value.ExportFun{Module: value.Atom(AtomName(Term(w[1]))),
			Function: value.Atom(AtomName(Term(w[2]))), Arity: int(Term(w[3]).Small())}
	case KindRef:
		return value.Ref{ID: w[1]}
	case KindExtPid:
		return value.Pid{Node: uint32(w[1]), Index: uint32(w[2]), Serial: uint32(w[3])}
	case KindExtRef:
		return value.Ref{Node: uint32(w[1]), ID: w[2]}
	case KindExtPort:
		return value.Port{Node: uint32(w[1]), ID: w[2]}
	}
	panic("term: ToValue of a boxed object that is not a term: " + HeaderKind(w[0]).String())
}

// FromValue builds portable value v on heap h. It fails with ErrSystemLimit when an atom
// cannot be interned (the atom table is full) or an integer is larger than MaxBigBits, and
// with ErrBadarg when v is not a valid term: nil, a float that is inf or NaN, a bitstring
// whose Bytes are too short, a local pid whose index does not fit, or a fun whose numbers do
// not fit.
func FromValue(h *Heap, v value.Term) (Term, error) {
	switch v := v.(type) {
	case value.Atom:
		return Intern(string(v))
	case value.Int:
		return MakeInt(h, int64(v)), nil
	case value.BigInt:
		if v.V == nil {
			return NonValue, ErrBadarg
		}
		if v.V.BitLen() > MaxBigBits {
			return NonValue, ErrSystemLimit
		}
		return MakeBigInt(h, v.V), nil
	case value.Float:
		f := float64(v)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return NonValue, ErrBadarg
		}
		return MakeFloat(h, f), nil
	case value.Binary:
		return MakeBinary(h, v), nil
	case value.Bitstring:
		if v.Bits < 0 || len(v.Bytes) < (v.Bits+7)/8 {
			return NonValue, ErrBadarg
		}
		return MakeBitstring(h, v.Bytes, v.Bits), nil
	case value.Tuple:
		elems, err := fromValues(h, v)
		if err != nil {
			return NonValue, err
		}
		return MakeTuple(h, elems...), nil
	case value.List:
		elems, err := fromValues(h, v)
		if err != nil {
			return NonValue, err
		}
		return ListFromSlice(h, elems, Nil), nil
	case value.ImproperList:
		elems, err := fromValues(h, v.Elems)
		if err != nil {
			return NonValue, err
		}
		tail, err := FromValue(h, v.Tail)
		if err != nil {
			return NonValue, err
		}
		return ListFromSlice(h, elems, tail), nil
	case value.Map:
		if len(v.Keys) != len(v.Values) {
			return NonValue, ErrBadarg
		}
		keys, err := fromValues(h, v.Keys)
		if err != nil {
			return NonValue, err
		}
		vals, err := fromValues(h, v.Values)
		if err != nil {
			return NonValue, err
		}
		return NewMap(h, keys, vals), nil
	case value.Pid:
		if v.Node != 0 {
			return makeRaw(h, KindExtPid, uint64(v.Node), uint64(v.Index), uint64(v.Serial)), nil
		}
		if v.Index >= 1<<PidIndexBits {
			return NonValue, ErrBadarg
		}
		return MakePid(v.Index, v.Serial), nil
	case value.Port:
		// Ports do not exist yet; every port, local or not, keeps its place in the encoding
		// reserved for remote ones.
		return makeRaw(h, KindExtPort, uint64(v.Node), v.ID), nil
	case value.Ref:
		if v.Node != 0 {
			return makeRaw(h, KindExtRef, uint64(v.Node), v.ID), nil
		}
		return MakeRef(h, v.ID), nil
	case value.Fun:
		if !smallInt(v.Index) || !smallInt(v.Arity) {
			return NonValue, ErrBadarg
		}
		m, err := Intern(string(v.Module))
		if err != nil {
			return NonValue, err
		}
		env, err := fromValues(h, v.Env)
		if err != nil {
			return NonValue, err
		}
		return MakeFun(h, m, v.Index, v.Arity, v.Uniq, env...), nil
	case value.ExportFun:
		if !smallInt(v.Arity) {
			return NonValue, ErrBadarg
		}
		m, err := Intern(string(v.Module))
		if err != nil {
			return NonValue, err
		}
		f, err := Intern(string(v.Function))
		if err != nil {
			return NonValue, err
		}
		return MakeExportFun(h, m, f, v.Arity), nil
	}
	return NonValue, ErrBadarg
}

func smallInt(i int) bool { return FitsSmall(int64(i)) }

func fromValues(h *Heap, vs []value.Term) ([]Term, error) {
	if len(vs) == 0 {
		return nil, nil
	}
	ts := make([]Term, len(vs))
	for i, v := range vs {
		t, err := FromValue(h, v)
		if err != nil {
			return nil, err
		}
		ts[i] = t
	}
	return ts, nil
}

// makeRaw returns a new boxed object of kind k whose payload is raw words.
func makeRaw(h *Heap, k Kind, payload ...uint64) Term {
	off, w := h.Alloc(1 + len(payload))
	w[0] = MakeHeader(k, len(payload))
	copy(w[1:], payload)
	return MakeBoxed(SpaceYoung, off)
}

// Format returns t as io:format's ~w writes it.
func Format(h *Heap, t Term) string { return value.Format(ToValue(h, t)) }

// Print returns t as io:format's ~p writes it (printable lists as strings, no line breaks).
func Print(h *Heap, t Term) string { return value.Print(ToValue(h, t)) }
