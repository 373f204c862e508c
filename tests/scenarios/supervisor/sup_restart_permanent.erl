-module(sup_restart_permanent).
-export([main/0, init/1, start/0, loop/0]).
% a permanent child is restarted whatever its exit reason, normal included
main() ->
    {ok, Sup} = supervisor:start_link(sup_restart_permanent, []),
    P1 = pid(Sup, p), stop(P1, normal),
    P2 = pid(Sup, p), stop(P2, shutdown),
    P3 = pid(Sup, p), stop(P3, boom),
    P4 = pid(Sup, p),
    length(lists:usort([P1, P2, P3, P4])).
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
stop(Pid, Reason) ->
    Pid ! {stop, Reason},
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{intensity => 10}, [#{id => p, start => {sup_restart_permanent, start, []}}]}}.
start() -> {ok, spawn_link(sup_restart_permanent, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
