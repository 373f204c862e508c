package vm

import (
	"sync"
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Expectations marked "erl" were checked on OTP 25 with the same program in Erlang.
const sigSrc = `
module sigs
export recv/0, recv_only/1, echo/0, exiter/1, recv_exit/0, chain/2, chain_test/2, pair/2, pair_test/1, fwd/1, trapper/2, exit2_test/2, self_exit/3, self_exit_test/2, dead/0, link_dead/1, monitor_dead/0, monitor_name/0, spin_dead/1, demon_test/0, names_test/0, reg_twice/0, reg_taken/0, reg_undefined/0, reg_dead/0, unreg_none/0, unlink_test/0, trap_test/1, hammer/1, watcher/2, flipper/3, flip_test/2, kill_link/0, link_exiter/0, monitor_badarg/1, monitor_node/0, order_sender/2, order_test/2, holder/2, free_test/0, raiser/2, raise_test/2, looper/0, busy_test/1

% recv() -> receive X -> X end.
function recv/0
@loop:
    loop_rec @wait, x0
    remove_message
    return
@wait:
    wait @loop

% recv_only(A) -> receive A -> A end.
function recv_only/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    is_eq_exact @skip, x0, y0
    remove_message
    deallocate 1
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop

% echo() -> receive {From, X} -> From ! X, echo() end.
function echo/0
@loop:
    loop_rec @wait, x0
    remove_message
    is_tuple @loop, x0
    test_arity @loop, x0, 2
    get_tuple_element x0, 0, x1
    get_tuple_element x0, 1, x2
    send x1, x2
    call_only 0, echo/0
@wait:
    wait @loop

% exiter(R) -> exit(R).
function exiter/1
    call_ext_only 1, erlang:exit/1

% recv_exit() -> exit(recv()).
function recv_exit/0
    allocate 0
    call 0, recv/0
    deallocate 0
    call_ext_only 1, erlang:exit/1

% chain(0, Top) -> Top ! {last, self()}, recv_exit();
% chain(N, Top) -> spawn_link(sigs, chain, [N - 1, Top]), recv().
function chain/2
    is_eq_exact @more, x0, 0
    bif0 erlang:self/0, x2
    put_tuple x2, [last, x2]
    send x1, x2
    call_only 0, recv_exit/0
@more:
    allocate 0
    bif2 none, erlang:'-'/2, x0, 1, x0
    put_list x1, [], x1
    put_list x0, x1, x2
    move sigs, x0
    move chain, x1
    call_ext 3, erlang:spawn_link/3
    deallocate 0
    call_only 0, recv/0

% chain_test(N, Reason) -> process_flag(trap_exit, true), spawn_link(sigs, chain, [N, self()]),
%     {last, L} = recv(), L ! Reason, recv().
function chain_test/2
    allocate 2
    move x1, y0
    move x0, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
    bif0 erlang:self/0, x0
    put_list x0, [], x0
    put_list y1, x0, x2
    move sigs, x0
    move chain, x1
    call_ext 3, erlang:spawn_link/3
    call 0, recv/0
    is_tagged_tuple @bad, x0, 2, last
    get_tuple_element x0, 1, x0
    send x0, y0
    deallocate 2
    call_only 0, recv/0
@bad:
    deallocate 2
    return

% pair(Top, How) -> L = spawn_link(sigs, echo, []), Top ! L, exit(How).
function pair/2
    allocate 2
    move x0, y1
    move x1, y0
    move sigs, x0
    move echo, x1
    move [], x2
    call_ext 3, erlang:spawn_link/3
    send y1, x0
    move y0, x0
    deallocate 2
    call_ext_only 1, erlang:exit/1

% pair_test(How) -> spawn_monitor(sigs, pair, [self(), How]), L = recv(), _Down = recv(),
%     monitor(process, L), L ! {self(), ping}, recv().
function pair_test/1
    allocate 1
    bif0 erlang:self/0, x1
    put_list x0, [], x0
    put_list x1, x0, x2
    move sigs, x0
    move pair, x1
    call_ext 3, erlang:spawn_monitor/3
    call 0, recv/0
    move x0, y0
    call 0, recv/0
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    bif0 erlang:self/0, x0
    put_tuple x0, [x0, ping]
    send y0, x0
    deallocate 1
    call_only 0, recv/0

% fwd(Top) -> Top ! {fwd, recv()}, fwd(Top).
function fwd/1
    allocate 1
    move x0, y0
    call 0, recv/0
    put_tuple x0, [fwd, x0]
    send y0, x0
    move y0, x0
    deallocate 1
    call_only 1, fwd/1

% trapper(Trap, Top) -> process_flag(trap_exit, Trap), Top ! ready, fwd(Top).
function trapper/2
    allocate 1
    move x1, y0
    move x0, x1
    move trap_exit, x0
    call_ext 2, erlang:process_flag/2
    send y0, ready
    move y0, x0
    deallocate 1
    call_only 1, fwd/1

% exit2_test(Trap, Reason) -> T = spawn(sigs, trapper, [Trap, self()]), monitor(process, T),
%     ready = recv(), exit(T, Reason), T ! probe, recv().
function exit2_test/2
    allocate 2
    move x1, y0
    bif0 erlang:self/0, x1
    put_list x1, [], x1
    put_list x0, x1, x2
    move sigs, x0
    move trapper, x1
    call_ext 3, erlang:spawn/3
    move x0, y1
    move x0, x1
    move process, x0
    call_ext 2, erlang:monitor/2
    call 0, recv/0
    move y1, x0
    move y0, x1
    call_ext 2, erlang:exit/2
    send y1, probe
    deallocate 2
    call_only 0, recv/0

% self_exit(Trap, R, Top) -> process_flag(trap_exit, Trap), exit(self(), R), self() ! after,
%     Top ! {alive, recv()}.
function self_exit/3
    allocate 2
    move x1, y0
    move x2, y1
    move x0, x1
    move trap_exit, x0
    call_ext 2, erlang:process_flag/2
    bif0 erlang:self/0, x0
    move y0, x1
    call_ext 2, erlang:exit/2
    bif0 erlang:self/0, x0
    send x0, after
    call 0, recv/0
    put_tuple x0, [alive, x0]
    send y1, x0
    move ok, x0
    deallocate 2
    return

% self_exit_test(Trap, R) -> spawn_monitor(sigs, self_exit, [Trap, R, self()]), recv().
function self_exit_test/2
    allocate 0
    bif0 erlang:self/0, x2
    put_list x2, [], x2
    put_list x1, x2, x2
    put_list x0, x2, x2
    move sigs, x0
    move self_exit, x1
    call_ext 3, erlang:spawn_monitor/3
    deallocate 0
    call_only 0, recv/0

% dead() -> {P, _} = spawn_monitor(sigs, exiter, [normal]), recv(), P.
function dead/0
    allocate 1
    move sigs, x0
    move exiter, x1
    move [normal], x2
    call_ext 3, erlang:spawn_monitor/3
    is_tuple @bad, x0
    test_arity @bad, x0, 2
    get_tuple_element x0, 0, x0
@bad:
    move x0, y0
    call 0, recv/0
    move y0, x0
    deallocate 1
    return

% link_dead(Trap) -> process_flag(trap_exit, Trap), link(dead()), recv().
function link_dead/1
    allocate 0
    move x0, x1
    move trap_exit, x0
    call_ext 2, erlang:process_flag/2
    call 0, dead/0
    call_ext 1, erlang:link/1
    deallocate 0
    call_only 0, recv/0

% monitor_dead() -> monitor(process, dead()), recv().
function monitor_dead/0
    allocate 0
    call 0, dead/0
    move x0, x1
    move process, x0
    call_ext 2, erlang:monitor/2
    deallocate 0
    call_only 0, recv/0

% monitor_name() -> monitor(process, nosuch), recv().
function monitor_name/0
    allocate 0
    move process, x0
    move nosuch, x1
    call_ext 2, erlang:monitor/2
    deallocate 0
    call_only 0, recv/0

% spin_dead(P): returns once P is no longer alive (its exit signals are all sent by then).
function spin_dead/1
@loop:
    bif1 none, erlang:is_process_alive/1, x0, x1
    is_eq_exact @loop, x1, false
    return

% demon_test() -> T = spawn(sigs, recv, []), R = monitor(process, T), T ! go, spin_dead(T),
%     self() ! x, recv_only(x),                       % the DOWN is in the mailbox now
%     A = demonitor(R, [flush, info]), self() ! done, B = recv(),
%     T2 = spawn(sigs, recv, []), R2 = monitor(process, T2),
%     C = demonitor(R2, [info]), D = demonitor(R2, [info]), T2 ! go, {A, B, C, D}.
function demon_test/0
    allocate 5
    move sigs, x0
    move recv, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y0
    move x0, x1
    move process, x0
    call_ext 2, erlang:monitor/2
    move x0, y1
    send y0, go
    move y0, x0
    call 1, spin_dead/1
    bif0 erlang:self/0, x0
    send x0, x
    move x, x0
    call 1, recv_only/1
    move y1, x0
    move [flush, info], x1
    call_ext 2, erlang:demonitor/2
    move x0, y2
    bif0 erlang:self/0, x0
    send x0, done
    call 0, recv/0
    move x0, y3
    move sigs, x0
    move recv, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y0
    move x0, x1
    move process, x0
    call_ext 2, erlang:monitor/2
    move x0, y1
    move [info], x1
    call_ext 2, erlang:demonitor/2
    move x0, y4
    move y1, x0
    move [info], x1
    call_ext 2, erlang:demonitor/2
    send y0, go
    put_tuple x0, [y2, y3, y4, x0]
    deallocate 5
    return

% names_test() -> P = spawn(sigs, echo, []), register(svc, P), W = whereis(svc) =:= P,
%     monitor(process, svc), svc ! {self(), hi}, Hi = recv(), exit(P, kill), Down = recv(),
%     {W, Hi, Down, whereis(svc), registered()}.
function names_test/0
    allocate 5
    move sigs, x0
    move echo, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y0
    move x0, x1
    move svc, x0
    call_ext 2, erlang:register/2
    move svc, x0
    call_ext 1, erlang:whereis/1
    bif2 none, erlang:'=:='/2, x0, y0, y1
    move process, x0
    move svc, x1
    call_ext 2, erlang:monitor/2
    bif0 erlang:self/0, x0
    put_tuple x0, [x0, hi]
    send svc, x0
    call 0, recv/0
    move x0, y2
    move y0, x0
    move kill, x1
    call_ext 2, erlang:exit/2
    call 0, recv/0
    move x0, y3
    move svc, x0
    call_ext 1, erlang:whereis/1
    move x0, y4
    call_ext 0, erlang:registered/0
    put_tuple x0, [y1, y2, y3, y4, x0]
    deallocate 5
    return

% reg_twice() -> register(a, self()), register(b, self()).
function reg_twice/0
    allocate 0
    bif0 erlang:self/0, x1
    move a, x0
    call_ext 2, erlang:register/2
    bif0 erlang:self/0, x1
    move b, x0
    deallocate 0
    call_ext_only 2, erlang:register/2

% reg_taken() -> register(a, self()), register(a, spawn(sigs, recv, [])).
function reg_taken/0
    allocate 0
    bif0 erlang:self/0, x1
    move a, x0
    call_ext 2, erlang:register/2
    move sigs, x0
    move recv, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, x1
    move a, x0
    deallocate 0
    call_ext_only 2, erlang:register/2

% reg_undefined() -> register(undefined, self()).
function reg_undefined/0
    bif0 erlang:self/0, x1
    move undefined, x0
    call_ext_only 2, erlang:register/2

% reg_dead() -> register(x, dead()).
function reg_dead/0
    allocate 0
    call 0, dead/0
    move x0, x1
    move x, x0
    deallocate 0
    call_ext_only 2, erlang:register/2

% unreg_none() -> unregister(nosuch).
function unreg_none/0
    move nosuch, x0
    call_ext_only 1, erlang:unregister/1

% unlink_test() -> P = spawn_link(sigs, recv_exit, []), unlink(P), monitor(process, P),
%     P ! boom, recv().
function unlink_test/0
    allocate 1
    move sigs, x0
    move recv_exit, x1
    move [], x2
    call_ext 3, erlang:spawn_link/3
    move x0, y0
    call_ext 1, erlang:unlink/1
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    send y0, boom
    deallocate 1
    call_only 0, recv/0

% trap_test(R) -> process_flag(trap_exit, true), spawn_link(sigs, exiter, [R]), recv().
function trap_test/1
    allocate 1
    move x0, y0
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
    put_list y0, [], x2
    move sigs, x0
    move exiter, x1
    call_ext 3, erlang:spawn_link/3
    deallocate 1
    call_only 0, recv/0

% flipper(Top, K, Final) -> {peer, O} = recv(), K times: link(O), unlink(O); then link(O) when
%     Final is link; O ! done, recv_only(done), Top ! process_info(self(), links), recv_only(stop).
function flipper/3
    allocate 4
    move x0, y0
    move x1, y1
    move x2, y2
    call 0, recv/0
    is_tagged_tuple @bad, x0, 2, peer
    get_tuple_element x0, 1, x1
    move x1, y3
@loop:
    is_lt @final, 0, y1
    bif2 none, erlang:'-'/2, y1, 1, y1
    move y3, x0
    call_ext 1, erlang:link/1
    move y3, x0
    call_ext 1, erlang:unlink/1
    jump @loop
@final:
    is_eq_exact @report, y2, link
    move y3, x0
    call_ext 1, erlang:link/1
@report:
    send y3, done
    move done, x0
    call 1, recv_only/1
    bif0 erlang:self/0, x0
    move links, x1
    call_ext 2, erlang:process_info/2
    send y0, x0
    move stop, x0
    call 1, recv_only/1
@bad:
    deallocate 4
    return

% flip_test(K, Final) -> A = spawn(sigs, flipper, [self(), K, Final]), B = (the same),
%     A ! {peer, B}, B ! {peer, A}, R1 = recv(), R2 = recv(), A ! stop, B ! stop, {R1, R2}.
function flip_test/2
    allocate 4
    bif0 erlang:self/0, x2
    put_list x1, [], x1
    put_list x0, x1, x1
    put_list x2, x1, x2
    move x2, y0
    move sigs, x0
    move flipper, x1
    call_ext 3, erlang:spawn/3
    move x0, y1
    move sigs, x0
    move flipper, x1
    move y0, x2
    call_ext 3, erlang:spawn/3
    move x0, y2
    put_tuple x0, [peer, y2]
    send y1, x0
    put_tuple x0, [peer, y1]
    send y2, x0
    call 0, recv/0
    move x0, y3
    call 0, recv/0
    send y1, stop
    send y2, stop
    put_tuple x0, [y3, x0]
    deallocate 4
    return

% kill_link() -> {P, _} = spawn_monitor(fun: spawn_link(sigs, exiter, [kill]), recv()), recv():
%     written as spawn_monitor(sigs, chain_kill...) — a process linked to one that calls exit(kill).
function kill_link/0
    allocate 0
    move sigs, x0
    move link_exiter, x1
    move [], x2
    call_ext 3, erlang:spawn_monitor/3
    deallocate 0
    call_only 0, recv/0

function link_exiter/0
    allocate 0
    move sigs, x0
    move exiter, x1
    move [kill], x2
    call_ext 3, erlang:spawn_link/3
    deallocate 0
    call_only 0, recv/0

% monitor_badarg(T) -> monitor(process, T).
function monitor_badarg/1
    move x0, x1
    move process, x0
    call_ext_only 2, erlang:monitor/2

% monitor_node() -> register(me, self()), monitor(process, {me, node()}), demonitor(...), ok:
%     a monitor of oneself by name, on this node, is accepted (erl).
function monitor_node/0
    allocate 0
    bif0 erlang:self/0, x1
    move me, x0
    call_ext 2, erlang:register/2
    move process, x0
    move {me, 'nonode@nohost'}, x1
    call_ext 2, erlang:monitor/2
    call_ext 1, erlang:demonitor/1
    deallocate 0
    return

% order_sender(T, I) -> I times: T ! {self(), I}, exit(T, I), counting I down.
function order_sender/2
    is_eq_exact @more, x1, 0
    move ok, x0
    return
@more:
    allocate 2
    move x0, y0
    move x1, y1
    bif0 erlang:self/0, x2
    put_tuple x2, [x2, x1]
    send x0, x2
    move y0, x0
    move y1, x1
    call_ext 2, erlang:exit/2
    bif2 none, erlang:'-'/2, y1, 1, x1
    move y0, x0
    deallocate 2
    call_only 2, order_sender/2

% order_test(S, K) -> process_flag(trap_exit, true), S senders of order_sender(self(), K), then
%     the 2*S*K messages received, newest first.
function order_test/2
    allocate 3
    move x0, y0
    move x1, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
    bif2 none, erlang:'*'/2, y0, y1, y2
@spawn:
    is_lt @collect, 0, y0
    bif2 none, erlang:'-'/2, y0, 1, y0
    bif0 erlang:self/0, x0
    put_list y1, [], x2
    put_list x0, x2, x2
    move sigs, x0
    move order_sender, x1
    call_ext 3, erlang:spawn/3
    jump @spawn
@collect:
    bif2 none, erlang:'*'/2, y2, 2, y0
    move [], y1
@loop:
    is_lt @done, 0, y0
    call 0, recv/0
    put_list x0, y1, y1
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @loop
@done:
    move y1, x0
    deallocate 3
    return

% holder(T, Top) -> link(T), monitor(process, T), Top ! held.
function holder/2
    allocate 2
    move x0, y0
    move x1, y1
    call_ext 1, erlang:link/1
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    send y1, held
    move ok, x0
    deallocate 2
    return

% free_test() -> T = spawn(sigs, echo, []), spawn_monitor(sigs, holder, [T, self()]), held = recv(),
%     _Down = recv(), T ! {self(), ping}, ping = recv(),
%     {process_info(T, links), process_info(T, monitored_by), is_process_alive(T)}.
function free_test/0
    allocate 2
    move sigs, x0
    move echo, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y0
    bif0 erlang:self/0, x1
    put_list x1, [], x1
    put_list x0, x1, x2
    move sigs, x0
    move holder, x1
    call_ext 3, erlang:spawn_monitor/3
    call 0, recv/0
    call 0, recv/0
    bif0 erlang:self/0, x0
    put_tuple x0, [x0, ping]
    send y0, x0
    call 0, recv/0
    move y0, x0
    move links, x1
    call_ext 2, erlang:process_info/2
    move x0, y1
    move y0, x0
    move monitored_by, x1
    call_ext 2, erlang:process_info/2
    bif1 none, erlang:is_process_alive/1, y0, x1
    put_tuple x0, [y1, x0, x1]
    deallocate 2
    return

% raiser(Class, R) -> erlang:Class(R) (error or throw).
function raiser/2
    is_eq_exact @throw, x0, error
    move x1, x0
    call_ext_only 1, erlang:error/1
@throw:
    move x1, x0
    call_ext_only 1, erlang:throw/1

% raise_test(Class, R) -> process_flag(trap_exit, true), spawn_link(sigs, raiser, [Class, R]), recv().
function raise_test/2
    allocate 2
    move x0, y0
    move x1, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
    put_list y1, [], x2
    put_list y0, x2, x2
    move sigs, x0
    move raiser, x1
    call_ext 3, erlang:spawn_link/3
    deallocate 2
    call_only 0, recv/0

% looper() -> looper(): computes forever, never receives.
function looper/0
@loop:
    jump @loop

% busy_test(R) -> {P, _} = spawn_monitor(sigs, looper, []), exit(P, R), recv().
function busy_test/1
    allocate 1
    move x0, y0
    move sigs, x0
    move looper, x1
    move [], x2
    call_ext 3, erlang:spawn_monitor/3
    is_tuple @bad, x0
    test_arity @bad, x0, 2
    get_tuple_element x0, 0, x0
    move y0, x1
    call_ext 2, erlang:exit/2
    deallocate 1
    call_only 0, recv/0
@bad:
    deallocate 1
    return

% hammer(N): N times: V = spawn(sigs, recv_exit, []), link(V), monitor(process, V),
%     spawn(sigs, watcher, [V, self()]), V ! boom; then receive 3N messages (each V's 'EXIT'
%     and 'DOWN', each watcher's done) and return N.
function hammer/1
    allocate 3
    move x0, y0
    move x0, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
@spawn:
    is_lt @collect, 0, y1
    bif2 none, erlang:'-'/2, y1, 1, y1
    move sigs, x0
    move recv_exit, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y2
    call_ext 1, erlang:link/1
    move process, x0
    move y2, x1
    call_ext 2, erlang:monitor/2
    bif0 erlang:self/0, x0
    put_list x0, [], x0
    put_list y2, x0, x2
    move sigs, x0
    move watcher, x1
    call_ext 3, erlang:spawn/3
    send y2, boom
    jump @spawn
@collect:
    bif2 none, erlang:'*'/2, y0, 3, y1
@loop:
    is_lt @done, 0, y1
    call 0, recv/0
    bif2 none, erlang:'-'/2, y1, 1, y1
    jump @loop
@done:
    move y0, x0
    deallocate 3
    return

% watcher(V, Top) -> process_flag(trap_exit, true), link(V), monitor(process, V), exit(V, kill),
%     recv(), recv(), Top ! done.
function watcher/2
    allocate 2
    move x0, y0
    move x1, y1
    move trap_exit, x0
    move true, x1
    call_ext 2, erlang:process_flag/2
    move y0, x0
    call_ext 1, erlang:link/1
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    move y0, x0
    move kill, x1
    call_ext 2, erlang:exit/2
    call 0, recv/0
    call 0, recv/0
    send y1, done
    deallocate 2
    return
`

func loadSigs(t *testing.T, v *VM) { loadSrc(t, v, "sigs.bl", sigSrc) }

var (
	aEXIT = value.Atom("EXIT")
	aDOWN = value.Atom("DOWN")
)

// isMsg checks that r is a tuple of len(want) elements equal to want, where a nil element
// matches anything (a pid or a reference).
func isMsg(t *testing.T, r value.Term, want ...value.Term) {
	t.Helper()
	tup, ok := r.(value.Tuple)
	require.True(t, ok, "not a tuple: %s", value.Print(r))
	require.Len(t, tup, len(want), value.Print(r))
	for i, w := range want {
		if w != nil {
			assert.True(t, value.Equal(w, tup[i]), "element %d of %s", i, value.Print(r))
		}
	}
}

func TestLinkChainCrash(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		for _, n := range []int{0, 1, 10} {
			r, err := v.Apply("sigs", "chain_test", value.Int(n), value.Atom("boom"))
			require.NoError(t, err)
			isMsg(t, r, aEXIT, nil, value.Atom("boom")) // erl
		}
		// A reason with a heap term survives the heaps it crosses.
		reason := value.Tuple{value.Atom("shutdown"), value.List{value.Int(1), value.Binary("x")}}
		r, err := v.Apply("sigs", "chain_test", value.Int(5), reason)
		require.NoError(t, err)
		isMsg(t, r, aEXIT, nil, reason)
	})
}

