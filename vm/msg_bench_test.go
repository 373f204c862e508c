package vm

import (
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
)

// Micro-benchmarks of the process operations: each runs a .bl loop of K operations per
// iteration and reports ns per operation, so that Apply's own cost is amortised away.

const microSrc = `
module micro
export selfsend/2, pingpong/1, echo/0, spawnwait/1, noop/0

% selfsend(K, Msg): K times, self() ! Msg, then receive it (a copy out and a copy in).
function selfsend/2
    allocate 2
    move x0, y0
    move x1, y1
@loop:
    is_lt @done, 0, y0
    bif0 erlang:self/0, x0
    send x0, y1
@recv:
    loop_rec @wait, x0
    remove_message
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @loop
@wait:
    wait @recv
@done:
    move ok, x0
    deallocate 2
    return

% pingpong(K): K round trips {self(), ping} -> pong with a spawned echo process.
function pingpong/1
    allocate 2
    move x0, y0
    move micro, x0
    move echo, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y1
@loop:
    is_lt @done, 0, y0
    bif0 erlang:self/0, x0
    put_tuple x0, [x0, ping]
    send y1, x0
@recv:
    loop_rec @wait, x0
    remove_message
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @loop
@wait:
    wait @recv
@done:
    send y1, stop
    move ok, x0
    deallocate 2
    return

function echo/0
@loop:
    loop_rec @wait, x0
    remove_message
    is_tuple @stop, x0
    test_arity @stop, x0, 2
    get_tuple_element x0, 0, x1
    send x1, pong
    jump @loop
@stop:
    move ok, x0
    return
@wait:
    wait @loop

% spawnwait(K): K times, spawn_monitor a process that returns at once and wait for its DOWN.
function spawnwait/1
    allocate 1
    move x0, y0
@loop:
    is_lt @done, 0, y0
    move micro, x0
    move noop, x1
    move [], x2
    call_ext 3, erlang:spawn_monitor/3
@recv:
    loop_rec @wait, x0
    remove_message
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @loop
@wait:
    wait @recv
@done:
    move ok, x0
    deallocate 1
    return

function noop/0
    move ok, x0
    return
`

func benchMicro(b *testing.B, fun string, args ...value.Term) {
	const k = 1000
	v := newVM(b, Options{Schedulers: 1})
	loadSrc(b, v, "micro.bl", microSrc)
	args = append([]value.Term{value.Int(k)}, args...)
	start := time.Now()
	for b.Loop() {
		if r, err := v.Apply("micro", fun, args...); err != nil || r != value.Atom("ok") {
			b.Fatal(r, err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N*k), "ns/op-each")
}

// BenchmarkSendReceiveSelf: a message sent to oneself and received, per size.
func BenchmarkSendReceiveSelf(b *testing.B) {
	b.Run("atom", func(b *testing.B) { benchMicro(b, "selfsend", value.Atom("hello")) })
	b.Run("tuple10", func(b *testing.B) {
		benchMicro(b, "selfsend", value.Tuple{value.Int(1), value.Int(2), value.Int(3), value.Int(4),
			value.Int(5), value.Int(6), value.Int(7), value.Int(8), value.Int(9), value.Int(10)})
	})
	b.Run("list100", func(b *testing.B) {
		l := make(value.List, 100)
		for i := range l {
			l[i] = value.Int(i)
		}
		benchMicro(b, "selfsend", l)
	})
}

// BenchmarkPingPong: a round trip between two processes on one scheduler.
func BenchmarkPingPong(b *testing.B) { benchMicro(b, "pingpong") }

// BenchmarkSpawnMonitorExit: spawn_monitor a process that returns at once, and its DOWN.
func BenchmarkSpawnMonitorExit(b *testing.B) { benchMicro(b, "spawnwait") }
