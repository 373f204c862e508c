package vm

import (
	"github.com/beamlite/beamlite/vm/term"
)

// BIFs of links, monitors, exit signals and registered names. Each runs on the calling
// process's scheduler; what they do to other processes travels as signals (signal.go).

// spawnBif is spawn_link/1,3 and spawn_monitor/1,3 on already checked arguments.
func (p *Process) spawnBif(start startKind, arity int, xs []term.Term, link, monitor bool) term.Term {
	o := p.defaultSpawnOpts()
	o.link, o.monitor = link, monitor
	return p.spawn(start, arity, xs, o)
}

// link is link/1.
func (p *Process) link(to term.Term) term.Term {
	if !to.IsPid() {
		return p.badarg()
	}
	if to == p.pid {
		return term.True
	}
	if state, ok := p.linkState(to); ok && state == 0 {
		return term.True
	}
	p.setLink(to, 0)
	if p.sendSignal(to, signal{kind: sigLink, from: p.pid}) {
		return term.True
	}
	// No such process: a noproc exit signal, as if it had answered.
	p.delLink(to)
	if !p.trapping() {
		return p.fail(term.Error, term.Noproc)
	}
	if !p.signalSelf(signal{kind: sigExit, from: to, reason: message{term: term.Noproc}}) {
		return p.dieNow()
	}
	return term.True
}

// unlink is unlink/1.
func (p *Process) unlink(to term.Term) term.Term {
	if !to.IsPid() {
		return p.badarg()
	}
	if state, ok := p.linkState(to); ok && state == 0 {
		id := refCounter.Add(1)
		p.setLink(to, id)
		if !p.sendSignal(to, signal{kind: sigUnlink, from: p.pid, id: id}) {
			p.delLink(to)
		}
	}
	return term.True
}

// exit2 is exit/2.
func (p *Process) exit2(to, reason term.Term) term.Term {
	if !to.IsPid() {
		return p.badarg()
	}
	if to == p.pid {
		// The signal takes effect before exit/2 returns: the reason is in p's heap and no
		// collection runs in between, so it travels as the term itself.
		if !p.signalSelf(signal{kind: sigExit, from: p.pid, reason: message{term: reason}}) {
			return p.dieNow()
		}
		return term.True
	}
	p.sendSignal(to, signal{kind: sigExit, from: p.pid, reason: p.reasonMessage(reason)})
	return term.True
}

// monitor is monitor(process, Target).
func (p *Process) monitor(kind, target term.Term) term.Term {
	h := &p.heap.Heap
	if kind != sigAtomProcess {
		return p.badarg()
	}
	var name term.Term
	switch {
	case target.IsPid():
	case target.IsAtom():
		name = target
	case term.IsTuple(h, target) && term.TupleArity(h, target) == 2:
		n, node := term.TupleElem(h, target, 0), term.TupleElem(h, target, 1)
		if !n.IsAtom() || node != atomNonode {
			return p.badarg()
		}
		name = n
	default:
		return p.badarg()
	}
	id := refCounter.Add(1)
	ref := term.MakeRef(h, id)
	pid := target
	if name != 0 {
		t := p.vm.whereis(name)
		if t == nil {
			p.setMonitor(id, monitorEntry{name: name})
			if !p.signalSelf(signal{kind: sigDown, from: p.pid, id: id, reason: message{term: term.Noproc}}) {
				return p.dieNow()
			}
			return ref
		}
		pid = t.pid
	}
	if pid == p.pid {
		return ref // a process does not watch itself: Erlang keeps no such monitor
	}
	p.setMonitor(id, monitorEntry{pid: pid, name: name})
	if !p.sendSignal(pid, signal{kind: sigMonitor, from: p.pid, id: id}) {
		if !p.signalSelf(signal{kind: sigDown, from: pid, id: id, reason: message{term: term.Noproc}}) {
			return p.dieNow()
		}
	}
	return ref
}

// demonitor is demonitor/2 (demonitor/1 with no options).
func (p *Process) demonitor(ref, opts term.Term) term.Term {
	h := &p.heap.Heap
	if !term.IsRef(h, ref) {
		return p.badarg()
	}
	var flush, info bool
	for l := opts; !l.IsNil(); {
		if !l.IsList() {
			return p.badarg()
		}
		switch h.Head(l) {
		case sigAtomFlush:
			flush = true
		case sigAtomInfo:
			info = true
		default:
			return p.badarg()
		}
		l = h.Tail(l)
	}
	found := false
	if h.Kind(ref) == term.KindRef && p.sig != nil {
		id := term.RefID(h, ref)
		if e, ok := p.sig.monitors.get(id); ok {
			found = true
			p.delMonitor(id)
			if e.pid != 0 {
				p.sendSignal(e.pid, signal{kind: sigDemonitor, from: p.pid, id: id})
			}
		}
	}
	if flush {
		p.flushDown(ref)
	}
	if info {
		return term.Bool(found)
	}
	return term.True
}

