-module(sup_intensity_overflow).
-export([main/0, init/1, start/0, loop/0]).
% more than intensity restarts within period seconds: the supervisor stops its other children
% and exits with shutdown
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(sup_intensity_overflow, []),
    B = pid(Sup, b),
    kill(pid(Sup, a)),
    io:format("restart 1: ~p~n", [is_process_alive(Sup)]),
    kill(pid(Sup, a)),
    io:format("restart 2: ~p~n", [is_process_alive(Sup)]),
    kill(pid(Sup, a)),
    receive {'EXIT', Sup, Reason} -> io:format("supervisor exit: ~p~n", [Reason]) end,
    is_process_alive(B).
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{intensity => 2, period => 5},
          [#{id => a, start => {sup_intensity_overflow, start, []}},
           #{id => b, start => {sup_intensity_overflow, start, []}}]}}.
start() -> {ok, spawn_link(sup_intensity_overflow, loop, [])}.
loop() -> receive after infinity -> ok end.
