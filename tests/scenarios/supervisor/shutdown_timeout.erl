-module(shutdown_timeout).
-export([main/0, init/1, start/0, loop/0]).
% shutdown Time: exit(Child, shutdown), then exit(Child, kill) when Time passes; a child that
% ignores the shutdown is killed
main() ->
    {ok, Sup} = supervisor:start_link(shutdown_timeout, []),
    [{s, S, _, _}] = supervisor:which_children(Sup),
    Ref = monitor(process, S),
    ok = supervisor:terminate_child(Sup, s),
    receive {'DOWN', Ref, process, S, R} -> R end.
init([]) ->
    {ok, {#{}, [#{id => s, start => {shutdown_timeout, start, []}, shutdown => 50}]}}.
start() -> {ok, spawn_link(shutdown_timeout, loop, [])}.
loop() ->
    process_flag(trap_exit, true),
    receive after infinity -> ok end.
