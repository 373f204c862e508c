//go:build linux

package gc

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time used so far by the calling OS thread
// (CLOCK_THREAD_CPUTIME_ID). The benchmarks report it beside wall time because the
// development machines are shared: waiting for a core inflates wall time, not CPU time. It
// leaves out work Go does on other threads (its own collector's background marking), so it
// flatters allocation-heavy code. Callers hold runtime.LockOSThread.
func threadCPU() time.Duration {
	const clockThreadCPUTimeID = 3
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}
