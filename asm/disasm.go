package asm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
)

// Disassemble returns m written as .bl. Assembling the text under the name m.File gives back
// m itself when m is canonical — its atoms, literals, imports and lambdas numbered in order of
// first use, as [Assemble] numbers them — and otherwise a module that differs from m only in
// that numbering. Labels are named @L1, @L2, … in code order; each instruction keeps its line
// (blank lines move it down to its line, a `line N` directive moves it up). It fails on what
// .bl cannot write: a closure or a non-finite float among the literals, two functions with the
// same name and arity, an index out of range.
func Disassemble(m *bytecode.Module) (text []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = nil, fmt.Errorf("internal error: %v (please report it)", r)
		}
	}()
	d := &disasm{m: m, next: 1}
	if err := d.module(); err != nil {
		return nil, err
	}
	return []byte(d.b.String()), nil
}

// maxPad is how many blank lines the disassembler writes to put an instruction on its line
// before it writes a line directive instead.
const maxPad = 40

type disasm struct {
	m      *bytecode.Module
	b      strings.Builder
	next   int // physical line number of the next line written
	offset int // recorded line - physical line, as set by the last line directive
	labels map[int]string
	wrap   bool // put each element of a list operand on its own line
}

// maxWidth is the length past which an instruction's list operands are written one element
// per line (a long jump table, a map built from many pairs).
const maxWidth = 100

func (d *disasm) line(s string) {
	d.b.WriteString(s)
	d.b.WriteByte('\n')
	d.next += 1 + strings.Count(s, "\n")
}

func (d *disasm) module() error {
	m := d.m
	d.line("module " + value.QuoteAtom(string(m.Name)))
	seen := map[funcKey]bool{}
	for i, f := range m.Functions {
		k := funcKey{f.Name, f.Arity}
		if seen[k] {
			return fmt.Errorf("function %d: a second function %s (.bl names functions by name/arity)", i, k)
		}
		seen[k] = true
	}
	if err := d.checkLambdas(); err != nil {
		return err
	}
	if len(m.Exports) > 0 {
		var names []string
		done := map[int]bool{}
		for _, e := range m.Exports {
			if e < 0 || e >= len(m.Functions) {
				return fmt.Errorf("export of function %d, which does not exist", e)
			}
			if !done[e] {
				done[e] = true
				names = append(names, funcKey{m.Functions[e].Name, m.Functions[e].Arity}.String())
			}
		}
		d.line("export " + strings.Join(names, ", "))
	}
	for i := range m.Functions {
		if err := d.function(i); err != nil {
			return err
		}
	}
	return nil
}

func (d *disasm) function(fi int) error {
	f := &d.m.Functions[fi]
	where := func(j int) string { return fmt.Sprintf("%s, instruction %d", funcKey{f.Name, f.Arity}, j) }
	// Name the labels in code order.
	var targets []int
	for j := range f.Code {
		walkOperands(f.Code[j].Args, func(o *bytecode.Operand) {
			if o.Tag == bytecode.TagLabel {
				targets = append(targets, int(o.N))
			}
		})
	}
	d.labels = map[int]string{}
	sort.Ints(targets)
	for _, t := range targets {
		if t > len(f.Code) {
			return fmt.Errorf("%s: label %d is past the end of the function", funcKey{f.Name, f.Arity}, t)
		}
		if _, ok := d.labels[t]; !ok {
			d.labels[t] = "L" + strconv.Itoa(len(d.labels)+1)
		}
	}
	header := "function " + funcKey{f.Name, f.Arity}.String()
	if len(f.Code) == 0 {
		d.line("")
		d.line(header)
	}
	for j := range f.Code {
		in := &f.Code[j]
		room := maxPad
		if j+1 < len(f.Code) {
			room = int(f.Code[j+1].Line) - int(in.Line) - 1
			if _, ok := d.labels[j+1]; ok {
				room--
			}
		}
		text, err := d.instr(in, room)
		if err != nil {
			return fmt.Errorf("%s: %v", where(j), err)
		}
		var prefix []string
		blank := 0
		if j == 0 {
			prefix = append(prefix, header)
			blank = 1
		}
		if name, ok := d.labels[j]; ok {
			prefix = append(prefix, "@"+name+":")
		}
		d.place(int(in.Line), prefix, blank, "    "+text)
	}
	if name, ok := d.labels[len(f.Code)]; ok {
		d.line("@" + name + ":")
	}
	return nil
}

