-module(sup_auto_shutdown_any).
-export([main/0, init/1, start/0, loop/0]).
% auto_shutdown any_significant: the supervisor stops when a significant child ends normally
% (a transient one that crashes is restarted as usual)
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(sup_auto_shutdown_any, []),
    P = pid(Sup, p),
    stop(pid(Sup, s), boom),
    Alive = is_process_alive(Sup),
    stop(pid(Sup, s), normal),
    Exit = receive {'EXIT', Sup, R} -> R end,
    {Alive, Exit, is_process_alive(P)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
stop(Pid, Reason) ->
    Pid ! {stop, Reason},
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{auto_shutdown => any_significant},
          [#{id => p, start => {sup_auto_shutdown_any, start, []}},
           #{id => s, start => {sup_auto_shutdown_any, start, []}, restart => transient,
             significant => true}]}}.
start() -> {ok, spawn_link(sup_auto_shutdown_any, loop, [])}.
loop() -> receive {stop, Reason} -> exit(Reason) end.
