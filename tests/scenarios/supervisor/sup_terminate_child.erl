-module(sup_terminate_child).
-export([main/0, init/1, start/0, loop/0]).
% terminate_child/2: the child is stopped and its spec kept (a temporary child's is removed);
% terminating a stopped child is ok, an unknown id is not_found
main() ->
    {ok, Sup} = supervisor:start_link(sup_terminate_child, []),
    A = pid(Sup, a),
    R1 = supervisor:terminate_child(Sup, a),
    R2 = supervisor:terminate_child(Sup, a),
    R3 = supervisor:terminate_child(Sup, nope),
    R4 = supervisor:terminate_child(Sup, t),
    {R1, R2, R3, R4, is_process_alive(A), supervisor:which_children(Sup)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) ->
    {ok, {#{}, [#{id => a, start => {sup_terminate_child, start, []}},
                #{id => t, start => {sup_terminate_child, start, []}, restart => temporary}]}}.
start() -> {ok, spawn_link(sup_terminate_child, loop, [])}.
loop() -> receive after infinity -> ok end.