// flushDown removes one {_, Ref, _, _, _} message from the mailbox, as demonitor's flush.
func (p *Process) flushDown(ref term.Term) bool {
	h := &p.heap.Heap
	mb := &p.mb
	mb.drain(h)
	for i, m := range mb.queue {
		if !term.IsTuple(h, m) || term.TupleArity(h, m) != 5 || !term.Equal(h, term.TupleElem(h, m, 1), ref) {
			continue
		}
		mb.queue = append(mb.queue[:i], mb.queue[i+1:]...)
		if mb.save > i {
			mb.save--
		}
		if e := p.ext; e != nil && e.marker.active && e.marker.pos > i {
			e.marker.pos--
		}
		return true
	}
	return false
}

// register is register/2.
func (p *Process) register(name, pid term.Term) term.Term {
	if !name.IsAtom() || name == term.Undefined || !pid.IsPid() {
		return p.badarg()
	}
	v := p.vm
	t := v.procs.lookup(pid)
	if t == nil {
		return p.badarg()
	}
	v.namesMu.Lock()
	defer v.namesMu.Unlock()
	if _, taken := v.names[name]; taken {
		return p.badarg()
	}
	t.mb.mu.Lock()
	defer t.mb.mu.Unlock()
	if t.mb.closed || t.mb.nameLocked() != 0 {
		return p.badarg()
	}
	t.mb.sharedState().name = name
	v.names[name] = t
	return term.True
}

// unregister is unregister/1.
func (p *Process) unregister(name term.Term) term.Term {
	if !name.IsAtom() {
		return p.badarg()
	}
	v := p.vm
	v.namesMu.Lock()
	defer v.namesMu.Unlock()
	t := v.names[name]
	if t == nil {
		return p.badarg()
	}
	delete(v.names, name)
	t.mb.mu.Lock()
	t.mb.shared.name = 0
	t.mb.mu.Unlock()
	return term.True
}

func init() {
	registerBif("erlang", "link", 1, func(p *Process, a []term.Term) term.Term { return p.link(a[0]) })
	registerBif("erlang", "unlink", 1, func(p *Process, a []term.Term) term.Term { return p.unlink(a[0]) })
	registerBif("erlang", "exit", 2, func(p *Process, a []term.Term) term.Term { return p.exit2(a[0], a[1]) })
	registerBif("erlang", "monitor", 2, func(p *Process, a []term.Term) term.Term { return p.monitor(a[0], a[1]) })
	registerBif("erlang", "demonitor", 1, func(p *Process, a []term.Term) term.Term { return p.demonitor(a[0], term.Nil) })
	registerBif("erlang", "demonitor", 2, func(p *Process, a []term.Term) term.Term {
		if !term.IsProperList(&p.heap.Heap, a[1]) {
			return p.badarg()
		}
		return p.demonitor(a[0], a[1])
	})
	spawn3 := func(link, monitor bool) bifFunc {
		return func(p *Process, a []term.Term) term.Term {
			h := &p.heap.Heap
			if !a[0].IsAtom() || !a[1].IsAtom() || !term.IsProperList(h, a[2]) {
				return p.badarg()
			}
			args, _ := term.ListToSlice(h, a[2])
			return p.spawnBif(startApply, len(args), append(args, a[0], a[1]), link, monitor)
		}
	}
	spawn1 := func(link, monitor bool) bifFunc {
		return func(p *Process, a []term.Term) term.Term {
			if !term.IsFun(&p.heap.Heap, a[0]) {
				return p.badarg()
			}
			return p.spawnBif(startFun, 0, []term.Term{a[0]}, link, monitor)
		}
	}
	registerBif("erlang", "spawn_link", 3, spawn3(true, false))
	registerBif("erlang", "spawn_link", 1, spawn1(true, false))
	registerBif("erlang", "spawn_monitor", 3, spawn3(false, true))
	registerBif("erlang", "spawn_monitor", 1, spawn1(false, true))
	registerBif("erlang", "register", 2, func(p *Process, a []term.Term) term.Term { return p.register(a[0], a[1]) })
	registerBif("erlang", "unregister", 1, func(p *Process, a []term.Term) term.Term { return p.unregister(a[0]) })
	registerBif("erlang", "whereis", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return p.badarg()
		}
		if t := p.vm.whereis(a[0]); t != nil {
			return t.pid
		}
		return term.Undefined
	})
	registerBif("erlang", "registered", 0, func(p *Process, a []term.Term) term.Term {
		v := p.vm
		v.namesMu.RLock()
		names := make([]term.Term, 0, len(v.names))
		for n := range v.names {
			names = append(names, n)
		}
		v.namesMu.RUnlock()
		return term.ListFromSlice(&p.heap.Heap, names, term.Nil)
	})
}
