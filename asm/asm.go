package asm

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
)

// Assemble parses the .bl source of one module, builds its [bytecode.Module] and verifies it
// with [bytecode.Verify]. file names the source in error messages and becomes Module.File (so
// run-time errors point at it). On bad input the error is an [ErrorList] holding every problem
// found (up to [MaxErrors]), each at its file:line:col; verifier errors are placed at the
// offending instruction.
func Assemble(file string, src []byte) (*bytecode.Module, error) {
	a, errs := assemble(file, string(src))
	if len(errs) > 0 {
		return nil, errs
	}
	if err := verify(a.m, a.pos, a.funcPos, file, string(src)); err != nil {
		return nil, err
	}
	return a.m, nil
}

// assemble does everything but verification: the round-trip tests run it on random modules
// that need not be valid programs. a.pos[f][i] is where instruction i of function f starts.
func assemble(file, src string) (a *assembler, list ErrorList) {
	errs := &errSink{file: file, src: src}
	defer func() {
		// A bug must not take the caller down with it: report it like an error, where the
		// assembler was (G10's "internal error").
		if r := recover(); r != nil {
			p := Pos{File: file, Line: 1, Col: 1}
			if a != nil && a.p != nil {
				p = a.p.tok().pos()
				p.File = file
			}
			e := &Error{Pos: p, Msg: fmt.Sprintf("internal error: %v (please report it)", r), Source: sourceLine(src, p.Line)}
			a, list = nil, append(errs.list, e)
		}
	}()
	a = &assembler{
		p:        newParser(file, src, errs),
		m:        &bytecode.Module{File: file},
		atoms:    map[value.Atom]int{},
		litsCmp:  map[value.Term]int{},
		litsStr:  map[string]int{},
		imports:  map[bytecode.Import]int{},
		funcs:    map[funcKey]int{},
		lambdas:  map[funcKey]int{},
		exported: map[funcKey]bool{},

		labelOwner: map[string]string{},
	}
	a.run()
	errs.list.sortByPos()
	if len(errs.list) > 0 {
		return nil, errs.list
	}
	return a, nil
}

type funcKey struct {
	name  value.Atom
	arity int
}

func (k funcKey) String() string {
	return value.QuoteAtom(string(k.name)) + "/" + strconv.Itoa(k.arity)
}

// assembler holds the tables a module is built into. Atoms, literals, imports and lambdas are
// numbered in order of first use, which makes the output of the assembler canonical: the
// disassembly of an assembled module assembles to the very same module.
type assembler struct {
	p *parser
	m *bytecode.Module

	atoms   map[value.Atom]int
	litsCmp map[value.Term]int // atoms and small integers, the common literals, by value
	litsStr map[string]int     // every other literal, by its exact printed form
	imports map[bytecode.Import]int

	funcs     map[funcKey]int // defined functions
	funcPos   []Pos
	localRefs []localRef // TagFunc operands hold an index here until the end of the module
	lambdas   map[funcKey]int
	lambdaRef []localRef // per Funs entry: the function it names, and where it was first named

	moduleSeen bool
	exports    []localRef
	exported   map[funcKey]bool

	fn         *funcState        // the function being assembled, nil before the first
	labelOwner map[string]string // label name → the first function that defines it, for hints
	pos        [][]Pos

	lineOffset int // added to a physical line to get the recorded line (the line directive)
}

type localRef struct {
	key funcKey
	pos Pos
}

// funcState is the per-function part: labels are local to a function.
type funcState struct {
	index    int
	labels   map[string]int // name → label id
	names    []string       // label id → name
	target   []int          // label id → instruction index, -1 until defined
	firstUse []Pos          // label id → first reference, for "undefined label"
	defPos   []Pos
}

func (a *assembler) errorf(p Pos, format string, args ...any) {
	a.p.errs.add(p, sprintf(format, args...))
}

// Statement keywords. They are not mnemonics, so the table may not use them (TestKeywordsAreNotMnemonics).
var keywords = []string{"module", "export", "function", "line"}

