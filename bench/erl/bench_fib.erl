%% Twin of bench/bench_fib.bl: fib(N), naively doubly recursive.
-module(bench_fib).
-export([main/1]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    T0 = erlang:monotonic_time(nanosecond),
    R = fib(N),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("check ~w~n", [R]),
    io:format("result time ~w ms~n", [(T1 - T0) / 1000000]),
    %% fib(N) makes 2 * fib(N + 1) - 1 calls, one reduction each.
    Calls = 2 * fib_iter(N + 1, 0, 1) - 1,
    io:format("result slice ~w us~n", [(T1 - T0) * 4 / Calls]).

fib_iter(0, A, _) -> A;
fib_iter(K, A, B) -> fib_iter(K - 1, B, A + B).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
