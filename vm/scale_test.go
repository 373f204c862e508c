package vm

import (
	"runtime"
	"testing"
	"time"

	"github.com/beamlite/beamlite/sched"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const scaleSrc = `
module scale
export run/1, child/1

% run(N): spawn N processes, send each one message; each replies and exits. Returns the number
% of replies.
function run/1
    allocate 2
    move x0, y0
    move 0, y1
@spawn:
    is_lt @collect, y1, y0
    bif0 erlang:self/0, x0
    put_list x0, [], x2
    move scale, x0
    move child, x1
    call_ext 3, erlang:spawn/3
    send x0, go
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @spawn
@collect:
    move 0, y1
@recv:
    is_lt @done, y1, y0
@loop:
    loop_rec @wait, x0
    remove_message
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @recv
@wait:
    wait @loop
@done:
    move y1, x0
    deallocate 2
    return

% child(Parent) -> receive go -> Parent ! done end.
function child/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    send y0, done
    move ok, x0
    deallocate 1
    return
@wait:
    wait @loop
`

// TestMillionProcesses spawns 1,000,000 processes, each receiving one message and exiting
// (issue 5's scale test): about 3 s, and 15 s under the race detector.
func TestMillionProcesses(t *testing.T) {
	const n = 1_000_000
	v := newVM(t, Options{})
	loadSrc(t, v, "scale.bl", scaleSrc)
	start := time.Now()
	r, err := v.Apply("scale", "run", value.Int(int64(n)))
	require.NoError(t, err)
	assert.Equal(t, value.Int(int64(n)), r)
	t.Logf("%d processes spawned, messaged and exited in %v", n, time.Since(start))
	assert.Eventually(t, func() bool { return v.procs.count.Load() == 0 }, 10*time.Second, time.Millisecond)
}

const idleSrc = `
module idle
export start/2, child/1

% start(N, Arg): spawn N processes child(Arg), each left waiting in receive; returns ok.
function start/2
    allocate 2
    move x0, y0
    move x1, y1
@spawn:
    is_lt @done, 0, y0
    put_list y1, [], x2
    move idle, x0
    move child, x1
    call_ext 3, erlang:spawn/3
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @spawn
@done:
    move ok, x0
    deallocate 2
    return

% child(Arg) -> receive stop -> Arg end: Arg stays live in a y slot while it waits, as in a
% server loop.
function child/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    move y0, x0
    deallocate 1
    return
@wait:
    wait @loop
`

// idleBytes spawns n processes running idle:child(arg), waits until all of them wait in
// receive, and returns the Go heap bytes they hold, per process.
func idleBytes(t *testing.T, n int, arg value.Term) float64 {
	v := newVM(t, Options{NoPin: true})
	loadSrc(t, v, "idle.bl", idleSrc)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := v.Apply("idle", "start", value.Int(int64(n)), arg)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		waiting := 0
		v.procs.each(func(p *Process) {
			if p.Status() == sched.Waiting {
				waiting++
			}
		})
		return waiting == n
	}, time.Minute, time.Millisecond)
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Equal(t, int64(n), v.procs.count.Load())
	runtime.KeepAlive(v)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
}

// TestIdleProcessMemory measures what an idle process costs: 100,000 processes, each waiting
// in receive with its argument live in a stack slot, and the Go heap before and after (the
// process table's chunks included). DESIGN.md asks for less than an idle BEAM process (about
// 2,700 bytes); the goal is under 1,000 bytes. Measured: 788 bytes with an immediate argument
// (Process 512 + gc.Heap 144 + a 4-word stack 32 + one frame 24 + the process-table slot),
// 852 with a 2-tuple (its 8-word first heap allocation, 64 bytes, on top). Process was 480
// bytes (693 and 756) before the mailbox's pending-message queue (mailbox.pend) took 32 more:
// the allocator's next size class below 512 is 480.
//
//	go test ./vm -run TestIdleProcessMemory -v
func TestIdleProcessMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns 100,000 processes")
	}
	const n = 100_000
	for _, c := range []struct {
		name string
		arg  value.Term
	}{
		{"immediate argument", value.Int(7)},
		{"tuple argument", value.Tuple{value.Atom("state"), value.Int(7)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := idleBytes(t, n, c.arg)
			t.Logf("%.0f bytes per idle process (%s)", b, c.name)
			assert.Less(t, b, 1000.0)
		})
	}
}
