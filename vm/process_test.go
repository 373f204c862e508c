package vm

import (
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const procSrc = `
module procs
export ping/1, pong/0, selective/0, recv_timeout/1, fan_in/1, child/1, ring/2, send_badarg/0, send_dead/0, relay/1

% pong() -> receive {From, N} -> From ! {pong, N}, pong(); stop -> stopped end.
function pong/0
@loop:
    loop_rec @wait, x0
    is_tuple @other, x0
    test_arity @other, x0, 2
    remove_message
    get_tuple_element x0, 0, x1
    get_tuple_element x0, 1, x2
    put_tuple x3, [pong, x2]
    send x1, x3
    call_only 0, pong/0
@other:
    is_eq_exact @skip, x0, stop
    remove_message
    move stopped, x0
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop

% ping(N): N round trips with a new pong process, then stop it; returns the last N.
function ping/1
    allocate 3
    move x0, y0
    move procs, x0
    move pong, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y1
    move 0, y2
@next:
    is_lt @done, y2, y0
    bif2 none, erlang:'+'/2, y2, 1, y2
    bif0 erlang:self/0, x0
    put_tuple x0, [x0, y2]
    send y1, x0
@recv:
    loop_rec @wait, x0
    is_tagged_tuple @skip, x0, 2, pong
    remove_message
    jump @next
@skip:
    loop_rec_end @recv
@wait:
    wait @recv
@done:
    send y1, stop
    move y2, x0
    deallocate 3
    return

% selective() -> self() ! b, self() ! a, receive a -> ok end, receive X -> X end: {a_first, b}.
function selective/0
    allocate 1
    bif0 erlang:self/0, x0
    send x0, b
    send x0, a
@recv_a:
    loop_rec @wait_a, x0
    is_eq_exact @skip_a, x0, a
    remove_message
    jump @recv_any
@skip_a:
    loop_rec_end @recv_a
@wait_a:
    wait @recv_a
@recv_any:
    loop_rec @wait_any, x0
    remove_message
    put_tuple x0, [a_first, x0]
    deallocate 1
    return
@wait_any:
    wait @recv_any

% recv_timeout(Ms) -> receive X -> {got, X} after Ms -> timeout end.
function recv_timeout/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    put_tuple x0, [got, x0]
    deallocate 1
    return
@wait:
    wait_timeout @loop, y0
    timeout
    move timeout, x0
    deallocate 1
    return

% child(Parent) -> Parent ! {done, self()}.
function child/1
    bif0 erlang:self/0, x1
    put_tuple x1, [done, x1]
    send x0, x1
    move ok, x0
    return

% fan_in(N): spawn N children that each report back; count the reports.
function fan_in/1
    allocate 2
    move x0, y0
    move 0, y1
@spawn:
    is_lt @collect, y1, y0
    bif0 erlang:self/0, x0
    put_list x0, [], x2
    move procs, x0
    move child, x1
    call_ext 3, erlang:spawn/3
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @spawn
@collect:
    move 0, y1
@recv:
    is_lt @done, y1, y0
@loop:
    loop_rec @wait, x0
    is_tagged_tuple @skip, x0, 2, done
    remove_message
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @recv
@skip:
    loop_rec_end @loop
@wait:
    wait @loop
@done:
    move y1, x0
    deallocate 2
    return

% ring(N, Laps): N relays and this process in a ring pass a token Laps times around; returns
% the number of hops, N * Laps.
function ring/2
    allocate 3
    move x0, y0
    move x1, y1
    bif0 erlang:self/0, x1
    call 2, make_ring/2
    move x0, y2
    send y2, y1
@wait_home:
    loop_rec @wait, x0
    remove_message
    is_eq_exact @again, x0, 1
    bif2 none, erlang:'*'/2, y0, y1, x0
    deallocate 3
    return
@again:
    bif2 none, erlang:'-'/2, x0, 1, x0
    send y2, x0
    jump @wait_home
@wait:
    wait @wait_home

% make_ring(N, Next) -> the first of N relays, each forwarding to the next, the last to Next.
function make_ring/2
    is_eq_exact @more, x0, 0
    move x1, x0
    return
@more:
    allocate 1
    bif2 none, erlang:'-'/2, x0, 1, y0
    put_list x1, [], x2
    move procs, x0
    move relay, x1
    call_ext 3, erlang:spawn/3
    move x0, x1
    move y0, x0
    call_last 2, make_ring/2, 1

% relay(Next) -> receive T -> Next ! T, relay(Next) end.
function relay/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    send y0, x0
    jump @loop
@wait:
    wait @loop

function send_badarg/0
    send nobody_registered, hello
    move ok, x0
    return

% send_dead() -> sending to an exited process is not an error.
function send_dead/0
    allocate 1
    bif0 erlang:self/0, x0
    put_list x0, [], x2
    move procs, x0
    move child, x1
    call_ext 3, erlang:spawn/3
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    send y0, late
    move y0, x0
    call_ext 1, erlang:is_process_alive/1
    deallocate 1
    return
@wait:
    wait @loop
`

// The export list names relay/1 too; add it.
func procModule(t *testing.T, v *VM) {
	loadSrc(t, v, "procs.bl", procSrc)
}

func TestPingPong(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		procModule(t, v)
		r, err := v.Apply("procs", "ping", value.Int(1000))
		require.NoError(t, err)
		assert.Equal(t, value.Int(1000), r)
	})
}