func TestLinkNormalExit(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "pair_test", value.Atom("normal"))
		require.NoError(t, err)
		assert.Equal(t, value.Atom("ping"), r) // the linked process lives on (erl)
		// A crash kills it: the monitor sees boom, or noproc when it is already gone.
		r, err = v.Apply("sigs", "pair_test", value.Atom("boom"))
		require.NoError(t, err)
		isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, nil)
		assert.Contains(t, []value.Term{value.Atom("boom"), value.Atom("noproc")}, r.(value.Tuple)[4])
	})
}

func TestTrapExit(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		for _, reason := range []string{"normal", "boom", "kill"} {
			r, err := v.Apply("sigs", "trap_test", value.Atom(reason))
			require.NoError(t, err)
			// exit(kill) by the process itself reaches links as kill, trappable (erl).
			isMsg(t, r, aEXIT, nil, value.Atom(reason))
		}
	})
}

func TestExitSignal(t *testing.T) {
	down := func(r string) []value.Term {
		return []value.Term{aDOWN, nil, value.Atom("process"), nil, value.Atom(r)}
	}
	cases := []struct {
		trap   bool
		reason string
		want   []value.Term
	}{ // erl
		{false, "normal", []value.Term{value.Atom("fwd"), value.Atom("probe")}},
		{false, "foo", down("foo")},
		{false, "kill", down("killed")},
		{true, "kill", down("killed")},
		{true, "foo", nil},
		{true, "normal", nil},
	}
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		for _, c := range cases {
			r, err := v.Apply("sigs", "exit2_test", value.Bool(c.trap), value.Atom(c.reason))
			require.NoError(t, err)
			if c.want == nil { // trapped: {fwd, {'EXIT', Sender, Reason}}
				tup, ok := r.(value.Tuple)
				require.True(t, ok && len(tup) == 2, value.Print(r))
				isMsg(t, tup[1], aEXIT, nil, value.Atom(c.reason))
				continue
			}
			isMsg(t, r, c.want...)
		}
	})
}

