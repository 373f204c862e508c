%% Twin of bench/bench_sort.bl: lists:sort/1 of N pseudo-random integers.
-module(bench_sort).
-export([main/1]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    L = random_list(N, 42, []),
    T0 = erlang:monotonic_time(nanosecond),
    S = lists:sort(L),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("check ~w~n", [checksum(S, 1, 0)]),
    io:format("result time ~w ms~n", [(T1 - T0) / 1000000]).

random_list(0, _, Acc) -> Acc;
random_list(N, X, Acc) ->
    X1 = (X * 69069 + 1) rem 2147483648,
    random_list(N - 1, X1, [X1 | Acc]).

checksum([X | T], I, Acc) -> checksum(T, I + 1, (Acc + I * X) rem 1000000007);
checksum([], _, Acc) -> Acc.
