package gc

import (
	"sort"
	"sync"
	"unsafe"

	"github.com/beamlite/beamlite/vm/term"
)

// Options are a process's heap settings, in words. Take them from [DefaultOptions] and change
// what differs: the zero Options is valid but means FullsweepAfter 0 (every collection major).
type Options struct {
	// MinHeapSize is the smallest young generation (and old budget) the sizing policy picks,
	// and what Compact shrinks the young generation to; 0 means DefaultMinHeapSize.
	//
	// A value below DefaultMinHeapSize is a stress setting (DESIGN.md's "tiny heap" test
	// configuration): the young generation is then sized to exactly what survives plus need
	// (at least an eighth of the old generation, so that work stays linear), with no table
	// rounding, so the owner collects at almost every safe point while live data is small. The BEAM would round such a value up; beamlite keeps it so that tests can make
	// collections happen everywhere.
	MinHeapSize int
	// MaxHeapSize is the largest Size a process may have after a collection; 0 means no limit.
	// The collector only reports the excess (Stats.OverMax); the VM kills the process.
	MaxHeapSize int
	// FullsweepAfter is how many minor collections may run between two majors. 0 makes every
	// collection major (no generations), as Erlang's fullsweep_after 0.
	FullsweepAfter int
}

// Defaults, as the BEAM's.
const (
	DefaultMinHeapSize    = 233
	DefaultFullsweepAfter = 65535
)

// DefaultOptions returns the options a process gets unless it asks for others.
func DefaultOptions() Options {
	return Options{MinHeapSize: DefaultMinHeapSize, FullsweepAfter: DefaultFullsweepAfter}
}

// Heap is a process's heap together with its collector's state. The VM owns one per process
// and, at a safe point where NeedsGC reports true (or an allocation of need words must not
// grow Young past Limit), calls Collect with the process's roots.
//
// Only the scheduler running the owning process touches a Heap.
type Heap struct {
	term.Heap
	Options

	// hwm is the high-water mark in Young: objects below it have survived one minor
	// collection and are promoted into Old by the next one.
	hwm int
	// minors counts minor collections since the last major.
	minors int
	// oldLimit is the old generation's budget: a minor that could promote past it is turned
	// into a major.
	oldLimit int
	// oldBins is the length of the prefix of Bins that objects in Old may index. Entries past
	// it are indexed only from Young (or by nothing), so a minor collection can compact them
	// without scanning Old.
	oldBins int

	// What Heap.CopyOut carves the messages this process sends from: the free part of the
	// current chunk of words and of fragments, the sizes of the next chunks, and the undo
	// log (nil until the first send).
	slab      []uint64
	frags     []Fragment
	slabNext  int
	fragsNext int
	fragLog   *[]uint64
}

// New returns an empty heap with the given options. It allocates no words: the first Alloc
// does, so a process that never builds a term (one spawned to wait in receive) costs no heap.
func New(opts Options) *Heap {
	h := &Heap{Options: opts}
	h.normalize()
	h.Limit = h.MinHeapSize
	h.oldLimit = h.MinHeapSize
	return h
}

func (h *Heap) normalize() {
	if h.MinHeapSize <= 0 {
		h.MinHeapSize = DefaultMinHeapSize
	}
	if h.FullsweepAfter < 0 {
		h.FullsweepAfter = 0
	}
}

// Size returns the heap's size in words as max_heap_size counts it: the young generation's
// size (its Limit, or more if it has grown past) plus the words in use in the old generation.
// The old budget is not counted: it is a trigger, not memory the process holds.
func (h *Heap) Size() int { return max(h.Limit, len(h.Young)) + len(h.Old) }

// OverMax reports whether the heap is larger than MaxHeapSize.
func (h *Heap) OverMax() bool { return h.MaxHeapSize > 0 && h.Size() > h.MaxHeapSize }

// HighWater returns the high-water mark: young objects below it survived one minor
// collection. Exposed for tests and process_info-like inspection.
func (h *Heap) HighWater() int { return h.hwm }

// Minors returns how many minor collections ran since the last major one.
func (h *Heap) Minors() int { return h.minors }

// OldLimit returns the old generation's budget in words.
func (h *Heap) OldLimit() int { return h.oldLimit }

// OldBins returns how many leading entries of Bins objects in Old may index.
func (h *Heap) OldBins() int { return h.oldBins }

// stressOldFraction bounds how often the stress sizing collects: at most once per
// len(Old)/stressOldFraction words allocated, so collection work stays linear in allocation.
const stressOldFraction = 8

// stress reports whether MinHeapSize asks for the stress sizing (see Options.MinHeapSize).
func (h *Heap) stress() bool { return h.MinHeapSize < DefaultMinHeapSize }

