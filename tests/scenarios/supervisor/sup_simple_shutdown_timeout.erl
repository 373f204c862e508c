-module(sup_simple_shutdown_timeout).
-export([main/0, init/1, start/0, loop/1]).
% a simple_one_for_one supervisor that stops gives all its children one shutdown time, then
% kills the ones still there
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(sup_simple_shutdown_timeout, []),
    {ok, P1} = supervisor:start_child(Sup, []),
    {ok, P2} = supervisor:start_child(Sup, []),
    R1 = monitor(process, P1),
    R2 = monitor(process, P2),
    exit(Sup, shutdown),
    {await_down(R1), await_down(R2), receive {'EXIT', Sup, R} -> R end}.
await_down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> Reason end.
init([]) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => w, start => {sup_simple_shutdown_timeout, start, []}, shutdown => 50}]}}.
start() ->
    Pid = spawn_link(sup_simple_shutdown_timeout, loop, [self()]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent) -> ready(Parent), receive after infinity -> ok end.
