package vm

import (
	"sort"
	"sync"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
)

// The global name registry: module global's register_name/2, whereis_name/1,
// unregister_name/1, send/2 and registered_names/0, the names behind {global, Name}.
//
// beamlite runs one node, so "global" is VM-wide: one table per VM, keyed by the name's
// canonical text (value.Format of its portable form, so two names are the same key exactly
// when they are =:=), each entry holding the name as a portable term and the pid it names.
// A process that exits keeps its entries: a name whose process is no longer alive counts as
// free, and is dropped the next time anyone looks at it, so the exit path needs no hook.
// Every operation holds the table's mutex for its whole check-and-update.

// globalNames is a VM's global registry. The zero value is an empty registry.
type globalNames struct {
	mu    sync.Mutex
	names map[string]globalEntry // by canonical name text; guarded by mu
}

type globalEntry struct {
	name value.Term
	pid  term.Term // a local pid (an immediate)
}

// globalKey returns the table key of name: its canonical text.
func globalKey(h *term.Heap, name term.Term) (string, value.Term) {
	v := term.ToValue(h, name)
	return value.Format(v), v
}

// globalLiveLocked returns the pid registered under key if its process is alive, and drops a dead
// one's entry. g.mu must be held.
func (v *VM) globalLiveLocked(key string) (term.Term, bool) {
	g := &v.global
	e, ok := g.names[key]
	if !ok {
		return term.NonValue, false
	}
	if v.procs.lookup(e.pid) == nil {
		delete(g.names, key)
		return term.NonValue, false
	}
	return e.pid, true
}

// globalRegister is global:register_name(Name, Pid): yes, or no when Name names a live
// process or when Pid (alive) already has another name, as OTP's global by default.
func (p *Process) globalRegister(name, pid term.Term) term.Term {
	if !pid.IsPid() {
		return p.badarg()
	}
	key, nv := globalKey(&p.heap.Heap, name)
	v := p.vm
	g := &v.global
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, taken := v.globalLiveLocked(key); taken {
		return atomNo
	}
	if v.procs.lookup(pid) != nil {
		for k, e := range g.names {
			if e.pid == pid {
				if _, live := v.globalLiveLocked(k); live {
					return atomNo
				}
			}
		}
	}
	if g.names == nil {
		g.names = map[string]globalEntry{}
	}
	g.names[key] = globalEntry{name: nv, pid: pid}
	return atomYes
}

// globalWhereis is global:whereis_name(Name): the pid, or undefined.
func (p *Process) globalWhereis(name term.Term) term.Term {
	key, _ := globalKey(&p.heap.Heap, name)
	v := p.vm
	v.global.mu.Lock()
	defer v.global.mu.Unlock()
	if pid, ok := v.globalLiveLocked(key); ok {
		return pid
	}
	return term.Undefined
}

var (
	atomYes = term.MustIntern("yes")
	atomNo  = term.MustIntern("no")
)

func init() {
	registerBif("global", "register_name", 2, func(p *Process, a []term.Term) term.Term {
		return p.globalRegister(a[0], a[1])
	})
	registerBif("global", "whereis_name", 1, func(p *Process, a []term.Term) term.Term {
		return p.globalWhereis(a[0])
	})
	// unregister_name(Name) -> ok, whether or not Name was registered.
	registerBif("global", "unregister_name", 1, func(p *Process, a []term.Term) term.Term {
		key, _ := globalKey(&p.heap.Heap, a[0])
		g := &p.vm.global
		g.mu.Lock()
		delete(g.names, key)
		g.mu.Unlock()
		return term.Ok
	})
	// send(Name, Msg) -> Pid, sending Msg to it; exits {badarg, {Name, Msg}} for a name that
	// names no live process.
	registerBif("global", "send", 2, func(p *Process, a []term.Term) term.Term {
		pid := p.globalWhereis(a[0])
		if pid == term.Undefined {
			h := &p.heap.Heap
			return p.fail(term.Exit, term.MakeTuple(h, term.Badarg, term.MakeTuple(h, a[0], a[1])))
		}
		p.send(pid, a[1])
		return pid
	})
	// registered_names() -> the names of live processes, in term order.
	registerBif("global", "registered_names", 0, func(p *Process, a []term.Term) term.Term {
		v := p.vm
		g := &v.global
		g.mu.Lock()
		var names []value.Term
		for k := range g.names {
			if _, ok := v.globalLiveLocked(k); ok {
				names = append(names, g.names[k].name)
			}
		}
		g.mu.Unlock()
		sort.Slice(names, func(i, j int) bool { return value.Compare(names[i], names[j]) < 0 })
		h := &p.heap.Heap
		out := make([]term.Term, 0, len(names))
		for _, n := range names {
			t, err := term.FromValue(h, n)
			if err != nil {
				return p.fail(term.Error, term.SystemLimit)
			}
			out = append(out, t)
		}
		return term.ListFromSlice(h, out, term.Nil)
	})
}
