%% Twin of bench/bench_lists.bl: seq, map, filter and sum over N integers.
-module(bench_lists).
-export([main/1]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    T0 = erlang:monotonic_time(nanosecond),
    L = lists:seq(1, N),
    M = lists:map(fun(X) -> X * 2 end, L),
    F = lists:filter(fun(X) -> X rem 3 =:= 0 end, M),
    S = lists:sum(F),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("check ~w~n", [S]),
    io:format("result time ~w ms~n", [(T1 - T0) / 1000000]).
