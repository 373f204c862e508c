package vm

import (
	"runtime/metrics"
	"sync/atomic"
	"unsafe"

	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/vm/term"
)

// Memory and collection statistics: erlang:memory/0,1 and the counters behind
// erlang:statistics(garbage_collection).
//
// erlang:memory(processes) is the Go memory the live processes hold: for each process, its
// Process struct, its gc.Heap struct, the arrays of its heap (young and old generations, the
// off-heap binary reference table), its stack (y slots, frames, catch entries, saved x
// registers), its received-message queue and spare inbox, its signal and extension state
// when it has any, and its process-table slot. Go structs are counted at their allocator
// size class; arrays at their capacity (their size-class rounding is not counted: at most an
// eighth more). Not counted: the words of messages not yet received (they live in their
// senders' slabs or in the inbox, and are counted once received; the slots of the messages
// taken from the inbox are), a sender's slab of message words, off-heap binaries (shared between processes; erlang:memory(binary)
// is not tracked and raises notsup, as an erts without that allocator does), maps' internal
// buckets of the links/monitors tables (counted as 64 bytes per entry), the timer of a receive
// that waits with a timeout.
//
// A process counts what it published at the end of its last run (procPub.memBytes), so the
// figure is at most one run stale for a busy process and exact for an idle one; the calling
// process counts itself as it is now; a process that has not run yet counts its structs.
// TestMemoryMatchesGoHeap checks the figure against the Go heap's growth for 20,000 idle
// processes.
//
// erlang:memory(total) is the Go runtime's mapped memory minus what it released to the OS
// (runtime/metrics), and system is total minus processes.

var (
	atomTotal         = term.MustIntern("total")
	atomProcesses     = term.MustIntern("processes")
	atomProcessesUsed = term.MustIntern("processes_used")
	atomSystem        = term.MustIntern("system")
	atomNotsup        = term.MustIntern("notsup")
	atomMemBinary     = term.MustIntern("binary")
	atomMemCode       = term.MustIntern("code")
	atomMemEts        = term.MustIntern("ets")
	atomMemAtom       = term.MustIntern("atom")
	atomMemAtomUsed   = term.MustIntern("atom_used")
)

// gcCounters are a VM's collection counters, for statistics(garbage_collection). Safe from
// any goroutine.
type gcCounters struct {
	collections atomic.Int64
	reclaimed   atomic.Int64 // words
}

// countGC records one collection of p's heap.
func (p *Process) countGC(st gc.Stats) {
	p.vm.gcStats.collections.Add(1)
	if st.Reclaimed > 0 {
		p.vm.gcStats.reclaimed.Add(int64(st.Reclaimed))
	}
}

// gcStatistics is statistics(garbage_collection): {Collections, WordsReclaimed, 0}, as erl.
func (p *Process) gcStatistics() term.Term {
	h := &p.heap.Heap
	s := &p.vm.gcStats
	return term.MakeTuple(h, term.MakeInt(h, s.collections.Load()), term.MakeInt(h, s.reclaimed.Load()),
		term.MakeSmall(0))
}

// goSizeClasses are the Go allocator's size classes up to 32 KB (runtime/sizeclasses.go):
// an object of n bytes takes the first class ≥ n.
var goSizeClasses = [...]int64{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208,
	224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152,
	1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
	6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480,
	21760, 24576, 27264, 28672, 32768}

