// Package term encodes Erlang terms as tagged 64-bit words in per-process heaps.
//
// A [Term] is one uint64. Immediates (small integers, atoms, local pids, []) hold their whole
// value; everything else is a pointer to a boxed object or a cons cell in a [Heap] (a process's
// young and old generations), in a module's [LiteralArea], or in a message fragment. The
// package owns the encoding, the atom table, the literal-area registry, and the algorithms on
// terms in heaps: arithmetic with bignum promotion, comparison in Erlang term order, hashing,
// printing, maps, and conversion to and from the portable [value.Term].
//
// Implementer notes: the word layout.
//
//	bits 1..0  primary tag: 00 header, 01 list pointer, 10 boxed pointer, 11 immediate
//	pointers:  bits 3..2 space (0 young, 1 old, 2 literal, 3 fragment), bits 63..4 address:
//	           a word offset; for literals area id (20 bits) << 40 | offset (40 bits)
//	immediate: bits 3..0  1111 small int (60-bit two's complement in bits 63..4)
//	                      0011 atom (table index in bits 63..4)
//	                      0111 local pid (serial << 28 | index, in bits 63..4)
//	                      1011 special: [] (0), NonValue (1) in bits 63..4
//	header:    bits 7..2 kind, bits 63..8 payload size in words (the header not counted)
//
// A cons cell is two words (head, tail) with no header. A boxed object is a header followed by
// its payload; [RawWords] says how many leading payload words are raw data, and the rest are
// terms. That one function is all the collector needs to know about layouts.
//
// Generations live in separate arrays and pointers say which (the space bits), so a minor
// collection copies only live young data: old objects never point to young ones, because terms
// are immutable and an object can only point to older objects. Offsets, not addresses, make a
// heap movable: Alloc may grow Young at any time, and nothing but the owner's collector ever
// rewrites a pointer.
//
// Where this differs from DESIGN.md's layout table: the Heap struct (its arrays and bump
// allocation) is defined here rather than in package gc, because every term constructor needs
// to allocate and gc imports term; package gc owns what a heap does over time (collection,
// sizing, fragments, verification). Package term imports package value (a leaf) for the
// portable representation.
//
// Invariants:
//
//  1. Every pointer in a heap's words points to the start of an object or cons cell in the same
//     heap (young or old), or into a literal area — gc.Verify (beamlitedebug), TestGCProperty.
//  2. No word in the old generation points into the young generation — gc.Verify.
//  3. A small integer is used for every integer that fits 60 bits; a bignum never holds one
//     that does — TestArithAgreesWithBig.
//  4. Atoms are never removed; an atom's index names it for the life of the VM — TestAtoms.
//  5. Literal areas are never removed or changed after NewLiteralArea — by construction.
package term
