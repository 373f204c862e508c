package sched_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/beamlite/beamlite/sched"
)

// proc is a minimal "process": a Task, a one-counter mailbox, and a Run that drains it.
type proc struct {
	sched.Task
	inbox atomic.Int64
	got   int64
	want  int64
	done  chan struct{}
}

func (p *proc) Run(s *sched.Scheduler, budget int) (sched.Outcome, int) {
	n := p.inbox.Swap(0)
	if n == 0 {
		return sched.Wait, 1 // nothing to do: wait for a Wake (spurious runs are normal)
	}
	p.got += n
	if p.got == p.want {
		close(p.done)
		return sched.Exit, 1
	}
	return sched.Wait, 1
}

func Example() {
	clock := sched.NewFakeClock()
	sys := sched.New(sched.Options{Schedulers: 2, NoPin: true, Clock: clock})
	p := &proc{want: 4, done: make(chan struct{})}
	sys.Spawn(&p.Task, p, sched.Normal)
	sys.Start()

	// Three messages from Go, then one from a timer: append, then Wake.
	for range 3 {
		p.inbox.Add(1)
		sys.Wake(&p.Task)
	}
	sys.After(time.Second, func() {
		p.inbox.Add(1)
		sys.Wake(&p.Task)
	})
	clock.Advance(time.Second) // no sleeping: the timer is due now
	<-p.done

	fmt.Println(p.got, p.Status())
	_ = sys.Stop(context.Background())
	// Output: 4 exited
}