func TestExitSelf(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		for _, c := range []struct {
			trap        bool
			reason, why string // why: the DOWN reason, or "" when the process lives
		}{ // erl
			{false, "normal", "normal"},
			{false, "foo", "foo"},
			{true, "kill", "killed"},
			{true, "normal", ""},
			{true, "foo", ""},
		} {
			r, err := v.Apply("sigs", "self_exit_test", value.Bool(c.trap), value.Atom(c.reason))
			require.NoError(t, err)
			if c.why != "" {
				isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, value.Atom(c.why))
				continue
			}
			isMsg(t, r, value.Atom("alive"), nil)
			isMsg(t, r.(value.Tuple)[1], aEXIT, nil, value.Atom(c.reason))
		}
	})
}

func TestNoproc(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "link_dead", value.True)
		require.NoError(t, err)
		isMsg(t, r, aEXIT, nil, value.Atom("noproc")) // erl
		_, err = v.Apply("sigs", "link_dead", value.False)
		var ee *ExitError
		require.ErrorAs(t, err, &ee) // erl: link/1 raises error noproc
		assert.Equal(t, value.Atom("error"), ee.Class)
		assert.Equal(t, value.Atom("noproc"), ee.Reason)
		r, err = v.Apply("sigs", "monitor_dead")
		require.NoError(t, err)
		isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, value.Atom("noproc"))
		r, err = v.Apply("sigs", "monitor_name")
		require.NoError(t, err)
		isMsg(t, r, aDOWN, nil, value.Atom("process"),
			value.Tuple{value.Atom("nosuch"), value.Atom("nonode@nohost")}, value.Atom("noproc"))
	})
}

