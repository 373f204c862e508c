-module(sup_intensity_period).
-export([main/0, init/1, start/0, loop/0]).
% restarts older than period seconds no longer count: with intensity 1 and period 1, two deaths
% two seconds apart are two restarts, not one too many (the wait lets time pass; it does not
% synchronise anything)
main() ->
    {ok, Sup} = supervisor:start_link(sup_intensity_period, []),
    kill(pid(Sup, a)),
    timer:sleep(2100),
    kill(pid(Sup, a)),
    {is_process_alive(Sup), is_pid(pid(Sup, a))}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{intensity => 1, period => 1}, [#{id => a, start => {sup_intensity_period, start, []}}]}}.
start() -> {ok, spawn_link(sup_intensity_period, loop, [])}.
loop() -> receive after infinity -> ok end.
