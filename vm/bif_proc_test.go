package vm

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/sched"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The process BIF tests run sequences of calls in one process with ph:run/1: each op is
// {M, F, Args}; an argument '$last' stands for the previous op's result, {'$r', N} for op N's
// (from 1) and '$self' for the process's pid; each result comes back as {ok, R} or {Class,
// Reason}. Between ops the process
// makes garbage, so that the tiny-heap configurations collect between any two calls: what a
// BIF keeps in the process (the dictionary) must survive.
const phSrc = `
module ph
export run/1, call/2, recv/1, waiter/0, report/2, wait_status/2, grow/1, done/0,
    hib_start/1, hib_self/1, hib_probe/0, hib_wake/2, tloop/1

function run/1
    allocate 4
    move x0, y0
    move [], y1
    move [], y2
    move [], y3
@loop:
    is_nonempty_list @done, y0
    get_list y0, y3, y0
    call 0, touch/0
    move 1, x0
    move 40, x1
    call_ext 2, lists:seq/2
    try y2, @caught
    move y3, x0
    move y1, x1
    call 2, call/2
    try_end y2
    put_tuple x0, [ok, x0]
    put_list x0, y1, y1
    jump @loop
@caught:
    try_case y2
    put_tuple x0, [x0, x1]
    put_list x0, y1, y1
    jump @loop
@done:
    move y1, x0
    deallocate 4
    return

% touch() makes x0..x5 live registers again. Works around an interpreter bug: a process that
% resumes after a wait has only its waiting function's registers live, and entering a
% function with more clears the registers above them, even those the caller has just set
% (move 40, x1 before lists:seq/2).
function touch/0
    move [], x5
    move ok, x0
    return

% call({M, F, Args}, Results) -> apply(M, F, Args), with the arguments replaced as subst/2 says.
function call/2
    is_tuple @bad, x0
    test_arity @bad, x0, 3
    allocate 2
    get_tuple_element x0, 0, y0
    get_tuple_element x0, 1, y1
    get_tuple_element x0, 2, x0
    call 2, substl/2
    is_nonempty_list @a0, x0
    get_list x0, x0, x2
    is_nonempty_list @a1, x2
    get_list x2, x1, x2
    is_nonempty_list @a2, x2
    get_list x2, x2, x3
    is_nonempty_list @a3, x3
    get_hd x3, x3
    move y0, x4
    move y1, x5
    apply_last 4, 2
@a3:
    move y0, x3
    move y1, x4
    apply_last 3, 2
@a2:
    move y0, x2
    move y1, x3
    apply_last 2, 2
@a1:
    move y0, x1
    move y1, x2
    apply_last 1, 2
@a0:
    move y0, x0
    move y1, x1
    apply_last 0, 2
@bad:
    badmatch x0

function substl/2
    is_nonempty_list @nil, x0
    allocate 3
    get_list x0, x0, y0
    move x1, y1
    call 2, subst/2
    move x0, y2
    move y0, x0
    move y1, x1
    call 2, substl/2
    put_list y2, x0, x0
    deallocate 3
    return
@nil:
    return

% subst(Arg, Results): '$last' is the previous op's result, {'$r', N} op N's, '$self' self();
% lists are substituted element by element. Results is newest first, each {ok, R} or {C, R}.
function subst/2
    is_eq_exact @notlast, x0, '$last'
    move 1, x0
    call_only 2, nthval/2
@notlast:
    is_eq_exact @notself, x0, '$self'
    bif0 erlang:self/0, x0
    return
@notself:
    is_tuple @notref, x0
    test_arity @notref, x0, 2
    get_tuple_element x0, 0, x2
    is_eq_exact @notref, x2, '$r'
    get_tuple_element x0, 1, x2
    bif1 none, erlang:length/1, x1, x3
    bif2 none, erlang:'-'/2, x3, x2, x3
    bif2 none, erlang:'+'/2, x3, 1, x0
    call_only 2, nthval/2
@notref:
    is_nonempty_list @plain, x0
    call_only 2, substl/2
@plain:
    return

% nthval(I, Results) -> element(2, lists:nth(I, Results)).
function nthval/2
    allocate 0
    call_ext 2, lists:nth/2
    bif2 none, erlang:element/2, 2, x0, x0
    deallocate 0
    return

% recv(Timeout) -> receive M -> M after Timeout -> timeout end.
function recv/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    deallocate 1
    return
@wait:
    wait_timeout @loop, y0
    timeout
    move timeout, x0
    deallocate 1
    return

% waiter() -> receive stop -> ok end.
function waiter/0
@loop:
    loop_rec @wait, x0
    is_eq_exact @skip, x0, stop
    remove_message
    move ok, x0
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop

% report(Parent, Items) -> Parent ! process_info(self(), Items).
function report/2
    allocate 1
    move x0, y0
    move x1, x2
    bif0 erlang:self/0, x1
    move x1, x0
    move x2, x1
    call_ext 2, erlang:process_info/2
    send y0, x0
    move ok, x0
    deallocate 1
    return

% wait_status(Pid, Info) -> loops until process_info(Pid, status) =:= Info.
function wait_status/2
    allocate 2
    move x0, y0
    move x1, y1
@loop:
    move y0, x0
    move status, x1
    call_ext 2, erlang:process_info/2
    is_eq_exact @loop2, x0, y1
    move ok, x0
    deallocate 2
    return
@loop2:
    jump @loop

% grow(N) -> a list of N fresh tuples, kept live while it is built.
function grow/1
    move [], x1
@loop:
    is_lt @done, 0, x0
    put_tuple x2, [x0, x0]
    put_list x2, x1, x1
    bif2 none, erlang:'-'/2, x0, 1, x0
    jump @loop
@done:
    move x1, x0
    return

function done/0
    move done, x0
    return

% hib_start(Parent) -> deep(10, Parent); hib_self(Parent) sends itself early first.
function hib_start/1
    move x0, x1
    move 10, x0
    call_only 2, deep/2

function hib_self/1
    bif0 erlang:self/0, x1
    send x1, early
    move x0, x1
    move 3, x0
    call_only 2, deep/2

% deep(N, Parent): N frames deep, erlang:hibernate(ph, hib_wake, [Parent, {data, 42}]) in a
% non-tail call.
function deep/2
    is_eq_exact @more, x0, 0
    allocate 1
    move x1, y0
    put_tuple x2, [data, 42]
    put_list x2, [], x2
    put_list y0, x2, x2
    move ph, x0
    move hib_wake, x1
    call_ext 3, erlang:hibernate/3
    move y0, x0
    deallocate 1
    return
@more:
    allocate 2
    move x0, y0
    move x1, y1
    bif2 none, erlang:'-'/2, x0, 1, x0
    call 2, deep/2
    deallocate 2
    return

% hib_wake(Parent, Data) -> receive M -> Parent ! {woke, Data, M, process_info(self(), stack_size)} end.
function hib_wake/2
    allocate 3
    move x0, y0
    move x1, y1
@loop:
    loop_rec @wait, x0
    remove_message
    move x0, y2
    bif0 erlang:self/0, x0
    move stack_size, x1
    call_ext 2, erlang:process_info/2
    put_tuple x0, [woke, y1, y2, x0]
    send y0, x0
    move ok, x0
    deallocate 3
    return
@wait:
    wait @loop

% tloop(N): N times, start send_after(0, self(), tick) and cancel it at once; when the cancel
% comes too late (false), the tick must arrive. Returns {ok, Delivered}, or {extra, M} when a
% message is left over (a cancelled timer delivered).
function tloop/1
    allocate 2
    move x0, y0
    move 0, y1
@next:
    is_lt @done, 0, y0
    bif2 none, erlang:'-'/2, y0, 1, y0
    move 0, x0
    bif0 erlang:self/0, x1
    move tick, x2
    call_ext 3, erlang:send_after/3
    call_ext 1, erlang:cancel_timer/1
    is_eq_exact @next, x0, false
    bif2 none, erlang:'+'/2, y1, 1, y1
@recv:
    loop_rec @wait, x0
    is_eq_exact @skip, x0, tick
    remove_message
    jump @next
@skip:
    loop_rec_end @recv
@wait:
    wait @recv
@done:
    loop_rec @empty, x0
    remove_message
    put_tuple x0, [extra, x0]
    deallocate 2
    return
@empty:
    put_tuple x0, [ok, y1]
    deallocate 2
    return

% hib_probe() -> self() ! wake, erlang:hibernate(ph, done, []).
function hib_probe/0
    bif0 erlang:self/0, x0
    send x0, wake
    move ph, x0
    move done, x1
    move [], x2
    call_ext_only 3, erlang:hibernate/3
`

