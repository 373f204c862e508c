-module(sup_shutdown_timeout).
-export([main/0, init/1, start/0, loop/1]).
% shutdown Time: exit(Child, shutdown), then exit(Child, kill) when Time passes; a child that
% traps exits and ignores the shutdown is killed
main() ->
    {ok, Sup} = supervisor:start_link(sup_shutdown_timeout, []),
    Ref = monitor(process, pid(Sup, s)),
    ok = supervisor:terminate_child(Sup, s),
    await_down(Ref).
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
await_down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> Reason end.
init([]) ->
    {ok, {#{}, [#{id => s, start => {sup_shutdown_timeout, start, []}, shutdown => 50}]}}.
start() ->
    Pid = spawn_link(sup_shutdown_timeout, loop, [self()]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent) -> ready(Parent), receive after infinity -> ok end.
