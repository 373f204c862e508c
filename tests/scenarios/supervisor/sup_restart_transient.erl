-module(sup_restart_transient).
-export([main/0, init/1, start/0, loop/0]).
% a transient child is restarted only after an abnormal exit: not normal, shutdown or
% {shutdown, _}; the others keep their spec, with pid undefined
main() ->
    {ok, Sup} = supervisor:start_link(sup_restart_transient, []),
    stop(pid(Sup, t1), normal),
    stop(pid(Sup, t2), shutdown),
    stop(pid(Sup, t3), {shutdown, bye}),
    stop(pid(Sup, t4), boom),
    [{Id, is_pid(P)} || {Id, P, _, _} <- supervisor:which_children(Sup)].
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
stop(Pid, Reason) ->
    Pid ! {stop, Reason},
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{}, [#{id => I, start => {sup_restart_transient, start, []}, restart => transient}
                || I <- [t1, t2, t3, t4]]}}.
start() -> {ok, spawn_link(sup_restart_transient, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