func TestDemonitor(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "demon_test")
		require.NoError(t, err)
		// erl: flush+info on a delivered DOWN is false and removes it; info on a live
		// monitor is true, then false.
		assert.Equal(t, value.Tuple{value.False, value.Atom("done"), value.True, value.False}, r)
	})
}

func TestUnlink(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "unlink_test")
		require.NoError(t, err)
		isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, value.Atom("boom"))
	})
}

func TestRegister(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "names_test")
		require.NoError(t, err)
		tup := r.(value.Tuple)
		require.Len(t, tup, 5)
		assert.Equal(t, value.True, tup[0])
		assert.Equal(t, value.Atom("hi"), tup[1])
		isMsg(t, tup[2], aDOWN, nil, value.Atom("process"),
			value.Tuple{value.Atom("svc"), value.Atom("nonode@nohost")}, value.Atom("killed")) // erl
		assert.Equal(t, value.Atom("undefined"), tup[3]) // the name left with the process
		assert.Equal(t, value.List(nil), tup[4])
		for _, f := range []string{"reg_twice", "reg_taken", "reg_undefined", "reg_dead", "unreg_none"} {
			_, err := v.Apply("sigs", f)
			var ee *ExitError
			require.ErrorAs(t, err, &ee, f) // erl: badarg
			assert.Equal(t, value.Atom("badarg"), ee.Reason, f)
		}
	})
}

