package asm

import (
	"errors"

	"github.com/beamlite/beamlite/bytecode"
)

// verify runs the bytecode verifier and places each of its errors at the .bl position of the
// offending instruction (or of the function's declaration, or of the module line, for errors
// about a whole function or module), so that it reads like any other assembly error.
func verify(m *bytecode.Module, pos [][]Pos, funcPos []Pos, file, src string) error {
	err := bytecode.Verify(m)
	if err == nil {
		return nil
	}
	var vl bytecode.ErrorList
	if !errors.As(err, &vl) {
		return err
	}
	byName := map[string]int{}
	for i, f := range m.Functions {
		byName[funcKey{f.Name, f.Arity}.String()] = i
	}
	errs := &errSink{file: file, src: src}
	for _, ve := range vl {
		p := Pos{File: file, Line: 1, Col: 1}
		if fi, ok := byName[ve.Func]; ok && ve.Func != "" {
			p = funcPos[fi]
			if ve.Index >= 0 && ve.Index < len(pos[fi]) {
				p = pos[fi][ve.Index]
			}
		}
		errs.add(p, ve.Msg)
	}
	errs.list.sortByPos()
	return errs.list
}