// place writes the prefix lines (function header, label) and the instruction so that the
// instruction's recorded line is want: blank lines push it down (the source had comments or
// blank lines there), a line directive sets it when it cannot be reached that way.
// wantBlank blank lines separate the prefix from what comes before, when there is room.
func (d *disasm) place(want int, prefix []string, wantBlank int, text string) {
	natural := d.next + len(prefix) + d.offset // the line the instruction gets if written now
	pad := want - natural
	if pad >= 0 && pad <= maxPad {
		for i := 0; i < pad; i++ {
			d.line("")
		}
		for _, p := range prefix {
			d.line(p)
		}
		d.line(text)
		return
	}
	// A label may share the instruction's line, as in the source "@done: move x1, x0".
	if n := len(prefix); n > 0 && strings.HasPrefix(prefix[n-1], "@") {
		if pad := want - (natural - 1); pad >= 0 && pad <= maxPad {
			for i := 0; i < pad; i++ {
				d.line("")
			}
			for _, p := range prefix[:n-1] {
				d.line(p)
			}
			d.line(prefix[n-1] + " " + strings.TrimLeft(text, " "))
			return
		}
	}
	for i := 0; i < wantBlank; i++ {
		d.line("")
	}
	for _, p := range prefix {
		d.line(p)
	}
	d.line("    line " + strconv.Itoa(want))
	d.offset = want - d.next
	d.line(text)
}

// instr writes one instruction. A line longer than maxWidth has its list operands written
// one element per line, if that many lines fit before the next instruction's line (room), so
// that wrapping never costs a line directive.
func (d *disasm) instr(in *bytecode.Instr, room int) (string, error) {
	d.wrap = false
	text, err := d.instrText(in)
	if err != nil || len(text) <= maxWidth {
		return text, err
	}
	d.wrap = true
	wrapped, err := d.instrText(in)
	if err != nil || strings.Count(wrapped, "\n") > room {
		return text, err
	}
	return wrapped, nil
}

func (d *disasm) instrText(in *bytecode.Instr) (string, error) {
	info := bytecode.Lookup(in.Op)
	if info == nil {
		return "", fmt.Errorf("unknown opcode %d", in.Op)
	}
	if len(in.Args) != len(info.Operands) {
		return "", fmt.Errorf("%s has %d operands, the table says %d", info.Name, len(in.Args), len(info.Operands))
	}
	var b strings.Builder
	b.WriteString(info.Name)
	for i, spec := range info.Operands {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteString(", ")
		}
		if err := d.operand(&b, spec.Kind, in.Args[i]); err != nil {
			return "", fmt.Errorf("operand %s: %v", spec.Name, err)
		}
	}
	return b.String(), nil
}

// operand writes o as the given kind is spelled; it mirrors assembler.operand.
func (d *disasm) operand(b *strings.Builder, kind bytecode.OperandKind, o bytecode.Operand) error {
	m := d.m
	if !kind.Allows(o.Tag) {
		return fmt.Errorf("a %s operand cannot be %s", kind, o.Tag)
	}
	switch o.Tag {
	case bytecode.TagX:
		b.WriteString("x" + strconv.FormatUint(uint64(o.N), 10))
		return nil
	case bytecode.TagY:
		b.WriteString("y" + strconv.FormatUint(uint64(o.N), 10))
		return nil
	case bytecode.TagLit:
		if int(o.N) >= len(m.Literals) {
			return fmt.Errorf("literal %d does not exist", o.N)
		}
		s, err := formatOperandTerm(m.Literals[o.N])
		if err != nil {
			return err
		}
		b.WriteString(s)
		return nil
	case bytecode.TagLabel:
		b.WriteString("@" + d.labels[int(o.N)])
		return nil
	case bytecode.TagNone:
		if kind == bytecode.KindSize {
			b.WriteString("all")
		} else {
			b.WriteString("none")
		}
		return nil
	case bytecode.TagUint:
		if kind == bytecode.KindBsFlags {
			return writeFlags(b, bytecode.BsFlags(o.N), o.N)
		}
		b.WriteString(strconv.FormatUint(uint64(o.N), 10))
		return nil
	case bytecode.TagAtom:
		if int(o.N) >= len(m.Atoms) {
			return fmt.Errorf("atom %d does not exist", o.N)
		}
		s, _ := formatOperandTerm(m.Atoms[o.N])
		b.WriteString(s)
		return nil
	case bytecode.TagFunc:
		if int(o.N) >= len(m.Functions) {
			return fmt.Errorf("function %d does not exist", o.N)
		}
		f := &m.Functions[o.N]
		b.WriteString(funcKey{f.Name, f.Arity}.String())
		return nil
	case bytecode.TagLambda:
		if int(o.N) >= len(m.Funs) || m.Funs[o.N].Func < 0 || m.Funs[o.N].Func >= len(m.Functions) {
			return fmt.Errorf("lambda %d does not exist", o.N)
		}
		f := &m.Functions[m.Funs[o.N].Func]
		b.WriteString(funcKey{f.Name, f.Arity}.String())
		return nil
	case bytecode.TagImport:
		if int(o.N) >= len(m.Imports) {
			return fmt.Errorf("import %d does not exist", o.N)
		}
		imp := m.Imports[o.N]
		b.WriteString(value.QuoteAtom(string(imp.Module)) + ":" + funcKey{imp.Name, imp.Arity}.String())
		return nil
	case bytecode.TagList:
		return d.list(b, kind, o)
	}
	return fmt.Errorf("a %s operand cannot be %s", kind, o.Tag)
}

