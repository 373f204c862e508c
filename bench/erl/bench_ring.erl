%% Twin of bench/bench_ring.bl: a token passed Laps times around a ring of N processes.
-module(bench_ring).
-export([main/1, relay/1]).

main([N, Laps]) ->
    run(list_to_integer(N), list_to_integer(Laps)).

run(N, Laps) ->
    First = make_ring(N - 1, self()),
    T0 = erlang:monotonic_time(nanosecond),
    First ! Laps,
    laps(First),
    T1 = erlang:monotonic_time(nanosecond),
    First ! stop,
    receive stop -> ok end,
    Hops = N * Laps,
    io:format("check ~w~n", [Hops]),
    io:format("result hop ~w ns~n", [(T1 - T0) / Hops]).

laps(First) ->
    receive
        1 -> ok;
        T -> First ! T - 1, laps(First)
    end.

make_ring(0, Next) -> Next;
make_ring(K, Next) -> make_ring(K - 1, spawn(bench_ring, relay, [Next])).

relay(Next) ->
    receive
        stop -> Next ! stop;
        T -> Next ! T, relay(Next)
    end.
