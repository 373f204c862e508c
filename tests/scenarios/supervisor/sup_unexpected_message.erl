-module(sup_unexpected_message).
-export([main/0, init/1, start/0, loop/0]).
% a message that is not a child's 'EXIT' is reported and dropped; the supervisor carries on
main() ->
    {ok, Sup} = supervisor:start_link(sup_unexpected_message, []),
    A = pid(Sup, a),
    Sup ! hello,
    Sup ! {'EXIT', spawn(erlang, is_atom, [a]), boom},
    {pid(Sup, a) =:= A, supervisor:count_children(Sup)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init([]) -> {ok, {#{}, [#{id => a, start => {sup_unexpected_message, start, []}}]}}.
start() -> {ok, spawn_link(sup_unexpected_message, loop, [])}.
loop() -> receive after infinity -> ok end.
