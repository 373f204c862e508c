// Package vm is the beamlite virtual machine: it loads verified bytecode modules and runs them
// in lightweight processes on pinned schedulers, with copied messages, links, monitors,
// timers and the built-in functions; it embeds the whole machine in a Go program.
//
//	v, err := vm.New(vm.Options{})              // schedulers started, stdlib loaded
//	defer v.Stop(ctx)
//	err = v.Load(module)                        // a *bytecode.Module (asm.Assemble, bytecode.Decode)
//	result, err := v.Apply("fib", "fib", value.Int(30))
//
// Apply runs a function in a new process and waits for it; an uncaught exception comes back as
// an *ExitError (class, reason, stack trace with .bl lines; Report formats it as the beamlite
// command prints it), erlang:halt as a *HaltError. Terms cross the boundary as value.Term.
//
// Implementer notes.
//
// Loading (code.go, lower.go, literal.go): a module is verified (bytecode.Verify), its
// literals are built once into a literal area shared by every process, and each function is
// lowered: operands become register/constant indices, labels instruction indices, imports
// pointers to export-table entries, and hot instructions specialised forms (specialize.go).
// External calls read the entry's current function at each call, so loading a new version
// switches callers at their next external call. The standard library (vm/stdlib) is loaded by
// every VM, with its literal areas built once per Go process.
//
// Execution (interp.go): one dispatch loop, Process.run, over lowered instructions; longer
// work lives in interp_*.go. x registers are the running scheduler's register file; a process
// keeps only its live ones (xsaved) while suspended. y slots live in Process.stack, one frame
// per allocate. The continuation register cp is cleared by return and allocate, so that the
// stack trace (exception.go) lists each live caller once. Calls, returns and backward jumps
// are the safe points: they charge reductions and collect when the young generation is full.
// Every raising instruction goes to one handler (the loop's raised label): the innermost
// try/catch, or the end of the process.
//
// Processes (run.go, spawn.go, ptable.go): a Process embeds a sched.Task and implements
// sched.Runner; Run resolves a new process's first call, acts on pending signals, runs the
// loop for a budget of reductions and maps its outcome to Yield, Wait or Exit. Pids index a
// lock-free process table (serials make a stale pid miss). Messages (mailbox.go,
// interp_receive.go) are copied out of the sender's heap as gc.Fragments into the receiver's
// inbox, under a lock the receiver takes only to drain it; drained fragments wait off-heap
// (mailbox.pend) until a receive's save pointer reaches them, so a long mailbox is neither in
// the heap nor copied by its collections; selective receive walks the queue with a save
// pointer, and receive markers let a call's receive skip older messages. Signals (signal.go) travel the same way; what most processes never use (links,
// monitors, the dictionary, a name, timers) is allocated on first use (procSignals, procExt,
// mailbox.shared), and an idle process costs about 800 bytes (TestIdleProcessMemory).
//
// Reductions (trap.go): Go code that does work for a process — a BIF, send, taking messages
// in, acting on signals — charges reductions in proportion, through Process.reds, which the
// loop hands over and takes back; a BIF with more work than the slice pays for traps: it keeps
// its state, the process yields, and the call runs again to go on.
//
// Invariants:
//
//  1. x0..x(xlive-1) always hold valid terms, so they can all be collector roots, including
//     after a receive wait — TestInterpGCStress, TestRegistersAfterWait.
//  2. A process's stack holds exactly the y slots of its frames; catch entries never outlive
//     their frame — TestTryCatch, TestStackTrace.
//  3. A tail call does not grow the stack, and loops are preempted — TestTailCallConstantStack.
//  4. A message is a copy: the receiver never shares a word with the sender's heap —
//     TestPingPong, TestSpawnMany (under a tiny heap, every collection moves both heaps).
//  5. No wake-up is lost: a process waiting in receive runs again when a message or its
//     timeout arrives — TestReceiveAfter, TestRing, the signal hammer tests.
//  6. A process that exits leaves the process table, its name, every link and monitor, and
//     the timers that would send to it; nothing of it stays reachable — TestSpawnMany,
//     TestExitFreesEverything, signal_test.go.
//  7. An inline bif instruction names a built-in function, checked at load —
//     TestLoadRefusesInlineNonBif.
//  8. A BIF that walks or builds a long list does at most what the slice's reductions pay
//     for, then traps and resumes, with the same result and errors as in one go —
//     TestBIFsTrap, TestBIFTrapResults, TestBIFsCharge.
package vm
