//go:build beamlitedebug

package sched

import "sync"

// debug turns on the package's self-checks (build tag beamlitedebug).
const debug = true

// assertLocked panics unless mu is held. It cannot tell which goroutine holds it, only that
// someone does; the race detector covers the rest.
func assertLocked(mu *sync.Mutex) {
	if mu.TryLock() {
		mu.Unlock()
		panic("sched: lock not held")
	}
}