func (a *assembler) run() {
	p := a.p
	for {
		p.skipNewlines()
		t := p.tok()
		if t.kind == tEOF || p.errs.full() {
			break
		}
		p.statement(a.statement)
		if p.tok().kind == tNewline {
			p.advance()
		}
	}
	a.endFunction()
	a.endModule()
}

func (a *assembler) statement() {
	p := a.p
	t := p.tok()
	// Labels, possibly followed by an instruction on the same line.
	for t.kind == tLabel && p.peekTok(1).kind == tPunct && p.peekTok(1).text == ":" {
		a.defineLabel(t)
		p.advance()
		p.advance()
		t = p.tok()
	}
	switch t.kind {
	case tNewline, tEOF:
		return
	case tLabel:
		p.failf(t.pos(), "expected \":\" after label @%s to define it (a label is used as an operand only)", t.text)
	case tIdent:
	default:
		p.failf(t.pos(), "expected a declaration or an instruction, found %s", t.describe(p.src))
	}
	switch t.text {
	case "module":
		a.moduleDecl()
	case "export":
		a.exportDecl()
	case "function":
		a.functionDecl()
	case "line":
		a.lineDecl()
	default:
		a.instruction()
	}
	a.endOfLine()
}

func (a *assembler) endOfLine() {
	t := a.p.tok()
	if t.kind != tNewline && t.kind != tEOF {
		a.p.failf(t.pos(), "unexpected %s at the end of the line", t.describe(a.p.src))
	}
}

func (a *assembler) moduleDecl() {
	p := a.p
	t := p.advance()
	if a.moduleSeen {
		p.failf(t.pos(), "second module declaration (a file holds one module)")
	}
	if a.fn != nil || len(a.exports) > 0 {
		p.failf(t.pos(), "the module declaration must come first")
	}
	a.moduleSeen = true
	a.m.Name = p.atom("the module name")
}

func (a *assembler) requireModule(t *token) {
	if !a.moduleSeen {
		a.moduleSeen = true // say it once
		a.errorf(t.pos(), "the file must start with a module declaration: module NAME")
	}
}

func (a *assembler) exportDecl() {
	p := a.p
	t := p.advance()
	a.requireModule(t)
	for {
		pos := p.tok().pos()
		k := a.funcRef()
		if a.exported[k] {
			a.errorf(pos, "%s is already exported", k)
		}
		a.exported[k] = true
		a.exports = append(a.exports, localRef{k, pos})
		if !p.isPunct(",") {
			return
		}
		p.advance()
	}
}

// funcRef reads name/arity.
func (a *assembler) funcRef() funcKey {
	p := a.p
	name := p.atom("a function name")
	p.expectPunct("/", "between a function's name and its arity (name/arity)")
	ar := p.smallInt("the arity", bytecode.MaxArity)
	return funcKey{name, int(ar)}
}

func (a *assembler) functionDecl() {
	p := a.p
	t := p.advance()
	a.requireModule(t)
	pos := p.tok().pos()
	k := a.funcRef()
	a.endFunction()
	idx := len(a.m.Functions)
	if prev, dup := a.funcs[k]; dup {
		a.errorf(pos, "function %s is already defined at line %d", k, a.funcPos[prev].Line)
	} else {
		a.funcs[k] = idx
	}
	a.m.Functions = append(a.m.Functions, bytecode.Function{Name: k.name, Arity: k.arity})
	a.funcPos = append(a.funcPos, pos)
	a.pos = append(a.pos, nil)
	a.fn = &funcState{index: idx, labels: map[string]int{}}
}

func (a *assembler) lineDecl() {
	p := a.p
	t := p.advance()
	neg := p.isPunct("-")
	if neg {
		p.advance()
	}
	n := p.smallInt("the line number", math.MaxInt32)
	if neg {
		n = -n
	}
	// The next physical line is line n.
	a.lineOffset = int(n) - (t.pos().Line + 1)
}

