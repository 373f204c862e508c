package vm

import "iter"

// idTable maps reference ids to V: a process's monitors and monitored_by. A process mostly
// holds at most one monitor at a time (gen_server:call monitors the server for the length of
// the call, and the server is monitored by that one caller), so the first entry lives in an
// inline slot and only further ones go to a map: setting and deleting the one monitor of a
// call does not hash. Id 0 is never a reference id; it marks the slot empty.
type idTable[V any] struct {
	id0  uint64
	v0   V
	more map[uint64]V
}

func (t *idTable[V]) get(id uint64) (V, bool) {
	if id == t.id0 && id != 0 {
		return t.v0, true
	}
	v, ok := t.more[id]
	return v, ok
}

func (t *idTable[V]) set(id uint64, v V) {
	if t.id0 == id || (t.id0 == 0 && !t.inMore(id)) {
		t.id0, t.v0 = id, v
		return
	}
	if t.more == nil {
		t.more = map[uint64]V{}
	}
	t.more[id] = v
}

func (t *idTable[V]) inMore(id uint64) bool {
	_, ok := t.more[id]
	return ok
}

func (t *idTable[V]) del(id uint64) {
	if id == t.id0 && id != 0 {
		var zero V
		t.id0, t.v0 = 0, zero
		return
	}
	delete(t.more, id)
}

func (t *idTable[V]) len() int {
	n := len(t.more)
	if t.id0 != 0 {
		n++
	}
	return n
}

// all yields every entry, the inline one first.
func (t *idTable[V]) all() iter.Seq2[uint64, V] {
	return func(yield func(uint64, V) bool) {
		if t.id0 != 0 && !yield(t.id0, t.v0) {
			return
		}
		for id, v := range t.more {
			if !yield(id, v) {
				return
			}
		}
	}
}
