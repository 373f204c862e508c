package bytecode

import "strconv"

// FormatVersion is the version of the instruction set and of the .blc encoding. It is bumped
// whenever an opcode's number, name, operand kinds or meaning changes, or the .blc layout
// changes; testdata/isa.golden pins the table (TestISAGolden) so that a change without a bump
// fails. Decode refuses any other version.
const FormatVersion = 1

// Opcode numbers an instruction. Numbers are explicit, append-only and never reused: a removed
// instruction keeps its number as a gap in the table.
type Opcode uint16

// The opcodes. Add new ones at the end with the next free number.
const (
	Move              Opcode = 1
	Swap              Opcode = 2
	Init              Opcode = 3
	Allocate          Opcode = 4
	Deallocate        Opcode = 5
	Call              Opcode = 6
	CallLast          Opcode = 7
	CallOnly          Opcode = 8
	CallExt           Opcode = 9
	CallExtLast       Opcode = 10
	CallExtOnly       Opcode = 11
	CallFun           Opcode = 12
	CallFunLast       Opcode = 13
	CallFunOnly       Opcode = 14
	Apply             Opcode = 15
	ApplyLast         Opcode = 16
	ApplyOnly         Opcode = 17
	Return            Opcode = 18
	Bif0              Opcode = 19
	Bif1              Opcode = 20
	Bif2              Opcode = 21
	Bif3              Opcode = 22
	Jump              Opcode = 23
	IsInteger         Opcode = 24
	IsFloat           Opcode = 25
	IsNumber          Opcode = 26
	IsAtom            Opcode = 27
	IsPid             Opcode = 28
	IsRef             Opcode = 29
	IsPort            Opcode = 30
	IsBinary          Opcode = 31
	IsBitstring       Opcode = 32
	IsList            Opcode = 33
	IsNonemptyList    Opcode = 34
	IsNil             Opcode = 35
	IsTuple           Opcode = 36
	IsMap             Opcode = 37
	IsFunction        Opcode = 38
	IsFunction2       Opcode = 39
	IsBoolean         Opcode = 40
	IsTaggedTuple     Opcode = 41
	TestArity         Opcode = 42
	IsLt              Opcode = 43
	IsGe              Opcode = 44
	IsEq              Opcode = 45
	IsNe              Opcode = 46
	IsEqExact         Opcode = 47
	IsNeExact         Opcode = 48
	SelectVal         Opcode = 49
	SelectTupleArity  Opcode = 50
	PutTuple          Opcode = 51
	GetTupleElement   Opcode = 52
	UpdateTuple       Opcode = 53
	GetList           Opcode = 54
	GetHd             Opcode = 55
	GetTl             Opcode = 56
	PutList           Opcode = 57
	PutMapAssoc       Opcode = 58
	PutMapExact       Opcode = 59
	HasMapFields      Opcode = 60
	GetMapElements    Opcode = 61
	BsCreateBin       Opcode = 62
	BsStartMatch      Opcode = 63
	BsGetInteger      Opcode = 64
	BsGetFloat        Opcode = 65
	BsGetBinary       Opcode = 66
	BsGetUtf8         Opcode = 67
	BsGetUtf16        Opcode = 68
	BsGetUtf32        Opcode = 69
	BsSkipBits        Opcode = 70
	BsMatchString     Opcode = 71
	BsTestTail        Opcode = 72
	BsTestUnit        Opcode = 73
	BsGetTail         Opcode = 74
	BsGetPosition     Opcode = 75
	BsSetPosition     Opcode = 76
	MakeFun           Opcode = 77
	Try               Opcode = 78
	TryEnd            Opcode = 79
	TryCase           Opcode = 80
	TryCaseEnd        Opcode = 81
	Catch             Opcode = 82
	CatchEnd          Opcode = 83
	Raise             Opcode = 84
	Badmatch          Opcode = 85
	CaseEnd           Opcode = 86
	IfEnd             Opcode = 87
	FuncClause        Opcode = 88
	Send              Opcode = 89
	LoopRec           Opcode = 90
	LoopRecEnd        Opcode = 91
	RemoveMessage     Opcode = 92
	Wait              Opcode = 93
	WaitTimeout       Opcode = 94
	Timeout           Opcode = 95
	RecvMarkerReserve Opcode = 96
	RecvMarkerBind    Opcode = 97
	RecvMarkerClear   Opcode = 98
	RecvMarkerUse     Opcode = 99
	Badrecord         Opcode = 100

	// maxOpcode is the highest opcode number in use; the table has no entry above it.
	maxOpcode = 100
)

// OperandKind says what an operand of an instruction may be, how the verifier treats it (read,
// written, both) and how .bl spells it. Each kind allows a fixed set of [Tag]s.
type OperandKind uint8

