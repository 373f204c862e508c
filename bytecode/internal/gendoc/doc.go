// Package main is gendoc, the generator of docs/ISA.md: `go generate ./bytecode` runs it, and
// it writes bytecode.ISAMarkdown() to the file named by -o.
//
// Invariants:
//
//  1. docs/ISA.md is exactly what gendoc writes — bytecode's TestISADocUpToDate.
package main
