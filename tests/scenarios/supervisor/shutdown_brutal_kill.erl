-module(shutdown_brutal_kill).
-export([main/0, init/1, start/0, loop/0]).
% shutdown brutal_kill: exit(Child, kill), even for a child that traps exits
main() ->
    {ok, Sup} = supervisor:start_link(shutdown_brutal_kill, []),
    [{k, K, _, _}] = supervisor:which_children(Sup),
    Ref = monitor(process, K),
    ok = supervisor:terminate_child(Sup, k),
    Reason = receive {'DOWN', Ref, process, K, R} -> R end,
    {Reason, supervisor:which_children(Sup)}.
init([]) ->
    {ok, {#{}, [#{id => k, start => {shutdown_brutal_kill, start, []}, shutdown => brutal_kill}]}}.
start() -> {ok, spawn_link(shutdown_brutal_kill, loop, [])}.
loop() ->
    process_flag(trap_exit, true),
    receive after infinity -> ok end.