// The operand kinds. The text form in each comment is the .bl spelling that the assembler
// parses and the disassembler prints.
const (
	// KindSrc is a value that is read: an x register, a y slot or a literal.
	// Text: x3, y0, or an Erlang term (42, foo, 'Quoted', {ok, [1]}, "str", <<"bin">>, #{a => 1}).
	// Tags: TagX, TagY, TagLit.
	KindSrc OperandKind = iota + 1
	// KindDst is a register that is written: x or y. Text: x3, y0. Tags: TagX, TagY.
	KindDst
	// KindReg is a register that is read and may be updated in place (swap, binary match
	// contexts): x or y. Text: x3, y0. Tags: TagX, TagY.
	KindReg
	// KindYDst is a y slot that is written (init, try, catch). Text: y0. Tag: TagY.
	KindYDst
	// KindYSrc is a y slot that is read (try_end, try_case, catch_end). Text: y0. Tag: TagY.
	KindYSrc
	// KindLabel is a jump target in the same function. Text: @name. Tag: TagLabel.
	KindLabel
	// KindFail is an optional jump target: where a test or a guard BIF goes on failure. TagNone
	// means "no label": the instruction raises instead. Text: @name, or none.
	// Tags: TagLabel, TagNone.
	KindFail
	// KindUint is an unsigned count, arity, index or bit count. Text: decimal. Tag: TagUint.
	KindUint
	// KindAtom is an atom, as an index into Module.Atoms. Text: an atom (foo, 'Foo').
	// Tag: TagAtom.
	KindAtom
	// KindLocal is a function of this module, as an index into Module.Functions.
	// Text: name/arity. Tag: TagFunc.
	KindLocal
	// KindImport is a function of some module (possibly this one) called through the export
	// table, as an index into Module.Imports; also how BIFs are named. Text: mod:name/arity.
	// Tag: TagImport.
	KindImport
	// KindLambda is an entry of Module.Funs. Text: name/arity of the lambda's function (the
	// assembler keeps one Funs entry per function, in order of first use). Tag: TagLambda.
	KindLambda
	// KindSize is the size of a binary segment: a Src, or TagNone meaning "all the rest"
	// (binary segments) or "the type's default" (float: 64; utf*: unused).
	// Text: as Src, or all. Tags: TagX, TagY, TagLit, TagNone.
	KindSize
	// KindBsFlags is a set of binary segment flags ([BsSigned], [BsLittle], [BsNative]).
	// Text: a list of flag names, [] for none: [signed, little]. Tag: TagUint (the bit set).
	KindBsFlags
	// KindSrcList is a list of values read: tuple elements, closure environments.
	// Text: [x0, y1, 42]. Tag: TagList of Src operands.
	KindSrcList
	// KindValTable is select_val's jump table: (literal, label) pairs.
	// Text: [1 => @one, foo => @foo]. Tag: TagList holding TagLit, TagLabel, TagLit, TagLabel, …
	// The values are atoms, integers or floats, all different.
	KindValTable
	// KindArityTable is select_tuple_arity's jump table: (arity, label) pairs.
	// Text: [2 => @pair, 3 => @triple]. Tag: TagList holding TagUint, TagLabel, …
	KindArityTable
	// KindPairs is a list of (key, value) sources, for building maps.
	// Text: [k1 => x1, x2 => 3]. Tag: TagList holding Src, Src, …
	KindPairs
	// KindKeyDsts is a list of (key, destination) pairs, for get_map_elements.
	// Text: [a => x1, x2 => y0]. Tag: TagList holding Src, Dst, …
	KindKeyDsts
	// KindUpdates is a list of (0-based position, value) pairs, for update_tuple.
	// Text: [1 => x1, 3 => foo]. Tag: TagList holding TagUint, Src, …
	KindUpdates
	// KindSegments is a list of binary segments, for bs_create_bin.
	// Text: segments as in Erlang, [x0:16/signed-little, y1/binary, <<"ok">>/binary, x2/utf8]
	// (value, size, then type, flags and unit: docs/ASSEMBLY.md, "Binary segments").
	// Tag: TagList of TagSeg operands.
	KindSegments
	// KindLit is a literal only. Text: an Erlang term. Tag: TagLit.
	KindLit

	lastKind = KindLit
)

var kindNames = [...]string{
	KindSrc:        "Src",
	KindDst:        "Dst",
	KindReg:        "Reg",
	KindYDst:       "YDst",
	KindYSrc:       "YSrc",
	KindLabel:      "Label",
	KindFail:       "Fail",
	KindUint:       "Uint",
	KindAtom:       "Atom",
	KindLocal:      "Local",
	KindImport:     "Import",
	KindLambda:     "Lambda",
	KindSize:       "Size",
	KindBsFlags:    "BsFlags",
	KindSrcList:    "SrcList",
	KindValTable:   "ValTable",
	KindArityTable: "ArityTable",
	KindPairs:      "Pairs",
	KindKeyDsts:    "KeyDsts",
	KindUpdates:    "Updates",
	KindSegments:   "Segments",
	KindLit:        "Lit",
}

// String returns the kind's name as docs/ISA.md prints it.
func (k OperandKind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind?"
}

// Flag describes an instruction's control flow and side effects.
type Flag uint16

