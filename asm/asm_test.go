package asm

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
)

func TestAssembleFib(t *testing.T) {
	src, err := os.ReadFile("../examples/asm/fib.bl")
	require.NoError(t, err)
	m, err := Assemble("fib.bl", src)
	require.NoError(t, err)
	assert.Equal(t, value.Atom("fib"), m.Name)
	assert.Equal(t, "fib.bl", m.File)
	require.Len(t, m.Functions, 2)
	assert.Equal(t, []int{0, 1}, m.Exports)
	fib := m.Functions[0]
	assert.Equal(t, value.Atom("fib"), fib.Name)
	assert.Equal(t, 1, fib.Arity)
	// is_lt @recurse, x0, 2 on line 7; @recurse names instruction 2.
	first := fib.Code[0]
	assert.Equal(t, bytecode.IsLt, first.Op)
	assert.Equal(t, int32(7), first.Line)
	assert.Equal(t, bytecode.Label(2), first.Args[0])
	assert.Equal(t, bytecode.X(0), first.Args[1])
	assert.Equal(t, value.Int(2), m.Literals[first.Args[2].N])
	assert.Equal(t, bytecode.Import{Module: "erlang", Name: "-", Arity: 2}, m.Imports[0])
	// call 1, fib/1 names function 0.
	assert.Equal(t, bytecode.Func(0), fib.Code[5].Args[1])
	assert.Equal(t, int32(13), fib.Code[5].Line)
}

func TestAssembleOperandKinds(t *testing.T) {
	src := `module kinds
export f/2

function f/2
    is_tagged_tuple @no, x0, 2, point
    select_val x1, none, [1 => @no, 'x0' => @yes, {a, "b"} => @no]
@yes: select_tuple_arity x0, @no, [2 => @no]
@no:
    put_map_assoc none, #{}, x2, [a => x1, x0 => {1, 2.5}]
    get_map_elements @no, x2, [a => x3, x0 => y0]
    update_tuple x0, x1, [1 => x1, 0 => <<"bin">>]
    bs_create_bin none, x0, [x1:16/little-signed, y0/binary, <<"lit">>/binary, 1.5/float, x2/utf8, x3:x4/binary-unit:1, 7]
    bs_get_binary @no, x0, all, 8, [], x1
    bs_get_integer @no, x0, 16, 1, [signed, little], x1
    make_fun g/3, x0, [x1, y2]
    make_fun g/3, x1, [x3, 42]
    call_ext_only 2, lists:map/2

function g/3
    put_tuple x0, [x0, 'y1', none, [x1]]
    return
`
	m, errs := asmNoVerify("k.bl", src)
	require.Nil(t, errs, "%v", errs)
	f := m.Functions[0]
	lit := func(o bytecode.Operand) string { return value.Format(m.Literals[o.N]) }
	assert.Equal(t, "point", string(m.Atoms[f.Code[0].Args[3].N]))
	tab := f.Code[1].Args[2].List
	require.Len(t, tab, 6)
	assert.Equal(t, "x0", lit(tab[2]))
	assert.Equal(t, bytecode.Label(2), tab[3]) // @yes is the select_tuple_arity on its line
	assert.Equal(t, bytecode.Label(3), tab[1])
	segs := f.Code[6].Args[2].List
	require.Len(t, segs, 7)
	assert.Equal(t, bytecode.SegInteger, segs[0].SegType())
	assert.Equal(t, bytecode.BsSigned|bytecode.BsLittle, segs[0].SegFlags())
	assert.Equal(t, "16", lit(segs[0].SegSize()))
	assert.Equal(t, bytecode.SegBinary, segs[1].SegType())
	assert.Equal(t, 8, segs[1].SegUnit())
	assert.Equal(t, bytecode.TagNone, segs[1].SegSize().Tag)
	assert.Equal(t, bytecode.SegFloat, segs[3].SegType())
	assert.Equal(t, 1, segs[5].SegUnit())
	assert.Equal(t, bytecode.X(4), segs[5].SegSize())
	assert.Equal(t, "8", lit(segs[6].SegSize()), "an integer segment without a size is 8 bits")
	assert.Equal(t, bytecode.None(), f.Code[7].Args[2])
	assert.Equal(t, bytecode.Uint(int(bytecode.BsSigned|bytecode.BsLittle)), f.Code[8].Args[4])
	require.Len(t, m.Funs, 1)
	assert.Equal(t, bytecode.Lambda{Func: 1, NumFree: 2}, m.Funs[0])
	env := m.Functions[1].Code[0].Args[1].List
	assert.Equal(t, bytecode.X(0), env[0])
	assert.Equal(t, "y1", lit(env[1]))
	assert.Equal(t, "none", lit(env[2]))
	assert.Equal(t, "[x1]", lit(env[3]))

	text, err := Disassemble(m)
	require.NoError(t, err)
	m2, errs := asmNoVerify("k.bl", string(text))
	require.Nil(t, errs, "%v", errs)
	assert.Equal(t, "", bytecode.Diff(m, m2), "%s", text)
}

