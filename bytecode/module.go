package bytecode

import (
	"fmt"

	"github.com/beamlite/beamlite/value"
)

// Limits checked by the verifier (and, for counts, by the decoder).
const (
	// MaxX is the number of x registers: x0..x(MaxX-1).
	MaxX = 1024
	// MaxY is the largest frame: y0..y(MaxY-1).
	MaxY = 1024
	// MaxArity is the largest arity of a function, call or BIF, as in Erlang.
	MaxArity = 255
	// MaxUnit is the largest unit of a binary segment, as in Erlang.
	MaxUnit = 256
)

// Module is the generic, on-disk form of a module: what a .bl file means and what a .blc file
// holds. It has nothing of the VM's run-time representation; the loader verifies it and lowers
// it. Every index in it (atoms, literals, imports, functions, funs, labels) is checked by
// [Verify], not by construction.
type Module struct {
	Name value.Atom
	// File is the source file name recorded for stack traces ("lists.bl"); may be empty.
	File string
	// Atoms are the atoms named by KindAtom operands.
	Atoms []value.Atom
	// Literals are the constant terms named by TagLit operands (KindSrc, KindSize, tables).
	Literals []value.Term
	// Imports are the functions called through the export table (call_ext*, bif*).
	Imports []Import
	// Exports lists the exported functions as indices into Functions.
	Exports []int
	// Funs is the lambda table: the functions that make_fun can turn into closures.
	Funs []Lambda
	// Functions holds the code. A local call names a function by its index here.
	Functions []Function
}

// Import is a function of another module (or this one) called by name through the export table;
// BIFs are imports too (erlang:'+'/2).
type Import struct {
	Module value.Atom
	Name   value.Atom
	Arity  int
}

// Lambda is an entry of the funs table: closures made from it call Functions[Func] with the
// call's arguments followed by NumFree captured values, so the fun's arity is
// Functions[Func].Arity - NumFree. A value.Fun made from it has Index = its index in Funs.
type Lambda struct {
	Func    int
	NumFree int
}

// Function is one function: its arguments arrive in x0..x(Arity-1) and its result leaves in x0.
// Labels are indices into Code, so a jump can only name an instruction of the same function.
type Function struct {
	Name  value.Atom
	Arity int
	Code  []Instr
}

// Instr is one instruction. Args matches the table's operand specs for Op in number and kind.
type Instr struct {
	Op   Opcode
	Args []Operand
	// Line is the source line of the instruction in Module.File; 0 when unknown. Run-time
	// errors and stack traces report it.
	Line int32
}

// Tag says what a concrete operand is. An [OperandKind] allows some tags (see its doc).
type Tag uint8

// The operand tags. N's meaning depends on the tag.
const (
	TagX      Tag = iota + 1 // N: x register number
	TagY                     // N: y slot number
	TagLit                   // N: index into Module.Literals
	TagLabel                 // N: index into the function's Code
	TagNone                  // no fail label (KindFail), or "all"/default (KindSize); N is 0
	TagUint                  // N: the number (KindUint, KindBsFlags)
	TagAtom                  // N: index into Module.Atoms
	TagFunc                  // N: index into Module.Functions
	TagImport                // N: index into Module.Imports
	TagLambda                // N: index into Module.Funs
	TagList                  // List: the elements (pairs flattened); N is 0
	TagSeg                   // N: packed type/flags/unit (see Seg); List: [value, size]

	lastTag = TagSeg
)

var tagNames = [...]string{TagX: "x", TagY: "y", TagLit: "lit", TagLabel: "label", TagNone: "none",
	TagUint: "uint", TagAtom: "atom", TagFunc: "func", TagImport: "import", TagLambda: "lambda",
	TagList: "list", TagSeg: "seg"}

// String returns the tag's name.
func (t Tag) String() string {
	if int(t) < len(tagNames) && tagNames[t] != "" {
		return tagNames[t]
	}
	return fmt.Sprintf("tag(%d)", uint8(t))
}