func TestSelectiveReceive(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		procModule(t, v)
		r, err := v.Apply("procs", "selective")
		require.NoError(t, err)
		assert.Equal(t, value.Tuple{value.Atom("a_first"), value.Atom("b")}, r)
	})
}

func TestSpawnMany(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		procModule(t, v)
		r, err := v.Apply("procs", "fan_in", value.Int(2000))
		require.NoError(t, err)
		assert.Equal(t, value.Int(2000), r)
		assert.Eventually(t, func() bool { return v.procs.count.Load() == 0 }, 5*time.Second, time.Millisecond,
			"every process has exited and left the table")
	})
}

func TestRing(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		procModule(t, v)
		r, err := v.Apply("procs", "ring", value.Int(100), value.Int(10))
		require.NoError(t, err)
		assert.Equal(t, value.Int(1000), r)
	})
}

func TestSendErrors(t *testing.T) {
	v := newVM(t, Options{})
	procModule(t, v)
	_, err := v.Apply("procs", "send_badarg")
	assert.Equal(t, value.Atom("badarg"), exitOf(t, err).Reason)
	r, err := v.Apply("procs", "send_dead")
	require.NoError(t, err)
	assert.Equal(t, value.False, r)
}

// TestReceiveAfter uses a fake clock: the receive times out exactly when the clock passes its
// deadline, and never because real time passed.
func TestReceiveAfter(t *testing.T) {
	clock := sched.NewFakeClock()
	v := newVM(t, Options{Clock: clock})
	procModule(t, v)

	r, err := v.Apply("procs", "recv_timeout", value.Int(0))
	require.NoError(t, err)
	assert.Equal(t, value.Atom("timeout"), r, "after 0 times out at once")

	done := make(chan value.Term, 1)
	go func() {
		r, err := v.Apply("procs", "recv_timeout", value.Int(1000))
		assert.NoError(t, err)
		done <- r
	}()
	// Advance only once the receive has started its timer: before, the timer would start at
	// the advanced time.
	require.Eventually(t, func() bool { return v.sys.Stats().Total().Timers == 1 }, 10*time.Second, time.Millisecond)
	clock.Advance(999 * time.Millisecond)
	select {
	case r := <-done:
		t.Fatalf("timed out early: %v", r)
	case <-time.After(50 * time.Millisecond):
	}
	clock.Advance(time.Millisecond)
	select {
	case r := <-done:
		assert.Equal(t, value.Atom("timeout"), r)
	case <-time.After(10 * time.Second):
		t.Fatal("the receive did not time out")
	}
}

// TestRegistersAfterWait is a regression test: after a receive wait deep in a callee, the
// caller's registers above the callee's were not roots any more, so the next call into a
// function with more registers cleared an argument the caller had just written.
func TestRegistersAfterWait(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "rw.bl", `
module rw
export main/0

% main() -> waits (after 1 ms) in a callee with one register, then passes five arguments.
function main/0
    allocate 0
    call 0, nap/0
    move 1, x0
    move 2, x1
    move 3, x2
    move 4, x3
    move 5, x4
    call_last 5, sum5/5, 0

function nap/0
@loop:
    loop_rec @wait, x0
    remove_message
    jump @loop
@wait:
    wait_timeout @loop, 1
    timeout
    move ok, x0
    return

function sum5/5
    bif2 none, erlang:'+'/2, x0, x1, x0
    bif2 none, erlang:'+'/2, x0, x2, x0
    bif2 none, erlang:'+'/2, x0, x3, x0
    bif2 none, erlang:'+'/2, x0, x4, x0
    return
`)
		r, err := v.Apply("rw", "main")
		require.NoError(t, err)
		assert.Equal(t, value.Int(15), r)
	})
}

// TestPreemptTestLoop is a regression test: a loop closed by a test instruction's backward
// fail label charged reductions but never yielded, so on one scheduler a process spinning
// until another one exits spun forever.
func TestPreemptTestLoop(t *testing.T) {
	v := newVM(t, Options{Schedulers: 1})
	loadSrc(t, v, "spin.bl", `
module spin
export main/0, quick/0

% main() -> P = spawn(spin, quick, []), wait_dead(P): needs P to run on the only scheduler.
function main/0
    move spin, x0
    move quick, x1
    move [], x2
    allocate 0
    call_ext 3, erlang:spawn/3
    deallocate 0
@loop:
    bif1 none, erlang:is_process_alive/1, x0, x1
    is_eq_exact @loop, x1, false
    move done, x0
    return

function quick/0
    move ok, x0
    return
`)
	r, err := v.Apply("spin", "main")
	require.NoError(t, err)
	assert.Equal(t, value.Atom("done"), r)
}

