//go:build !linux

package sched

import (
	"errors"
	"runtime"
)

func allowedCPUs() []int { return nil }

func pinThread(int) error {
	return errors.New("thread affinity is not supported on " + runtime.GOOS)
}
