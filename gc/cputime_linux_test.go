//go:build linux

package gc

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time used so far by the calling OS thread. The benchmarks report
// it beside wall time because the development machines are shared: waiting for a core inflates
// wall time, not CPU time. It leaves out work Go does on other threads (its own collector's
// background marking), so it flatters allocation-heavy code. Callers hold
// runtime.LockOSThread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
