-module(sup_one_for_all).
-export([main/0, init/1, start/0, loop/0]).
% one_for_all: when one child dies, the others are stopped and all are started again
main() ->
    {ok, Sup} = supervisor:start_link(sup_one_for_all, []),
    A = pid(Sup, a), B = pid(Sup, b), C = pid(Sup, c),
    kill(B),
    A2 = pid(Sup, a), B2 = pid(Sup, b), C2 = pid(Sup, c),
    io:format("restarted: ~p~n", [{A2 =/= A, B2 =/= B, C2 =/= C}]),
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
    {ok, {#{strategy => one_for_all},
          [#{id => I, start => {sup_one_for_all, start, []}} || I <- [a, b, c]]}}.
start() -> {ok, spawn_link(sup_one_for_all, loop, [])}.
loop() -> receive after infinity -> ok end.