func TestContinuationLines(t *testing.T) {
	src := "module m\nexport f/0,\n       g/0\n\nfunction f/0\n    move {a,\n          b}, x0\n    return\nfunction g/0\n    move x0,\n    return\n"
	_, errs := asmNoVerify("c.bl", src)
	require.Len(t, errs, 1)
	// A trailing comma continues the line, so the mistake shows where the operand is missing.
	assert.Equal(t, `c.bl:11:5: expected dst as a register (x0, y0), found "return"`, errs[0].Error())
	m, errs := asmNoVerify("c.bl", strings.Replace(src, "    move x0,\n", "", 1))
	require.Nil(t, errs, "%v", errs)
	assert.Equal(t, []int{0, 1}, m.Exports)
	assert.Equal(t, int32(6), m.Functions[0].Code[0].Line)
}

func TestLineDirectiveAndLabelOnLine(t *testing.T) {
	src := "module m\nfunction f/0\n    line 100\n    move 1, x0\n    return\n    line 7\n@l: jump @l\n"
	m, errs := asmNoVerify("m.bl", src)
	require.Nil(t, errs, "%v", errs)
	code := m.Functions[0].Code
	assert.Equal(t, []int32{100, 101, 7}, []int32{code[0].Line, code[1].Line, code[2].Line})
	assert.Equal(t, bytecode.Label(2), code[2].Args[0])
}

// TestAssembleErrors checks invariant 2: every bad input gives errors at the right
// file:line:col, and all of a file's errors come at once.
func TestAssembleErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"function f/0\n    return\n", "e.bl:1:1: the file must start with a module declaration: module NAME"},
		{"module m\nfunction f/0\n    mvoe x0, x1\n", `e.bl:3:5: unknown instruction "mvoe" (did you mean move?)`},
		{"module m\nfunction f/0\n    retrun\n", `e.bl:3:5: unknown instruction "retrun" (did you mean return?)`},
		{"module m\nfunction f/0\n    jump @lopo\n@loop:\n    return\n", "e.bl:3:10: undefined label @lopo in f/0 (did you mean @loop?)"},
		{"module m\nfunction f/0\n@exit:\n    return\nfunction g/0\n    jump @exit\n", "e.bl:6:10: undefined label @exit in g/0 (@exit is a label of f/0; labels are local to their function)"},
		{"module m\nfunction f/0\n    move x0, xo\n", `e.bl:3:14: expected dst as a register (x0, y0), found "xo" (did you mean x0?)`},
		{"module m\nfunction f/0\n    move X0, x1\n", "e.bl:3:10: X0 is not a register or a term (did you mean x0?)"},
		{"module m\nfunction f/0\n    move x0\n", "e.bl:3:12: move needs 2 operands (src, dst): dst is missing"},
		{"module m\nfunction f/0\n    move x0, x1, x2\n", "e.bl:3:16: too many operands: move takes 2 (src, dst)"},
		{"module m\nfunction f/0\n    return x0\n", "e.bl:3:12: too many operands: return takes none"},
		{"module m\nfunction f/0\n    call 0, fob/0\nfunction fib/0\n    return\n", "e.bl:3:13: undefined function fob/0 (did you mean fib/0?)"},
		{"module m\nexport g/0\nfunction f/0\n    return\n", "e.bl:2:8: undefined function g/0"},
		{"module m\nfunction f/0\n    return\nfunction f/0\n    return\n", "e.bl:4:10: function f/0 is already defined at line 2"},
		{"module m\nfunction f/0\n@a:\n@a:\n    return\n", "e.bl:4:1: label @a is already defined at line 3"},
		{"module m\n    return\n", "e.bl:2:5: instruction return outside a function"},
		{"module m\nfunction f/0\n    move {ok, x0\n", `e.bl:3:17: expected "}" or ","`},
		{"module m\nfunction f/0\n    init x0\n", "e.bl:3:10: y must be a stack slot (y0, y1, …), not x0"},
		{"module m\nfunction f/0\n    move x007, x0\n", "register x007 has a leading zero (write x7)"},
		{"module m\nfunction f/0\n    bs_get_integer @a, x0, 8, 1, [signd], x1\n@a:\n", `unknown segment flag "signd" (did you mean signed?)`},
		{"module m\nfunction f/0\n    bs_create_bin none, x0, [x1/bnary]\n", `unknown segment type or flag "bnary" (did you mean binary?)`},
		{"module m\nfunction f/0\n    call_ext 1, lists/1\n", `expected ":" after the module name`},
		{"module m\nfunction f/0\n    make_fun f/0, x0, [x1]\n    make_fun f/0, x0, []\n", "e.bl:4:5: lambda f/0 captures 0 values here but 1 where it was first used"},
		{"module m\nfunction f/0\n    select_val x0, none, [x0 => @a]\n@a:\n", "must be a literal, not a register (the atom is written 'x0')"},
		{"module m\nmodule n\n", "e.bl:2:1: second module declaration"},
		{"module m\nfunction f/0\n    @a\n", `expected ":" after label @a`},
		{"module m\nfunction f/0\n    move \"abc, x0\n", "e.bl:3:10: unterminated string"},
	}
	for _, c := range cases {
		_, errs := asmNoVerify("e.bl", c.src)
		require.NotNil(t, errs, "%q", c.src)
		assert.Contains(t, errs.Error(), c.want, "%q", c.src)
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	src := "module m\nfunction f/0\n    mvoe x0, x1\n    move x0\n    jump @nowhere\n    return 1\n"
	_, errs := asmNoVerify("e.bl", src)
	require.Len(t, errs, 4, "%v", errs)
	assert.Equal(t, []int{3, 4, 5, 6}, []int{errs[0].Pos.Line, errs[1].Pos.Line, errs[2].Pos.Line, errs[3].Pos.Line})
	assert.True(t, strings.HasPrefix(errs.Error(), "e.bl:3:5: unknown instruction \"mvoe\" (did you mean move?)\n        mvoe x0, x1\n        ^\n"), errs.Error())
}

