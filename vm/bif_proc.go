package vm

import (
	"unsafe"

	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/vm/term"
)

// Process BIFs: the process dictionary, process_flag/2, process_info/1,2, processes/0,
// spawn_opt/2,4 and erlang:hibernate/3.
//
// Every BIF runs on the scheduler of the calling process and may touch that process's state.
// Another process's state is read only where it is safe from any goroutine: its Task status
// and priority (atomics), its inbox (under the mailbox mutex), and what it published at the
// end of its last run (procPub, atomics; one run stale at most). process_info of another
// process therefore reports message_queue_len as its inbox plus its queue as of its last run,
// and its reductions, heap sizes and current function as of its last run; messages and
// dictionary of another process are read only through procPub's rule: not at all (they are
// terms in its heap), so they come back as [] (documented difference from Erlang).

var (
	atomTrapExit        = term.MustIntern("trap_exit")
	atomPriority        = term.MustIntern("priority")
	atomMaxHeapSize     = term.MustIntern("max_heap_size")
	atomMinHeapSize     = term.MustIntern("min_heap_size")
	atomFullsweepAfter  = term.MustIntern("fullsweep_after")
	atomLow             = term.MustIntern("low")
	atomHigh            = term.MustIntern("high")
	atomMax             = term.MustIntern("max")
	atomSize            = term.MustIntern("size")
	atomErrorLogger     = term.MustIntern("error_logger")
	atomIncludeShared   = term.MustIntern("include_shared_binaries")
	atomStatus          = term.MustIntern("status")
	atomRunning         = term.MustIntern("running")
	atomRunnable        = term.MustIntern("runnable")
	atomWaiting         = term.MustIntern("waiting")
	atomMessageQueueLen = term.MustIntern("message_queue_len")
	atomMessages        = term.MustIntern("messages")
	atomLinks           = term.MustIntern("links")
	atomMonitors        = term.MustIntern("monitors")
	atomMonitoredBy     = term.MustIntern("monitored_by")
	atomReductions      = term.MustIntern("reductions")
	atomMemory          = term.MustIntern("memory")
	atomHeapSize        = term.MustIntern("heap_size")
	atomTotalHeapSize   = term.MustIntern("total_heap_size")
	atomStackSize       = term.MustIntern("stack_size")
	atomCurrentFunction = term.MustIntern("current_function")
	atomRegisteredName  = term.MustIntern("registered_name")
	atomDictionary      = term.MustIntern("dictionary")
	atomErrorHandler    = term.MustIntern("error_handler")
	atomGarbageColl     = term.MustIntern("garbage_collection")
	atomSuspending      = term.MustIntern("suspending")
	atomMinorGCs        = term.MustIntern("minor_gcs")
	atomLink            = term.MustIntern("link")
	atomMonitor         = term.MustIntern("monitor")
	atomMessageQueueDat = term.MustIntern("message_queue_data")
	atomOffHeap         = term.MustIntern("off_heap")
	atomOnHeap          = term.MustIntern("on_heap")
	atomApply           = term.MustIntern("apply")
)

// ---- The process dictionary ----
//
// The dictionary is one map term (key => value) in the process's heap, held in
// procExt.roots[extDict] (Nil while empty) and visited by the collector through extRoots.

// dict returns the dictionary map, or Nil.
func (p *Process) dict() term.Term {
	if p.ext == nil {
		return term.Nil
	}
	return p.ext.roots[extDict]
}

func (p *Process) setDict(d term.Term) {
	p.extState().roots[extDict] = d
}

// dictList returns the dictionary as a list of {Key, Value}.
func (p *Process) dictList() term.Term {
	h := &p.heap.Heap
	d := p.dict()
	if d == term.Nil {
		return term.Nil
	}
	var pairs []term.Term
	term.MapRange(h, d, func(k, v term.Term) bool {
		pairs = append(pairs, term.MakeTuple(h, k, v))
		return true
	})
	return term.ListFromSlice(h, pairs, term.Nil)
}

