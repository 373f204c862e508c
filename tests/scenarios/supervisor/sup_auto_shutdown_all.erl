-module(sup_auto_shutdown_all).
-export([main/0, init/1, start/0, loop/0]).
% auto_shutdown all_significant: the supervisor stops when the last significant child has
% ended (a temporary one, whatever its reason)
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(sup_auto_shutdown_all, []),
    stop(pid(Sup, s1), normal),
    Ids = [Id || {Id, _, _, _} <- supervisor:which_children(Sup)],
    stop(pid(Sup, s2), boom),
    Exit = receive {'EXIT', Sup, R} -> R end,
    {Ids, Exit}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
stop(Pid, Reason) ->
    Pid ! {stop, Reason},
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{auto_shutdown => all_significant},
          [#{id => p, start => {sup_auto_shutdown_all, start, []}},
           #{id => s1, start => {sup_auto_shutdown_all, start, []}, restart => temporary,
             significant => true},
           #{id => s2, start => {sup_auto_shutdown_all, start, []}, restart => temporary,
             significant => true}]}}.
start() -> {ok, spawn_link(sup_auto_shutdown_all, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
