-module(sup_one_for_one).
-export([main/0, init/1, start/0, loop/0]).
% one_for_one: only the child that died is restarted
main() ->
    {ok, Sup} = supervisor:start_link(sup_one_for_one, []),
    A = pid(Sup, a), B = pid(Sup, b), C = pid(Sup, c),
    kill(B),
    B2 = pid(Sup, b),
    io:format("b restarted: ~p~n", [B2 =/= B]),
    io:format("a and c kept: ~p~n", [{pid(Sup, a) =:= A, pid(Sup, c) =:= C}]),
    is_process_alive(B2).
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{strategy => one_for_one},
          [#{id => I, start => {sup_one_for_one, start, []}} || I <- [a, b, c]]}}.
start() -> {ok, spawn_link(sup_one_for_one, loop, [])}.
loop() -> receive after infinity -> ok end.