// runOps runs ph:run(Ops) and returns the results in order.
func runOps(t *testing.T, v *VM, ops string) []value.Term {
	t.Helper()
	r, err := v.Apply("ph", "run", opsValue(t, ops))
	require.NoError(t, err)
	l := r.(value.List)
	out := make([]value.Term, len(l))
	for i, x := range l {
		out[len(l)-1-i] = x
	}
	return out
}

// opsValue parses an op list written over several lines (the term parser reads one line).
func opsValue(t *testing.T, ops string) value.Term {
	t.Helper()
	return mustValue(t, strings.Join(strings.Fields(ops), " "))
}

// okOf returns R of {ok, R}, failing the test for an exception.
func okOf(t *testing.T, r value.Term) value.Term {
	t.Helper()
	tu, ok := r.(value.Tuple)
	require.True(t, ok && len(tu) == 2 && tu[0] == value.Atom("ok"), "not {ok, _}: %s", value.Format(r))
	return tu[1]
}

// wantOps checks each result against its expectation in Erlang syntax ("" skips one), compared
// in value.Format's form.
func wantOps(t *testing.T, got []value.Term, want ...string) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		if w == "" {
			continue
		}
		assert.Equal(t, value.Format(mustValue(t, w)), value.Format(got[i]), "op %d", i+1)
	}
}