// heapSizes is the table of sizes the policy picks from, the BEAM's: a Fibonacci-like
// sequence (each the sum of the two before, plus one) while sizes are small, so that a
// growing heap takes few collections to reach its working size, then 20% steps above
// fibLimit words, so that a large heap never reserves much more than it needs.
var heapSizes = func() []int {
	const fibLimit = 1_300_000
	s := []int{DefaultMinHeapSize, 377}
	for {
		a, b := s[len(s)-2], s[len(s)-1]
		next := a + b + 1
		if b >= fibLimit {
			next = b + b/5
		}
		if next > 1<<52 {
			return s
		}
		s = append(s, next)
	}
}()

// NextSize returns the smallest size in the policy's table that is at least n words.
func NextSize(n int) int {
	i := sort.SearchInts(heapSizes, n)
	if i == len(heapSizes) {
		return n
	}
	return heapSizes[i]
}

// resize applies the sizing policy after a collection; need is the free young space the
// caller asked for. It returns how many words of new arrays it allocated. See doc.go
// ("Sizing") for why each factor.
func (h *Heap) resize(major bool, need int) (allocated int) {
	live := len(h.Young) + need
	if h.stress() {
		// Collect as often as the data allows, but never more often than every len(Old)/8
		// words: a collection every allocation would make a program with L live words cost
		// O(L) per allocation, and tests of big data would never end.
		h.Limit = max(h.MinHeapSize, live, len(h.Old)/stressOldFraction)
		if major {
			h.oldLimit = max(h.MinHeapSize, 2*len(h.Old))
		}
	} else {
		want := NextSize(max(h.MinHeapSize, 2*live, len(h.Old)/4))
		if want > h.Limit || 2*want < h.Limit {
			h.Limit = want
		}
		if major {
			h.oldLimit = NextSize(max(h.MinHeapSize, 2*len(h.Old)))
		}
	}
	if cap(h.Young) < h.Limit {
		young := getYoung(h.Limit)[:len(h.Young)]
		copy(young, h.Young)
		putYoung(h.Young)
		h.Young = young
		allocated += cap(young)
	}
	return allocated
}

// youngPools recycle young arrays between processes and collections, one pool per size of
// the table up to maxPooledYoung words: the to-space of a minor collection used to be a
// fresh array each time (zeroed by Go, then garbage for Go's collector), and these arrays
// were half of everything a message-passing process allocated. An array is put back when
// it stops being a young generation (the from-space of a minor, an array that resize or
// hibernate replaces). Its words are not cleared: Young's words past len are never read
// before they are written (the beamlitedebug build poisons them to make sure).
var youngPools [youngClasses]sync.Pool

// youngClasses is how many sizes of the table are pooled: those up to maxPooledYoung.
const youngClasses = 12

const maxPooledYoung = 1 << 16

// youngClass returns the pool index for a young array of size limit, or -1.
func youngClass(limit int) int {
	if limit > maxPooledYoung {
		return -1
	}
	i := sort.SearchInts(heapSizes, limit)
	if i >= youngClasses || heapSizes[i] != limit {
		return -1
	}
	return i
}

// getYoung returns an empty array of capacity youngCap(limit), from a pool when one has one.
func getYoung(limit int) []uint64 {
	n := youngCap(limit)
	if i := youngClass(limit); i >= 0 {
		if p, _ := youngPools[i].Get().(*uint64); p != nil {
			s := unsafe.Slice(p, n)
			if debug {
				for j := range s {
					s[j] = poisonWord
				}
			}
			return s[:0]
		}
	}
	return make([]uint64, 0, n)
}

// putYoung gives back an array that is no longer any heap's young generation (nil, or one
// whose capacity is not a pooled size, is dropped). The caller must not use it again.
func putYoung(s []uint64) {
	c := cap(s)
	if c == 0 || c > youngCap(maxPooledYoung) {
		return
	}
	// youngCap is increasing, so the class is found by searching the table for it.
	i := sort.Search(len(heapSizes), func(i int) bool { return youngCap(heapSizes[i]) >= c })
	if i < youngClasses && youngCap(heapSizes[i]) == c && heapSizes[i] <= maxPooledYoung {
		youngPools[i].Put(unsafe.SliceData(s[:1]))
	}
}

// poisonWord fills recycled young words in the debug build: a header of an unknown kind with
// a huge size, so that reading one as a term fails verification.
const poisonWord = ^uint64(0)

// youngCap is the capacity a young array of size limit gets: a margin above the limit.
// The owner collects at its next safe point after Young passes Limit, so the words
// allocated since the last one land past it; without the margin each of those overshoots
// made Alloc double the array (zeroing twice the size and copying it) once per collection.
func youngCap(limit int) int { return limit + limit/4 + 32 }
