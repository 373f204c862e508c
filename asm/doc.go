// Package asm reads and writes beamlite assembly, the .bl language in which beamlite programs
// and the standard library are written (docs/ASSEMBLY.md teaches it).
//
// [Assemble] turns the text of one module into a verified [bytecode.Module]; [Disassemble]
// writes a module back as text; [ParseTerm] reads one Erlang term, as .bl literals are
// written (the conformance tests use it for expected values).
//
//	m, err := asm.Assemble("fib.bl", src)
//	if err != nil {
//		fmt.Fprintln(os.Stderr, err) // every error: file:line:col: msg, the line, a caret
//	}
//	text, err := asm.Disassemble(m)
//
// Errors are an [ErrorList] of [Error]s, each at a [Pos] (file, line, column). A file reports
// all its errors at once, up to [MaxErrors], with "did you mean …" for misspelled mnemonics,
// labels, registers and functions. Errors of the verifier are reported the same way, at the
// instruction they are about.
//
// Implementer notes. The lexer turns the whole file into tokens first (lex.go); a newline
// ends a statement unless a term continues after a comma or an opening bracket. The parser
// (term.go, asm.go) works a statement at a time: a syntax error records itself and panics with
// bailout, parser.statement recovers and skips to the next line, so one bad line costs one
// error and the rest of the file is still checked.
//
// The assembler knows no instruction. A line is a mnemonic, looked up in bytecode's table,
// then the operands the table lists, each parsed by its operand kind (assembler.operand); the
// disassembler prints each operand by its kind (disasm.operand). Adding an instruction to the
// table therefore needs nothing here; adding an operand kind needs a branch in each of those
// two functions and a line in kindHelp. The few facts the assembler derives from operand kinds
// rather than reads: label operands resolve to instruction indices at the end of their
// function, local function operands at the end of the module, and a lambda's number of free
// variables is the length of the SrcList beside it (make_fun's environment).
//
// Tables are filled in order of first use (atoms, literals, imports, lambdas; literals
// deduplicated by exact equality), which makes assembled modules canonical: their disassembly
// assembles to the very same module. Labels are written @name (declared @name:) so that they
// cannot be confused with atoms; a bare x3 or y0 in an operand is a register, the atom is
// quoted. The disassembler names labels @L1, @L2, … and puts every instruction on its
// recorded line with blank lines, or a `line N` directive when it cannot.
//
// Invariants:
//
//  1. Every term with a written form parses back from value.Print and value.Format to itself
//     — TestPropertyParsePrint, TestPropertyParseValuetest, FuzzParse; and every literal
//     reads as Erlang reads it — TestParseAgreesWithErlang (runs erl when installed).
//  2. Every error has a file:line:col position, errors come in source order, all of a file's
//     at once, at most MaxErrors — TestAssembleErrors, TestAllErrorsAtOnce, TestErrorCap,
//     TestVerifyErrorsHavePositions.
//  3. No input makes the lexer, the term parser or the assembler panic or hang, and none makes
//     it allocate far more than the input's size: terms nest at most 1000 deep, binary
//     literals hold at most 16 bytes per byte of source (plus 64 KB), no step is quadratic in
//     the number of functions, labels, exports or pairs — FuzzLex, FuzzParse, FuzzAssemble,
//     TestNoQuadraticBlowup, TestBigMapLiteralIsFast.
//  4. asm(disasm(m)) is m with its tables renumbered in order of first use, and exactly m when
//     m came from the assembler; this holds for random modules and every .bl file in the
//     repository — TestPropertyRoundTrip, TestRoundTripRepoFiles, FuzzAssemble.
//  5. Every example in docs/ASSEMBLY.md assembles and verifies, and its operand table has a
//     row for every operand kind — TestAssemblyDocExamples, TestAssemblyDocListsEveryKind.
//  6. The assembler and disassembler are driven by the instruction table: every operand kind
//     the table uses has a syntax, and no .bl keyword is a mnemonic — TestEveryKindHasSyntax,
//     TestKeywordsAreNotMnemonics.
package asm