func init() {
	registerBif("erlang", "put", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		d := p.dict()
		old := term.Undefined
		if d == term.Nil {
			d = term.NewMap(h, nil, nil)
		} else if v, ok := term.MapGet(h, d, a[0]); ok {
			old = v
		}
		p.setDict(term.MapPut(h, d, a[0], a[1]))
		return old
	})
	registerBif("erlang", "get", 1, func(p *Process, a []term.Term) term.Term {
		d := p.dict()
		if d == term.Nil {
			return term.Undefined
		}
		if v, ok := term.MapGet(&p.heap.Heap, d, a[0]); ok {
			return v
		}
		return term.Undefined
	})
	registerBif("erlang", "get", 0, func(p *Process, a []term.Term) term.Term { return p.dictList() })
	registerBif("erlang", "get_keys", 0, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		d := p.dict()
		if d == term.Nil {
			return term.Nil
		}
		var keys []term.Term
		term.MapRange(h, d, func(k, v term.Term) bool {
			keys = append(keys, k)
			return true
		})
		return term.ListFromSlice(h, keys, term.Nil)
	})
	registerBif("erlang", "get_keys", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		d := p.dict()
		if d == term.Nil {
			return term.Nil
		}
		var keys []term.Term
		term.MapRange(h, d, func(k, v term.Term) bool {
			if v == a[0] || term.Equal(h, v, a[0]) {
				keys = append(keys, k)
			}
			return true
		})
		return term.ListFromSlice(h, keys, term.Nil)
	})
	registerBif("erlang", "erase", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		d := p.dict()
		if d == term.Nil {
			return term.Undefined
		}
		v, ok := term.MapGet(h, d, a[0])
		if !ok {
			return term.Undefined
		}
		d = term.MapRemove(h, d, a[0])
		if term.MapSize(h, d) == 0 {
			d = term.Nil
		}
		p.setDict(d)
		return v
	})
	registerBif("erlang", "erase", 0, func(p *Process, a []term.Term) term.Term {
		l := p.dictList()
		if p.ext != nil {
			p.ext.roots[extDict] = term.Nil
		}
		return l
	})
}

// ---- process_flag/2 ----

var priorityAtoms = [sched.NumPriorities]term.Term{
	sched.Normal: term.Normal, sched.Low: atomLow, sched.High: atomHigh, sched.Max: atomMax,
}

func priorityOf(t term.Term) (sched.Priority, bool) {
	for prio, a := range priorityAtoms {
		if a == t {
			return sched.Priority(prio), true
		}
	}
	return 0, false
}

// maxHeapMap is the max_heap_size flag as Erlang reports it.
func maxHeapMap(h *term.Heap, size int, kill bool) term.Term {
	return term.NewMap(h, []term.Term{atomErrorLogger, atomKill(), atomSize},
		[]term.Term{term.True, term.Bool(kill), term.MakeSmall(int64(size))})
}

func atomKill() term.Term { return term.MustIntern("kill") }

// parseMaxHeap reads a max_heap_size value: a non-negative integer (words) or a map with size
// and optionally kill, error_logger and include_shared_binaries. minHeap is the process's
// min_heap_size: a non-zero limit below it is refused, as erts does.
func parseMaxHeap(h *term.Heap, t term.Term, minHeap int) (size int, kill, ok bool) {
	kill = true
	switch {
	case t.IsSmall():
		size = int(t.Small())
	case term.IsMap(h, t):
		s, found := term.MapGet(h, t, atomSize)
		if !found || !s.IsSmall() {
			return 0, false, false
		}
		size = int(s.Small())
		good := true
		term.MapRange(h, t, func(k, v term.Term) bool {
			switch k {
			case atomSize:
			case atomKill(), atomErrorLogger, atomIncludeShared:
				if v != term.True && v != term.False {
					good = false
				}
				if k == atomKill() {
					kill = v == term.True
				}
			} // erts ignores other keys
			return good
		})
		if !good {
			return 0, false, false
		}
	default:
		return 0, false, false
	}
	if size < 0 || (size > 0 && size < minHeap) {
		return 0, false, false
	}
	return size, kill, true
}

