%% Twin of bench/bench_maps.bl: N maps:put/3, then N maps:get/2.
-module(bench_maps).
-export([main/1]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    T0 = erlang:monotonic_time(nanosecond),
    M = put_loop(N, #{}),
    T1 = erlang:monotonic_time(nanosecond),
    S = get_loop(N, M, 0),
    T2 = erlang:monotonic_time(nanosecond),
    io:format("check ~w~n", [S]),
    io:format("result put ~w ns/op~n", [(T1 - T0) / N]),
    io:format("result get ~w ns/op~n", [(T2 - T1) / N]).

put_loop(0, M) -> M;
put_loop(K, M) -> put_loop(K - 1, maps:put(K, K * 2, M)).

get_loop(0, _, S) -> S;
get_loop(K, M, S) -> get_loop(K - 1, M, S + maps:get(K, M)).