// goAlloc is what the Go allocator takes for an object of n bytes.
func goAlloc(n int64) int64 {
	if n <= 0 {
		return 0
	}
	if n > 32768 {
		return (n + 8191) &^ 8191
	}
	lo, hi := 0, len(goSizeClasses)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if goSizeClasses[mid] < n {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return goSizeClasses[lo]
}

var (
	// procBaseBytes is what every process holds however little it does: its Process and
	// gc.Heap structs and its process-table slot (a pointer and a serial).
	procBaseBytes = goAlloc(int64(unsafe.Sizeof(Process{}))) + goAlloc(int64(unsafe.Sizeof(gc.Heap{}))) + 12
	sigBytes      = goAlloc(int64(unsafe.Sizeof(procSignals{})))
	extBytes      = goAlloc(int64(unsafe.Sizeof(procExt{})))
)

const (
	frameBytes   = int64(unsafe.Sizeof(frame{}))
	catchBytes   = int64(unsafe.Sizeof(catchEntry{}))
	messageBytes = int64(unsafe.Sizeof(message{}))
	mapEntry     = 64 // what one entry of a links or monitors map is counted as
)

// memoryBytes is what p holds now (see the top of this file). Called only by the owner's
// scheduler, or by anyone for a process that has never run (whose fields nobody writes).
// It is cheap (a few dozen loads): publish calls it at the end of every run.
func (p *Process) memoryBytes() int64 {
	n := procBaseBytes
	if hp := p.heap; hp != nil {
		n += int64(cap(hp.Young)+cap(hp.Old)+cap(hp.Bins)) * 8
	}
	n += int64(cap(p.stack)+cap(p.xsaved)+cap(p.mb.queue)) * 8
	n += int64(cap(p.frames))*frameBytes + int64(cap(p.catches))*catchBytes
	n += int64(cap(p.mb.spare)+cap(p.mb.pend)) * messageBytes
	if p.ext != nil {
		n += extBytes
	}
	if s := p.sig; s != nil {
		n += sigBytes + int64(len(s.links)+s.monitors.len()+s.monitoredBy.len())*mapEntry
	}
	return n
}

// processesMemory is erlang:memory(processes) as seen from p.
func (p *Process) processesMemory() int64 {
	var total int64
	p.vm.procs.each(func(q *Process) {
		switch {
		case q == p:
			total += p.memoryBytes()
		default:
			if b := q.pub.memBytes.Load(); b > 0 {
				total += b
			} else {
				total += procBaseBytes // not run yet
			}
		}
	})
	return total
}

// goTotalMemory is the Go runtime's mapped memory less what it has released to the OS.
func goTotalMemory() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	var v [2]int64
	for i := range s {
		if s[i].Value.Kind() == metrics.KindUint64 {
			v[i] = int64(s[i].Value.Uint64())
		}
	}
	return v[0] - v[1]
}

// memoryItem returns memory/1's value for one type, or NonValue after setting the BIF error.
func (p *Process) memoryItem(t term.Term, procs, total int64) term.Term {
	h := &p.heap.Heap
	switch t {
	case atomTotal:
		return term.MakeInt(h, max(total, procs))
	case atomProcesses, atomProcessesUsed:
		return term.MakeInt(h, procs)
	case atomSystem:
		return term.MakeInt(h, max(total-procs, 0))
	case atomMemBinary, atomMemCode, atomMemEts, atomMemAtom, atomMemAtomUsed:
		return p.fail(term.Error, atomNotsup)
	}
	return p.badarg()
}

func init() {
	// memory() -> [{total, T}, {processes, P}, {processes_used, P}, {system, S}].
	registerBif("erlang", "memory", 0, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		procs, total := p.processesMemory(), goTotalMemory()
		var items []term.Term
		for _, t := range []term.Term{atomTotal, atomProcesses, atomProcessesUsed, atomSystem} {
			items = append(items, term.MakeTuple(h, t, p.memoryItem(t, procs, total)))
		}
		return term.ListFromSlice(h, items, term.Nil)
	})
	// memory(Type) -> Bytes; memory([Type]) -> [{Type, Bytes}].
	registerBif("erlang", "memory", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		procs, total := p.processesMemory(), goTotalMemory()
		if a[0].IsAtom() {
			return p.memoryItem(a[0], procs, total)
		}
		var types []term.Term
		for l := a[0]; !l.IsNil(); l = p.heap.Tail(l) {
			if !l.IsList() {
				return p.badarg()
			}
			types = append(types, p.heap.Head(l))
		}
		var items []term.Term
		for _, t := range types {
			if !t.IsAtom() {
				return p.badarg()
			}
			v := p.memoryItem(t, procs, total)
			if v == term.NonValue {
				return v
			}
			items = append(items, term.MakeTuple(h, t, v))
		}
		return term.ListFromSlice(h, items, term.Nil)
	})
}
