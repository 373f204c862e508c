// Package stdlib is beamlite's standard library, written in beamlite assembly (.bl) and
// embedded in the binary. Every VM loads it at start.
//
// Each .bl file of this directory is one module (lists, maps, io, …), named after the Erlang
// module whose functions it provides. [Modules] assembles them once per Go process and returns
// the same *bytecode.Module values to every caller, so that each VM lowers them without
// assembling again, and the VM can share one literal area per module.
//
// Invariants:
//
//  1. Every embedded file assembles and verifies — TestModulesAssemble.
//  2. Every module's name matches its file name — TestModulesAssemble.
package stdlib