// extRootsVisited reports whether Process.VisitRoots visits extRoots (the lead wires it).
func extRootsVisited() bool {
	p := newProcess(nil, gc.DefaultOptions())
	p.x = new(regFile)
	p.extState()
	seen := false
	p.VisitRoots(func(ts []term.Term) {
		if len(ts) > 0 && &ts[0] == &p.ext.roots[0] {
			seen = true
		}
	})
	return seen
}

// needExtRoots skips a test while the dictionary is not a collector root: the first
// collection would leave it pointing at garbage.
func needExtRoots(t *testing.T) {
	require.True(t, extRootsVisited(), "Process.VisitRoots must visit extRoots")
}

func phVM(t *testing.T, v *VM) *VM {
	loadSrc(t, v, "ph.bl", phSrc)
	return v
}

func TestProcessDictionary(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		needExtRoots(t)
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, get, [a]},
			{erlang, get, []},
			{erlang, put, [a, {x, [1, 2, 3], <<"bin">>}]},
			{erlang, put, [a, {y, "str", 2.5}]},
			{erlang, put, [b, [1 | 2]]},
			{erlang, put, [{k, 1}, {y, "str", 2.5}]},
			{erlang, get, [a]},
			{erlang, get, [{k, 1}]},
			{erlang, get, [b]},
			{erlang, get_keys, [{y, "str", 2.5}]},
			{erlang, get_keys, [nothing]},
			{erlang, erase, [a]},
			{erlang, erase, [a]},
			{erlang, get_keys, []},
			{erlang, get, []},
			{erlang, erase, []},
			{erlang, get, []},
			{erlang, get, [b]},
			{erlang, put, [c, 1]},
			{erlang, process_info, ['$self', dictionary]}
		]`)
		wantOps(t, got,
			"{ok,undefined}", "{ok,[]}", "{ok,undefined}", `{ok,{x,[1,2,3],<<"bin">>}}`,
			"{ok,undefined}", "{ok,undefined}", `{ok,{y,"str",2.5}}`, `{ok,{y,"str",2.5}}`,
			"{ok,[1|2]}", "", "{ok,[]}", `{ok,{y,"str",2.5}}`, "{ok,undefined}", "", "", "",
			"{ok,[]}", "{ok,undefined}", "{ok,undefined}", "{ok,{dictionary,[{c,1}]}}")
		// Key order is the table's (Erlang's is its hash order): compare as sets.
		assert.ElementsMatch(t, value.List{value.Atom("a"), value.Tuple{value.Atom("k"), value.Int(1)}}, okOf(t, got[9]))
		assert.ElementsMatch(t, value.List{value.Atom("b"), value.Tuple{value.Atom("k"), value.Int(1)}}, okOf(t, got[13]))
		pairs := value.List{
			value.Tuple{value.Atom("b"), mustValue(t, "[1|2]")},
			value.Tuple{mustValue(t, "{k, 1}"), mustValue(t, `{y, "str", 2.5}`)},
		}
		assert.ElementsMatch(t, pairs, okOf(t, got[14]))
		assert.ElementsMatch(t, pairs, okOf(t, got[15]))
	})
}

// TestProcessDictionaryMany puts past the small-map size, so the dictionary is a large map.
func TestProcessDictionaryMany(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		needExtRoots(t)
		phVM(t, v)
		var ops []string
		for i := 0; i < 100; i++ {
			ops = append(ops, fmt.Sprintf("{erlang, put, [%d, {v, %d, [%d]}]}", i, i, i))
		}
		for i := 0; i < 100; i += 7 {
			ops = append(ops, fmt.Sprintf("{erlang, get, [%d]}", i))
		}
		got := runOps(t, v, "["+strings.Join(ops, ",")+"]")
		for k, i := 100, 0; i < 100; k, i = k+1, i+7 {
			assert.Equal(t, fmt.Sprintf("{ok,{v,%d,[%d]}}", i, i), value.Format(got[k]))
		}
	})
}

func TestProcessFlag(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, process_flag, [priority, high]},
			{erlang, process_flag, [priority, low]},
			{erlang, process_info, ['$self', priority]},
			{erlang, process_flag, [priority, normal]},
			{erlang, process_flag, [priority, bogus]},
			{erlang, process_flag, [bogus, true]},
			{erlang, process_flag, [trap_exit, 1]},
			{erlang, process_flag, [max_heap_size, 100000]},
			{erlang, process_flag, [max_heap_size, #{size => 5000, kill => false}]},
			{erlang, process_info, ['$self', max_heap_size]},
			{erlang, process_flag, [max_heap_size, 0]},
			{erlang, process_flag, [max_heap_size, 100]},
			{erlang, process_flag, [max_heap_size, -1]},
			{erlang, process_flag, [max_heap_size, #{kill => true}]},
			{erlang, process_flag, [max_heap_size, #{size => 5000, bogus => 1}]},
			{erlang, process_flag, [max_heap_size, 0]},
			{erlang, process_flag, [min_heap_size, -1]},
			{erlang, process_flag, [min_heap_size, a]}
		]`)
		wantOps(t, got,
			"{ok,normal}", "{ok,high}", "{ok,{priority,low}}", "{ok,low}", "{error,badarg}",
			"{error,badarg}", "{error,badarg}",
			"{ok,#{error_logger => true,kill => true,size => 0}}",
			"{ok,#{error_logger => true,kill => true,size => 100000}}",
			"{ok,{max_heap_size,#{error_logger => true,kill => false,size => 5000}}}",
			"{ok,#{error_logger => true,kill => false,size => 5000}}",
			"{error,badarg}", "{error,badarg}", "{error,badarg}",
			"{ok,#{error_logger => true,kill => true,size => 0}}",
			"{ok,#{error_logger => true,kill => true,size => 5000}}", "{error,badarg}", "{error,badarg}")
	})
}

