//go:build unix

package vm

import (
	"syscall"
	"time"
)

// cpuMillis returns the CPU time (user + system) the Go program has used, in milliseconds:
// statistics(runtime). Safe from any goroutine.
func cpuMillis() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return (ru.Utime.Nano() + ru.Stime.Nano()) / int64(time.Millisecond)
}
