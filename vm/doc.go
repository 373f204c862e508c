// Package vm is the beamlite virtual machine: it loads verified bytecode modules, runs them in
// processes, and (as the work goes on) schedules processes, passes messages, and embeds the
// whole machine in a Go program.
//
//	v := vm.New(vm.Options{})
//	if err := v.Load(module); err != nil { … }
//	result, err := v.Apply("fib", "fib", value.Int(30))
//
// Implementer notes.
//
// Loading (code.go, lower.go): a module is verified (bytecode.Verify), its literals are built
// once into a literal area shared by every process (literal.go), and each function is lowered:
// operands become register/constant indices, labels instruction indices, imports pointers to
// export-table entries. External calls read the entry's current function at each call, so
// loading a new version switches callers at their next external call.
//
// Execution (interp.go): one dispatch loop, Process.run, over lowered instructions. x
// registers are a per-process array for now; y slots live in Process.stack, one frame per
// allocate. The continuation register cp is cleared by return and allocate, so that the stack
// trace (exception.go) lists each live caller once. Calls, returns and backward jumps are the
// safe points: they charge reductions and collect when the young generation is full.
//
// Exceptions: an instruction or BIF that fails sets Process.exc (class, reason, trace) and the
// loop transfers control to the innermost try/catch (catchException) or returns outcomeExit.
//
// Invariants:
//
//  1. x0..x(xlive-1) always hold valid terms, so they can all be collector roots —
//     TestInterpGCStress.
//  2. A process's stack holds exactly the y slots of its frames; catch entries never outlive
//     their frame — TestTryCatch.
//  3. A tail call does not grow the stack — TestTailCallConstantStack.
package vm
