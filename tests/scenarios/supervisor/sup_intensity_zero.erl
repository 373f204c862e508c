-module(sup_intensity_zero).
-export([main/0, init/1, start/0, loop/0]).
% intensity 0 (old tuple flags): the first death is one restart too many
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(sup_intensity_zero, []),
    exit(pid(Sup, a), boom),
    receive {'EXIT', Sup, Reason} -> Reason end.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) -> {ok, {{one_for_one, 0, 1}, [{a, {sup_intensity_zero, start, []}, permanent, 100, worker, []}]}}.
start() -> {ok, spawn_link(sup_intensity_zero, loop, [])}.
loop() -> receive after infinity -> ok end.
