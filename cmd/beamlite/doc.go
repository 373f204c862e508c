// Command beamlite runs, benchmarks, assembles and disassembles beamlite programs.
//
//	beamlite run [FLAGS] FILE.bl|FILE.blc [FILE…] [-- ARGS…]   run main/1 or main/0
//	beamlite bench [--filter RE] [--quick] [--vs-beam] …        the bench suite, beside the BEAM
//	beamlite asm FILE.bl [-o FILE.blc]                          assemble and verify; write .blc
//	beamlite disasm FILE.blc|FILE.bl                            print a module as .bl
//	beamlite help [COMMAND]                                     the command list, or one command's help
//
// The exit status is 0 on success, 1 on bad input (a file with errors, which are printed on
// stderr as file:line:col: message with the line and a caret; for run, an uncaught exception;
// for bench, a benchmark that failed), and 2 on a usage error. `beamlite run` exits with the
// status a program gives erlang:halt/1.
//
// Implementer notes. Each subcommand is a *command value in its own file (asm.go, bench.go,
// disasm.go, help.go, run.go) listed in main.go's commands. A command
// gets an env holding its output streams, so tests run it in-process with buffers
// (main_test.go) rather than building and executing a binary.
//
// Invariants:
//
//  1. Every command returns exitOK, exitBad or exitUsage, and writes errors only to stderr —
//     TestExitStatuses.
//  2. `beamlite asm` then `beamlite disasm` of the output, assembled again, gives the same
//     .blc bytes — TestAsmDisasmRoundTrip.
package main
