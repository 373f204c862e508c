// Package value is beamlite's one portable Go representation of Erlang terms.
//
// A [Term] is a plain Go value (an [Atom], an [Int], a [Tuple], …) that any Go code can build,
// compare and print. It is how terms cross every boundary that is not a process heap: literals
// in bytecode modules, values passed in and out of the embedding API, and (later) the external
// term format. Inside a process, terms are tagged words in a heap (package vm/term); package
// vm/term converts between the two.
//
//	v := value.Tuple{value.Atom("ok"), value.List{value.Int(1), value.Float(2.5)}}
//	fmt.Println(value.Format(v)) // {ok,[1,2.5]}
//
// Implementer notes. This package sits below bytecode and vm/term so that both can use it
// without depending on each other (DESIGN.md's layout lets neither import the other).
// Integers are canonical: a value that fits an int64 is always an [Int]; [Integer] builds the
// right one from a *big.Int. Maps keep their entries sorted in term order, so two maps with the
// same entries are equal as Go values too ([NewMap] sorts and removes duplicate keys).
//
// Invariants:
//
//  1. A [BigInt] never holds a value that fits an int64 — [Integer], TestIntegerCanonical.
//  2. A [Map]'s keys are strictly increasing in term order — [NewMap], TestMapCanonical.
//  3. [Compare] is a total order that agrees with Erlang's term order — TestCompareTable.
//  4. [Equal] is [Compare] == 0 restricted to exact equality (1 and 1.0 differ) — TestEqual.
package value
