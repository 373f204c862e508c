//go:build !unix

package vm

import (
	"runtime/metrics"
	"time"
)

// cpuMillis returns the Go runtime's estimate of the CPU time the program has spent running
// Go code and collecting, in milliseconds: statistics(runtime) where getrusage is missing.
// Safe from any goroutine.
func cpuMillis() int64 {
	s := []metrics.Sample{{Name: "/cpu/classes/user:cpu-seconds"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	var secs float64
	for _, x := range s {
		if x.Value.Kind() == metrics.KindFloat64 {
			secs += x.Value.Float64()
		}
	}
	return int64(secs * float64(time.Second/time.Millisecond))
}
