-module(restart_temporary).
-export([main/0, init/1, start/0, loop/0]).
% a temporary child is never restarted, and its spec is removed when it ends
main() ->
    {ok, Sup} = supervisor:start_link(restart_temporary, []),
    [{t2, T2, _, _}, {t1, T1, _, _}, {p, _, _, _}] = supervisor:which_children(Sup),
    stop(T1, boom),
    stop(T2, normal),
    {supervisor:which_children(Sup), supervisor:count_children(Sup),
     supervisor:restart_child(Sup, t1)}.
stop(Pid, Reason) ->
    Ref = monitor(process, Pid),
    Pid ! {stop, Reason},
    receive {'DOWN', Ref, process, Pid, _} -> ok end.
init([]) ->
    {ok, {#{}, [#{id => p, start => {restart_temporary, start, []}},
                #{id => t1, start => {restart_temporary, start, []}, restart => temporary},
                #{id => t2, start => {restart_temporary, start, []}, restart => temporary}]}}.
start() -> {ok, spawn_link(restart_temporary, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
