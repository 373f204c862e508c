package gc

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/beamlite/beamlite/vm/term"
)

// benchHeap is a young generation holding live words of live data (a list of tuples, 16 words
// per element) interleaved with garbage words of dead tuples, with the first two words of
// every live object saved so that each iteration can undo the collector's forwarding marks
// in O(live) instead of rebuilding the heap.
type benchHeap struct {
	young []uint64
	root  term.Term
	saved map[int][2]uint64
}

const elemWords = 16 // cons cell + tuple of 13

func newBenchHeap(live, garbage int, packed bool) *benchHeap {
	th := &term.Heap{Young: make([]uint64, 0, live+garbage+64)}
	n := live / elemWords
	per := garbage / n
	if packed { // all the garbage first, then the live data in one block
		for g := garbage; g >= 14; g -= 14 {
			term.MakeTuple(th, make([]term.Term, 13)...)
		}
		per = 0
	}
	bh := &benchHeap{root: term.Nil, saved: map[int][2]uint64{}}
	elems := make([]term.Term, 13)
	for i := range elems {
		elems[i] = term.MakeSmall(int64(i))
	}
	for range n {
		for g := per; g >= 14; g -= 14 {
			term.MakeTuple(th, elems...)
		}
		tup := term.MakeTuple(th, elems...)
		bh.root = term.Cons(th, tup, bh.root)
		for _, p := range []term.Term{tup, bh.root} {
			bh.saved[int(p.Addr())] = [2]uint64{th.Young[p.Addr()], th.Young[p.Addr()+1]}
		}
	}
	bh.young = th.Young
	return bh
}

// reset puts the heap back as it was before a collection and makes h's young generation it.
func (bh *benchHeap) reset(h *Heap, roots []term.Term) {
	for off, ws := range bh.saved {
		bh.young[off], bh.young[off+1] = ws[0], ws[1]
	}
	h.Young, h.Old, h.Bins = bh.young, h.Old[:0], nil
	h.hwm, h.minors, h.oldBins = 0, 0, 0
	h.oldLimit = 1 << 40 // keep minors minor
	roots[0] = bh.root
}

func benchCollect(b *testing.B, live, garbage int, major, packed bool) {
	bh := newBenchHeap(live, garbage, packed)
	h := New(DefaultOptions())
	roots := []term.Term{term.Nil}
	var moved int
	bh.reset(h, roots)
	h.Collect(RootSet{roots}, 0) // let the sizing policy settle
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	var total, cpu time.Duration
	for range b.N {
		b.StopTimer()
		bh.reset(h, roots)
		// Settle Go's heap so that every iteration gets its to-space from reused spans: without
		// this, the 100 MB case took fresh (page-faulting) memory from the OS for each to-space
		// and the 1 MB case recycled warm memory, a Go allocator effect worth 1.6x that has
		// nothing to do with the garbage.
		runtime.GC()
		b.StartTimer()
		start, cpu0 := time.Now(), threadCPU()
		var st Stats
		if major {
			st = h.CollectMajor(RootSet{roots}, 0)
		} else {
			st = h.Collect(RootSet{roots}, 0)
		}
		total += time.Since(start)
		cpu += threadCPU() - cpu0
		moved = st.Moved
	}
	if moved != bh.liveWords() {
		b.Fatalf("moved %d words, live %d", moved, bh.liveWords())
	}
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "ns/gc")
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N)/float64(moved), "ns/liveword")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(moved), "cpu-ns/liveword")
}

// perWord runs f b.N times and reports wall and thread CPU nanoseconds per word.
func perWord(b *testing.B, words int, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	for b.Loop() {
		f()
	}
	cpu := threadCPU() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(words), "cpu-ns/word")
}

func (bh *benchHeap) liveWords() int { return len(bh.saved) / 2 * elemWords }

// BenchmarkGC measures minor and major collections of 1 MB of live data (131072 words) among
// 1 MB or 100 MB of garbage: a copying collector's cost follows the live data only. In the
// "spread" layout each live object sits between dead ones (as after a long run), so 100 MB
// of garbage also spreads the live data over 100 MB of memory and costs cache misses; in the
// "packed" layout the live data is one block after the garbage, which isolates the cost of
// the garbage itself (none).
//
//	go test ./gc -run XXX -bench 'BenchmarkGC$' -benchtime 100x -count 2
func BenchmarkGC(b *testing.B) {
	const mb = 1 << 20 / 8
	for _, kind := range []string{"minor", "major"} {
		for _, layout := range []string{"spread", "packed"} {
			for _, garbage := range []int{1, 100} {
				b.Run(fmt.Sprintf("%s/%s/live=1MB/garbage=%dMB", kind, layout, garbage), func(b *testing.B) {
					benchCollect(b, mb, garbage*mb, kind == "major", layout == "packed")
				})
			}
		}
	}
}

// BenchmarkGCLiveSize: ns per live word across live sizes, to show cost is linear in live data.
//
//	go test ./gc -run XXX -bench BenchmarkGCLiveSize
func BenchmarkGCLiveSize(b *testing.B) {
	for _, live := range []int{1 << 10, 1 << 14, 1 << 17, 1 << 20} {
		b.Run(fmt.Sprintf("minor/live=%dw", live), func(b *testing.B) { benchCollect(b, live, live, false, false) })
		b.Run(fmt.Sprintf("major/live=%dw", live), func(b *testing.B) { benchCollect(b, live, live, true, false) })
	}
}

// BenchmarkCopyOut and BenchmarkMoveIn: message copying in ns per word, for a list of tuples
// (one word in eight is a pointer to follow) of 1 MB.
//
//	go test ./gc -run XXX -bench 'CopyOut|MoveIn'
func BenchmarkCopyOut(b *testing.B) {
	for _, words := range []int{64, 1 << 10, 1 << 17} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			bh := newBenchHeap(words, 0, false)
			h := &term.Heap{Young: bh.young}
			n := FragmentSize(h, bh.root)
			perWord(b, n, func() { CopyOut(h, bh.root) })
		})
	}
}

func BenchmarkMoveIn(b *testing.B) {
	for _, words := range []int{64, 1 << 10, 1 << 17} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			bh := newBenchHeap(words, 0, false)
			f := CopyOut(&term.Heap{Young: bh.young}, bh.root)
			h := &term.Heap{Young: make([]uint64, 0, len(f.Words))}
			perWord(b, len(f.Words), func() {
				h.Young = h.Young[:0]
				f.MoveIn(h)
			})
		})
	}
}

// BenchmarkSendSmall: a gen_server cast's message ({'$gen_cast', {inc, 1}}, 6 words) copied
// out by CopyOut (its own allocation) and by Heap.CopyOut (carved from the sender's slab).
//
//	go test ./gc -run XXX -bench SendSmall -benchmem
func BenchmarkSendSmall(b *testing.B) {
	h := New(DefaultOptions())
	msg := term.MakeTuple(&h.Heap, term.MakeSmall(1), term.MakeTuple(&h.Heap, term.MakeSmall(2), term.MakeSmall(3)))
	b.Run("CopyOut", func(b *testing.B) {
		for b.Loop() {
			CopyOut(&h.Heap, msg)
		}
	})
	b.Run("Heap.CopyOut", func(b *testing.B) {
		for b.Loop() {
			h.CopyOut(msg)
		}
	})
}
