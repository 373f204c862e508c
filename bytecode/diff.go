package bytecode

import (
	"fmt"

	"github.com/beamlite/beamlite/value"
)

// Diff describes the first difference between two modules, or returns "" when they are equal:
// literals compare with value.Equal (so [] and an empty non-nil List are equal) and empty
// and nil slices are equal. It is what the round-trip properties (decode∘encode, asm∘disasm)
// check.
func Diff(a, b *Module) string {
	switch {
	case a.Name != b.Name:
		return fmt.Sprintf("name %q != %q", a.Name, b.Name)
	case a.File != b.File:
		return fmt.Sprintf("file %q != %q", a.File, b.File)
	case len(a.Atoms) != len(b.Atoms):
		return fmt.Sprintf("%d atoms != %d", len(a.Atoms), len(b.Atoms))
	case len(a.Literals) != len(b.Literals):
		return fmt.Sprintf("%d literals != %d", len(a.Literals), len(b.Literals))
	case len(a.Imports) != len(b.Imports):
		return fmt.Sprintf("%d imports != %d", len(a.Imports), len(b.Imports))
	case len(a.Exports) != len(b.Exports):
		return fmt.Sprintf("%d exports != %d", len(a.Exports), len(b.Exports))
	case len(a.Funs) != len(b.Funs):
		return fmt.Sprintf("%d funs != %d", len(a.Funs), len(b.Funs))
	case len(a.Functions) != len(b.Functions):
		return fmt.Sprintf("%d functions != %d", len(a.Functions), len(b.Functions))
	}
	for i := range a.Atoms {
		if a.Atoms[i] != b.Atoms[i] {
			return fmt.Sprintf("atom %d: %q != %q", i, a.Atoms[i], b.Atoms[i])
		}
	}
	for i := range a.Literals {
		if !value.Identical(a.Literals[i], b.Literals[i]) {
			return fmt.Sprintf("literal %d: %s != %s", i, formatLit(a.Literals[i]), formatLit(b.Literals[i]))
		}
	}
	for i := range a.Imports {
		if a.Imports[i] != b.Imports[i] {
			return fmt.Sprintf("import %d: %v != %v", i, a.Imports[i], b.Imports[i])
		}
	}
	for i := range a.Exports {
		if a.Exports[i] != b.Exports[i] {
			return fmt.Sprintf("export %d: %d != %d", i, a.Exports[i], b.Exports[i])
		}
	}
	for i := range a.Funs {
		if a.Funs[i] != b.Funs[i] {
			return fmt.Sprintf("fun %d: %v != %v", i, a.Funs[i], b.Funs[i])
		}
	}
	for i := range a.Functions {
		fa, fb := &a.Functions[i], &b.Functions[i]
		if fa.Name != fb.Name || fa.Arity != fb.Arity {
			return fmt.Sprintf("function %d: %s/%d != %s/%d", i, fa.Name, fa.Arity, fb.Name, fb.Arity)
		}
		if len(fa.Code) != len(fb.Code) {
			return fmt.Sprintf("%s/%d: %d instructions != %d", fa.Name, fa.Arity, len(fa.Code), len(fb.Code))
		}
		for j := range fa.Code {
			ia, ib := &fa.Code[j], &fb.Code[j]
			if ia.Op != ib.Op || ia.Line != ib.Line || !operandsEqual(ia.Args, ib.Args) {
				return fmt.Sprintf("%s/%d: instruction %d: %v != %v", fa.Name, fa.Arity, j, *ia, *ib)
			}
		}
	}
	return ""
}

func operandsEqual(a, b []Operand) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Tag != b[i].Tag || a[i].N != b[i].N || !operandsEqual(a[i].List, b[i].List) {
			return false
		}
	}
	return true
}

func formatLit(t value.Term) string {
	if t == nil {
		return "<nil>"
	}
	return value.Format(t)
}
