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
    io:format("result time ~w ms~n", [(T1 - T0) / 1000000]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