// TestHammerSignals runs tops on every scheduler at once, each linking and monitoring
// processes that a watcher links, monitors and kills while they crash: every EXIT, DOWN and
// done message arrives, and afterwards no process is left.
func TestHammerSignals(t *testing.T) {
	tops, n := 8, 200
	if testing.Short() {
		tops, n = 4, 50
	}
	for name, o := range configs() {
		t.Run(name, func(t *testing.T) {
			v := newVM(t, o)
			loadSigs(t, v)
			var wg sync.WaitGroup
			start := make(chan struct{})
			errs := make(chan error, tops)
			for range tops {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					r, err := v.Apply("sigs", "hammer", value.Int(n))
					if err == nil && !value.Equal(r, value.Int(n)) {
						err = assert.AnError
					}
					errs <- err
				}()
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}
			// A process is removed from the table just after its last signal went out.
			require.Eventually(t, func() bool { return v.procs.count.Load() == 0 },
				10*time.Second, time.Millisecond)
			v.namesMu.RLock()
			assert.Empty(t, v.names)
			v.namesMu.RUnlock()
		})
	}
}

func TestKillThroughLink(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "kill_link")
		require.NoError(t, err)
		// erl: exit(kill) by a process is an ordinary reason to its links: they die of kill.
		isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, value.Atom("kill"))
	})
}

