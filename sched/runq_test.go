package sched

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func newTasks(prios ...Priority) []*Task {
	ts := make([]*Task, len(prios))
	for i, p := range prios {
		ts[i] = &Task{}
		ts[i].SetPriority(p)
	}
	return ts
}

func popAll(rq *runQueue) []*Task {
	var out []*Task
	for t := rq.pop(); t != nil; t = rq.pop() {
		out = append(out, t)
	}
	return out
}

// TestRunQueuePriorityOrder: max before high before normal/low; FIFO within a level; a low
// task that is last in its level runs without waiting out its skips.
func TestRunQueuePriorityOrder(t *testing.T) {
	var rq runQueue
	ts := newTasks(Normal, Low, High, Max, Normal, High, Max)
	for _, x := range ts {
		rq.push(x)
	}
	n1, l1, h1, m1, n2, h2, m2 := ts[0], ts[1], ts[2], ts[3], ts[4], ts[5], ts[6]
	require.Equal(t, []*Task{m1, m2, h1, h2, n1, n2, l1}, popAll(&rq))
	require.Zero(t, rq.total.Load())
}

// TestRunQueueLowSkips: with normal tasks always queued behind it, a low task is passed over
// LowSkips times and runs the next time it reaches the head (erts RESCHEDULE_LOW).
func TestRunQueueLowSkips(t *testing.T) {
	var rq runQueue
	low := newTasks(Low)[0]
	normals := newTasks(Normal, Normal)
	rq.push(low)
	for _, n := range normals {
		rq.push(n)
	}
	// Round-robin the normals as if they yielded, until the low task runs.
	normalRuns := 0
	for {
		x := rq.pop()
		if x == low {
			break
		}
		normalRuns++
		rq.push(x)
	}
	// Each pass over the low task lets the two normals run once more.
	require.Equal(t, 2*LowSkips, normalRuns)
}

// TestRunQueueStealHalf: a thief takes the first half, rounded up, of the highest non-empty
// level, and keeps each task's skips.
func TestRunQueueStealHalf(t *testing.T) {
	var rq runQueue
	ts := newTasks(Normal, Low, Normal, Normal, Normal, High)
	for _, x := range ts {
		rq.push(x)
	}
	head, l, k := rq.stealHalf()
	require.Equal(t, levelHigh, l)
	require.Equal(t, 1, k)
	require.Same(t, ts[5], head)

	head, l, k = rq.stealHalf()
	require.Equal(t, levelNormal, l)
	require.Equal(t, 3, k)
	var thief runQueue
	thief.pushChain(head, l)
	require.Equal(t, int32(3), thief.total.Load())
	require.Equal(t, uint8(LowSkips), ts[1].skips)
	require.Equal(t, []*Task{ts[3], ts[4]}, popAll(&rq))
	// In the thief's queue the low task is at the head with skips left: passed over.
	require.Equal(t, []*Task{ts[0], ts[2], ts[1]}, popAll(&thief))

	head, _, k = rq.stealHalf()
	require.Nil(t, head)
	require.Zero(t, k)
}