func TestErrorCap(t *testing.T) {
	src := "module m\nfunction f/0\n" + strings.Repeat("    bogus\n", 100)
	_, errs := asmNoVerify("e.bl", src)
	require.Len(t, errs, MaxErrors)
	assert.Contains(t, errs.Error(), "too many errors")
}

func TestKeywordsAreNotMnemonics(t *testing.T) {
	for _, k := range append(keywords, "none", "all") {
		_, ok := bytecode.OpcodeByName(k)
		assert.False(t, ok, "%s is a .bl keyword and cannot be a mnemonic", k)
	}
	// Every mnemonic lexes as one bare name, so that an instruction line can start with it.
	for _, name := range bytecode.Mnemonics() {
		errs := &errSink{}
		toks := lex("", name, errs)
		assert.Empty(t, errs.list)
		assert.Equal(t, tIdent, toks[0].kind, name)
		assert.Equal(t, name, toks[0].text)
	}
}

// TestEveryKindHasSyntax checks that every operand kind the table uses has a help text (and
// therefore a branch in assembler.operand, which the round-trip property exercises).
func TestEveryKindHasSyntax(t *testing.T) {
	for _, op := range bytecode.Opcodes() {
		for _, spec := range bytecode.Lookup(op).Operands {
			assert.NotEmpty(t, kindHelp[spec.Kind], "%s operand %s of kind %s", op, spec.Name, spec.Kind)
		}
	}
}

// TestVerifyErrorsHavePositions checks that the verifier's errors point at the .bl line and
// column of the offending instruction.
func TestVerifyErrorsHavePositions(t *testing.T) {
	src := "module m\nexport f/1\n\nfunction f/1\n    move x0, x1\n    move x2, x0   % x2 was never written\n    return\n\nfunction g/0\n    allocate 1\n    return\n"
	_, err := Assemble("v.bl", []byte(src))
	require.Error(t, err)
	var errs ErrorList
	require.ErrorAs(t, err, &errs)
	require.GreaterOrEqual(t, len(errs), 2, "%v", err)
	assert.Equal(t, Pos{File: "v.bl", Line: 6, Col: 5}, errs[0].Pos, "%v", err)
	assert.Equal(t, 11, errs[len(errs)-1].Pos.Line, "%v", err)
	t.Log(err)
}

// A body call needs a frame: it keeps its return address where the function's own is until
// allocate saves that in the frame.
func TestVerifyBodyCallNeedsFrame(t *testing.T) {
	src := "module m\nexport f/0\n\nfunction f/0\n    move 1, x0\n    call_ext 1, erlang:display/1\n    return\n"
	_, err := Assemble("v.bl", []byte(src))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "v.bl:6:5: call_ext without a frame: a call that returns here needs one (allocate first, or make it a tail call)")
	ok := "module m\nexport f/0\n\nfunction f/0\n    allocate 0\n    move 1, x0\n    call_ext 1, erlang:display/1\n    deallocate 0\n    return\n"
	_, err = Assemble("v.bl", []byte(ok))
	require.NoError(t, err)
}
