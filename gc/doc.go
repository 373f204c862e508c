// Package gc owns what a process's heap does over time: generational copying collection,
// heap sizing, message fragments, and the heap verifier.
//
// The VM gives each process a [Heap] (a [term.Heap] plus the collector's state) made by [New]
// with [Options] from [DefaultOptions]. At a safe point where [term.Heap.NeedsGC] is true, or
// before an allocation of need words that would pass Limit, it calls [Heap.Collect] with the
// process's [Roots]; [Heap.CollectMajor] is erlang:garbage_collect/0 and [Heap.Compact] is
// hibernate. Each returns [Stats]: what to charge ([Stats.Reductions]) and whether the heap is
// over MaxHeapSize ([Stats.OverMax]: the VM kills the process). To send a message the sender
// calls [CopyOut] and the receiver [Fragment.MoveIn]. [Verify] checks a heap; under the
// beamlitedebug build tag every collection runs it. docs/internals/gc.md is the design essay.
package gc

// Implementer notes.
//
// Layout. Young and Old are separate []uint64 arrays; a pointer's space bits say which one it
// points into (term/doc.go). Allocation bumps the top of Young. Objects are walked by headers:
// a header word starts a boxed object of 1+size words, any other word starts a two-word cons
// cell. term.RawWords(kind, size) says which payload words are raw; nothing else about
// layouts is known here.
//
// Generations. Young has a high-water mark (hwm): objects below it survived one minor
// collection. A minor collection is a Cheney copy from Young: an object below hwm goes to the
// end of Old (promotion), any other into a fresh young array; Old is not scanned, because an
// old object never points to a young one (terms are immutable, so an object only points to
// older objects, and promotion moves the oldest young objects first). Afterwards hwm is the
// top of the new Young. A major collection copies everything live from both generations into
// a fresh Old and leaves Young empty.
//
// Forwarding. A moved boxed object's header is overwritten with its new pointer (a pointer
// is never a header: its primary tag differs); a moved cons cell gets NonValue in its head and
// the new pointer in its tail. A to-space word the scan has not reached holds only from-space
// pointers and one it has passed only to-space pointers, so the space bits of a pointer met by
// the scan name a from-space: no address-range test. Literal pointers are never followed.
//
// Off-heap binaries. Bins[:oldBins] may be indexed from Old, Bins[oldBins:] only from Young.
// A minor collection marks which young-section entries its survivors reach, moves those
// reached by promoted objects to the end of the old prefix, keeps those reached by young
// survivors after them, drops (and clears) the rest, and rewrites the copied RefBin index
// words. A major builds a new Bins in the order the copy meets them; all of it is old prefix.
//
// Sizing (Heap.resize; see gc.md for why each factor). After a collection with s words left in
// Young and need words asked for, the young size (Limit) is the table size (NextSize: the
// BEAM's Fibonacci sequence up to 1.3 M words, then 20% steps) of max(MinHeapSize, 2(s+need),
// len(Old)/4); Limit grows to that at once and shrinks to it only when it is less than half
// the current Limit. A major sets the old budget to NextSize(2 × live); a minor that could
// promote past the budget (len(Old) + hwm > budget) runs as a major instead, as does every
// FullsweepAfter-th collection. A MinHeapSize below 233 is a stress setting: Limit is exactly
// max(MinHeapSize, s+need, len(Old)/8) and nothing is rounded, so collections happen almost
// everywhere while live data is small, and collection work stays linear in allocation.
//
// Fragments. CopyOut is the same Cheney copy into a fragment, with forwarding marks written
// into the sender's heap and undone from a log before it returns (sharing kept without a hash
// map). MoveIn appends the words to Young with one copy and rebases them in one pass.
// Heap.CopyOut, the sender's variant, carves the fragment and its words from chunks the heap
// keeps (a slab), so that a small message is no Go allocation of its own.
//
// Young arrays. A young array's capacity is youngCap(Limit), a margin above Limit for what a
// process allocates between passing Limit and its next safe point. Arrays of the table's
// sizes are recycled through per-size pools (getYoung, putYoung), unzeroed: Young's words past
// len are never read before they are written (the debug build poisons them).
//
// Invariants:
//
//  1. A collection leaves the graph reachable from the roots unchanged, sharing included, and
//     every root and heap word points to the new copies — TestGCProperty (shape before/after).
//  2. No word in Old points into Young — Verify under beamlitedebug
//     (TestDebugVerifiesEveryCollection), TestOldNeverPointsYoung, TestGCProperty.
//  3. After a major collection Old holds exactly the live words, Young is empty, and Bins holds
//     exactly the reachable off-heap binaries — TestGCProperty, TestGarbageDropped.
//  4. A minor collection copies exactly the live young words; those below the high-water mark
//     go to Old, the others stay young, and hwm becomes len(Young) — TestGCProperty,
//     TestMinorPromotesSurvivorsOfOneMinor.
//  5. Objects in Old index only Bins[:OldBins()], and after a minor every entry past the old
//     prefix is reachable — Heap.Verify, TestMinorDropsYoungBins, TestGCProperty.
//  6. After a collection Limit - len(Young) >= need, Limit >= MinHeapSize, and a major's old
//     budget is NextSize(2 × live) — TestGCProperty, TestSizingPolicy, TestMajorWhenOldBudgetFull.
//  7. Literal areas are never copied or written: literal pointers survive unchanged —
//     TestLiteralsAreNotCopied, TestGCProperty.
//  8. CopyOut leaves the sender's heap word for word as it was, even when it panics; a
//     fragment holds only fragment and literal pointers to object starts, and FragmentSize is
//     its length; MoveIn gives an isomorphic graph that shares the same *term.Binary values —
//     TestFragmentProperty, TestCopyOutRestoresOnPanic, TestFragmentSharesBinaries.
//  9. Verify returns an error, never panics, for any words — FuzzVerify,
//     TestVerifyFindsCorruption.
//  10. Collection work follows live data, not garbage: words moved by all collections stay
//     within a small multiple of words allocated, and the heap within a small multiple of the
//     live data — TestCostProportionalToAllocation; 1 MB live among 100 MB of garbage
//     collects in about the time of 1 MB among 1 MB — BenchmarkGC (figures in gc.md).
