//go:build !beamlitedebug

package sched

import "sync"

// debug turns on the package's self-checks (build tag beamlitedebug).
const debug = false

func assertLocked(*sync.Mutex) {}