func TestMonitorArgs(t *testing.T) {
	v := newVM(t, Options{})
	loadSigs(t, v)
	r, err := v.Apply("sigs", "monitor_node")
	require.NoError(t, err)
	assert.Equal(t, value.True, r)
	for _, bad := range []value.Term{value.Int(3), value.Tuple{value.Atom("me"), value.Atom("other@host")}} {
		_, err := v.Apply("sigs", "monitor_badarg", bad)
		var ee *ExitError
		require.ErrorAs(t, err, &ee) // erl
		assert.Equal(t, value.Atom("badarg"), ee.Reason)
	}
}

// TestHammerLinkUnlink has pairs of processes link and unlink each other K times at once:
// whatever crosses in flight, both sides end agreeing (linked when each ended with link/1,
// unlinked otherwise) — the unlink protocol.
func TestHammerLinkUnlink(t *testing.T) {
	pairs, k := 8, 300
	if testing.Short() {
		pairs, k = 4, 50
	}
	for name, o := range configs() {
		t.Run(name, func(t *testing.T) {
			v := newVM(t, o)
			loadSigs(t, v)
			var wg sync.WaitGroup
			start := make(chan struct{})
			results := make(chan value.Term, 2*pairs)
			for i := range 2 * pairs {
				final := value.Atom("link")
				if i%2 == 1 {
					final = value.Atom("none")
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					r, err := v.Apply("sigs", "flip_test", value.Int(k), final)
					if err != nil {
						r = value.Atom(err.Error())
					}
					results <- value.Tuple{final, r}
				}()
			}
			close(start)
			wg.Wait()
			close(results)
			for r := range results {
				final, got := r.(value.Tuple)[0], r.(value.Tuple)[1]
				want := 0
				if final == value.Atom("link") {
					want = 1
				}
				tup, ok := got.(value.Tuple)
				require.True(t, ok, value.Print(got))
				for _, info := range tup {
					isMsg(t, info, value.Atom("links"), nil)
					assert.Len(t, info.(value.Tuple)[1], want, value.Print(got))
				}
			}
			require.Eventually(t, func() bool { return v.procs.count.Load() == 0 },
				10*time.Second, time.Millisecond)
		})
	}
}