// maxHeapKill reports whether the process is to be killed when a collection leaves its heap
// over MaxHeapSize (max_heap_size's kill option, true unless set otherwise). Called only by
// the owner's scheduler.
func (p *Process) maxHeapKill() bool {
	return p.ext == nil || !p.ext.maxHeapNoKill
}

// minHeapOf is the min_heap_size Erlang would report for heap options o.
// (a stress setting below the default shows as the default).
func minHeapOf(o gc.Options) int { return max(o.MinHeapSize, gc.DefaultMinHeapSize) }

func init() {
	registerBif("erlang", "process_flag", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		switch a[0] {
		case atomTrapExit:
			if a[1] != term.True && a[1] != term.False {
				return p.badarg()
			}
			// Signals already queued act first: one that kills the process kills it now, so
			// that another process's is_process_alive may count on it (Process.alive).
			if !p.handleSignals() {
				return p.dieNow()
			}
			return term.Bool(p.setTrapExit(a[1] == term.True))
		case atomPriority:
			prio, ok := priorityOf(a[1])
			if !ok {
				return p.badarg()
			}
			old := p.Priority()
			p.SetPriority(prio)
			return priorityAtoms[old]
		case atomMaxHeapSize:
			size, kill, ok := parseMaxHeap(h, a[1], minHeapOf(p.heap.Options))
			if !ok {
				return p.badarg()
			}
			old := maxHeapMap(h, p.heap.MaxHeapSize, p.maxHeapKill())
			p.heap.MaxHeapSize = size
			if !kill || p.ext != nil {
				p.extState().maxHeapNoKill = !kill
			}
			return old
		case atomMinHeapSize:
			if !a[1].IsSmall() || a[1].Small() < 0 {
				return p.badarg()
			}
			old := minHeapOf(p.heap.Options)
			// As erts: rounded up to a heap size of the sizing table, at least the smallest.
			n := gc.NextSize(max(int(a[1].Small()), gc.DefaultMinHeapSize))
			if p.heap.MinHeapSize < gc.DefaultMinHeapSize && a[1].Small() < gc.DefaultMinHeapSize {
				n = p.heap.MinHeapSize // keep a stress setting (tests' tiny heap)
			}
			p.heap.MinHeapSize = n
			return term.MakeSmall(int64(old))
		}
		return p.badarg()
	})
}

// ---- process_info/1,2 ----

// infoDefault is process_info/1's item list, erl's without what beamlite has not (initial_call,
// group_leader); registered_name comes first when the process has a name.
var infoDefault = []term.Term{
	atomCurrentFunction, atomStatus, atomMessageQueueLen, atomLinks, atomDictionary,
	atomTrapExit, atomErrorHandler, atomPriority, atomTotalHeapSize, atomHeapSize,
	atomStackSize, atomReductions, atomGarbageColl, atomSuspending,
}

// procStructSize is what a process costs beyond its heap, stack and mailbox.
var procStructSize = int64(unsafe.Sizeof(Process{}))

