-module(sup_restart_start_error).
-export([main/0, init/1, start/0, loop/0]).
% a restart that fails to start the child is tried again, and each try counts against the
% intensity: here the second try is one too many and the supervisor gives up
main() ->
    process_flag(trap_exit, true),
    register(restart_start_error_gate, self()),
    {ok, Sup} = supervisor:start_link(sup_restart_start_error, []),
    unregister(restart_start_error_gate),
    exit(pid(Sup, g), kill),
    receive {'EXIT', Sup, Reason} -> Reason end.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) ->
    {ok, {#{intensity => 1}, [#{id => g, start => {sup_restart_start_error, start, []}}]}}.
% the child starts only while restart_start_error_gate is registered
start() ->
    case whereis(restart_start_error_gate) of
        undefined -> {error, closed};
        _ -> {ok, spawn_link(sup_restart_start_error, loop, [])}
    end.
loop() -> receive after infinity -> ok end.