// Operand is one concrete operand. Build them with the constructors ([X], [Y], [Lit], …) so
// that unused fields stay zero: two equal operands are then equal as Go values.
type Operand struct {
	Tag  Tag
	N    uint32
	List []Operand
}

// Operand constructors.
func X(n int) Operand      { return Operand{Tag: TagX, N: uint32(n)} }
func Y(n int) Operand      { return Operand{Tag: TagY, N: uint32(n)} }
func Lit(i int) Operand    { return Operand{Tag: TagLit, N: uint32(i)} }
func Label(i int) Operand  { return Operand{Tag: TagLabel, N: uint32(i)} }
func None() Operand        { return Operand{Tag: TagNone} }
func Uint(n int) Operand   { return Operand{Tag: TagUint, N: uint32(n)} }
func AtomOp(i int) Operand { return Operand{Tag: TagAtom, N: uint32(i)} }
func Func(i int) Operand   { return Operand{Tag: TagFunc, N: uint32(i)} }
func Imp(i int) Operand    { return Operand{Tag: TagImport, N: uint32(i)} }
func Lam(i int) Operand    { return Operand{Tag: TagLambda, N: uint32(i)} }
func List(ops ...Operand) Operand {
	return Operand{Tag: TagList, List: ops}
}

// SegType is the type of a binary segment.
type SegType uint8

// The segment types.
const (
	SegInteger SegType = iota + 1
	SegFloat
	SegBinary
	SegUtf8
	SegUtf16
	SegUtf32

	lastSegType = SegUtf32
)

var segTypeNames = [...]string{SegInteger: "integer", SegFloat: "float", SegBinary: "binary",
	SegUtf8: "utf8", SegUtf16: "utf16", SegUtf32: "utf32"}

// String returns the type's .bl name.
func (t SegType) String() string {
	if int(t) < len(segTypeNames) && segTypeNames[t] != "" {
		return segTypeNames[t]
	}
	return fmt.Sprintf("segtype(%d)", uint8(t))
}

// SegTypeByName returns the segment type named name (integer, float, binary, utf8, …).
func SegTypeByName(name string) (SegType, bool) {
	for i, n := range segTypeNames {
		if n != "" && n == name {
			return SegType(i), true
		}
	}
	return 0, false
}

// BsFlags is a set of binary segment flags; big-endian and unsigned are the defaults.
type BsFlags uint8

// The segment flags, and their .bl names in [BsFlagNames] order.
const (
	BsSigned BsFlags = 1 << iota
	BsLittle
	BsNative

	bsAllFlags = BsSigned | BsLittle | BsNative
)

// BsFlagNames are the .bl names of the flags, bit i named BsFlagNames[i].
var BsFlagNames = [...]string{"signed", "little", "native"}

// Seg builds a segment operand for bs_create_bin: value written as typ with size*unit bits.
// size is a Src operand, or None() for "all" (binary) / the default (float 64, utf*).
func Seg(typ SegType, flags BsFlags, unit int, val, size Operand) Operand {
	return Operand{Tag: TagSeg, N: uint32(typ) | uint32(flags)<<4 | uint32(unit)<<8, List: []Operand{val, size}}
}

// SegType returns a TagSeg operand's type.
func (o Operand) SegType() SegType { return SegType(o.N & 0xf) }

// SegFlags returns a TagSeg operand's flags.
func (o Operand) SegFlags() BsFlags { return BsFlags(o.N >> 4 & 0xf) }

// SegUnit returns a TagSeg operand's unit.
func (o Operand) SegUnit() int { return int(o.N >> 8) }

// SegValue returns a TagSeg operand's value operand (a Src).
func (o Operand) SegValue() Operand { return o.List[0] }

// SegSize returns a TagSeg operand's size operand (a Src or TagNone).
func (o Operand) SegSize() Operand { return o.List[1] }

// IsReg reports whether o is an x register or a y slot.
func (o Operand) IsReg() bool { return o.Tag == TagX || o.Tag == TagY }

