package sched

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatusTransitions checks every (from, to) pair: the legal ones move a task in `from`
// and fail on a task in any other status; the illegal ones panic with the G8 message.
func TestStatusTransitions(t *testing.T) {
	legalPairs := map[[2]Status]bool{
		{Idle, Runnable}:         true,
		{Runnable, Running}:      true,
		{Running, Runnable}:      true,
		{Running, RunningWoken}:  true,
		{Running, Waiting}:       true,
		{Running, Exited}:        true,
		{RunningWoken, Runnable}: true,
		{RunningWoken, Exited}:   true,
		{Waiting, Runnable}:      true,
	}
	for from := range numStatus {
		for to := range numStatus {
			name := fmt.Sprintf("%v→%v", from, to)
			t.Run(name, func(t *testing.T) {
				if !legalPairs[[2]Status{from, to}] {
					for cur := range numStatus {
						var task Task
						task.status.Store(uint32(cur))
						assert.PanicsWithValue(t, "sched: bad status transition "+name,
							func() { task.casStatus(from, to) })
					}
					return
				}
				for cur := range numStatus {
					var task Task
					task.status.Store(uint32(cur))
					ok := task.casStatus(from, to)
					require.Equal(t, cur == from, ok, "task in %v", cur)
					if ok {
						require.Equal(t, to, task.Status())
					} else {
						require.Equal(t, cur, task.Status())
					}
				}
			})
		}
	}
}

// TestWakeStatus checks the status half of Wake from every status.
func TestWakeStatus(t *testing.T) {
	cases := []struct {
		from  Status
		to    Status
		queue bool
	}{
		{Idle, Idle, false},
		{Runnable, Runnable, false},
		{Running, RunningWoken, false},
		{RunningWoken, RunningWoken, false},
		{Waiting, Runnable, true},
		{Exited, Exited, false},
	}
	for _, c := range cases {
		var task Task
		task.status.Store(uint32(c.from))
		assert.Equal(t, c.queue, task.wake(), "from %v", c.from)
		assert.Equal(t, c.to, task.Status(), "from %v", c.from)
	}
}

func TestSetPriority(t *testing.T) {
	var task Task
	require.Equal(t, Normal, task.Priority())
	task.SetPriority(Low)
	require.Equal(t, Low, task.Priority())
	require.Panics(t, func() { task.SetPriority(Priority(9)) })
	require.Equal(t, "low", Low.String())
	require.Equal(t, "max", Max.String())
	require.Equal(t, "running+woken", RunningWoken.String())
	require.Equal(t, "wait", Wait.String())
}