func (a *assembler) labelID(name string, use Pos) int {
	fs := a.fn
	id, ok := fs.labels[name]
	if !ok {
		id = len(fs.names)
		fs.labels[name] = id
		fs.names = append(fs.names, name)
		fs.target = append(fs.target, -1)
		fs.firstUse = append(fs.firstUse, use)
		fs.defPos = append(fs.defPos, Pos{})
	} else if fs.firstUse[id].Line == 0 {
		fs.firstUse[id] = use
	}
	return id
}

func (a *assembler) defineLabel(t *token) {
	if a.fn == nil {
		a.p.failf(t.pos(), "label @%s outside a function (labels belong to the function they are in)", t.text)
	}
	id := a.labelID(t.text, Pos{})
	fs := a.fn
	if fs.target[id] >= 0 {
		a.errorf(t.pos(), "label @%s is already defined at line %d", t.text, fs.defPos[id].Line)
		return
	}
	fs.target[id] = len(a.m.Functions[fs.index].Code)
	fs.defPos[id] = t.pos()
	if _, ok := a.labelOwner[t.text]; !ok {
		f := &a.m.Functions[fs.index]
		a.labelOwner[t.text] = funcKey{f.Name, f.Arity}.String()
	}
}

// endFunction resolves the function's label operands to instruction indices.
func (a *assembler) endFunction() {
	fs := a.fn
	if fs == nil {
		return
	}
	a.fn = nil
	f := &a.m.Functions[fs.index]
	for id, name := range fs.names {
		if fs.target[id] < 0 && !a.p.errs.full() {
			var defined []string
			for n, i := range fs.labels {
				if fs.target[i] >= 0 {
					defined = append(defined, "@"+n)
				}
			}
			sort.Strings(defined) // map order must not pick between equally near names
			hint := didYouMean("@"+name, defined)
			if owner, ok := a.labelOwner[name]; ok && hint == "" {
				hint = " (@" + name + " is a label of " + owner + "; labels are local to their function)"
			}
			a.errorf(fs.firstUse[id], "undefined label @%s in %s/%d%s", name, value.QuoteAtom(string(f.Name)), f.Arity, hint)
		}
	}
	for i := range f.Code {
		walkOperands(f.Code[i].Args, func(o *bytecode.Operand) {
			if o.Tag == bytecode.TagLabel {
				if t := fs.target[o.N]; t >= 0 {
					o.N = uint32(t)
				}
			}
		})
	}
}

func walkOperands(ops []bytecode.Operand, f func(*bytecode.Operand)) {
	for i := range ops {
		f(&ops[i])
		walkOperands(ops[i].List, f)
	}
}

// endModule resolves exports, local calls and lambdas, which may name functions defined later.
func (a *assembler) endModule() {
	if !a.moduleSeen {
		a.errorf(Pos{File: a.p.errs.file, Line: 1, Col: 1}, "the file must start with a module declaration: module NAME")
	}
	resolve := func(r localRef) (int, bool) {
		if i, ok := a.funcs[r.key]; ok {
			return i, true
		}
		if a.p.errs.full() {
			return 0, false // the suggestion below costs a scan of all functions
		}
		a.errorf(r.pos, "undefined function %s%s", r.key, didYouMean(r.key.String(), a.funcNames()))
		return 0, false
	}
	for _, e := range a.exports {
		if i, ok := resolve(e); ok {
			a.m.Exports = append(a.m.Exports, i)
		}
	}
	resolved := make([]int, len(a.localRefs))
	for i, r := range a.localRefs {
		resolved[i], _ = resolve(r)
	}
	for i := range a.m.Functions {
		for j := range a.m.Functions[i].Code {
			walkOperands(a.m.Functions[i].Code[j].Args, func(o *bytecode.Operand) {
				if o.Tag == bytecode.TagFunc {
					o.N = uint32(resolved[o.N])
				}
			})
		}
	}
	for i, r := range a.lambdaRef {
		a.m.Funs[i].Func, _ = resolve(r)
	}
}

func (a *assembler) funcNames() []string {
	names := make([]string, 0, len(a.funcs))
	for k := range a.funcs {
		names = append(names, k.String())
	}
	sort.Strings(names)
	return names
}