func TestProcessFlagMinHeapSize(t *testing.T) {
	v := phVM(t, newVM(t, Options{}))
	got := runOps(t, v, `[
		{erlang, process_flag, [min_heap_size, 500]},
		{erlang, process_flag, [min_heap_size, 0]},
		{erlang, process_flag, [min_heap_size, 1000]}
	]`)
	// erl says 610: the BEAM's size table (233, 376, 610, …) and gc's differ by a word or so.
	wantOps(t, got, "{ok,233}", fmt.Sprintf("{ok,%d}", gc.NextSize(500)), "{ok,233}")
}

// TestMaxHeapSizeKills: a process over its max_heap_size after a collection is killed.
func TestMaxHeapSizeKills(t *testing.T) {
	v := phVM(t, newVM(t, Options{}))
	_, err := v.Apply("ph", "run", opsValue(t, `[
		{erlang, process_flag, [max_heap_size, 1000]},
		{ph, grow, [100000]}
	]`))
	require.Error(t, err, "a process over max_heap_size is killed")
	assert.Equal(t, value.Atom("killed"), exitOf(t, err).Reason)
}

func TestProcessInfoSelf(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, send, ['$self', a]},
			{erlang, send, ['$self', {b, [1, 2]}]},
			{erlang, process_info, ['$self', [status, message_queue_len, messages, priority, registered_name]]},
			{erlang, process_info, ['$self', registered_name]},
			{erlang, process_info, ['$self', []]},
			{erlang, process_info, ['$self', current_function]},
			{erlang, process_info, ['$self', [status, status]]},
			{erlang, process_info, ['$self', bogus]},
			{erlang, process_info, ['$self', [status | bad]]},
			{erlang, process_info, ['$self', [status, 1]]},
			{erlang, process_info, [foo, status]},
			{erlang, process_info, ['$self', reductions]},
			{erlang, process_info, ['$self', memory]},
			{erlang, process_info, ['$self', heap_size]},
			{erlang, process_info, ['$self', total_heap_size]},
			{erlang, process_info, ['$self', [trap_exit, links, monitors, monitored_by]]},
			{erlang, process_info, ['$self']}
		]`)
		wantOps(t, got, "{ok,a}", "{ok,{b,[1,2]}}",
			"{ok,[{status,running},{message_queue_len,2},{messages,[a,{b,[1,2]}]},{priority,normal},{registered_name,[]}]}",
			"{ok,[]}", "{ok,[]}", "{ok,{current_function,{ph,call,2}}}",
			"{ok,[{status,running},{status,running}]}",
			"{error,badarg}", "{error,badarg}", "{error,badarg}", "{error,badarg}",
			"", "", "", "", "{ok,[{trap_exit,false},{links,[]},{monitors,[]},{monitored_by,[]}]}", "")
		for _, i := range []int{11, 12, 13, 14} {
			n := okOf(t, got[i]).(value.Tuple)[1].(value.Int)
			assert.GreaterOrEqual(t, int64(n), int64(0), value.Format(got[i]))
			if i != 11 { // reductions count at the end of a run: 0 during the first
				assert.Positive(t, int64(n), value.Format(got[i]))
			}
		}
		info := okOf(t, got[16]).(value.List)
		var keys []string
		for _, kv := range info {
			keys = append(keys, value.Format(kv.(value.Tuple)[0]))
		}
		assert.Equal(t, []string{"current_function", "status", "message_queue_len", "links", "dictionary",
			"trap_exit", "error_handler", "priority", "total_heap_size", "heap_size", "stack_size",
			"reductions", "garbage_collection", "suspending"}, keys)
	})
}

// TestProcessInfoOther: what another process's process_info reads (see bif_proc.go).
func TestProcessInfoOther(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, spawn, [ph, waiter, []]},
			{ph, wait_status, [{'$r', 1}, {status, waiting}]},
			{erlang, process_info, [{'$r', 1}, [status, priority, dictionary, messages, trap_exit, links]]},
			{erlang, send, [{'$r', 1}, stop]},
			{ph, wait_status, [{'$r', 1}, undefined]}
		]`)
		wantOps(t, got, "", "{ok,ok}",
			"{ok,[{status,waiting},{priority,normal},{dictionary,[]},{messages,[]},{trap_exit,false},{links,[]}]}",
			"{ok,stop}", "{ok,ok}")
	})
}