const (
	// FlagBranch: the instruction has label operands (KindLabel, KindFail with a label, or a
	// jump table) and may transfer control to them.
	FlagBranch Flag = 1 << iota
	// FlagTerminator: control never falls through to the next instruction (jump, return,
	// tail calls, raises, selects, wait).
	FlagTerminator
	// FlagCall: the instruction calls a function (body call, tail call, apply, call_fun). After a
	// body call returns only x0 is defined; the y frame is kept.
	FlagCall
	// FlagTest: the first operand is a KindFail label, taken when the test fails; on success
	// control falls through.
	FlagTest
	// FlagMayGC: the instruction may allocate on the process heap and so may collect; it is a
	// safe point whose roots are the y frame and the x registers defined there.
	FlagMayGC
	// FlagClobber: after the instruction, x registers it does not write are undefined (calls,
	// try_case, wait and receive resumption points).
	FlagClobber
)

// OperandSpec is one operand of an instruction: its name (used in Effect and docs) and kind.
type OperandSpec struct {
	Name string
	Kind OperandKind
}

// Info describes one instruction. It is the single source of truth for the encoder, decoder,
// verifier, assembler, disassembler and docs/ISA.md.
type Info struct {
	Name     string        // .bl mnemonic
	Group    string        // section of docs/ISA.md
	Operands []OperandSpec // in .bl and on-disk order
	// Cost is the reductions charged each time the instruction executes. Independently of
	// Cost, every transfer of control to a label at or before the current instruction (a
	// back-edge) costs 1; see doc.go.
	Cost   int
	Flags  Flag
	Effect string // semantics in register notation
	Doc    string // one line
}

// Has reports whether f is set.
func (in *Info) Has(f Flag) bool { return in.Flags&f != 0 }

func op(name string, kind OperandKind) OperandSpec { return OperandSpec{name, kind} }

// Common operand specs.
var (
	oFail  = op("fail", KindFail)
	oLabel = op("label", KindLabel)
	oSrc   = op("src", KindSrc)
	oDst   = op("dst", KindDst)
	oArity = op("arity", KindUint)
	oCtx   = op("ctx", KindReg)
	oY     = op("y", KindYDst)
	oYSrc  = op("y", KindYSrc)
	oN     = op("n", KindUint)
)

func typeTest(name, what string) Info {
	return Info{Name: name, Group: "Type tests", Operands: []OperandSpec{oFail, oSrc},
		Flags: FlagBranch | FlagTest, Effect: "if src is not " + what + " goto fail",
		Doc: "Falls through when src is " + what + "."}
}

func compare(name, rel, doc string) Info {
	return Info{Name: name, Group: "Comparisons",
		Operands: []OperandSpec{oFail, op("a", KindSrc), op("b", KindSrc)},
		Flags:    FlagBranch | FlagTest, Effect: "if not (a " + rel + " b) goto fail", Doc: doc}
}

const (
	gMove    = "Moves and frames"
	gCall    = "Calls and returns"
	gBif     = "Built-in functions"
	gFlow    = "Control flow"
	gTuple   = "Tuples and lists"
	gMap     = "Maps"
	gBin     = "Binaries"
	gFun     = "Closures"
	gExc     = "Exceptions"
	gMsg     = "Messages"
	gTypes   = "Type tests"
	gCompare = "Comparisons"
)

// groupOrder is the order of the sections of docs/ISA.md.
var groupOrder = []string{gMove, gCall, gBif, gFlow, gTypes, gCompare, gTuple, gMap, gBin, gFun, gExc, gMsg}

