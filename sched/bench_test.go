package sched

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkRunQueue: the owner pushes and pops one task (uncontended lock, intrusive list).
func BenchmarkRunQueue(b *testing.B) {
	var rq runQueue
	ts := newTasks(Normal, Normal, Normal, Normal)
	for _, t := range ts {
		rq.push(t)
	}
	b.ResetTimer()
	for b.Loop() {
		rq.push(rq.pop())
	}
}

// benchPP is one side of a ping-pong that timestamps each hop.
type benchPP struct {
	Task
	peer    *benchPP
	local   bool
	sys     *System
	inbox   atomic.Int64 // send time (ns on base) + 1, or 0 when empty
	hops    *atomic.Int64
	target  int64
	lat     []int64 // hop latencies, written by whichever scheduler runs the receiver
	done    chan struct{}
	base    time.Time
	latNext *atomic.Int64
}

func (p *benchPP) Run(s *Scheduler, budget int) (Outcome, int) {
	sent := p.inbox.Swap(0)
	if sent == 0 {
		return Wait, 1
	}
	now := int64(time.Since(p.base))
	if i := p.latNext.Add(1) - 1; i < int64(len(p.lat)) {
		p.lat[i] = now - (sent - 1)
	}
	if p.hops.Add(1) >= p.target {
		close(p.done)
		return Exit, 1
	}
	p.peer.inbox.Store(int64(time.Since(p.base)) + 1)
	if p.local {
		s.Wake(&p.peer.Task)
	} else {
		p.sys.Wake(&p.peer.Task)
	}
	return Wait, 1
}

func reportLatency(b *testing.B, lat []int64) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2]), "p50-ns/hop")
	b.ReportMetric(float64(lat[len(lat)*99/100]), "p99-ns/hop")
}

// runPingPong runs b.N hops between two tasks (plus hogs busy-looping tasks that spend their
// whole budget) and reports ns/op per hop and the hop latency percentiles.
func runPingPong(b *testing.B, opts Options, local bool, hogs int) {
	sys := New(opts)
	var hops, latNext atomic.Int64
	done := make(chan struct{})
	base := time.Now()
	lat := make([]int64, min(b.N, 1<<20))
	a := &benchPP{local: local, sys: sys, hops: &hops, target: int64(b.N), lat: lat, done: done, base: base, latNext: &latNext}
	c := &benchPP{local: local, sys: sys, hops: &hops, target: int64(b.N), lat: lat, done: done, base: base, latNext: &latNext}
	a.peer, c.peer = c, a
	var stopHogs atomic.Bool
	var hogRuns, hogNanos atomic.Int64
	for range hogs {
		sys.Spawn(&Task{}, funcRunner(func(_ *Scheduler, budget int) (Outcome, int) {
			if stopHogs.Load() {
				return Exit, 1
			}
			start := time.Now()
			x := 0
			for i := range budget * 8 { // ~ a few ns per "reduction"
				x += i ^ x>>3
			}
			sink.Add(int64(x))
			hogRuns.Add(1)
			hogNanos.Add(int64(time.Since(start)))
			return Yield, budget
		}), Normal)
	}
	sys.Spawn(&a.Task, a, Normal)
	sys.Spawn(&c.Task, c, Normal)
	a.inbox.Store(int64(time.Since(base)) + 1)
	b.ResetTimer()
	sys.Start()
	<-done
	b.StopTimer()
	stopHogs.Store(true)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := sys.Stop(ctx); err != nil {
		b.Fatal(err)
	}
	reportLatency(b, lat[:min(int(latNext.Load()), len(lat))])
	if n := hogRuns.Load(); n > 0 {
		b.ReportMetric(float64(hogNanos.Load())/float64(n), "ns/slice")
	}
	st := sys.Stats().Total()
	b.ReportMetric(float64(st.Parks)/float64(b.N), "parks/hop")
	b.ReportMetric(float64(st.Steals)/float64(b.N), "steals/hop")
}

var sink atomic.Int64

// BenchmarkWakePingPong: wake-to-run latency, two tasks passing one message back and forth.
// local wakes through Scheduler.Wake (runnext on the waker's scheduler), remote through
// System.Wake (the task's own scheduler, so at 2 schedulers each hop may cross cores).
func BenchmarkWakePingPong(b *testing.B) {
	for _, n := range []int{1, 2} {
		for _, local := range []bool{true, false} {
			for _, pin := range []bool{false, true} {
				name := fmt.Sprintf("sched=%d/%s/pin=%v", n, map[bool]string{true: "local", false: "remote"}[local], pin)
				b.Run(name, func(b *testing.B) {
					runPingPong(b, Options{Schedulers: n, NoPin: !pin, Logf: func(string, ...any) {}}, local, 0)
				})
			}
		}
	}
}

// BenchmarkWakePingPongSpin: the remote ping-pong at 2 schedulers with idle schedulers
// spinning before they park.
func BenchmarkWakePingPongSpin(b *testing.B) {
	for _, spin := range []int{-1, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("spin=%d", spin), func(b *testing.B) {
			runPingPong(b, Options{Schedulers: 2, NoPin: true, Spin: spin}, false, 0)
		})
	}
}

// BenchmarkWakePingPongHogs: the ping-pong with 4 tasks that always spend their whole budget,
// on 1 and 2 schedulers (the "round trip under CPU hogs"). ns/slice is the length of
// one hog's 4000-reduction slice, to read the latencies against.
func BenchmarkWakePingPongHogs(b *testing.B) {
	for _, n := range []int{1, 2} {
		for _, local := range []bool{true, false} {
			b.Run(fmt.Sprintf("sched=%d/%s", n, map[bool]string{true: "local", false: "remote"}[local]), func(b *testing.B) {
				runPingPong(b, Options{Schedulers: n, NoPin: true}, local, 4)
			})
		}
	}
}

// BenchmarkTimerStartCancel: start a timer and cancel it, with 0 or 10,000 other timers
// pending on the same heap.
func BenchmarkTimerStartCancel(b *testing.B) {
	for _, pending := range []int{0, 10000} {
		b.Run(fmt.Sprintf("pending=%d", pending), func(b *testing.B) {
			clock := NewFakeClock()
			sys := New(Options{Schedulers: 1, NoPin: true, Clock: clock})
			f := func() {}
			for i := range pending {
				sys.StartTimer(int64(i)*1000+1, f)
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				t := sys.StartTimer(int64(i%max(pending, 1)+1)*1000, f)
				sys.CancelTimer(t)
			}
		})
	}
}

// BenchmarkSpawnRunExit: spawn a task from outside that runs once and exits, b.N times on
// one scheduler.
func BenchmarkSpawnRunExit(b *testing.B) {
	sys := New(Options{Schedulers: 1, NoPin: true})
	sys.Start()
	done := make(chan struct{})
	var left atomic.Int64
	left.Store(int64(b.N))
	r := funcRunner(func(*Scheduler, int) (Outcome, int) {
		if left.Add(-1) == 0 {
			close(done)
		}
		return Exit, 1
	})
	tasks := make([]Task, b.N)
	b.ResetTimer()
	for i := range tasks {
		sys.Spawn(&tasks[i], r, Normal)
	}
	<-done
	b.StopTimer()
	_ = sys.Stop(context.Background())
}