// TestProcessInfoDead: a pid that has exited gives undefined.
func TestProcessInfoDead(t *testing.T) {
	v := phVM(t, newVM(t, Options{}))
	got := runOps(t, v, `[
		{erlang, spawn, [ph, done, []]},
		{ph, wait_status, ['$last', undefined]},
		{erlang, process_info, [{'$r', 1}, status]},
		{erlang, process_info, [{'$r', 1}, [status]]},
		{erlang, process_info, [{'$r', 1}]},
		{erlang, process_info, [{'$r', 1}, bogus]}
	]`)
	wantOps(t, got, "", "{ok,ok}", "{ok,undefined}", "{ok,undefined}", "{ok,undefined}", "{error,badarg}")
}

// TestProcessInfoQueueLenOther: the message queue of another process, as it published it.
func TestProcessInfoQueueLenOther(t *testing.T) {
	require.NotNil(t, (&Process{}).published(), "processes publish their counters")
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, spawn, [ph, waiter, []]},
			{erlang, send, [{'$r', 1}, a]},
			{erlang, send, [{'$r', 1}, b]},
			{ph, wait_status, [{'$r', 1}, {status, waiting}]},
			{erlang, process_info, [{'$r', 1}, [message_queue_len, current_function]]}
		]`)
		wantOps(t, got[4:], "{ok,[{message_queue_len,2},{current_function,{ph,waiter,0}}]}")
	})
}

func TestProcesses(t *testing.T) {
	v := phVM(t, newVM(t, Options{}))
	got := runOps(t, v, `[{erlang, self, []}, {erlang, processes, []}]`)
	assert.Contains(t, okOf(t, got[1]), okOf(t, got[0]))
}

func TestSpawnOpt(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, spawn_opt, [ph, report, ['$self', [priority, garbage_collection]],
				[{priority, high}, {min_heap_size, 1000}, {fullsweep_after, 10}, {max_heap_size, 100000},
				 {message_queue_data, off_heap}]]},
			{ph, recv, [infinity]},
			{erlang, spawn_opt, [ph, done, [], [bogus]]},
			{erlang, spawn_opt, [ph, done, [], [{priority, bogus}]]},
			{erlang, spawn_opt, [ph, done, [], [{min_heap_size, -1}]]},
			{erlang, spawn_opt, [ph, done, [], [{max_heap_size, 10}]]},
			{erlang, spawn_opt, [ph, done, [], bad]},
			{erlang, spawn_opt, [ph, done, x, []]},
			{erlang, spawn_opt, [x, []]}
		]`)
		wantOps(t, got, "", "", "{error,badarg}", "{error,badarg}", "{error,badarg}", "{error,badarg}",
			"{error,badarg}", "{error,badarg}", "{error,badarg}")
		info := okOf(t, got[1]).(value.List)
		assert.Equal(t, "{priority,high}", value.Format(info[0]))
		gcInfo := value.Format(info[1])
		assert.Contains(t, gcInfo, "{max_heap_size,#{error_logger => true,kill => true,size => 100000}}")
		assert.Contains(t, gcInfo, "{fullsweep_after,10}")
		assert.Contains(t, gcInfo, fmt.Sprintf("{min_heap_size,%d}", gc.NextSize(1000))) // erl: 1598
	})
}