const freedSrc = `
module freed
export start/1, child/2

% start(N): trap exits; spawn N children linked and monitored, wait until each is ready, then
% register as freed_hub (the test's cue to let the children go) and take the N 'EXIT' and N
% 'DOWN' messages of their exits. Returns process_info(self(), [links, monitors,
% monitored_by]).
function start/1
    allocate 2
    move x0, y0
    move 0, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
@spawn:
    is_lt @spawned, y1, y0
    bif0 erlang:self/0, x0
    put_list y1, [], x1
    put_list x0, x1, x2
    move freed, x0
    move child, x1
    move [link, monitor], x3
    call_ext 4, erlang:spawn_opt/4
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @spawn
@spawned:
    move 0, y1
@ready:
    is_lt @readied, y1, y0
@rloop:
    loop_rec @rwait, x0
    is_eq_exact @rskip, x0, ready
    remove_message
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @ready
@rskip:
    loop_rec_end @rloop
@rwait:
    wait @rloop
@readied:
    move freed_hub, x0
    bif0 erlang:self/0, x1
    call_ext 2, erlang:register/2
    move 0, y1
    bif2 none, erlang:'*'/2, y0, 2, y0
@collect:
    is_lt @collected, y1, y0
@cloop:
    loop_rec @cwait, x0
    remove_message
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @collect
@cwait:
    wait @cloop
@collected:
    move freed_hub, x0
    call_ext 1, erlang:unregister/1
    bif0 erlang:self/0, x0
    move [links, monitors, monitored_by], x1
    call_ext 2, erlang:process_info/2
    deallocate 2
    return

% child(Hub, I): take a name, two timers to itself, a monitor of the hub, a dictionary entry
% and some heap; tell the hub it is ready, and exit normally on go.
function child/2
    allocate 2
    move x0, y0
    move x1, x0
    call_ext 1, erlang:integer_to_list/1
    move x0, x1
    move "freed_", x0
    call_ext 2, erlang:'++'/2
    call_ext 1, erlang:list_to_atom/1
    bif0 erlang:self/0, x1
    call_ext 2, erlang:register/2
    move 3600000, x0
    bif0 erlang:self/0, x1
    move late, x2
    call_ext 3, erlang:send_after/3
    move 3600000, x0
    bif0 erlang:self/0, x1
    move late, x2
    call_ext 3, erlang:start_timer/3
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    move key, x0
    move {some, value}, x1
    call_ext 2, erlang:put/2
    move 1, x0
    move 300, x1
    call_ext 2, lists:seq/2
    move x0, y1
    send y0, ready
@loop:
    loop_rec @wait, x0
    is_eq_exact @skip, x0, go
    remove_message
    move ok, x0
    deallocate 2
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop
`

// TestExitFreesEverything: processes that hold a registered name, timers to themselves, links,
// monitors both ways, a dictionary and heap data exit, and everything they held is released:
// the hub that watched them has no link or monitor left, no name, timer or process-table slot
// remains, and the Process structs themselves (with their heaps and mailboxes) are garbage.
func TestExitFreesEverything(t *testing.T) {
	const n = 500
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "freed.bl", freedSrc)
		type result struct {
			r   value.Term
			err error
		}
		done := make(chan result, 1)
		go func() {
			r, err := v.Apply("freed", "start", value.Int(n))
			done <- result{r, err}
		}()
		hubName := term.MustIntern("freed_hub")
		require.Eventually(t, func() bool { return v.whereis(hubName) != nil }, time.Minute, time.Millisecond)
		hub := v.whereis(hubName)
		v.namesMu.RLock()
		assert.Len(t, v.names, n+1, "every child and the hub are registered")
		v.namesMu.RUnlock()
		assert.Equal(t, 2*n, v.timers.pending(), "two timers per child")
		var children []weak.Pointer[Process]
		var live []*Process
		v.procs.each(func(p *Process) {
			if p != hub {
				children = append(children, weak.Make(p))
				live = append(live, p)
			}
		})
		require.Len(t, children, n)
		for _, p := range live {
			p.mb.push(message{term: term.MustIntern("go")})
			v.sys.Wake(&p.Task)
		}
		live = nil
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, "[{links,[]},{monitors,[]},{monitored_by,[]}]", value.Format(res.r))
		assert.Eventually(t, func() bool { return v.procs.count.Load() == 0 }, time.Minute, time.Millisecond)
		assert.Zero(t, v.timers.pending(), "the children's timers were cancelled as they exited")
		assert.Eventually(t, func() bool { return v.sys.Stats().Total().Timers == 0 }, time.Minute, time.Millisecond,
			"no timer is left on the schedulers")
		v.namesMu.RLock()
		assert.Empty(t, v.names)
		v.namesMu.RUnlock()
		assert.Eventually(t, func() bool {
			runtime.GC()
			for _, w := range children {
				if w.Value() != nil {
					return false
				}
			}
			return true
		}, 20*time.Second, 10*time.Millisecond, "every exited Process is garbage")
	})
}
