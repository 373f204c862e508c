// Command beamlite assembles, disassembles (and, with later issues, runs and benchmarks)
// beamlite programs.
//
//	beamlite asm FILE.bl [-o FILE.blc]     assemble and verify; write .blc bytecode
//	beamlite disasm FILE.blc|FILE.bl       print a module as .bl
//	beamlite help [COMMAND]                the command list, or one command's help
//
// The exit status is 0 on success, 1 on bad input (a file with errors, which are printed on
// stderr as file:line:col: message with the line and a caret), and 2 on a usage error.
//
// Implementer notes. Each subcommand is a *command value in its own file (asm.go, disasm.go,
// help.go) listed in main.go's commands; `run` and `bench` are added the same way. A command
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
