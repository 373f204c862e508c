//go:build !linux

package gc

import "time"

var start0 = time.Now()

// threadCPU falls back to wall time where per-thread CPU time is not available.
func threadCPU() time.Duration { return time.Since(start0) }
