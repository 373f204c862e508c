-module(sup_delete_child).
-export([main/0, init/1, start/0, loop/0]).
% delete_child/2 removes the spec of a stopped child
main() ->
    {ok, Sup} = supervisor:start_link(sup_delete_child, []),
    R1 = supervisor:delete_child(Sup, a),
    ok = supervisor:terminate_child(Sup, a),
    R2 = supervisor:delete_child(Sup, a),
    R3 = supervisor:delete_child(Sup, a),
    R4 = supervisor:restart_child(Sup, a),
    {R1, R2, R3, R4, supervisor:which_children(Sup)}.
init([]) ->
    {ok, {#{}, [#{id => a, start => {sup_delete_child, start, []}},
                #{id => b, start => {sup_delete_child, start, []}}]}}.
start() -> {ok, spawn_link(sup_delete_child, loop, [])}.
loop() -> receive after infinity -> ok end.