// processInfo returns the value of item for process q, built in p's heap, and ok false for an
// item that process_info does not know (badarg). q may be p or another live process; see the
// top of this file for what is read of another process.
func (p *Process) processInfo(q *Process, item term.Term) (term.Term, bool) {
	h := &p.heap.Heap
	self := q == p
	var pub *procPub
	if !self {
		pub = q.published()
	}
	switch item {
	case atomStatus:
		if self {
			return atomRunning, true
		}
		switch q.Status() {
		case sched.Running, sched.RunningWoken:
			return atomRunning, true
		case sched.Waiting:
			return atomWaiting, true
		}
		return atomRunnable, true
	case atomPriority:
		return priorityAtoms[q.Priority()], true
	case atomMessageQueueLen:
		if self {
			return term.MakeSmall(int64(p.mb.length())), true
		}
		q.mb.mu.Lock()
		n := int64(len(q.mb.inbox))
		q.mb.mu.Unlock()
		if pub != nil {
			n += pub.stack.second()
		}
		return term.MakeSmall(n), true
	case atomMessages:
		if !self {
			return term.Nil, true
		}
		p.mb.drain(h)
		return term.ListFromSlice(h, p.mb.queue, term.Nil), true
	case atomDictionary:
		if !self {
			return term.Nil, true
		}
		return p.dictList(), true
	case atomReductions:
		if self {
			return term.MakeSmall(p.reductions), true
		}
		return term.MakeSmall(pubInt(pub, func(x *procPub) int64 { return x.reductions.Load() })), true
	case atomHeapSize:
		if self {
			return term.MakeSmall(int64(youngSize(p))), true
		}
		return term.MakeSmall(pubInt(pub, func(x *procPub) int64 { return x.heap.second() })), true
	case atomTotalHeapSize:
		if self {
			return term.MakeSmall(int64(p.heap.Size())), true
		}
		return term.MakeSmall(pubInt(pub, func(x *procPub) int64 { return x.heap.first() })), true
	case atomStackSize:
		if self {
			return term.MakeSmall(int64(len(p.stack))), true
		}
		return term.MakeSmall(pubInt(pub, func(x *procPub) int64 { return x.stack.first() })), true
	case atomMemory:
		var heap, stack int64
		if self {
			heap, stack = int64(p.heap.Size()), int64(cap(p.stack)+len(p.mb.queue))
		} else if pub != nil {
			heap, stack = pub.heap.first(), pub.stack.first()+pub.stack.second()
		}
		return term.MakeSmall((heap+stack)*8 + procStructSize), true
	case atomCurrentFunction:
		fn := p.fn
		if !self {
			fn = nil
			if pub != nil {
				fn = pub.fn.Load()
			}
		}
		if fn == nil {
			return term.MakeTuple(h, atomErlang, atomApply, term.MakeSmall(2)), true
		}
		return term.MakeTuple(h, fn.mod.name, fn.name, term.MakeSmall(int64(fn.arity))), true
	case atomErrorHandler:
		return term.MustIntern("error_handler"), true
	case atomSuspending:
		return term.Nil, true
	case atomMaxHeapSize:
		if !self {
			return maxHeapMap(h, 0, true), true // the limit is owner-only state
		}
		return maxHeapMap(h, p.heap.MaxHeapSize, p.maxHeapKill()), true
	case atomGarbageColl:
		if !self {
			return term.Nil, true
		}
		o := p.heap.Options
		return term.ListFromSlice(h, []term.Term{
			term.MakeTuple(h, atomMaxHeapSize, maxHeapMap(h, o.MaxHeapSize, p.maxHeapKill())),
			term.MakeTuple(h, atomMinHeapSize, term.MakeSmall(int64(minHeapOf(o)))),
			term.MakeTuple(h, atomFullsweepAfter, term.MakeSmall(int64(o.FullsweepAfter))),
			term.MakeTuple(h, atomMinorGCs, term.MakeSmall(int64(p.heap.Minors()))),
		}, term.Nil), true
	case atomLinks, atomMonitors, atomMonitoredBy, atomTrapExit, atomRegisteredName:
		return q.signalInfoOn(h, item) // safe from any process (signal.go)
	}
	return term.NonValue, false
}

// pubInt reads a published counter, or 0 when the process publishes nothing.
func pubInt(pub *procPub, f func(*procPub) int64) int64 {
	if pub == nil {
		return 0
	}
	return f(pub)
}

