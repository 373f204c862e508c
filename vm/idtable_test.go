package vm

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// TestIDTable checks idTable against a plain map under random sets and deletes.
func TestIDTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tab idTable[int]
	ref := map[uint64]int{}
	for i := 0; i < 20000; i++ {
		id := uint64(r.IntN(6) + 1)
		switch r.IntN(3) {
		case 0, 1:
			tab.set(id, i)
			ref[id] = i
		default:
			tab.del(id)
			delete(ref, id)
		}
		if tab.len() != len(ref) {
			t.Fatalf("step %d: len %d, want %d", i, tab.len(), len(ref))
		}
		for id := uint64(0); id <= 7; id++ {
			v, ok := tab.get(id)
			w, wok := ref[id]
			if ok != wok || v != w {
				t.Fatalf("step %d: get(%d) = %d, %v; want %d, %v", i, id, v, ok, w, wok)
			}
		}
		got := maps.Collect(tab.all())
		if !maps.Equal(got, ref) {
			t.Fatalf("step %d: all() = %v, want %v", i, got, ref)
		}
	}
}
