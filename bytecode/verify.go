package bytecode

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/beamlite/beamlite/value"
)

// Pos is a source position: the .bl file and line of an instruction.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// VerifyError is one reason why [Verify] refused a module. Func is "name/arity" and Index the
// instruction's index in its code; module-level errors have Func "" and Index -1.
type VerifyError struct {
	Module value.Atom
	Func   string
	Index  int
	Op     string // the instruction's mnemonic, if known
	Pos    Pos
	Msg    string
}

func (e *VerifyError) Error() string {
	var b strings.Builder
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, "%s: ", e.Pos)
	}
	fmt.Fprintf(&b, "module %s", value.QuoteAtom(string(e.Module)))
	if e.Func != "" {
		fmt.Fprintf(&b, ", %s", e.Func)
	}
	if e.Index >= 0 {
		fmt.Fprintf(&b, ", instruction %d", e.Index)
		if e.Op != "" {
			fmt.Fprintf(&b, " (%s)", e.Op)
		}
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// ErrorList is every error found in a module, in the order found, capped at [MaxErrors].
type ErrorList []*VerifyError

// MaxErrors caps the errors Verify reports for one module.
const MaxErrors = 100

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Verify checks that the interpreter can run m safely and returns nil or an [ErrorList]. It
// never panics, whatever m holds. The rules (each has a test in verify_test.go):
//
//   - module level: literals are canonical value terms; atom names have at most 255
//     characters; import and function arities are at most MaxArity; exports and funs name
//     existing functions, once each; no two functions share a name and arity;
//   - each instruction: a known opcode, the table's number of operands, each of a tag its kind
//     allows, every index in range (registers, literals, atoms, imports, functions, funs,
//     labels — a label is an index into the same function's code, so no jump leaves it);
//   - arities: a call's arity operand equals the callee's (local: the function's; external and
//     BIF: the import's), make_fun captures as many values as the fun has free variables;
//   - dataflow over the function's control-flow graph: x registers and y slots are read only
//     after they are written on every path (a function starts with x0..x(arity-1); a body call
//     leaves only x0; see doc.go for the others); y slots are used only inside a live frame;
//     the frame size agrees at every join; allocate needs no frame, a body call (call,
//     call_ext, call_fun, apply) needs one, deallocate and the _last calls need one of the
//     stated size and no active try/catch; return and the _only calls need none; match contexts go only to bs_* instructions and catch tags only to
//     try_end/try_case/catch_end, which end only the innermost active one (handlers are a
//     stack); an active catch tag is never overwritten nor its frame
//     removed on any path; an exception handler is checked against every state of its
//     protected region;
//   - types: get_tuple_element, update_tuple, test_arity, select_tuple_arity, get_list,
//     get_hd, get_tl, has_map_fields and get_map_elements only where the operand is known to be
//     a tuple (large enough), a cons or a map (see doc.go);
//   - receive: remove_message and loop_rec_end only right after a successful loop_rec (no
//     call, wait, timeout or remove_message in between);
//   - no instruction falls off the end of its function.
//
// Backward jumps need no rule: each costs a reduction (see doc.go).
func Verify(m *Module) error {
	if m == nil {
		return ErrorList{{Index: -1, Msg: "nil module"}}
	}
	v := &verifier{m: m}
	v.runCapped()
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

// runCapped runs the checks until they end or MaxErrors errors stop them.
func (v *verifier) runCapped() {
	defer func() {
		if r := recover(); r != nil && r != errTooMany {
			panic(r)
		}
	}()
	v.run()
}

type tooMany struct{}

var errTooMany = &tooMany{}

type verifier struct {
	m    *Module
	errs ErrorList
	// the function being checked
	fi   int
	f    *Function
	name string
}

func (v *verifier) errorf(index int, format string, args ...any) {
	e := &VerifyError{Module: v.m.Name, Func: v.name, Index: index, Msg: fmt.Sprintf(format, args...),
		Pos: Pos{File: v.m.File}}
	if v.f != nil && index >= 0 && index < len(v.f.Code) {
		in := &v.f.Code[index]
		e.Pos.Line = int(in.Line)
		if info := Lookup(in.Op); info != nil {
			e.Op = info.Name
		}
	}
	v.errs = append(v.errs, e)
	if len(v.errs) >= MaxErrors {
		panic(errTooMany)
	}
}

func (v *verifier) run() {
	m := v.m
	v.checkAtom(m.Name, "module name")
	for i, a := range m.Atoms {
		v.checkAtom(a, fmt.Sprintf("atom %d", i))
	}
	for i, t := range m.Literals {
		if msg := checkLiteral(t, 0); msg != "" {
			v.errorf(-1, "literal %d: %s", i, msg)
		}
	}
	for i, im := range m.Imports {
		v.checkAtom(im.Module, fmt.Sprintf("import %d module", i))
		v.checkAtom(im.Name, fmt.Sprintf("import %d name", i))
		if im.Arity < 0 || im.Arity > MaxArity {
			v.errorf(-1, "import %d (%s:%s): arity %d out of range 0..%d", i, im.Module, im.Name, im.Arity, MaxArity)
		}
	}
	seen := map[int]bool{}
	for i, f := range m.Exports {
		switch {
		case f < 0 || f >= len(m.Functions):
			v.errorf(-1, "export %d: no function %d", i, f)
		case seen[f]:
			v.errorf(-1, "export %d: %s exported twice", i, v.funcName(f))
		}
		seen[f] = true
	}
	for i, l := range m.Funs {
		if l.Func < 0 || l.Func >= len(m.Functions) {
			v.errorf(-1, "fun %d: no function %d", i, l.Func)
		} else if l.NumFree < 0 || l.NumFree > m.Functions[l.Func].Arity {
			v.errorf(-1, "fun %d: %d free variables, but %s has only %d parameters", i, l.NumFree, v.funcName(l.Func),
				m.Functions[l.Func].Arity)
		}
	}
	type key struct {
		name  value.Atom
		arity int
	}
	defined := map[key]int{}
	for i := range m.Functions {
		f := &m.Functions[i]
		v.checkAtom(f.Name, fmt.Sprintf("function %d name", i))
		if f.Arity < 0 || f.Arity > MaxArity {
			v.errorf(-1, "function %d (%s): arity %d out of range 0..%d", i, f.Name, f.Arity, MaxArity)
		}
		k := key{f.Name, f.Arity}
		if j, dup := defined[k]; dup {
			v.errorf(-1, "function %d: %s is already defined as function %d", i, v.funcName(i), j)
		}
		defined[k] = i
	}
	for i := range m.Functions {
		v.fi, v.f, v.name = i, &m.Functions[i], v.funcName(i)
		v.function()
	}
}

func (v *verifier) funcName(i int) string {
	f := &v.m.Functions[i]
	return fmt.Sprintf("%s/%d", value.QuoteAtom(string(f.Name)), f.Arity)
}

func (v *verifier) checkAtom(a value.Atom, what string) {
	if n := utf8.RuneCountInString(string(a)); n > 255 {
		v.errorf(-1, "%s: atom of %d characters (at most 255)", what, n)
	}
}

// checkLiteral returns why t is not a canonical value term, or "".
func checkLiteral(t value.Term, depth int) string {
	if depth > maxTermDepth {
		return fmt.Sprintf("nested deeper than %d", maxTermDepth)
	}
	switch t := t.(type) {
	case nil:
		return "nil term"
	case value.Atom:
		if n := utf8.RuneCountInString(string(t)); n > 255 {
			return fmt.Sprintf("atom of %d characters (at most 255)", n)
		}
	case value.BigInt:
		if t.V == nil || t.V.IsInt64() {
			return "BigInt that is nil or fits an int64 (use value.Integer)"
		}
	case value.Float:
		if math.IsNaN(float64(t)) || math.IsInf(float64(t), 0) {
			return "float that is not finite"
		}
	case value.Bitstring:
		if t.Bits <= 0 || t.Bits%8 == 0 || len(t.Bytes) != (t.Bits+7)/8 || t.Bytes[len(t.Bytes)-1]&(0xff>>(t.Bits%8)) != 0 {
			return "malformed bitstring"
		}
	case value.Tuple:
		return checkLiterals(t, depth)
	case value.List:
		return checkLiterals(t, depth)
	case value.ImproperList:
		if len(t.Elems) == 0 {
			return "improper list without elements"
		}
		switch t.Tail.(type) {
		case value.List, value.ImproperList:
			return "improper list whose tail is a list"
		}
		if msg := checkLiterals(t.Elems, depth); msg != "" {
			return msg
		}
		return checkLiteral(t.Tail, depth+1)
	case value.Map:
		if len(t.Keys) != len(t.Values) {
			return "map with different numbers of keys and values"
		}
		if msg := checkLiterals(t.Keys, depth); msg != "" {
			return msg
		}
		for i := 1; i < len(t.Keys); i++ {
			if value.CompareExact(t.Keys[i-1], t.Keys[i]) >= 0 {
				return "map keys not in strictly increasing order (use value.NewMap)"
			}
		}
		return checkLiterals(t.Values, depth)
	case value.Fun:
		return checkLiterals(t.Env, depth)
	}
	return ""
}

func checkLiterals(ts []value.Term, depth int) string {
	for _, t := range ts {
		if msg := checkLiteral(t, depth+1); msg != "" {
			return msg
		}
	}
	return ""
}

// function checks one function: each instruction on its own, then (if all are well-formed)
// the dataflow.
func (v *verifier) function() {
	f := v.f
	if len(f.Code) == 0 {
		v.errorf(-1, "no code: falls off the end of the function")
		return
	}
	before := len(v.errs)
	for i := range f.Code {
		v.instr(i)
	}
	if len(v.errs) == before {
		v.dataflow()
	}
}

// instr checks instruction i on its own: opcode, operands, indices and arities.
func (v *verifier) instr(i int) {
	in := &v.f.Code[i]
	info := Lookup(in.Op)
	if info == nil {
		v.errorf(i, "unknown opcode %d", in.Op)
		return
	}
	if len(in.Args) != len(info.Operands) {
		v.errorf(i, "%s takes %d operands, found %d", info.Name, len(info.Operands), len(in.Args))
		return
	}
	ok := true
	for j, spec := range info.Operands {
		if msg := v.operand(spec.Kind, in.Args[j], 0); msg != "" {
			v.errorf(i, "operand %s: %s", spec.Name, msg)
			ok = false
		}
	}
	if ok {
		v.semantics(i, in)
	}
}

// operand returns why o cannot stand where kind k is expected, or "".
func (v *verifier) operand(k OperandKind, o Operand, depth int) string {
	m := v.m
	if !k.Allows(o.Tag) {
		return fmt.Sprintf("%s is not allowed for a %s operand", o.Tag, k)
	}
	if o.Tag != TagList && o.Tag != TagSeg && len(o.List) != 0 {
		return fmt.Sprintf("%s operand with a list", o.Tag)
	}
	n := int(o.N)
	switch o.Tag {
	case TagX:
		if n >= MaxX {
			return fmt.Sprintf("x%d out of range (x0..x%d)", n, MaxX-1)
		}
	case TagY:
		if n >= MaxY {
			return fmt.Sprintf("y%d out of range (y0..y%d)", n, MaxY-1)
		}
	case TagLit:
		if n >= len(m.Literals) {
			return fmt.Sprintf("literal %d out of range (%d literals)", n, len(m.Literals))
		}
	case TagLabel:
		if n >= len(v.f.Code) {
			return fmt.Sprintf("label %d is not an instruction of %s (%d instructions)", n, v.name, len(v.f.Code))
		}
	case TagNone:
		if n != 0 {
			return "none operand with a value"
		}
	case TagAtom:
		if n >= len(m.Atoms) {
			return fmt.Sprintf("atom %d out of range (%d atoms)", n, len(m.Atoms))
		}
	case TagFunc:
		if n >= len(m.Functions) {
			return fmt.Sprintf("function %d out of range (%d functions)", n, len(m.Functions))
		}
	case TagImport:
		if n >= len(m.Imports) {
			return fmt.Sprintf("import %d out of range (%d imports)", n, len(m.Imports))
		}
	case TagLambda:
		if n >= len(m.Funs) {
			return fmt.Sprintf("fun %d out of range (%d funs)", n, len(m.Funs))
		}
	case TagUint:
		if k == KindBsFlags && BsFlags(n)&^bsAllFlags != 0 {
			return fmt.Sprintf("unknown binary flags %#x", n)
		}
	case TagList:
		if n != 0 {
			return "list operand with a value"
		}
		return v.list(k, o.List)
	}
	if o.Tag == TagLit && k == KindSize {
		if t, ok := m.Literals[n].(value.Int); !ok || t < 0 {
			return fmt.Sprintf("size %s is not a non-negative integer", short(m.Literals[n]))
		}
	}
	return ""
}

func (v *verifier) list(k OperandKind, elems []Operand) string {
	if k == KindSegments {
		for _, s := range elems {
			if s.Tag != TagSeg {
				return fmt.Sprintf("segment list holds a %s", s.Tag)
			}
			if len(s.List) != 2 {
				return "segment without value and size"
			}
			if t := s.SegType(); t < SegInteger || t > lastSegType {
				return fmt.Sprintf("unknown segment type %d", t)
			}
			if s.N>>4&0xf&^uint32(bsAllFlags) != 0 {
				return "unknown segment flags"
			}
			if u := s.SegUnit(); u < 1 || u > MaxUnit {
				return fmt.Sprintf("segment unit %d out of range 1..%d", u, MaxUnit)
			}
			if msg := v.operand(KindSrc, s.SegValue(), 1); msg != "" {
				return "segment value: " + msg
			}
			if msg := v.operand(KindSize, s.SegSize(), 1); msg != "" {
				return "segment size: " + msg
			}
		}
		return ""
	}
	group := k.ElemKinds()
	if len(elems)%len(group) != 0 {
		return fmt.Sprintf("%s needs a multiple of %d elements, has %d", k, len(group), len(elems))
	}
	for j, e := range elems {
		if msg := v.operand(group[j%len(group)], e, 1); msg != "" {
			return fmt.Sprintf("element %d: %s", j, msg)
		}
	}
	switch k {
	case KindValTable:
		// Keyed by the printed form, which is one-to-one on atoms, integers and floats (1 and
		// 1.0 differ, as under =:=; -0.0 is folded into 0.0, which =:= equals), so that a large
		// table is checked in linear time.
		seen := make(map[string]bool, len(elems)/2)
		for j := 0; j < len(elems); j += 2 {
			t := v.m.Literals[elems[j].N]
			switch f := t.(type) {
			case value.Atom, value.Int, value.BigInt:
			case value.Float:
				t = f + 0 // -0.0 + 0 is 0.0
			default:
				return fmt.Sprintf("select value %s is not an atom or a number", short(t))
			}
			key := value.Format(t)
			if seen[key] {
				return fmt.Sprintf("select value %s appears twice", short(t))
			}
			seen[key] = true
		}
	case KindArityTable:
		seen := map[uint32]bool{}
		for j := 0; j < len(elems); j += 2 {
			if seen[elems[j].N] {
				return fmt.Sprintf("arity %d appears twice", elems[j].N)
			}
			seen[elems[j].N] = true
		}
	}
	return ""
}

// semantics checks what the operand kinds cannot say: arities and cross-references.
func (v *verifier) semantics(i int, in *Instr) {
	m := v.m
	a := in.Args
	arityOK := func(n uint32) bool {
		if int(n) > MaxArity {
			v.errorf(i, "arity %d out of range 0..%d", n, MaxArity)
			return false
		}
		return true
	}
	switch in.Op {
	case Call, CallLast, CallOnly:
		f := &m.Functions[a[1].N]
		if arityOK(a[0].N) && int(a[0].N) != f.Arity {
			v.errorf(i, "calls %s with %d arguments", v.funcName(int(a[1].N)), a[0].N)
		}
	case CallExt, CallExtLast, CallExtOnly:
		im := m.Imports[a[1].N]
		if arityOK(a[0].N) && int(a[0].N) != im.Arity {
			v.errorf(i, "calls %s:%s/%d with %d arguments", im.Module, im.Name, im.Arity, a[0].N)
		}
	case CallFun, CallFunLast, CallFunOnly, Apply, ApplyLast, ApplyOnly:
		arityOK(a[0].N)
	case Bif0, Bif1, Bif2, Bif3:
		want := int(in.Op - Bif0)
		im := m.Imports[a[bifImportArg(in.Op)].N]
		if im.Arity != want {
			v.errorf(i, "%s needs a BIF of arity %d, %s:%s/%d has %d", in.Op, want, im.Module, im.Name, im.Arity, im.Arity)
		}
	case MakeFun:
		l := m.Funs[a[0].N]
		if len(a[2].List) != l.NumFree {
			v.errorf(i, "fun %d has %d free variables, make_fun captures %d", a[0].N, l.NumFree, len(a[2].List))
		}
	case Allocate, Deallocate:
		if int(a[0].N) > MaxY {
			v.errorf(i, "frame of %d slots (at most %d)", a[0].N, MaxY)
		}
	case IsTaggedTuple:
		if a[2].N == 0 {
			v.errorf(i, "a tagged tuple has at least one element")
		}
	case BsGetInteger, BsGetFloat, BsGetBinary, BsSkipBits:
		if u := a[3].N; u < 1 || u > MaxUnit {
			v.errorf(i, "unit %d out of range 1..%d", u, MaxUnit)
		}
	case BsTestUnit:
		if u := a[2].N; u < 1 || u > MaxUnit {
			v.errorf(i, "unit %d out of range 1..%d", u, MaxUnit)
		}
	case BsMatchString:
		switch m.Literals[a[2].N].(type) {
		case value.Binary, value.Bitstring:
		default:
			v.errorf(i, "bs_match_string needs a bitstring literal")
		}
	case Try, Catch:
		h := &v.f.Code[a[1].N]
		want := TryCase
		if in.Op == Catch {
			want = CatchEnd
		}
		if h.Op != want || len(h.Args) != 1 || !operandsEqual(h.Args[:1], a[:1]) {
			v.errorf(i, "the handler (instruction %d) must be %s y%d", a[1].N, Lookup(want).Name, a[0].N)
		}
	}
}

// bifImportArg is the index of the import operand of bif0..bif3.
func bifImportArg(op Opcode) int {
	if op == Bif0 {
		return 0
	}
	return 1
}

// short formats a literal for an error message, cut to a readable length.
func short(t value.Term) string {
	s := value.Format(t)
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "..."
	}
	return s
}