func init() {
	registerBif("erlang", "process_info", 2, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !a[0].IsPid() {
			return p.badarg()
		}
		q, wait := p.lookupAlive(a[0])
		if wait {
			return p.retry()
		}
		if q == p && !p.handleSignals() {
			// About itself, a process first acts on the signals it has received (a link
			// exit, a monitor), as erts does.
			return p.dieNow()
		}
		if a[1].IsAtom() {
			if _, ok := p.processInfo(p, a[1]); !ok {
				return p.badarg()
			}
			if q == nil {
				return term.Undefined
			}
			v, _ := p.processInfo(q, a[1])
			if a[1] == atomRegisteredName && v == term.Nil {
				return term.Nil // Erlang's [] for a process with no name
			}
			return term.MakeTuple(h, a[1], v)
		}
		items, tail := term.ListToSlice(h, a[1])
		if tail != term.Nil {
			return p.badarg()
		}
		for _, it := range items {
			if !it.IsAtom() {
				return p.badarg()
			}
			if _, ok := p.processInfo(p, it); !ok {
				return p.badarg()
			}
		}
		if q == nil {
			return term.Undefined
		}
		out := make([]term.Term, len(items))
		for i, it := range items {
			v, _ := p.processInfo(q, it)
			out[i] = term.MakeTuple(h, it, v)
		}
		return term.ListFromSlice(h, out, term.Nil)
	})
	registerBif("erlang", "process_info", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !a[0].IsPid() {
			return p.badarg()
		}
		q, wait := p.lookupAlive(a[0])
		if wait {
			return p.retry()
		}
		if q == p && !p.handleSignals() {
			// About itself, a process first acts on the signals it has received (a link
			// exit, a monitor), as erts does.
			return p.dieNow()
		}
		if q == nil {
			return term.Undefined
		}
		items := infoDefault
		if v, _ := p.processInfo(q, atomRegisteredName); v.IsAtom() {
			items = append([]term.Term{atomRegisteredName}, items...)
		}
		out := make([]term.Term, len(items))
		for i, it := range items {
			v, _ := p.processInfo(q, it)
			out[i] = term.MakeTuple(h, it, v)
		}
		return term.ListFromSlice(h, out, term.Nil)
	})
	registerBif("erlang", "processes", 0, func(p *Process, a []term.Term) term.Term {
		var pids []term.Term
		p.vm.procs.each(func(q *Process) { pids = append(pids, q.pid) })
		return term.ListFromSlice(&p.heap.Heap, pids, term.Nil)
	})
}

// ---- spawn_opt/2,4 ----

// parseSpawnOpts reads spawn_opt's option list; ok is false for a bad option (badarg).
func (p *Process) parseSpawnOpts(l term.Term) (spawnOpts, bool) {
	h := &p.heap.Heap
	o := p.defaultSpawnOpts()
	opts, tail := term.ListToSlice(h, l)
	if tail != term.Nil {
		return o, false
	}
	var maxHeap term.Term = term.NonValue
	for _, opt := range opts {
		switch {
		case opt == atomLink:
			o.link = true
		case opt == atomMonitor:
			o.monitor = true
		case term.IsTuple(h, opt) && term.TupleArity(h, opt) == 2:
			k, v := term.TupleElem(h, opt, 0), term.TupleElem(h, opt, 1)
			switch k {
			case atomPriority:
				prio, ok := priorityOf(v)
				if !ok {
					return o, false
				}
				o.prio = prio
			case atomMinHeapSize, atomFullsweepAfter:
				if !v.IsSmall() || v.Small() < 0 {
					return o, false
				}
				if k == atomFullsweepAfter {
					o.heap.FullsweepAfter = int(v.Small())
				} else if n := int(v.Small()); n > o.heap.MinHeapSize {
					// Rounded up as erts does; never below the VM's setting (a stress heap
					// stays one).
					o.heap.MinHeapSize = gc.NextSize(max(n, gc.DefaultMinHeapSize))
				}
			case atomMaxHeapSize:
				maxHeap = v
			case atomMessageQueueDat:
				if v != atomOffHeap && v != atomOnHeap {
					return o, false
				}
			default:
				return o, false
			}
		default:
			return o, false
		}
	}
	if maxHeap != term.NonValue {
		size, kill, ok := parseMaxHeap(h, maxHeap, minHeapOf(o.heap))
		if !ok {
			return o, false
		}
		o.heap.MaxHeapSize, o.noKill = size, !kill
	}
	return o, true
}

