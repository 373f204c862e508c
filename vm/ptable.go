package vm

import (
	"sync"
	"sync/atomic"

	"github.com/beamlite/beamlite/vm/term"
)

// DefaultProcessLimit is the most processes a VM holds at once unless Options.ProcessLimit
// says otherwise, as the BEAM's default.
const DefaultProcessLimit = 1 << 20

const (
	ptChunkBits = 12
	ptChunkSize = 1 << ptChunkBits
)

type ptChunk [ptChunkSize]atomic.Pointer[Process]

// procTable maps pids to live processes. Lookups take no lock: slots live in chunks that are
// allocated once and never moved, published through an atomic directory. A slot is reused
// after its process exits, with a new serial, so a stale pid never finds the new process.
type procTable struct {
	mu      sync.Mutex // guards free, next, serials, and growing chunks
	chunks  atomic.Pointer[[]*ptChunk]
	serials []uint32 // next serial per slot
	free    []uint32 // free slots, reused last-in first-out
	next    uint32   // slots below next have been used at least once
	limit   int
	count   atomic.Int64
}

func newProcTable(limit int) *procTable {
	if limit <= 0 {
		limit = DefaultProcessLimit
	}
	limit = min(limit, 1<<term.PidIndexBits)
	t := &procTable{limit: limit}
	t.chunks.Store(&[]*ptChunk{})
	return t
}

// insert gives p a pid and makes it findable. It returns false when the table is full
// (system_limit). Safe from any goroutine.
func (t *procTable) insert(p *Process) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if int(t.count.Load()) >= t.limit {
		return false
	}
	var slot uint32
	if n := len(t.free); n > 0 {
		slot = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		slot = t.next
		t.next++
		t.serials = append(t.serials, 0)
		chunks := *t.chunks.Load()
		if int(slot>>ptChunkBits) == len(chunks) {
			grown := append(append([]*ptChunk(nil), chunks...), new(ptChunk))
			t.chunks.Store(&grown)
		}
	}
	serial := t.serials[slot]
	t.serials[slot]++
	p.pid = term.MakePid(slot, serial)
	t.count.Add(1)
	(*t.chunks.Load())[slot>>ptChunkBits][slot&(ptChunkSize-1)].Store(p)
	return true
}

// remove takes p out of the table; its pid no longer finds anything. Safe from any goroutine.
func (t *procTable) remove(p *Process) {
	slot := p.pid.PidIndex()
	t.mu.Lock()
	defer t.mu.Unlock()
	(*t.chunks.Load())[slot>>ptChunkBits][slot&(ptChunkSize-1)].Store(nil)
	t.free = append(t.free, slot)
	t.count.Add(-1)
}

// lookup returns the live process with pid, or nil. Safe from any goroutine.
func (t *procTable) lookup(pid term.Term) *Process {
	if !pid.IsPid() {
		return nil
	}
	slot := pid.PidIndex()
	chunks := *t.chunks.Load()
	if int(slot>>ptChunkBits) >= len(chunks) {
		return nil
	}
	p := chunks[slot>>ptChunkBits][slot&(ptChunkSize-1)].Load()
	if p == nil || p.pid != pid {
		return nil
	}
	return p
}

// each calls f for every live process. Safe from any goroutine; processes that start or exit
// meanwhile may or may not be seen.
func (t *procTable) each(f func(p *Process)) {
	for _, c := range *t.chunks.Load() {
		for i := range c {
			if p := c[i].Load(); p != nil {
				f(p)
			}
		}
	}
}