// TestHammerSignalOrder has senders interleave messages and exit signals to one trapping
// receiver that is receiving all the while: from each sender, messages and 'EXIT' messages
// arrive in the order they were sent.
func TestHammerSignalOrder(t *testing.T) {
	senders, k := 8, 200
	if testing.Short() {
		senders, k = 4, 50
	}
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "order_test", value.Int(senders), value.Int(k))
		require.NoError(t, err)
		got := r.(value.List)
		require.Len(t, got, 2*senders*k)
		seqs := map[string][]string{}
		for i := len(got) - 1; i >= 0; i-- {
			m := got[i].(value.Tuple)
			if len(m) == 2 {
				key := value.Print(m[0])
				seqs[key] = append(seqs[key], "m"+value.Print(m[1]))
			} else {
				key := value.Print(m[1])
				seqs[key] = append(seqs[key], "e"+value.Print(m[2]))
			}
		}
		require.Len(t, seqs, senders)
		var want []string
		for i := k; i > 0; i-- {
			want = append(want, "m"+value.Print(value.Int(i)), "e"+value.Print(value.Int(i)))
		}
		for _, s := range seqs {
			require.Equal(t, want, s)
		}
	})
}

func TestExitFreesLinksAndMonitors(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		r, err := v.Apply("sigs", "free_test")
		require.NoError(t, err)
		// The holder exited normally: its partner lives on and holds nothing of it.
		assert.Equal(t, value.Tuple{
			value.Tuple{value.Atom("links"), value.List(nil)},
			value.Tuple{value.Atom("monitored_by"), value.List(nil)},
			value.True,
		}, r)
	})
}