func writeFlags(b *strings.Builder, fl bytecode.BsFlags, raw uint32) error {
	b.WriteByte('[')
	n := 0
	for i, name := range bytecode.BsFlagNames {
		if fl&(1<<i) != 0 {
			if n > 0 {
				b.WriteString(", ")
			}
			b.WriteString(name)
			n++
			fl &^= 1 << i
		}
	}
	b.WriteByte(']')
	if fl != 0 || raw > 0xff {
		return fmt.Errorf("unknown segment flags %#x", raw)
	}
	return nil
}

func (d *disasm) list(b *strings.Builder, kind bytecode.OperandKind, o bytecode.Operand) error {
	b.WriteByte('[')
	defer b.WriteByte(']')
	sep := ", "
	if d.wrap {
		// A newline after a comma continues the statement (see lexer.continues).
		sep = ",\n        "
	}
	if kind == bytecode.KindSegments {
		for i, s := range o.List {
			if i > 0 {
				b.WriteString(sep)
			}
			if err := d.segment(b, s); err != nil {
				return err
			}
		}
		return nil
	}
	elems := kind.ElemKinds()
	if len(elems) == 0 || len(o.List)%len(elems) != 0 {
		return fmt.Errorf("a %s operand with %d elements", kind, len(o.List))
	}
	for i, e := range o.List {
		j := i % len(elems)
		switch {
		case j > 0:
			b.WriteString(" => ")
		case i > 0:
			b.WriteString(sep)
		}
		if err := d.operand(b, elems[j], e); err != nil {
			return err
		}
	}
	return nil
}

func (d *disasm) segment(b *strings.Builder, s bytecode.Operand) error {
	if s.Tag != bytecode.TagSeg || len(s.List) != 2 {
		return fmt.Errorf("a segment must be a seg operand with a value and a size")
	}
	typ, flags, unit := s.SegType(), s.SegFlags(), s.SegUnit()
	if _, ok := bytecode.SegTypeByName(typ.String()); !ok {
		return fmt.Errorf("unknown segment type %d", typ)
	}
	if bytecode.Seg(typ, flags, unit, s.SegValue(), s.SegSize()).N != s.N {
		return fmt.Errorf("segment %#x has bits outside its type, flags and unit", s.N)
	}
	if err := d.operand(b, bytecode.KindSrc, s.SegValue()); err != nil {
		return err
	}
	// No size means None, except for integers, where the assembler writes Erlang's 8.
	if size := s.SegSize(); size.Tag != bytecode.TagNone || typ == bytecode.SegInteger {
		b.WriteByte(':')
		if err := d.operand(b, bytecode.KindSize, size); err != nil {
			return err
		}
	}
	var specs []string
	if typ != bytecode.SegInteger {
		specs = append(specs, typ.String())
	}
	for i, name := range bytecode.BsFlagNames {
		if flags&(1<<i) != 0 {
			specs = append(specs, name)
			flags &^= 1 << i
		}
	}
	if flags != 0 {
		return fmt.Errorf("unknown segment flags %#x", uint8(flags))
	}
	if unit != defaultUnit(typ) {
		specs = append(specs, "unit:"+strconv.Itoa(unit))
	}
	if len(specs) > 0 {
		b.WriteByte('/')
		b.WriteString(strings.Join(specs, "-"))
	}
	return nil
}

// checkLambdas refuses what the assembler could not rebuild: a lambda's number of free
// variables is the length of the env list beside it, so every use of one function as a lambda
// must capture the same number of values.
func (d *disasm) checkLambdas() error {
	numFree := map[int]int{}
	for _, f := range d.m.Functions {
		for _, in := range f.Code {
			info := bytecode.Lookup(in.Op)
			if info == nil || len(info.Operands) != len(in.Args) {
				continue // instr reports it
			}
			fn, n := -1, 0
			for i, spec := range info.Operands {
				switch spec.Kind {
				case bytecode.KindLambda:
					if l := in.Args[i].N; int(l) < len(d.m.Funs) {
						fn = d.m.Funs[l].Func
					}
				case bytecode.KindSrcList:
					n = len(in.Args[i].List)
				}
			}
			if fn < 0 {
				continue
			}
			if prev, ok := numFree[fn]; ok && prev != n {
				return fmt.Errorf("function %d is made into closures capturing %d and %d values", fn, prev, n)
			}
			numFree[fn] = n
		}
	}
	return nil
}
