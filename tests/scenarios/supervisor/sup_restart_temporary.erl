-module(sup_restart_temporary).
-export([main/0, init/1, start/0, loop/0]).
% a temporary child is never restarted, and its spec is removed when it ends, whatever the
% reason
main() ->
    {ok, Sup} = supervisor:start_link(sup_restart_temporary, []),
    stop(pid(Sup, t1), boom),
    stop(pid(Sup, t2), normal),
    {supervisor:which_children(Sup), supervisor:count_children(Sup),
     supervisor:restart_child(Sup, t1)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
stop(Pid, Reason) ->
    Pid ! {stop, Reason},
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{}, [#{id => p, start => {sup_restart_temporary, start, []}},
                #{id => t1, start => {sup_restart_temporary, start, []}, restart => temporary},
                #{id => t2, start => {sup_restart_temporary, start, []}, restart => temporary}]}}.
start() -> {ok, spawn_link(sup_restart_temporary, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
