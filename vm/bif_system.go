package vm

import (
	"sync"
	"time"

	"github.com/beamlite/beamlite/vm/term"
)

// System BIFs: statistics/1 (reductions, exact_reductions, run_queue, runtime, wall_clock)
// and system_info/1 (schedulers, schedulers_online, process_count, process_limit,
// otp_release, wordsize). All are safe from any process: they read the schedulers' atomic
// counters and the process table's atomic count, and the "since last call" state under a
// mutex.

var (
	atomExactReductions = term.MustIntern("exact_reductions")
	atomRunQueue        = term.MustIntern("run_queue")
	atomRuntime         = term.MustIntern("runtime")
	atomWallClock       = term.MustIntern("wall_clock")
	atomSchedulers      = term.MustIntern("schedulers")
	atomSchedulersOn    = term.MustIntern("schedulers_online")
	atomProcessCount    = term.MustIntern("process_count")
	atomProcessLimit    = term.MustIntern("process_limit")
	atomOtpRelease      = term.MustIntern("otp_release")
	atomWordsize        = term.MustIntern("wordsize")
)

// sinceLast is a VM's "since the last call" state of statistics/1: Erlang's counters are
// VM-wide, so every process sees the same last value.
type sinceLast struct {
	mu                      sync.Mutex // guards the fields
	reductions, runtime, wc int64
}

// vmSince maps *VM to its *sinceLast. TODO(lead): a field of VM would not outlive the VM;
// this table keeps an entry for every VM that ever called statistics/1.
var vmSince sync.Map

// since returns v−last for counter c and makes v the new last value.
func (v *VM) since(c func(s *sinceLast) *int64, now int64) int64 {
	x, _ := vmSince.LoadOrStore(v, &sinceLast{})
	s := x.(*sinceLast)
	s.mu.Lock()
	defer s.mu.Unlock()
	last := c(s)
	d := now - *last
	*last = now
	return d
}

func init() {
	registerBif("erlang", "statistics", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		v := p.vm
		pair := func(total int64, c func(s *sinceLast) *int64) term.Term {
			return term.MakeTuple(h, term.MakeInt(h, total), term.MakeInt(h, v.since(c, total)))
		}
		switch a[0] {
		case atomReductions, atomExactReductions:
			// The schedulers count a run's reductions when it ends: the caller's current
			// run is not in the total yet.
			total := int64(v.sys.Stats().Total().Reductions)
			return pair(total, func(s *sinceLast) *int64 { return &s.reductions })
		case atomRunQueue:
			return term.MakeSmall(int64(v.sys.RunQueueLen()))
		case atomRuntime:
			return pair(cpuMillis(), func(s *sinceLast) *int64 { return &s.runtime })
		case atomGarbageColl:
			return p.gcStatistics()
		case atomWallClock:
			return pair(v.sys.Now()/int64(time.Millisecond), func(s *sinceLast) *int64 { return &s.wc })
		}
		return p.badarg()
	})
	registerBif("erlang", "system_info", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		v := p.vm
		switch a[0] {
		case atomSchedulers, atomSchedulersOn:
			return term.MakeSmall(int64(len(v.sys.Schedulers())))
		case atomProcessCount:
			return term.MakeSmall(v.procs.count.Load())
		case atomProcessLimit:
			return term.MakeSmall(int64(v.procs.limit))
		case atomOtpRelease:
			// The OTP release whose semantics beamlite follows, as erl's string.
			return term.ListFromSlice(h, []term.Term{term.MakeSmall('2'), term.MakeSmall('5')}, term.Nil)
		case atomWordsize:
			return term.MakeSmall(8)
		}
		return p.badarg()
	})
}
