-module(sup_shutdown_brutal_kill).
-export([main/0, init/1, start/0, loop/1]).
% shutdown brutal_kill: exit(Child, kill), even for a child that traps exits
main() ->
    {ok, Sup} = supervisor:start_link(sup_shutdown_brutal_kill, []),
    Ref = monitor(process, pid(Sup, k)),
    ok = supervisor:terminate_child(Sup, k),
    {await_down(Ref), supervisor:which_children(Sup)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
await_down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> Reason end.
init([]) ->
    {ok, {#{}, [#{id => k, start => {sup_shutdown_brutal_kill, start, []}, shutdown => brutal_kill}]}}.
% the child traps exits before it says it is ready, so that no shutdown can come first
start() ->
    Pid = spawn_link(sup_shutdown_brutal_kill, loop, [self()]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent) -> ready(Parent), receive after infinity -> ok end.
