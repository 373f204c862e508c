%% Twin of bench/bench_fairness.bl: round trips timed while Busy processes spin.
-module(bench_fairness).
-export([main/1, busy/0, pong/0]).

main([Busy, Rounds]) ->
    run(list_to_integer(Busy), list_to_integer(Rounds)).

run(Busy, Rounds) ->
    Spinners = [spawn(bench_fairness, busy, []) || _ <- lists:seq(1, Busy)],
    Pong = spawn(bench_fairness, pong, []),
    Times = rounds(Rounds, Pong, []),
    Pong ! stop,
    [P ! stop || P <- Spinners],
    Sorted = lists:sort(Times),
    io:format("check ~w~n", [Rounds]),
    percentile(Rounds * 50, "result p50 ~w us~n", Sorted),
    percentile(Rounds * 99, "result p99 ~w us~n", Sorted),
    percentile(Rounds * 100, "result max ~w us~n", Sorted).

percentile(RoundsTimesP, Format, Sorted) ->
    io:format(Format, [lists:nth(max(1, RoundsTimesP div 100), Sorted) / 1000]).

rounds(0, _, Acc) -> Acc;
rounds(K, Pong, Acc) ->
    T0 = erlang:monotonic_time(nanosecond),
    Pong ! {self(), ping},
    receive pong -> ok end,
    rounds(K - 1, Pong, [erlang:monotonic_time(nanosecond) - T0 | Acc]).

pong() ->
    receive
        {From, ping} -> From ! pong, pong();
        stop -> ok
    end.

busy() ->
    receive stop -> ok after 0 -> busy() end.
