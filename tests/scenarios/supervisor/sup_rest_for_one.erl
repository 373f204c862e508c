-module(sup_rest_for_one).
-export([main/0, init/1, start/0, loop/0]).
% rest_for_one: the child that died and the ones started after it are restarted
main() ->
    {ok, Sup} = supervisor:start_link(sup_rest_for_one, []),
    A = pid(Sup, a), B = pid(Sup, b), C = pid(Sup, c),
    kill(B),
    A2 = pid(Sup, a), B2 = pid(Sup, b), C2 = pid(Sup, c),
    io:format("a kept: ~p~n", [A2 =:= A]),
    io:format("b, c restarted: ~p~n", [{B2 =/= B, C2 =/= C}]),
    {is_process_alive(A), is_process_alive(C),
     is_process_alive(A2), is_process_alive(B2), is_process_alive(C2)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{strategy => rest_for_one},
          [#{id => I, start => {sup_rest_for_one, start, []}} || I <- [a, b, c]]}}.
start() -> {ok, spawn_link(sup_rest_for_one, loop, [])}.
loop() -> receive after infinity -> ok end.
