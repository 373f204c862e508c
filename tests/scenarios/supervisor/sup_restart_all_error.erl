-module(sup_restart_all_error).
-export([main/0, init/1, start/1, loop/0]).
% one_for_all: when a sibling fails to start again, the restart is tried again (and counted);
% past the intensity the supervisor gives up
main() ->
    process_flag(trap_exit, true),
    register(restart_all_error_gate, self()),
    {ok, Sup} = supervisor:start_link(sup_restart_all_error, []),
    unregister(restart_all_error_gate),
    exit(pid(Sup, a), kill),
    receive {'EXIT', Sup, Reason} -> Reason end.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) ->
    {ok, {#{strategy => one_for_all, intensity => 1},
          [#{id => a, start => {sup_restart_all_error, start, [open]}},
           #{id => g, start => {sup_restart_all_error, start, [gated]}}]}}.
% a gated child starts only while restart_all_error_gate is registered
start(open) -> {ok, spawn_link(sup_restart_all_error, loop, [])};
start(gated) ->
    case whereis(restart_all_error_gate) of
        undefined -> {error, closed};
        _ -> start(open)
    end.
loop() -> receive after infinity -> ok end.