// kindTags lists the tags each kind allows.
var kindTags = [...][]Tag{
	KindSrc:        {TagX, TagY, TagLit},
	KindDst:        {TagX, TagY},
	KindReg:        {TagX, TagY},
	KindYDst:       {TagY},
	KindYSrc:       {TagY},
	KindLabel:      {TagLabel},
	KindFail:       {TagLabel, TagNone},
	KindUint:       {TagUint},
	KindAtom:       {TagAtom},
	KindLocal:      {TagFunc},
	KindImport:     {TagImport},
	KindLambda:     {TagLambda},
	KindSize:       {TagX, TagY, TagLit, TagNone},
	KindBsFlags:    {TagUint},
	KindSrcList:    {TagList},
	KindValTable:   {TagList},
	KindArityTable: {TagList},
	KindPairs:      {TagList},
	KindKeyDsts:    {TagList},
	KindUpdates:    {TagList},
	KindSegments:   {TagList},
	KindLit:        {TagLit},
}

// Allows reports whether an operand with tag t may stand where kind k is expected (for list
// kinds, the elements are checked separately; see [ElemKinds]).
func (k OperandKind) Allows(t Tag) bool {
	if int(k) >= len(kindTags) {
		return false
	}
	for _, a := range kindTags[k] {
		if a == t {
			return true
		}
	}
	return false
}

// ElemKinds returns, for a list kind, the kinds of its elements in one repeating group: one
// kind for plain lists, two for pair lists. For KindSegments it returns nil (the elements are
// TagSeg operands whose value is a KindSrc and size a KindSize). For other kinds it returns nil.
func (k OperandKind) ElemKinds() []OperandKind {
	switch k {
	case KindSrcList:
		return []OperandKind{KindSrc}
	case KindValTable:
		return []OperandKind{KindLit, KindLabel}
	case KindArityTable:
		return []OperandKind{KindUint, KindLabel}
	case KindPairs:
		return []OperandKind{KindSrc, KindSrc}
	case KindKeyDsts:
		return []OperandKind{KindSrc, KindDst}
	case KindUpdates:
		return []OperandKind{KindUint, KindSrc}
	}
	return nil
}

// IsList reports whether k's operands are TagList.
func (k OperandKind) IsList() bool { return k.Allows(TagList) }

// Exported returns the index of the exported function name/arity.
func (m *Module) Exported(name value.Atom, arity int) (int, bool) {
	for _, f := range m.Exports {
		if f >= 0 && f < len(m.Functions) && m.Functions[f].Name == name && m.Functions[f].Arity == arity {
			return f, true
		}
	}
	return 0, false
}

// FuncIndex returns the index of the local function name/arity.
func (m *Module) FuncIndex(name value.Atom, arity int) (int, bool) {
	for i, f := range m.Functions {
		if f.Name == name && f.Arity == arity {
			return i, true
		}
	}
	return 0, false
}

// String returns a debugging form of o: x3, y0, lit(2), L5, none, 7, atom(0), func(1),
// import(2), lambda(0), [..], seg(integer, flags 0, unit 1, value, size).
func (o Operand) String() string {
	switch o.Tag {
	case TagX:
		return fmt.Sprintf("x%d", o.N)
	case TagY:
		return fmt.Sprintf("y%d", o.N)
	case TagLabel:
		return fmt.Sprintf("L%d", o.N)
	case TagNone:
		return "none"
	case TagUint:
		return fmt.Sprint(o.N)
	case TagList:
		s := "["
		for i, e := range o.List {
			if i > 0 {
				s += ", "
			}
			s += e.String()
		}
		return s + "]"
	case TagSeg:
		if len(o.List) == 2 {
			return fmt.Sprintf("seg(%s, flags %d, unit %d, %s, %s)", o.SegType(), o.SegFlags(), o.SegUnit(), o.List[0], o.List[1])
		}
	}
	return fmt.Sprintf("%s(%d)", o.Tag, o.N)
}
