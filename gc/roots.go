package gc

import "github.com/beamlite/beamlite/vm/term"

// Roots is the set of terms a process can reach directly: its x registers, stack, process
// dictionary, and any value a BIF holds across a collection. The VM implements it.
//
// VisitRoots calls visit once per slice of roots (not once per root, so that a collection
// costs one indirect call per register file or stack, not per word). The collector rewrites
// pointers in the slices in place, so the slices must alias the VM's own storage. A slice may
// hold any term, NonValue included.
type Roots interface {
	VisitRoots(visit func([]term.Term))
}

// RootSet is a Roots made of slices given up front, for tests and for callers that keep
// their roots in a few slices.
type RootSet [][]term.Term

// VisitRoots implements Roots.VisitRoots.
func (r RootSet) VisitRoots(visit func([]term.Term)) {
	for _, s := range r {
		visit(s)
	}
}

// noRoots is the empty root set.
type noRoots struct{}

func (noRoots) VisitRoots(func([]term.Term)) {}