func init() {
	spawnOpt := func(p *Process, start startKind, arity int, xs []term.Term, optList term.Term) term.Term {
		o, ok := p.parseSpawnOpts(optList)
		if !ok {
			return p.badarg()
		}
		return p.spawn(start, arity, xs, o)
	}
	registerBif("erlang", "spawn_opt", 2, func(p *Process, a []term.Term) term.Term {
		if !term.IsFun(&p.heap.Heap, a[0]) {
			return p.badarg()
		}
		return spawnOpt(p, startFun, 0, []term.Term{a[0]}, a[1])
	})
	registerBif("erlang", "spawn_opt", 4, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !a[0].IsAtom() || !a[1].IsAtom() || !term.IsProperList(h, a[2]) {
			return p.badarg()
		}
		args, _ := term.ListToSlice(h, a[2])
		return spawnOpt(p, startApply, len(args), append(args, a[0], a[1]), a[3])
	})
}

// ---- erlang:hibernate/3 ----

// bifHibernate is the class erlang:hibernate/3 returns NonValue with: not an exception but the
// request "stop running now". The process is then set up to begin M:F(Args) (p.start), so
// the interpreter and Run must stop it without raising (see hibernate).
var bifHibernate = term.MustIntern("$hibernate")

// hibernate is erlang:hibernate(M, F, Args): the stack is discarded, the heap compacted to
// its live data, and the process waits until a message arrives (at once if one is waiting),
// then begins M:F(Args) as a new process would (spawn.go's begin); it never returns.
//
// It needs two things of the interpreter and Run (not yet wired): a call of a BIF that fails
// with p.start != startNone must not raise but end the run; and Run must then keep the x
// registers (xsaved, as for Yield) and return Wait, or Yield when hibernateWake says so.
// Called only by p's scheduler, from the interpreter.
func (p *Process) hibernate(m, f, argList term.Term) term.Term {
	h := &p.heap.Heap
	if !m.IsAtom() || !f.IsAtom() || !term.IsProperList(h, argList) {
		return p.badarg()
	}
	args, _ := term.ListToSlice(h, argList)
	n := len(args)
	if n > bytecode.MaxArity {
		return p.badarg()
	}
	copy(p.x[:], args)
	p.x[n], p.x[n+1] = m, f
	p.xlive = n + 2
	p.stack, p.frames, p.catches = nil, nil, nil
	p.ybase, p.cp = 0, retAddr{}
	if p.ext != nil {
		p.ext.marker = recvMarker{}
		p.ext.roots[extMarkerRef] = term.Nil
	}
	p.mb.save = 0
	p.exc = exception{term.Nil, term.Nil, term.Nil}
	p.start, p.startArity = startApply, uint8(n)
	p.countGC(p.heap.Compact(p))
	return p.fail(bifHibernate, term.Nil)
}

// hibernateWake reports whether a hibernating process must run again at once: a message is
// already in its mailbox (Erlang wakes it then). Called only by p's scheduler, in Run.
func (p *Process) hibernateWake() bool { return p.mb.length() > 0 }

func init() {
	registerBif("erlang", "hibernate", 3, func(p *Process, a []term.Term) term.Term {
		return p.hibernate(a[0], a[1], a[2])
	})
}
