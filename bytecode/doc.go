// Package bytecode defines beamlite's instruction set, the module container, the binary .blc
// encoding and the verifier.
//
// The instruction set is one table, indexed by [Opcode]: [Lookup] returns an instruction's
// [Info] (mnemonic, group, operand specs, reduction cost, flags, effect, doc). Everything that
// knows about instructions — [Encode], [Decode], [Verify], the assembler and disassembler in
// package asm, and docs/ISA.md (written by `go generate ./bytecode` from [ISAMarkdown]) — reads
// this table, so an instruction is described exactly once.
//
// A [Module] is the generic form of a module, what a .bl file means: atoms, literals (portable
// terms of package value), imports, exports, the funs table and functions, each a list of
// [Instr] carrying its source line. [Encode] and [Decode] convert it to and from .blc bytes;
// [Verify] refuses, with an [ErrorList] of [VerifyError]s, any module the interpreter could not
// run safely. The loader in package vm verifies a module and then lowers it into its own fast
// form; the interpreter trusts what the verifier accepted. [Diff] compares two modules (for
// round-trip tests); package bytecodetest draws random modules for property tests.
//
//	m := &bytecode.Module{Name: "m", File: "m.bl", Exports: []int{0},
//		Functions: []bytecode.Function{{Name: "id", Arity: 1,
//			Code: []bytecode.Instr{{Op: bytecode.Return, Line: 3}}}}}
//	if err := bytecode.Verify(m); err != nil { … }
//	blc := bytecode.Encode(m)
//	m2, err := bytecode.Decode(blc)
//
// # The machine
//
// Registers. x0..x1023 ([MaxX]) are argument and scratch registers: a function receives its
// arguments in x0..x(arity-1) and returns its result in x0. y0..y(N-1) are the slots of the
// current stack frame, made by `allocate N` (N ≤ [MaxY]) and removed by `deallocate N`,
// call_last, call_ext_last, call_fun_last or apply_last, whose N must equal the frame's size
// (stated, as in the BEAM, so that lowering needs no analysis). A function invocation has at
// most one frame at a time. A body call (call, call_ext, call_fun, apply: one that returns to
// the function) needs a live frame, as in the BEAM, even one of no slots (`allocate 0`): the
// call puts its return address in the continuation register, which holds the function's own
// return address until allocate saves it in the frame. A call_ext that reaches a BIF would not
// need one, but which imports are BIFs is the loader's knowledge, not the module's (and
// erlang:apply/3 is one that calls code), so the rule holds for every body call.
//
// Calls clobber x registers: after a body call (call, call_ext, call_fun, apply) returns, only
// x0 is defined; y slots survive. BIF instructions (bif0..bif3) and every other instruction
// change only the registers they name. try_case defines x0..x2 and nothing else; a catch
// handler defines x0; after wait, wait_timeout and loop_rec_end no x register is defined (a
// suspended process keeps only its frames). The verifier enforces this, so the interpreter never
// saves x registers across calls.
//
// Types. The verifier tracks what each register surely holds: unwritten, a term, a tuple of at
// least n elements, a cons cell, a map, a match context, a catch tag. Type tests teach their
// fall-through path (is_tuple, test_arity, is_tagged_tuple, is_nonempty_list, is_map, and each
// select_tuple_arity target), and so do constructions (put_tuple, put_list, put_map_*,
// update_tuple) and literals. get_tuple_element, update_tuple, test_arity, select_tuple_arity,
// get_list/get_hd/get_tl, has_map_fields and get_map_elements are accepted only where the type
// is known, so the interpreter does them without a run-time check. Types are lost at a join where
// the paths disagree and, for x registers, at calls. Everything else that depends on a run-time
// type (arithmetic, element/2, put_map_exact on a non-map, select_val on anything) is checked at
// run time and raises the Erlang error.
//
// Labels are instruction indices within the function's Code (a .bl label names the instruction
// that follows it). A jump into another function cannot even be written; the verifier checks
// that every label is in range.
//
// Test instructions ([FlagTest]) take a fail label first and fall through on success. A KindFail
// operand may be None(): bif1..3, put_map_*, bs_create_bin and select_* then raise the error a
// body expression raises (badarg, badarith, {badmap,M}, {badkey,K}, {case_clause,V}, …) instead
// of jumping. bif0..bif3 are for BIFs that the VM runs inline (arithmetic, comparisons, type
// conversions, element/2, self/0, …); the loader refuses an import it does not implement as an
// inline BIF, and everything else is called with call_ext.
//
// Literals. Every constant Src is an index into Module.Literals, any value.Term, small integers
// and atoms included (the loader turns them into immediates). KindAtom operands
// (is_tagged_tuple's tag) index Module.Atoms. Imports and function names are value.Atoms.
//
// Closures. make_fun names an entry of Module.Funs (function index, number of free variables);
// the closure's arity is the function's arity minus NumFree, and calling it passes the arguments
// followed by the captured values. A value.Fun made by it has Index = the Funs index.
//
// Exceptions. `try yN, Handler` stores a catch tag in yN (a slot state only try_end, try_case and
// catch_end accept) and installs Handler, whose first instruction must be `try_case yN`: it
// delivers class, reason and stacktrace in x0..x2 (the stacktrace as a list, ready to print or
// re-raise). catch/catch_end implement `catch Expr`: the handler is the catch_end, which leaves
// the expression's value, or the caught term, in x0. raise is erlang:raise/3. Active tags nest
// as a stack: try_end, try_case and catch_end act only on the innermost one, an exception goes
// to the innermost handler, and while a tag is active (on any path) its slot cannot be
// overwritten nor its frame removed. The interpreter's handler stack therefore always agrees
// with the frames: a function's handlers are all gone when it returns or tail-calls.
//
// Receive. loop_rec peeks at the message under the save pointer, remove_message takes it,
// loop_rec_end skips it, wait and wait_timeout suspend. The recv_marker_* instructions let a
// receive that waits for a fresh reference start after the messages already there.
//
// Binaries. bs_create_bin builds from a list of segments (type integer/float/binary/utf8/16/32,
// value, size, unit, flags signed/little/native). Matching starts with bs_start_match, which
// puts a match context in a register, and goes on with bs_get_*, bs_skip_bits,
// bs_match_string, bs_test_tail/unit, bs_get_position/bs_set_position (backtracking between
// clauses) and bs_get_tail. A match context is not a value: only bs_* instructions and move/swap
// may touch it.
//
// Garbage collection. The heap grows on demand, so there is no test_heap and no "live"
// operand: an instruction flagged [FlagMayGC] may collect, and the roots are every frame's y
// slots and the x registers. The verifier guarantees an unwritten register is never read, not
// that it holds nothing; the interpreter must therefore keep every x register and y slot a valid
// word (fill a new frame with [], treat x registers up to a high-water mark as roots; stale
// values stay valid because every collection updates them). y slots may hold catch tags and
// match contexts, which the collector must recognise.
//
// Reductions. Each instruction charges its table Cost when it executes: 1 for every call and
// tail call (local, external, fun, apply), 1 for send, wait and wait_timeout, 1 for a BIF
// instruction (plus what the BIF charges for its work), 0 for the rest. return costs 0 because
// it cannot make a loop (DESIGN.md charges calls, not returns). Labels allow loops without
// calls, so the back-edge rule is: every transfer of control to a label at or before the
// current instruction's index costs 1 — jump, a taken fail branch, select_*, loop_rec_end,
// wait. The rule is static (the loader knows per branch target whether it goes backward and can
// fold the charge into the lowered instruction), so no loop escapes preemption and the verifier
// needs no rule about backward jumps.
//
// # Implementer notes
//
// The table is a keyed array literal ([...]Info{Move: {...}}): an entry cannot drift to another
// opcode, and opcode numbers are explicit constants, append-only; a removed instruction leaves
// a gap forever. FormatVersion is bumped whenever the table's (number, name, operand kinds) or an
// instruction's meaning changes, or the .blc layout changes.
//
// .blc layout: see the comment in encode.go. Every count is checked against the bytes left
// before anything is allocated, literal nesting is bounded, and the decoder refuses
// non-canonical literals (a BigInt that fits an int64, unsorted map keys, non-finite floats,
// bitstrings with padding bits set), so decode∘encode is the identity and encode∘decode too.
//
// The verifier has two halves. verify.go checks each instruction on its own (opcode, operand
// count, tags allowed by each kind, index ranges, arities, tables) and module-level tables.
// verify_flow.go runs only on functions that passed that: an abstract interpretation over the
// control-flow graph whose state is the frame size and, for each register, a [regKind]; states
// are kept at block leaders only and meet at joins until a fixpoint, then one reporting pass
// reports each error once. A budget on blocks × registers keeps the memory proportional to the
// input.
//
// Invariants:
//
//  1. The table is keyed by opcode; every opcode up to maxOpcode has an entry with a unique
//     mnemonic, a known group, a doc line and an effect, FlagBranch exactly when it has label
//     operands, FlagTest only with a leading fail label, calls cost 1 — TestTableComplete.
//  2. (number, name, operand kinds) of every opcode are pinned by testdata/isa.golden; a change
//     without a FormatVersion bump fails — TestISAGolden.
//  3. docs/ISA.md is what ISAMarkdown generates from the table — TestISADocUpToDate.
//  4. Decode(Encode(m)) equals m (Diff) for every structurally well-formed module —
//     TestRoundTrip, TestRoundTripEdgeLiterals, TestValidModulesVerify.
//  5. Decode never panics and allocates in proportion to its input; whatever it accepts
//     re-encodes to the same bytes and holds only canonical literals — FuzzDecode,
//     TestDecodeErrors, TestDecodeRefusesNonCanonical.
//  6. Verify never panics, returns nil or a non-empty ErrorList of at most MaxErrors, and keeps
//     its dataflow memory under a budget — TestVerifyBudget, TestVerifyMutants,
//     TestVerifyNeverPanics, FuzzVerify, TestVerifyErrorCap.
//  7. Every verifier rule refuses a hand-built bad module, naming module, function,
//     instruction and source line — TestVerifyRules, TestVerifyErrorNamesPosition; and accepts
//     good ones, including one that uses every instruction — TestVerifyAcceptsValid,
//     TestValidModulesVerify, TestLargeModuleVerifies, TestEveryInstructionVerifies.
package bytecode
