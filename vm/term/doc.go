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
// The API, by file:
//
//   - build.go: constructors. [MakeTuple], [Cons], [ListFromSlice] (one allocation for a whole
//     list), [MakeFloat], [MakeInt] and [MakeBigInt] (a small when the value fits 60 bits),
//     [MakeBinary] (a heap binary up to [MaxHeapBinary] bytes, else an off-heap [Binary] in
//     Heap.Bins and a RefBin object), [MakeRefBinary] (share an existing off-heap binary),
//     [MakeBitstring], [MakeSubBinary], [MakeRef], [MakeFun], [MakeExportFun]. Every constructor
//     allocates in the young generation and returns a SpaceYoung pointer.
//   - access.go: type tests and accessors, all taking the heap (a boxed term is an offset):
//     [IsTuple], [TupleArity], [TupleElem] (from 0), [IsInteger], [IsBigInt], [IsFloat],
//     [IsNumber], [IsBitstring], [IsBinary], [IsFun], [IsRef], [ToBig], [FloatOf], [BitSize],
//     [BinaryBytes] (zero-copy where it can), [ListToSlice], [IsProperList], [FunArity],
//     [FunModule], [ClosureInfo], [ClosureEnv], [ExportFunName], [RefID]. They read young, old
//     and literal pointers alike.
//   - arith.go: Erlang arithmetic. [Add], [Sub], [Mul], [Neg], [IntDiv] (div), [Rem],
//     [FloatDiv] (/), [Band], [Bor], [Bxor], [Bnot], [Bsl], [Bsr], and the BIFs [Abs], [Float],
//     [Round], [Trunc], [Ceil], [Floor]. Each returns (Term, error); the error is one of the
//     sentinels [ErrBadarith], [ErrBadarg], [ErrSystemLimit], never wrapped, and the term is
//     then NonValue.
//   - compare.go: [Compare] (the == order: 1 == 1.0), [CompareExact] (the =:= and map-key
//     order: every integer before every float), [Equal] (=:=), [EqualNumeric] (==). They walk
//     list tails and last tuple elements in a loop, so long lists cost no Go stack.
//   - hash.go: [Hash], equal for =:= terms whatever their form or space, the same in every run.
//   - map.go, hamt.go: maps. Up to [MaxFlatMapSize] (32) keys a flatmap (a shared tuple of the
//     sorted keys, then the values); above, a hash array mapped trie. [NewMap], [MapGet],
//     [MapPut], [MapUpdate], [MapRemove], [MapSize], [MapRange], [MapSorted], [MapMerge],
//     [MapWithKeys]; [VerifyMap] (map_verify.go) checks a map's invariants.
//   - convert.go: [ToValue] and [FromValue] between heap terms and the portable value.Term,
//     and [Format] (~w) and [Print] (~p), which print through package value: the project has
//     one printer.
//
// Arithmetic, as erts does it (each point checked against erl 25 in TestArithErlang): div
// truncates toward zero and rem takes the dividend's sign; bsr rounds toward negative
// infinity; bit operations on negative integers act on the infinite two's complement; mixed
// integer/float operands become floats, and an integer too large for a float, a division by
// zero or an infinite result is badarith; round takes halves away from zero. An integer result
// whose magnitude needs more than [MaxBigBits] bits (33,554,368, the erts limit) is
// system_limit, and so is bsl by a bignum count (unless the shifted value is 0). Small
// operands take a fast path that neither calls math/big nor allocates; bignums go through
// math/big and are copied onto the heap as little-endian 64-bit limbs.
//
// Binary views: [BinaryBytes] of a heap binary aliases the heap's words. Alloc never changes
// words it has handed out (growing copies them), so the view stays right until the heap is
// collected; callers must not keep it past a collection or write through it.
//
// Invariants:
//
//  1. Every pointer in a heap's words points to the start of an object or cons cell in the same
//     heap (young or old), or into a literal area — gc.Verify (beamlitedebug), TestGCProperty.
//  2. No word in the old generation points into the young generation — gc.Verify.
//  3. A small integer is used for every integer that fits 60 bits; a bignum never holds one
//     that does — TestArithAgreesWithBig, FuzzArith, TestConstructors.
//  4. Atoms are never removed; an atom's index names it for the life of the VM, and one name
//     has one index under concurrent interning — TestAtoms, TestHammerAtoms; a full table
//     refuses new atoms with ErrSystemLimit — TestAtomLimit, TestFromValueAtomLimit.
//  5. Literal areas are never removed or changed after NewLiteralArea — by construction.
//  6. Integer arithmetic agrees with math/big (truncated div/rem, floor bsr, two's-complement
//     bit operations) — TestArithAgreesWithBig, FuzzArith; results and error reasons agree with
//     erl 25 — TestArithErlang, TestArithErrors.
//  7. No integer term's magnitude exceeds MaxBigBits bits — TestArithErrors,
//     TestFromValueErrors.
//  8. Small-integer arithmetic allocates neither Go memory nor heap words —
//     TestArithSmallNoAlloc.
//  9. ToValue(FromValue(v)) equals v for every portable term, and Format/Print print exactly
//     what value.Format/value.Print print for it — TestValueRoundTrip, TestValueRoundTripDeep.
//  10. Accessors, ToValue and printing read a term the same whether its words are in the young
//     generation, the old generation or a literal area — TestAccessAcrossSpaces.
//  11. In every bitstring built here the bits past its size are zero, and a binary of more than
//     MaxHeapBinary bytes lives off-heap — TestBinaries, TestFromValueEncoding.
//  12. Compare and CompareExact are total orders that agree with OTP 25 and with
//     value.Compare/CompareExact; map keys use the exact order, where integers precede floats —
//     TestCompareTable, TestCompareErlang, TestCompareAgreesWithValue, TestCompareSortConsistent.
//  13. Equal ⇔ CompareExact == 0 and EqualNumeric ⇔ Compare == 0, wherever the terms live —
//     TestCompareAgreesWithValue, TestCompareForms.
//  14. =:= terms have equal Hash in every form and space, and the same hash in every run —
//     TestHashEqualTerms, TestHashBinaryForms, TestHashMapForms, TestHashFloatZero,
//     TestHashStableAcrossRuns.
//  15. A map of ≤ 32 keys is a flatmap with strictly increasing keys; a larger one is a trie
//     whose leaves sit at their hash slots, with collision buckets only at the last level —
//     VerifyMap in TestMapModel, TestMapBoundary, FuzzMapOps.
//  16. Map operations never change their argument — TestMapModel, TestMapBoundary.
package term