var table = [...]Info{
	// Moves and frames.
	Move: {Name: "move", Group: gMove, Operands: []OperandSpec{oSrc, oDst},
		Effect: "dst := src", Doc: "Copies a value into a register."},
	Swap: {Name: "swap", Group: gMove, Operands: []OperandSpec{op("a", KindReg), op("b", KindReg)},
		Effect: "a, b := b, a", Doc: "Exchanges two registers."},
	Init: {Name: "init", Group: gMove, Operands: []OperandSpec{oY},
		Effect: "y := []", Doc: "Sets a y slot to [] so that it counts as written."},
	Allocate: {Name: "allocate", Group: gMove, Operands: []OperandSpec{op("slots", KindUint)},
		Effect: "push frame of slots y slots (unwritten)",
		Doc:    "Makes a stack frame with y0..y(slots-1); x registers are kept. No frame may be live."},
	Deallocate: {Name: "deallocate", Group: gMove, Operands: []OperandSpec{op("slots", KindUint)},
		Effect: "pop frame (slots = its size)", Doc: "Removes the live frame, whose size must be slots."},

	// Calls and returns.
	Call: {Name: "call", Group: gCall, Operands: []OperandSpec{oArity, op("func", KindLocal)}, Cost: 1,
		Flags: FlagCall | FlagClobber | FlagMayGC, Effect: "x0 := func(x0..x(arity-1))",
		Doc: "Calls a local function; needs a live frame; on return only x0 is defined and the frame is intact."},
	CallLast: {Name: "call_last", Group: gCall,
		Operands: []OperandSpec{oArity, op("func", KindLocal), op("slots", KindUint)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "deallocate slots; tail-call func(x0..x(arity-1))",
		Doc: "Removes the live frame (of size slots) and jumps to a local function; its return is ours."},
	CallOnly: {Name: "call_only", Group: gCall, Operands: []OperandSpec{oArity, op("func", KindLocal)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "tail-call func(x0..x(arity-1))",
		Doc: "Jumps to a local function without a frame (none may be live)."},
	CallExt: {Name: "call_ext", Group: gCall, Operands: []OperandSpec{oArity, op("func", KindImport)}, Cost: 1,
		Flags: FlagCall | FlagClobber | FlagMayGC, Effect: "x0 := mod:func(x0..x(arity-1))",
		Doc: "Calls the current version of an exported function (or a BIF) through the export table; needs a live frame."},
	CallExtLast: {Name: "call_ext_last", Group: gCall,
		Operands: []OperandSpec{oArity, op("func", KindImport), op("slots", KindUint)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "deallocate slots; tail-call mod:func(x0..x(arity-1))",
		Doc: "Removes the live frame and tail-calls an exported function."},
	CallExtOnly: {Name: "call_ext_only", Group: gCall, Operands: []OperandSpec{oArity, op("func", KindImport)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "tail-call mod:func(x0..x(arity-1))",
		Doc: "Tail-calls an exported function without a frame."},
	CallFun: {Name: "call_fun", Group: gCall, Operands: []OperandSpec{oArity}, Cost: 1,
		Flags: FlagCall | FlagClobber | FlagMayGC, Effect: "x0 := x(arity)(x0..x(arity-1))",
		Doc: "Calls the fun in x(arity); needs a live frame; raises {badfun,F} or {badarity,{F,Args}}."},
	CallFunLast: {Name: "call_fun_last", Group: gCall, Operands: []OperandSpec{oArity, op("slots", KindUint)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "deallocate slots; tail-call x(arity)(x0..x(arity-1))",
		Doc: "Removes the live frame and tail-calls the fun in x(arity)."},
	CallFunOnly: {Name: "call_fun_only", Group: gCall, Operands: []OperandSpec{oArity}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "tail-call x(arity)(x0..x(arity-1))",
		Doc: "Tail-calls the fun in x(arity) without a frame."},
	Apply: {Name: "apply", Group: gCall, Operands: []OperandSpec{oArity}, Cost: 1,
		Flags: FlagCall | FlagClobber | FlagMayGC, Effect: "x0 := x(arity):x(arity+1)(x0..x(arity-1))",
		Doc: "Calls module x(arity), function x(arity+1) with arity arguments; needs a live frame; raises undef if missing."},
	ApplyLast: {Name: "apply_last", Group: gCall, Operands: []OperandSpec{oArity, op("slots", KindUint)}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "deallocate slots; tail-call x(arity):x(arity+1)(x0..x(arity-1))",
		Doc: "Removes the live frame and tail-applies."},
	ApplyOnly: {Name: "apply_only", Group: gCall, Operands: []OperandSpec{oArity}, Cost: 1,
		Flags: FlagCall | FlagTerminator | FlagMayGC, Effect: "tail-call x(arity):x(arity+1)(x0..x(arity-1))",
		Doc: "Tail-applies without a frame."},
	Return: {Name: "return", Group: gCall, Flags: FlagTerminator, Effect: "return x0",
		Doc: "Returns x0 to the caller; no frame may be live."},

	// Built-in functions.
	Bif0: {Name: "bif0", Group: gBif, Operands: []OperandSpec{op("bif", KindImport), oDst}, Cost: 1,
		Flags: FlagMayGC, Effect: "dst := bif()", Doc: "Calls a BIF of arity 0 (self/0, node/0, …); other x registers are kept."},
	Bif1: {Name: "bif1", Group: gBif, Operands: []OperandSpec{oFail, op("bif", KindImport), op("a", KindSrc), oDst}, Cost: 1,
		Flags: FlagBranch | FlagMayGC, Effect: "dst := bif(a), on error goto fail (or raise if none)",
		Doc: "Calls a BIF of arity 1 inline; a guard BIF fails to the label, a body BIF (fail none) raises."},
	Bif2: {Name: "bif2", Group: gBif, Operands: []OperandSpec{oFail, op("bif", KindImport), op("a", KindSrc), op("b", KindSrc), oDst}, Cost: 1,
		Flags: FlagBranch | FlagMayGC, Effect: "dst := bif(a, b), on error goto fail (or raise if none)",
		Doc: "Calls a BIF of arity 2 inline (arithmetic, comparison, element/2, …)."},
	Bif3: {Name: "bif3", Group: gBif, Operands: []OperandSpec{oFail, op("bif", KindImport), op("a", KindSrc), op("b", KindSrc), op("c", KindSrc), oDst}, Cost: 1,
		Flags: FlagBranch | FlagMayGC, Effect: "dst := bif(a, b, c), on error goto fail (or raise if none)",
		Doc: "Calls a BIF of arity 3 inline."},

	// Control flow.
	Jump: {Name: "jump", Group: gFlow, Operands: []OperandSpec{oLabel}, Flags: FlagBranch | FlagTerminator,
		Effect: "goto label", Doc: "Jumps to a label of the same function; a backward jump costs 1 reduction."},
	SelectVal: {Name: "select_val", Group: gFlow, Operands: []OperandSpec{oSrc, oFail, op("table", KindValTable)},
		Flags: FlagBranch | FlagTerminator, Effect: "goto table[src] if present (exact equality), else fail",
		Doc: "Multi-way branch on a value (atoms, integers, floats: compared with =:=); fail none raises case_clause."},
	SelectTupleArity: {Name: "select_tuple_arity", Group: gFlow, Operands: []OperandSpec{oSrc, oFail, op("table", KindArityTable)},
		Flags: FlagBranch | FlagTerminator, Effect: "goto table[tuple_size(src)] if present, else fail",
		Doc: "Multi-way branch on the arity of a tuple; the verifier must know src is a tuple (is_tuple first)."},

	// Type tests.
	IsInteger:      typeTest("is_integer", "an integer"),
	IsFloat:        typeTest("is_float", "a float"),
	IsNumber:       typeTest("is_number", "a number"),
	IsAtom:         typeTest("is_atom", "an atom"),
	IsPid:          typeTest("is_pid", "a pid"),
	IsRef:          typeTest("is_ref", "a reference"),
	IsPort:         typeTest("is_port", "a port"),
	IsBinary:       typeTest("is_binary", "a binary"),
	IsBitstring:    typeTest("is_bitstring", "a bitstring"),
	IsList:         typeTest("is_list", "a list ([] or a cons)"),
	IsNonemptyList: typeTest("is_nonempty_list", "a cons cell"),
	IsNil:          typeTest("is_nil", "[]"),
	IsTuple:        typeTest("is_tuple", "a tuple"),
	IsMap:          typeTest("is_map", "a map"),
	IsFunction:     typeTest("is_function", "a fun"),
	IsBoolean:      typeTest("is_boolean", "true or false"),
	IsFunction2: {Name: "is_function2", Group: gTypes, Operands: []OperandSpec{oFail, oSrc, op("arity", KindSrc)},
		Flags: FlagBranch | FlagTest, Effect: "if not is_function(src, arity) goto fail",
		Doc: "Falls through when src is a fun of the given arity."},
	IsTaggedTuple: {Name: "is_tagged_tuple", Group: gTypes, Operands: []OperandSpec{oFail, oSrc, oArity, op("tag", KindAtom)},
		Flags: FlagBranch | FlagTest, Effect: "if not (is_tuple(src) and tuple_size(src) == arity and element(1, src) == tag) goto fail",
		Doc: "Falls through when src is a tuple of the given arity whose first element is tag (records)."},
	TestArity: {Name: "test_arity", Group: gTypes, Operands: []OperandSpec{oFail, oSrc, oArity},
		Flags: FlagBranch | FlagTest, Effect: "if tuple_size(src) != arity goto fail",
		Doc: "Falls through when the tuple src has the given arity; the verifier must know src is a tuple."},

	// Comparisons.
	IsLt:      compare("is_lt", "<", "Falls through when a < b in term order."),
	IsGe:      compare("is_ge", ">=", "Falls through when a >= b in term order."),
	IsEq:      compare("is_eq", "==", "Falls through when a == b (1 == 1.0)."),
	IsNe:      compare("is_ne", "/=", "Falls through when a /= b."),
	IsEqExact: compare("is_eq_exact", "=:=", "Falls through when a =:= b (1 =/= 1.0)."),
	IsNeExact: compare("is_ne_exact", "=/=", "Falls through when a =/= b."),

	// Tuples and lists.
	PutTuple: {Name: "put_tuple", Group: gTuple, Operands: []OperandSpec{oDst, op("elems", KindSrcList)},
		Flags: FlagMayGC, Effect: "dst := {elems...}", Doc: "Builds a tuple."},
	GetTupleElement: {Name: "get_tuple_element", Group: gTuple, Operands: []OperandSpec{oSrc, op("index", KindUint), oDst},
		Effect: "dst := element(index+1, src)", Doc: "Reads a tuple element by 0-based index; the verifier must know src is a tuple of more than index elements."},
	UpdateTuple: {Name: "update_tuple", Group: gTuple, Operands: []OperandSpec{oSrc, oDst, op("updates", KindUpdates)},
		Flags: FlagMayGC, Effect: "dst := copy of src with element(pos+1) := value for each update",
		Doc: "Copies a tuple with some elements replaced (0-based positions); the verifier must know src is a tuple large enough."},
	GetList: {Name: "get_list", Group: gTuple, Operands: []OperandSpec{oSrc, op("hd", KindDst), op("tl", KindDst)},
		Effect: "hd, tl := hd(src), tl(src)", Doc: "Splits a cons cell; the verifier must know src is one (is_nonempty_list, put_list, a literal)."},
	GetHd: {Name: "get_hd", Group: gTuple, Operands: []OperandSpec{oSrc, oDst},
		Effect: "dst := hd(src)", Doc: "Reads the head of a cons cell; the verifier must know src is one."},
	GetTl: {Name: "get_tl", Group: gTuple, Operands: []OperandSpec{oSrc, oDst},
		Effect: "dst := tl(src)", Doc: "Reads the tail of a cons cell; the verifier must know src is one."},
	PutList: {Name: "put_list", Group: gTuple, Operands: []OperandSpec{op("hd", KindSrc), op("tl", KindSrc), oDst},
		Flags: FlagMayGC, Effect: "dst := [hd | tl]", Doc: "Builds a cons cell."},

	// Maps.
	PutMapAssoc: {Name: "put_map_assoc", Group: gMap, Operands: []OperandSpec{oFail, op("map", KindSrc), oDst, op("pairs", KindPairs)},
		Flags: FlagBranch | FlagMayGC, Effect: "dst := map#{k => v, ...}; not a map: goto fail (or raise {badmap,map})",
		Doc: "Inserts or replaces keys (=>); build a new map from #{} as the map operand."},
	PutMapExact: {Name: "put_map_exact", Group: gMap, Operands: []OperandSpec{oFail, op("map", KindSrc), oDst, op("pairs", KindPairs)},
		Flags: FlagBranch | FlagMayGC, Effect: "dst := map#{k := v, ...}; missing key or not a map: goto fail (or raise {badkey,K} / {badmap,map})",
		Doc: "Replaces existing keys (:=)."},
	HasMapFields: {Name: "has_map_fields", Group: gMap, Operands: []OperandSpec{oFail, op("map", KindSrc), op("keys", KindSrcList)},
		Flags: FlagBranch | FlagTest, Effect: "if some key is not in map goto fail",
		Doc: "Falls through when every key is in map; the verifier must know map is a map (is_map, put_map_*)."},
	GetMapElements: {Name: "get_map_elements", Group: gMap, Operands: []OperandSpec{oFail, op("map", KindSrc), op("pairs", KindKeyDsts)},
		Flags: FlagBranch | FlagTest, Effect: "for each key => dst: dst := map[key]; some key missing: goto fail",
		Doc: "Reads several keys at once; the verifier must know map is a map; on failure no dst is written."},

	// Binaries.
	BsCreateBin: {Name: "bs_create_bin", Group: gBin, Operands: []OperandSpec{oFail, oDst, op("segments", KindSegments)},
		Flags: FlagBranch | FlagMayGC, Effect: "dst := <<segments...>>; bad segment: goto fail (or raise badarg)",
		Doc: "Builds a binary or bitstring from integer, float, binary and utf8/16/32 segments."},
	BsStartMatch: {Name: "bs_start_match", Group: gBin, Operands: []OperandSpec{oFail, oSrc, oDst},
		Flags: FlagBranch | FlagTest | FlagMayGC, Effect: "if not is_bitstring(src) goto fail; dst := match context at bit 0 of src",
		Doc: "Starts matching a bitstring; dst holds a match context that only bs_* instructions may use."},
	BsGetInteger: {Name: "bs_get_integer", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("size", KindSize), op("unit", KindUint), op("flags", KindBsFlags), oDst},
		Flags: FlagBranch | FlagTest | FlagMayGC, Effect: "dst := next size*unit bits of ctx as an integer; too short: goto fail",
		Doc: "Matches an integer of any size and endianness, signed or unsigned."},
	BsGetFloat: {Name: "bs_get_float", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("size", KindSize), op("unit", KindUint), op("flags", KindBsFlags), oDst},
		Flags: FlagBranch | FlagTest | FlagMayGC, Effect: "dst := next size*unit (16, 32 or 64) bits as a float; else goto fail",
		Doc: "Matches a float; NaN and infinities fail."},
	BsGetBinary: {Name: "bs_get_binary", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("size", KindSize), op("unit", KindUint), op("flags", KindBsFlags), oDst},
		Flags: FlagBranch | FlagTest | FlagMayGC, Effect: "dst := next size*unit bits as a bitstring (size all: the rest, a multiple of unit); else goto fail",
		Doc: "Matches a sub-binary."},
	BsGetUtf8: {Name: "bs_get_utf8", Group: gBin, Operands: []OperandSpec{oFail, oCtx, oDst},
		Flags: FlagBranch | FlagTest, Effect: "dst := next UTF-8 code point; invalid: goto fail", Doc: "Matches a UTF-8 code point."},
	BsGetUtf16: {Name: "bs_get_utf16", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("flags", KindBsFlags), oDst},
		Flags: FlagBranch | FlagTest, Effect: "dst := next UTF-16 code point; invalid: goto fail", Doc: "Matches a UTF-16 code point (big-endian unless little)."},
	BsGetUtf32: {Name: "bs_get_utf32", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("flags", KindBsFlags), oDst},
		Flags: FlagBranch | FlagTest, Effect: "dst := next UTF-32 code point; invalid: goto fail", Doc: "Matches a UTF-32 code point (big-endian unless little)."},
	BsSkipBits: {Name: "bs_skip_bits", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("size", KindSize), op("unit", KindUint)},
		Flags: FlagBranch | FlagTest, Effect: "advance ctx by size*unit bits (all: to the end); too short: goto fail",
		Doc: "Skips bits."},
	BsMatchString: {Name: "bs_match_string", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("bits", KindLit)},
		Flags: FlagBranch | FlagTest, Effect: "if the next bits of ctx differ from the bitstring literal bits goto fail; else advance",
		Doc: "Matches a literal prefix (<<\"GET \", Rest/binary>>)."},
	BsTestTail: {Name: "bs_test_tail", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("bits", KindUint)},
		Flags: FlagBranch | FlagTest, Effect: "if bits remaining in ctx != bits goto fail", Doc: "Tests the number of bits left."},
	BsTestUnit: {Name: "bs_test_unit", Group: gBin, Operands: []OperandSpec{oFail, oCtx, op("unit", KindUint)},
		Flags: FlagBranch | FlagTest, Effect: "if bits remaining in ctx is not a multiple of unit goto fail", Doc: "Tests the alignment of the rest."},
	BsGetTail: {Name: "bs_get_tail", Group: gBin, Operands: []OperandSpec{oCtx, oDst},
		Flags: FlagMayGC, Effect: "dst := the rest of ctx as a bitstring", Doc: "Ends a match, keeping the unmatched rest."},
	BsGetPosition: {Name: "bs_get_position", Group: gBin, Operands: []OperandSpec{oCtx, oDst},
		Effect: "dst := position of ctx (an integer)", Doc: "Saves the match position, to backtrack to another clause."},
	BsSetPosition: {Name: "bs_set_position", Group: gBin, Operands: []OperandSpec{oCtx, op("pos", KindSrc)},
		Effect: "position of ctx := pos", Doc: "Restores a position saved by bs_get_position."},

	// Closures.
	MakeFun: {Name: "make_fun", Group: gFun, Operands: []OperandSpec{op("lambda", KindLambda), oDst, op("env", KindSrcList)},
		Flags: FlagMayGC, Effect: "dst := fun of lambda capturing env",
		Doc: "Makes a closure; calling it with N arguments calls the lambda's function with the N arguments followed by env."},

	// Exceptions.
	Try: {Name: "try", Group: gExc, Operands: []OperandSpec{oY, op("handler", KindLabel)},
		Flags: FlagBranch, Effect: "y := catch tag for handler; push handler",
		Doc: "Enters a try block: an exception until try_end goes to handler, where try_case must come first."},
	TryEnd: {Name: "try_end", Group: gExc, Operands: []OperandSpec{oYSrc},
		Effect: "pop handler; y := []", Doc: "Leaves a try block normally."},
	TryCase: {Name: "try_case", Group: gExc, Operands: []OperandSpec{oYSrc},
		Flags: FlagClobber, Effect: "pop handler; y := []; x0, x1, x2 := class, reason, stacktrace",
		Doc: "First instruction of a try handler: delivers the exception."},
	TryCaseEnd: {Name: "try_case_end", Group: gExc, Operands: []OperandSpec{oSrc},
		Flags: FlagTerminator, Effect: "raise error {try_clause, src}", Doc: "No clause of a try's of section matched."},
	Catch: {Name: "catch", Group: gExc, Operands: []OperandSpec{oY, op("handler", KindLabel)},
		Flags: FlagBranch, Effect: "y := catch tag for handler; push handler",
		Doc: "Enters a catch expression: an exception until catch_end goes to handler, which is a catch_end."},
	CatchEnd: {Name: "catch_end", Group: gExc, Operands: []OperandSpec{oYSrc},
		Effect: "pop handler; y := []; after an exception x0 := caught value",
		Doc:    "Ends a catch: x0 is the value, the thrown term, {'EXIT', Reason} for exit, {'EXIT', {Reason, Stack}} for error."},
	Raise: {Name: "raise", Group: gExc, Operands: []OperandSpec{op("class", KindSrc), op("reason", KindSrc), op("trace", KindSrc)},
		Flags: FlagTerminator, Effect: "raise class:reason with stacktrace trace",
		Doc: "erlang:raise/3: re-raises with a stacktrace from try_case; a bad class raises badarg."},
	Badmatch: {Name: "badmatch", Group: gExc, Operands: []OperandSpec{oSrc}, Flags: FlagTerminator,
		Effect: "raise error {badmatch, src}", Doc: "A match failed."},
	CaseEnd: {Name: "case_end", Group: gExc, Operands: []OperandSpec{oSrc}, Flags: FlagTerminator,
		Effect: "raise error {case_clause, src}", Doc: "No case clause matched."},
	IfEnd: {Name: "if_end", Group: gExc, Flags: FlagTerminator,
		Effect: "raise error if_clause", Doc: "No if clause matched."},
	FuncClause: {Name: "func_clause", Group: gExc, Flags: FlagTerminator,
		Effect: "raise error function_clause (arguments x0..x(arity-1))",
		Doc:    "No clause of the current function matched; the trace's top entry holds the arguments."},
	Badrecord: {Name: "badrecord", Group: gExc, Operands: []OperandSpec{oSrc}, Flags: FlagTerminator,
		Effect: "raise error {badrecord, src}", Doc: "A record operation was given something else."},

	// Messages.
	Send: {Name: "send", Group: gMsg, Operands: []OperandSpec{op("to", KindSrc), op("msg", KindSrc)}, Cost: 1,
		Effect: "to ! msg", Doc: "Sends a copy of msg to a pid or registered name; an unknown name raises badarg."},
	LoopRec: {Name: "loop_rec", Group: gMsg, Operands: []OperandSpec{oFail, oDst},
		Flags: FlagBranch | FlagTest | FlagMayGC, Effect: "if no message at the save pointer goto fail; dst := that message",
		Doc: "Peeks at the message under the save pointer (it stays in the mailbox)."},
	LoopRecEnd: {Name: "loop_rec_end", Group: gMsg, Operands: []OperandSpec{oLabel},
		Flags: FlagBranch | FlagTerminator | FlagClobber, Effect: "advance the save pointer; goto label",
		Doc: "Skips the current message and goes back to the loop_rec at label."},
	RemoveMessage: {Name: "remove_message", Group: gMsg,
		Effect: "remove the message at the save pointer; reset the save pointer; clear timeout",
		Doc:    "Accepts the message peeked by loop_rec."},
	Wait: {Name: "wait", Group: gMsg, Operands: []OperandSpec{oLabel}, Cost: 1,
		Flags: FlagBranch | FlagTerminator | FlagClobber, Effect: "suspend until a new message; goto label",
		Doc: "Waits for a message, then resumes at the loop_rec at label (the save pointer is kept)."},
	WaitTimeout: {Name: "wait_timeout", Group: gMsg, Operands: []OperandSpec{oLabel, op("ms", KindSrc)}, Cost: 1,
		Flags: FlagBranch | FlagClobber, Effect: "suspend until a new message (goto label) or ms elapsed (fall through)",
		Doc: "Waits with a timeout in milliseconds (an integer, or infinity); a timeout falls through, to timeout."},
	Timeout: {Name: "timeout", Group: gMsg,
		Effect: "reset the save pointer", Doc: "Follows wait_timeout when the time is up."},
	RecvMarkerReserve: {Name: "recv_marker_reserve", Group: gMsg, Operands: []OperandSpec{oDst},
		Effect: "dst := marker at the current end of the mailbox",
		Doc:    "Marks the mailbox's end before make_ref, so that a receive of the reply skips older messages."},
	RecvMarkerBind: {Name: "recv_marker_bind", Group: gMsg, Operands: []OperandSpec{op("marker", KindSrc), op("ref", KindSrc)},
		Effect: "bind marker to ref", Doc: "Ties a reserved marker to the reference just made."},
	RecvMarkerClear: {Name: "recv_marker_clear", Group: gMsg, Operands: []OperandSpec{op("ref", KindSrc)},
		Effect: "forget the marker bound to ref", Doc: "Drops a marker once the reply is received."},
	RecvMarkerUse: {Name: "recv_marker_use", Group: gMsg, Operands: []OperandSpec{op("ref", KindSrc)},
		Effect: "save pointer := marker bound to ref (if any)",
		Doc:    "Starts the next receive at the marker: messages older than ref cannot match."},
}

// Lookup returns the description of op, or nil if op is not an opcode.
func Lookup(op Opcode) *Info {
	if int(op) >= len(table) || table[op].Name == "" {
		return nil
	}
	return &table[op]
}

// String returns the mnemonic, or "op(N)" for an unknown opcode.
func (o Opcode) String() string {
	if in := Lookup(o); in != nil {
		return in.Name
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

var byName = func() map[string]Opcode {
	m := make(map[string]Opcode, len(table))
	for i := range table {
		if table[i].Name != "" {
			m[table[i].Name] = Opcode(i)
		}
	}
	return m
}()

// OpcodeByName returns the opcode with mnemonic name.
func OpcodeByName(name string) (Opcode, bool) {
	o, ok := byName[name]
	return o, ok
}

// Opcodes returns every opcode in the table, in increasing order.
func Opcodes() []Opcode {
	var ops []Opcode
	for i := range table {
		if table[i].Name != "" {
			ops = append(ops, Opcode(i))
		}
	}
	return ops
}

// Mnemonics returns every mnemonic, in opcode order (for "did you mean" suggestions).
func Mnemonics() []string {
	var names []string
	for _, o := range Opcodes() {
		names = append(names, table[o].Name)
	}
	return names
}