// instruction assembles one instruction line, driven by the table: each operand is parsed by
// the kind the table gives it.
func (a *assembler) instruction() {
	p := a.p
	t := p.advance()
	op, ok := bytecode.OpcodeByName(t.text)
	if !ok {
		p.failf(t.pos(), "unknown instruction %q%s", t.text, didYouMean(t.text, append(bytecode.Mnemonics(), keywords...)))
	}
	a.requireModule(t)
	if a.fn == nil {
		p.failf(t.pos(), "instruction %s outside a function (start one with: function NAME/ARITY)", t.text)
	}
	info := bytecode.Lookup(op)
	args := make([]bytecode.Operand, len(info.Operands))
	lambda := -1
	var env *bytecode.Operand
	for i, spec := range info.Operands {
		if i > 0 {
			if !p.isPunct(",") {
				if k := p.tok().kind; k == tNewline || k == tEOF {
					p.failf(p.tok().pos(), "%s needs %d operands (%s): %s is missing", info.Name, len(info.Operands), operandList(info), spec.Name)
				}
				p.failf(p.tok().pos(), "expected \",\" before operand %s, found %s", spec.Name, p.tok().describe(p.src))
			}
			p.advance()
		} else if k := p.tok().kind; k == tNewline || k == tEOF {
			p.failf(p.tok().pos(), "%s needs %d operands (%s)", info.Name, len(info.Operands), operandList(info))
		}
		args[i] = a.operand(spec.Kind, spec.Name)
		switch spec.Kind {
		case bytecode.KindLambda:
			lambda = int(args[i].N)
		case bytecode.KindSrcList:
			env = &args[i]
		}
	}
	if len(info.Operands) == 0 && p.tok().kind != tNewline && p.tok().kind != tEOF {
		p.failf(p.tok().pos(), "too many operands: %s takes none", info.Name)
	}
	if p.isPunct(",") {
		p.failf(p.tok().pos(), "too many operands: %s takes %d (%s)", info.Name, len(info.Operands), operandList(info))
	}
	// A lambda's free variables are the captured values listed beside it (make_fun's env).
	if lambda >= 0 {
		n := 0
		if env != nil {
			n = len(env.List)
		}
		if l := &a.m.Funs[lambda]; l.NumFree < 0 {
			l.NumFree = n
		} else if l.NumFree != n {
			a.errorf(t.pos(), "lambda %s captures %d values here but %d where it was first used", a.lambdaRef[lambda].key, n, l.NumFree)
		}
	}
	f := &a.m.Functions[a.fn.index]
	f.Code = append(f.Code, bytecode.Instr{Op: op, Args: args, Line: int32(t.pos().Line + a.lineOffset)})
	a.pos[a.fn.index] = append(a.pos[a.fn.index], t.pos())
}

func operandList(info *bytecode.Info) string {
	s := ""
	for i, o := range info.Operands {
		if i > 0 {
			s += ", "
		}
		s += o.Name
	}
	return s
}

// kindHelp says in words what an operand kind is written as, for error messages.
var kindHelp = map[bytecode.OperandKind]string{
	bytecode.KindSrc:        "a register (x0, y0) or a literal",
	bytecode.KindDst:        "a register (x0, y0)",
	bytecode.KindReg:        "a register (x0, y0)",
	bytecode.KindYDst:       "a stack slot (y0)",
	bytecode.KindYSrc:       "a stack slot (y0)",
	bytecode.KindLabel:      "a label (@name)",
	bytecode.KindFail:       "a label (@name) or none",
	bytecode.KindUint:       "a non-negative integer",
	bytecode.KindAtom:       "an atom",
	bytecode.KindLocal:      "a local function (name/arity)",
	bytecode.KindImport:     "an external function (module:name/arity)",
	bytecode.KindLambda:     "a local function (name/arity)",
	bytecode.KindSize:       "a register, a literal or all",
	bytecode.KindBsFlags:    "a list of segment flags ([signed, little, native])",
	bytecode.KindSrcList:    "a list of registers and literals ([x0, 1])",
	bytecode.KindValTable:   "a jump table ([value => @label, …])",
	bytecode.KindArityTable: "a jump table ([arity => @label, …])",
	bytecode.KindPairs:      "a list of pairs ([key => value, …])",
	bytecode.KindKeyDsts:    "a list of pairs ([key => register, …])",
	bytecode.KindUpdates:    "a list of pairs ([position => value, …])",
	bytecode.KindSegments:   "a list of binary segments ([x0:16/little, <<\"ok\">>/binary])",
	bytecode.KindLit:        "a literal",
}