// TestStatisticsAndSystemInfo checks the shapes erl returns, and the values beamlite knows.
func TestStatisticsAndSystemInfo(t *testing.T) {
	clock := sched.NewFakeClock()
	v := phVM(t, newVM(t, Options{Clock: clock, Schedulers: 2}))
	clock.Advance(1500 * time.Millisecond)
	got := runOps(t, v, `[
		{erlang, statistics, [wall_clock]},
		{erlang, statistics, [wall_clock]},
		{erlang, statistics, [reductions]},
		{erlang, statistics, [runtime]},
		{erlang, statistics, [run_queue]},
		{erlang, statistics, [process_count]},
		{erlang, system_info, [schedulers]},
		{erlang, system_info, [schedulers_online]},
		{erlang, system_info, [process_count]},
		{erlang, system_info, [process_limit]},
		{erlang, system_info, [otp_release]},
		{erlang, system_info, [bogus]}
	]`)
	wantOps(t, got, "{ok,{1500,1500}}", "{ok,{1500,0}}", "", "", "", "{error,badarg}", "{ok,2}", "{ok,2}",
		"", "{ok,1048576}", "{ok,[50,53]}", "{error,badarg}")
	for _, i := range []int{2, 3} {
		pair := okOf(t, got[i]).(value.Tuple)
		require.Len(t, pair, 2)
		assert.GreaterOrEqual(t, int64(pair[0].(value.Int)), int64(pair[1].(value.Int)))
	}
	assert.GreaterOrEqual(t, int64(okOf(t, got[4]).(value.Int)), int64(0))
	assert.GreaterOrEqual(t, int64(okOf(t, got[8]).(value.Int)), int64(1))
}

// TestProcBifErlangReference runs the stateless expectations of these tests on erl (OTP 25).
func TestProcBifErlangReference(t *testing.T) {
	src := `-module(phref).
-export([main/0]).
t(F) ->
    Self = self(),
    spawn(fun() -> Self ! {r, try F() of R -> {ok, R} catch C:R -> {C, R} end} end),
    receive {r, X} -> X end.
main() ->
    L = [
        fun() -> process_flag(priority, high), process_flag(priority, low), process_info(self(), priority) end,
        fun() -> process_flag(max_heap_size, 100000) end,
        fun() -> process_flag(max_heap_size, #{size => 5000, kill => false}), process_info(self(), max_heap_size) end,
        fun() -> process_flag(max_heap_size, 100) end,
        fun() -> process_flag(max_heap_size, #{kill => true}) end,
        fun() -> process_flag(max_heap_size, #{size => 5000, bogus => 1}) end,
        fun() -> process_flag(min_heap_size, 500), process_flag(min_heap_size, 0) end,
        fun() -> process_info(self(), registered_name) end,
        fun() -> process_info(self(), [registered_name]) end,
        fun() -> process_info(self(), [status, status]) end,
        fun() -> process_info(self(), [status | bad]) end,
        fun() -> process_info(foo, status) end,
        fun() -> statistics(process_count) end,
        fun() -> statistics(wall_clock), element(2, statistics(wall_clock)) < 5 end,
        fun() -> spawn_opt(fun() -> ok end, [{priority, bogus}]) end,
        fun() -> spawn_opt(fun() -> ok end, [{max_heap_size, 10}]) end,
        fun() -> R = erlang:send_after(1000, self(), x), erlang:cancel_timer(R), erlang:cancel_timer(R) end,
        fun() -> R = erlang:send_after(1000, self(), x), erlang:cancel_timer(R, [{info, false}]) end,
        fun() -> erlang:send_after(-1, self(), x) end,
        fun() -> erlang:send_after(1, 1, x) end,
        fun() -> erlang:cancel_timer(x) end,
        fun() -> erlang:cancel_timer(make_ref(), [bogus]) end,
        fun() -> erlang:read_timer(make_ref()) end,
        fun() -> is_reference(erlang:send_after(10, nobody, x)) end,
        fun() -> timer:sleep(-1) end,
        fun() -> timer:sleep(0) end
    ],
    lists:foreach(fun(F) -> io:format("~w~n", [t(F)]) end, L).
`
	want := []string{
		"{ok,{priority,low}}", "{ok,#{error_logger => true,kill => true,size => 0}}",
		"{ok,{max_heap_size,#{error_logger => true,kill => false,size => 5000}}}",
		"{error,badarg}", "{error,badarg}", "{ok,#{error_logger => true,kill => true,size => 0}}", "{ok,610}",
		"{ok,[]}", "{ok,[{registered_name,[]}]}", "{ok,[{status,running},{status,running}]}",
		"{error,badarg}", "{error,badarg}", "{error,badarg}", "{ok,true}", "{error,badarg}",
		"{error,badarg}", "{ok,false}", "{ok,ok}", "{error,badarg}", "{error,badarg}",
		"{error,badarg}", "{error,badarg}", "{ok,false}", "{ok,true}", "{error,timeout_value}",
		"{ok,ok}",
	}
	lines := runErl(t, "phref", src)
	require.Len(t, lines, len(want))
	for i, w := range want {
		got, err := asm.ParseTerm("erl", lines[i])
		require.NoError(t, err, lines[i])
		assert.Equal(t, w, value.Format(got), "erl case %d", i+1)
	}

	// The same on beamlite, where the case has a form that ph:run can make.
	v := phVM(t, newVM(t, Options{}))
	got := runOps(t, v, `[
		{erlang, process_flag, [max_heap_size, 100]},
		{erlang, process_flag, [min_heap_size, 500]},
		{erlang, process_flag, [min_heap_size, 0]},
		{erlang, process_flag, [max_heap_size, #{size => 5000, bogus => 1}]},
		{erlang, process_info, ['$self', registered_name]},
		{erlang, process_info, ['$self', [registered_name]]},
		{erlang, send_after, [1000, '$self', x]},
		{erlang, cancel_timer, ['$last', [{info, false}]]},
		{erlang, send_after, [-1, '$self', x]},
		{erlang, send_after, [1, 1, x]},
		{erlang, cancel_timer, [x]},
		{erlang, make_ref, []},
		{erlang, read_timer, ['$last']},
		{erlang, make_ref, []},
		{erlang, cancel_timer, ['$last', [bogus]]},
		{erlang, send_after, [10, nobody, x]},
		{erlang, is_reference, ['$last']},
		{timer, sleep, [-1]},
		{timer, sleep, [0]}
	]`)
	wantOps(t, got, "{error,badarg}", "", fmt.Sprintf("{ok,%d}", gc.NextSize(500)), "{ok,#{error_logger => true,kill => true,size => 0}}", "{ok,[]}", "{ok,[{registered_name,[]}]}", "",
		"{ok,ok}", "{error,badarg}", "{error,badarg}", "{error,badarg}", "", "{ok,false}", "",
		"{error,badarg}", "", "{ok,true}", "{error,timeout_value}", "{ok,ok}")
}

