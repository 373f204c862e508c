package asm

import (
	"github.com/beamlite/beamlite/value"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/bytecode/bytecodetest"
)

// canonical returns m with its tables renumbered the way the assembler numbers them: atoms,
// literals, imports and lambdas in order of first use (code order, operands left to right,
// lists depth first), one lambda per function with as many free variables as its env list,
// exports without repeats. It is written independently of the assembler, as the reference
// the round trip is checked against.
func canonical(m *bytecode.Module) *bytecode.Module {
	c := &bytecode.Module{Name: m.Name, File: m.File}
	atoms := map[int]int{}
	imports := map[int]int{}
	lits := map[int]int{}
	funs := map[int]int{} // by function index
	seenExp := map[int]bool{}
	for _, e := range m.Exports {
		if !seenExp[e] {
			seenExp[e] = true
			c.Exports = append(c.Exports, e)
		}
	}
	var walk func(ops []bytecode.Operand) []bytecode.Operand
	walk = func(ops []bytecode.Operand) []bytecode.Operand {
		out := make([]bytecode.Operand, len(ops))
		for i, o := range ops {
			o.List = walk(o.List)
			switch o.Tag {
			case bytecode.TagAtom:
				n, ok := atoms[int(o.N)]
				if !ok {
					n = -1
					for j, a := range c.Atoms {
						if a == m.Atoms[o.N] {
							n = j
						}
					}
					if n < 0 {
						n = len(c.Atoms)
						c.Atoms = append(c.Atoms, m.Atoms[o.N])
					}
					atoms[int(o.N)] = n
				}
				o.N = uint32(n)
			case bytecode.TagImport:
				n, ok := imports[int(o.N)]
				if !ok {
					n = -1
					for j, a := range c.Imports {
						if a == m.Imports[o.N] {
							n = j
						}
					}
					if n < 0 {
						n = len(c.Imports)
						c.Imports = append(c.Imports, m.Imports[o.N])
					}
					imports[int(o.N)] = n
				}
				o.N = uint32(n)
			case bytecode.TagLit:
				n, ok := lits[int(o.N)]
				if !ok {
					n = -1
					for j, l := range c.Literals {
						if value.Identical(l, m.Literals[o.N]) {
							n = j
						}
					}
					if n < 0 {
						n = len(c.Literals)
						c.Literals = append(c.Literals, m.Literals[o.N])
					}
					lits[int(o.N)] = n
				}
				o.N = uint32(n)
			case bytecode.TagLambda:
				fn := m.Funs[o.N].Func
				n, ok := funs[fn]
				if !ok {
					n = len(c.Funs)
					c.Funs = append(c.Funs, bytecode.Lambda{Func: fn, NumFree: -1})
					funs[fn] = n
				}
				o.N = uint32(n)
			}
			out[i] = o
		}
		return out
	}
	for _, f := range m.Functions {
		cf := bytecode.Function{Name: f.Name, Arity: f.Arity}
		for _, in := range f.Code {
			args := walk(in.Args)
			info := bytecode.Lookup(in.Op)
			lam, env := -1, 0
			for i, spec := range info.Operands {
				switch spec.Kind {
				case bytecode.KindLambda:
					lam = int(args[i].N)
				case bytecode.KindSrcList:
					env = len(args[i].List)
				}
			}
			if lam >= 0 {
				c.Funs[lam].NumFree = env
			}
			cf.Code = append(cf.Code, bytecode.Instr{Op: in.Op, Args: args, Line: in.Line})
		}
		c.Functions = append(c.Functions, cf)
	}
	return c
}

// TestPropertyRoundTrip checks invariant 4: for every module m that .bl can write,
// asm(disasm(m)) is canonical(m), and m itself when m is canonical; disassembling the result
// gives the same text again.
func TestPropertyRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := bytecodetest.RandomModule(t)
		text, err := Disassemble(m)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "closure") || strings.Contains(msg, "a second function") || strings.Contains(msg, "capturing") {
				t.Skip("not writable in .bl: " + msg)
			}
			t.Fatalf("disassemble: %v", err)
		}
		m2, errs := asmNoVerify(m.File, string(text))
		if errs != nil {
			t.Fatalf("assemble:\n%s\n%v", text, errs)
		}
		if d := bytecode.Diff(canonical(m), m2); d != "" {
			t.Fatalf("asm(disasm(m)) != canonical(m): %s\n%s", d, text)
		}
		text2, err := Disassemble(m2)
		if err != nil {
			t.Fatal(err)
		}
		if string(text2) != string(text) {
			t.Fatalf("disasm(asm(disasm(m))) != disasm(m):\n%s\n---\n%s", text, text2)
		}
		m3, errs := asmNoVerify(m.File, string(text2))
		if errs != nil {
			t.Fatal(errs)
		}
		if d := bytecode.Diff(m2, m3); d != "" {
			t.Fatalf("canonical module does not round-trip exactly: %s", d)
		}
	})
}

// repoRoot finds the module root (the directory holding go.mod) above the package.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "no go.mod above the test")
		dir = parent
	}
}

// repoBLFiles lists the .bl files of the repository, relative to root, outside testdata/bad
// directories: the files git tracks when git can tell (so that another change still in
// progress in the work tree does not fail this test), else every file under root.
func repoBLFiles(t *testing.T, root string) []string {
	skip := func(rel string) bool {
		return strings.Contains("/"+filepath.ToSlash(rel), "/testdata/bad/")
	}
	var files []string
	cmd := exec.Command("git", "ls-files", "-z", "--", "*.bl")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		for _, f := range strings.Split(string(out), "\x00") {
			if f != "" && !skip(f) {
				files = append(files, filepath.FromSlash(f))
			}
		}
		return files
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		if !d.IsDir() && strings.HasSuffix(path, ".bl") && !skip(rel) {
			files = append(files, rel)
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

// TestRoundTripRepoFiles checks invariant 4 on every .bl file in the repository (outside
// testdata/bad directories): it assembles, and its disassembly assembles to the same module.
func TestRoundTripRepoFiles(t *testing.T) {
	root := repoRoot(t)
	files := repoBLFiles(t, root)
	require.NotEmpty(t, files, "no .bl files found under %s", root)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(root, rel))
			require.NoError(t, err)
			m, errs := asmNoVerify(rel, string(src))
			require.Nil(t, errs, "%v", errs)
			text, err := Disassemble(m)
			require.NoError(t, err)
			m2, errs := asmNoVerify(rel, string(text))
			require.Nil(t, errs, "%v\n%s", errs, text)
			assert.Equal(t, "", bytecode.Diff(m, m2), "%s", text)
		})
	}
}

// asmNoVerify assembles without running the verifier, for modules that are not programs.
func asmNoVerify(file, src string) (*bytecode.Module, ErrorList) {
	a, errs := assemble(file, src)
	if errs != nil {
		return nil, errs
	}
	return a.m, nil
}

func bytecodeDiff(a, b *bytecode.Module) string { return bytecode.Diff(a, b) }