func TestCrashReason(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		// erl: an error reaches links as {Reason, Stack}, a throw as {{nocatch, V}, Stack}.
		for _, c := range []struct {
			class string
			want  value.Term
		}{
			{"error", value.Atom("boom")},
			{"throw", value.Tuple{value.Atom("nocatch"), value.Atom("boom")}},
		} {
			r, err := v.Apply("sigs", "raise_test", value.Atom(c.class), value.Atom("boom"))
			require.NoError(t, err)
			isMsg(t, r, aEXIT, nil, nil)
			reason := r.(value.Tuple)[2]
			isMsg(t, reason, c.want, nil)
			stack, ok := reason.(value.Tuple)[1].(value.List)
			require.True(t, ok && len(stack) > 0, value.Print(reason))
			// erl's trace starts at sigs:raiser/2; beamlite's raiseBif (exception.go) puts
			// {erlang, error, [boom], []} before it, so look at the first two entries.
			found := false
			for _, e := range stack[:min(2, len(stack))] {
				if tup, ok := e.(value.Tuple); ok && len(tup) == 4 && tup[1] == value.Atom("raiser") {
					found = true
				}
			}
			assert.True(t, found, value.Print(reason))
		}
	})
}

// TestSignalBusyProcess: a process that computes and never receives acts on its signals at
// its next time slice.
func TestSignalBusyProcess(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSigs(t, v)
		for reason, why := range map[string]string{"kill": "killed", "foo": "foo"} {
			r, err := v.Apply("sigs", "busy_test", value.Atom(reason))
			require.NoError(t, err)
			isMsg(t, r, aDOWN, nil, value.Atom("process"), nil, value.Atom(why))
		}
	})
}