// TestTimers runs send_after, start_timer, read_timer and cancel_timer on a fake clock.
func TestTimers(t *testing.T) {
	for name, o := range configs() {
		t.Run(name, func(t *testing.T) {
			clock := sched.NewFakeClock()
			o.Clock = clock
			v := phVM(t, newVM(t, o))
			type result struct {
				r   value.Term
				err error
			}
			done := make(chan result, 1)
			go func() {
				r, err := v.Apply("ph", "run", opsValue(t, `[
					{erlang, send_after, [1000, '$self', hi]},
					{erlang, start_timer, [500, '$self', {x, [1, 2]}]},
					{timer, sleep, [300]},
					{erlang, read_timer, [{'$r', 1}]},
					{timer, sleep, [50]},
					{ph, recv, [infinity]},
					{erlang, cancel_timer, [{'$r', 1}]},
					{erlang, cancel_timer, [{'$r', 1}]},
					{erlang, read_timer, [{'$r', 1}]},
					{erlang, send_after, [0, '$self', now]},
					{ph, recv, [infinity]},
					{erlang, send_after, [100, '$self', later]},
					{erlang, cancel_timer, ['$last', [{async, true}]]},
					{ph, recv, [0]},
					{ph, recv, [0]},
					{erlang, read_timer, [{'$r', 12}, [{async, true}]]},
					{ph, recv, [0]}
				]`))
				done <- result{r, err}
			}()
			stats := func() sched.SchedulerStats { return v.sys.Stats().Total() }
			wait := func(pending int, fired uint64) {
				require.Eventually(t, func() bool {
					s := stats()
					return s.Timers == pending && s.TimersFired == fired
				}, 10*time.Second, time.Millisecond, "timers pending %d fired %d", pending, fired)
			}
			wait(3, 0) // send_after, start_timer, sleep(300)
			clock.Advance(300 * time.Millisecond)
			wait(3, 1) // sleep(50) started
			clock.Advance(200 * time.Millisecond)
			var res result
			select {
			case res = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the process did not finish")
			}
			require.NoError(t, res.err)
			l := res.r.(value.List)
			got := make([]value.Term, len(l))
			for i, x := range l {
				got[len(l)-1-i] = x
			}
			wantOps(t, got, "", "", "{ok,ok}", "{ok,700}", "{ok,ok}", "", "{ok,500}", "{ok,false}",
				"{ok,false}", "", "{ok,now}", "", "{ok,ok}", "", "{ok,timeout}", "{ok,ok}", "")
			assert.IsType(t, value.Ref{}, okOf(t, got[0]))
			assert.Equal(t, value.Tuple{value.Atom("timeout"), okOf(t, got[1]), mustValue(t, "{x, [1, 2]}")}, okOf(t, got[5]))
			assert.Equal(t, value.Tuple{value.Atom("cancel_timer"), okOf(t, got[11]), value.Int(100)}, okOf(t, got[13]))
			assert.Equal(t, value.Tuple{value.Atom("read_timer"), okOf(t, got[11]), value.False}, okOf(t, got[16]))
			assert.Equal(t, 0, stats().Timers, "every timer fired or was cancelled")
		})
	}
}