func (a *assembler) expected(name string, kind bytecode.OperandKind) {
	t := a.p.tok()
	hint := ""
	if t.kind == tIdent || t.kind == tVar {
		if s := suggest(t.text, registerNames); s != "" && (kind == bytecode.KindDst || kind == bytecode.KindReg || kind == bytecode.KindYDst || kind == bytecode.KindYSrc || t.kind == tVar) {
			hint = " (did you mean " + s + "?)"
		}
	}
	a.p.failf(t.pos(), "expected %s as %s, found %s%s", name, kindHelp[kind], t.describe(a.p.src), hint)
}

var registerNames = func() []string {
	var names []string
	for i := 0; i < 10; i++ {
		names = append(names, "x"+strconv.Itoa(i), "y"+strconv.Itoa(i))
	}
	return names
}()

// register reads x<N> or y<N> if the current token is one.
func (a *assembler) register() (bytecode.Operand, bool) {
	t := a.p.tok()
	if t.kind != tIdent || !isRegisterName(t.text) {
		return bytecode.Operand{}, false
	}
	if len(t.text) > 2 && t.text[1] == '0' {
		a.p.failf(t.pos(), "register %s has a leading zero (write %c%s)", t.text, t.text[0], trimZeros(t.text[1:]))
	}
	n, err := strconv.ParseUint(t.text[1:], 10, 32)
	if err != nil {
		a.p.failf(t.pos(), "register number %s is too large", t.text[1:])
	}
	a.p.advance()
	if t.text[0] == 'x' {
		return bytecode.X(int(n)), true
	}
	return bytecode.Y(int(n)), true
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

func (a *assembler) isWord(w string) bool {
	t := a.p.tok()
	return t.kind == tIdent && t.text == w
}

// operand parses one operand of the given kind.
func (a *assembler) operand(kind bytecode.OperandKind, name string) bytecode.Operand {
	p := a.p
	t := p.tok()
	switch kind {
	case bytecode.KindSrc:
		if r, ok := a.register(); ok {
			return r
		}
		return a.literal(name, kind)
	case bytecode.KindLit:
		if isRegisterName(t.text) && t.kind == tIdent {
			p.failf(t.pos(), "%s must be a literal, not a register (the atom is written '%s')", name, t.text)
		}
		return a.literal(name, kind)
	case bytecode.KindDst, bytecode.KindReg:
		if r, ok := a.register(); ok {
			return r
		}
	case bytecode.KindYDst, bytecode.KindYSrc:
		if r, ok := a.register(); ok {
			if r.Tag != bytecode.TagY {
				p.failf(t.pos(), "%s must be a stack slot (y0, y1, …), not %s", name, t.text)
			}
			return r
		}
	case bytecode.KindLabel:
		if t.kind == tLabel {
			return a.labelRef()
		}
	case bytecode.KindFail:
		if t.kind == tLabel {
			return a.labelRef()
		}
		if a.isWord("none") {
			p.advance()
			return bytecode.None()
		}
	case bytecode.KindUint:
		if t.kind == tInt {
			return bytecode.Uint(int(p.smallInt(name, math.MaxUint32)))
		}
	case bytecode.KindAtom:
		if t.kind == tIdent || t.kind == tQAtom {
			return bytecode.AtomOp(a.atom(p.atom(name)))
		}
	case bytecode.KindLocal:
		if t.kind == tIdent || t.kind == tQAtom {
			k := a.funcRef()
			a.localRefs = append(a.localRefs, localRef{k, t.pos()})
			return bytecode.Func(len(a.localRefs) - 1)
		}
	case bytecode.KindLambda:
		if t.kind == tIdent || t.kind == tQAtom {
			k := a.funcRef()
			i, ok := a.lambdas[k]
			if !ok {
				i = len(a.m.Funs)
				a.lambdas[k] = i
				a.m.Funs = append(a.m.Funs, bytecode.Lambda{NumFree: -1})
				a.lambdaRef = append(a.lambdaRef, localRef{k, t.pos()})
			}
			return bytecode.Lam(i)
		}
	case bytecode.KindImport:
		if t.kind == tIdent || t.kind == tQAtom {
			mod := p.atom("a module name")
			if !p.isPunct(":") {
				p.failf(p.tok().pos(), "expected \":\" after the module name of an external function (module:name/arity), found %s", p.tok().describe(p.src))
			}
			p.advance()
			k := a.funcRef()
			imp := bytecode.Import{Module: mod, Name: k.name, Arity: k.arity}
			i, ok := a.imports[imp]
			if !ok {
				i = len(a.m.Imports)
				a.imports[imp] = i
				a.m.Imports = append(a.m.Imports, imp)
			}
			return bytecode.Imp(i)
		}
	case bytecode.KindSize:
		if a.isWord("all") {
			p.advance()
			return bytecode.None()
		}
		return a.operand(bytecode.KindSrc, name)
	case bytecode.KindBsFlags:
		if p.isPunct("[") {
			return bytecode.Uint(int(a.bsFlags()))
		}
	case bytecode.KindSegments:
		if p.isPunct("[") {
			return a.segments()
		}
	default:
		if elems := kind.ElemKinds(); elems != nil && p.isPunct("[") {
			return a.list(kind, name, elems)
		}
		if elems := kind.ElemKinds(); elems == nil {
			p.failf(t.pos(), "internal error: operand kind %s has no .bl syntax", kind)
		}
	}
	a.expected(name, kind)
	return bytecode.Operand{}
}

func (a *assembler) labelRef() bytecode.Operand {
	t := a.p.advance()
	return bytecode.Label(a.labelID(t.text, t.pos()))
}

func (a *assembler) atom(at value.Atom) int {
	i, ok := a.atoms[at]
	if !ok {
		i = len(a.m.Atoms)
		a.atoms[at] = i
		a.m.Atoms = append(a.m.Atoms, at)
	}
	return i
}

// literal parses a term and interns it in the literal table.
func (a *assembler) literal(name string, kind bytecode.OperandKind) bytecode.Operand {
	t := a.p.tok()
	switch t.kind {
	case tInt, tFloat, tString, tQAtom, tIdent, tPid, tRef, tPort:
	case tVar:
		if s := suggest(t.text, registerNames); s != "" {
			a.p.failf(t.pos(), "%s is not a register or a term (did you mean %s?)", t.text, s)
		}
	case tPunct:
		switch t.text {
		case "{", "[", "#", "<<", "-", "+":
		default:
			a.expected(name, kind)
		}
	default:
		a.expected(name, kind)
	}
	return bytecode.Lit(a.intern(a.p.term()))
}

func (a *assembler) intern(v value.Term) int {
	switch v.(type) {
	case value.Atom, value.Int:
		if i, ok := a.litsCmp[v]; ok {
			return i
		}
		i := len(a.m.Literals)
		a.litsCmp[v] = i
		a.m.Literals = append(a.m.Literals, v)
		return i
	}
	// value.Format is exact for literal terms (it writes -0.0, keeps 1 and 1.0 apart, writes
	// lists as lists and binaries as bytes); the type name keeps [] and <<>> apart from
	// look-alikes of other types.
	key := value.Format(v)
	if i, ok := a.litsStr[key]; ok {
		return i
	}
	i := len(a.m.Literals)
	a.litsStr[key] = i
	a.m.Literals = append(a.m.Literals, v)
	return i
}

// list parses a list operand: [e, …] for one element kind, [k => v, …] for pairs.
func (a *assembler) list(kind bytecode.OperandKind, name string, elems []bytecode.OperandKind) bytecode.Operand {
	p := a.p
	p.advance() // [
	ops := []bytecode.Operand{}
	if p.isPunct("]") {
		p.advance()
		return bytecode.List(ops...)
	}
	for {
		for j, ek := range elems {
			if j > 0 {
				p.expectPunct("=>", "between the two parts of a pair")
			}
			ops = append(ops, a.operand(ek, name))
		}
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct("]", "or \",\" in "+kindHelp[kind])
		return bytecode.List(ops...)
	}
}

func (a *assembler) bsFlags() bytecode.BsFlags {
	p := a.p
	p.advance() // [
	var fl bytecode.BsFlags
	if p.isPunct("]") {
		p.advance()
		return fl
	}
	for {
		fl |= a.bsFlag()
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct("]", "or \",\" in the flag list")
		return fl
	}
}

func (a *assembler) bsFlag() bytecode.BsFlags {
	t := a.p.tok()
	name := a.p.atom("a segment flag (signed, little, native)")
	for i, n := range bytecode.BsFlagNames {
		if string(name) == n {
			return 1 << i
		}
	}
	a.p.failf(t.pos(), "unknown segment flag %q%s", name, didYouMean(string(name), bytecode.BsFlagNames[:]))
	return 0
}

// defaultUnit is the unit a segment has when it does not say /unit:N, as in Erlang.
func defaultUnit(t bytecode.SegType) int {
	if t == bytecode.SegBinary {
		return 8
	}
	return 1
}

// segments parses [Seg, …] where Seg is Value[:Size][/Spec-Spec…], Spec a type (integer,
// float, binary, utf8, utf16, utf32), a flag (signed, little, native) or unit:N.
func (a *assembler) segments() bytecode.Operand {
	p := a.p
	p.advance() // [
	ops := []bytecode.Operand{}
	if p.isPunct("]") {
		p.advance()
		return bytecode.List(ops...)
	}
	for {
		ops = append(ops, a.segment())
		if p.isPunct(",") {
			p.advance()
			continue
		}
		p.expectPunct("]", "or \",\" in the segment list")
		return bytecode.List(ops...)
	}
}

func (a *assembler) segment() bytecode.Operand {
	p := a.p
	val := a.operand(bytecode.KindSrc, "a segment value")
	size, sized := bytecode.None(), false
	if p.isPunct(":") {
		p.advance()
		size, sized = a.operand(bytecode.KindSize, "the segment size"), true
	}
	typ, typeSet := bytecode.SegInteger, false
	var flags bytecode.BsFlags
	unit := -1
	if p.isPunct("/") {
		p.advance()
		for {
			t := p.tok()
			name := string(p.atom("a segment type, flag or unit"))
			if st, ok := bytecode.SegTypeByName(name); ok {
				if typeSet {
					p.failf(t.pos(), "the segment already has a type (%s)", typ)
				}
				typ, typeSet = st, true
			} else if name == "unit" {
				p.expectPunct(":", "in unit:N")
				unit = int(p.smallInt("the unit", bytecode.MaxUnit))
			} else {
				found := false
				for i, n := range bytecode.BsFlagNames {
					if name == n {
						flags |= 1 << i
						found = true
					}
				}
				if !found {
					p.failf(t.pos(), "unknown segment type or flag %q%s", name, didYouMean(name, segSpecNames))
				}
			}
			if !p.isPunct("-") {
				break
			}
			p.advance()
		}
	}
	if unit < 0 {
		unit = defaultUnit(typ)
	}
	if typ == bytecode.SegInteger && !sized {
		// Erlang's default, made explicit: an integer segment's "no size" has no meaning of
		// its own, unlike a binary's (the rest) or a float's (64).
		size = bytecode.Lit(a.intern(value.Int(8)))
	}
	return bytecode.Seg(typ, flags, unit, val, size)
}

var segSpecNames = []string{"integer", "float", "binary", "utf8", "utf16", "utf32", "signed", "little", "native", "unit"}
