-module(sup_restart_child).
-export([main/0, init/1, start/1, loop/0]).
% restart_child/2 starts a stopped child again; running and unknown children are errors, and
% so is a start that fails
main() ->
    register(restart_child_gate, self()),
    {ok, Sup} = supervisor:start_link(sup_restart_child, []),
    R1 = supervisor:restart_child(Sup, a),
    ok = supervisor:terminate_child(Sup, a),
    {ok, A2} = supervisor:restart_child(Sup, a),
    R3 = supervisor:restart_child(Sup, nope),
    ok = supervisor:terminate_child(Sup, g),
    unregister(restart_child_gate),
    R4 = supervisor:restart_child(Sup, g),
    {R1, A2 =:= pid(Sup, a), R3, R4}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) ->
    {ok, {#{}, [#{id => a, start => {sup_restart_child, start, [open]}},
                #{id => g, start => {sup_restart_child, start, [gated]}}]}}.
% a gated child starts only while restart_child_gate is registered
start(open) -> {ok, spawn_link(sup_restart_child, loop, [])};
start(gated) ->
    case whereis(restart_child_gate) of
        undefined -> {error, closed};
        _ -> start(open)
    end.
loop() -> receive after infinity -> ok end.