func TestSpawnOptLinkMonitor(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, spawn_opt, [ph, done, [], [monitor, {priority, low}]]},
			{ph, recv, [infinity]},
			{erlang, process_flag, [trap_exit, true]},
			{erlang, spawn_opt, [ph, done, [], [link]]},
			{ph, recv, [infinity]},
			{erlang, spawn_opt, [ph, waiter, [], [link, monitor]]},
			{erlang, process_info, ['$self', links]},
			{erlang, process_info, ['$self', monitors]}
		]`)
		pm := okOf(t, got[0]).(value.Tuple)
		require.Len(t, pm, 2)
		assert.Equal(t, value.Tuple{value.Atom("DOWN"), pm[1], value.Atom("process"), pm[0], value.Atom("normal")}, okOf(t, got[1]))
		assert.Equal(t, value.Tuple{value.Atom("EXIT"), okOf(t, got[3]), value.Atom("normal")}, okOf(t, got[4]))
		pm = okOf(t, got[5]).(value.Tuple)
		assert.Equal(t, value.Tuple{value.Atom("links"), value.List{pm[0]}}, okOf(t, got[6]))
		assert.Equal(t, value.Tuple{value.Atom("monitors"), value.List{value.Tuple{value.Atom("process"), pm[0]}}}, okOf(t, got[7]))
	})
}

// TestTimerDestinations: a name is resolved when the timer fires; a message to a dead pid or
// to a name nobody has is dropped.
func TestTimerDestinations(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		got := runOps(t, v, `[
			{erlang, register, [me, '$self']},
			{erlang, send_after, [0, me, early]},
			{ph, recv, [infinity]},
			{erlang, start_timer, [0, me, hi]},
			{ph, recv, [infinity]},
			{erlang, spawn, [ph, done, []]},
			{ph, wait_status, ['$last', undefined]},
			{erlang, send_after, [0, {'$r', 6}, lost]},
			{erlang, send_after, [0, nobody, lost]},
			{erlang, send_after, [0, '$self', mine]},
			{ph, recv, [infinity]}
		]`)
		wantOps(t, got, "{ok,true}", "", "{ok,early}", "", "", "", "{ok,ok}", "", "", "", "{ok,mine}")
		assert.Equal(t, value.Tuple{value.Atom("timeout"), okOf(t, got[3]), value.Atom("hi")}, okOf(t, got[4]))
	})
}

// hibernateWired reports whether the interpreter and Run act on erlang:hibernate/3 (see
// Process.hibernate): a process that hibernates with a message waiting begins ph:done().
func hibernateWired(t *testing.T, v *VM) bool {
	r, err := v.Apply("ph", "hib_probe")
	if err != nil {
		return false
	}
	require.Equal(t, value.Atom("done"), r)
	return true
}

func TestHibernate(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		require.True(t, hibernateWired(t, v), "erlang:hibernate/3 is wired into the interpreter")
		got := runOps(t, v, `[
			{erlang, spawn, [ph, hib_start, ['$self']]},
			{ph, wait_status, [{'$r', 1}, {status, waiting}]},
			{erlang, process_info, [{'$r', 1}, [current_function, message_queue_len]]},
			{erlang, send, [{'$r', 1}, hello]},
			{ph, recv, [infinity]},
			{erlang, spawn, [ph, hib_self, ['$self']]},
			{ph, recv, [infinity]},
			{erlang, hibernate, [lists, reverse, x]},
			{erlang, hibernate, [lists, 1, []]}
		]`)
		wantOps(t, got, "", "{ok,ok}", "", "{ok,hello}",
			"{ok,{woke,{data,42},hello,{stack_size,3}}}", "",
			"{ok,{woke,{data,42},early,{stack_size,3}}}", "{error,badarg}", "{error,badarg}")
	})
}

// TestHammerTimers: processes on every scheduler start and cancel timers at once, racing
// their firing: a timer is delivered exactly when its cancel comes too late.
func TestHammerTimers(t *testing.T) {
	const procs, n = 8, 300
	eachConfig(t, func(t *testing.T, v *VM) {
		phVM(t, v)
		errs := make(chan error, procs)
		results := make(chan value.Term, procs)
		for range procs {
			go func() {
				r, err := v.Apply("ph", "tloop", value.Int(n))
				errs <- err
				results <- r
			}()
		}
		for range procs {
			require.NoError(t, <-errs)
			r := (<-results).(value.Tuple)
			assert.Equal(t, value.Atom("ok"), r[0], value.Format(r))
		}
		assert.Eventually(t, func() bool { return v.sys.Stats().Total().Timers == 0 }, 5*time.Second, time.Millisecond)
		assert.Zero(t, v.timers.pending(), "every timer left the reference table")
	})
}
