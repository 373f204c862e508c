%% Twin of bench/bench_gc_load.bl: W workers build and drop lists of Size integers, over and
%% over, while this process pings a ponger once a millisecond for Ms milliseconds; every
%% round trip is timed. Then the workers stop and report how many lists they built.
-module(bench_gc_load).
-export([main/1, worker/3, pong/0]).

main([W, Size, Ms]) ->
    run(list_to_integer(W), list_to_integer(Size), list_to_integer(Ms)).

run(W, Size, Ms) ->
    Pong = spawn(bench_gc_load, pong, []),
    {G0, _, _} = erlang:statistics(garbage_collection),
    T0 = erlang:monotonic_time(nanosecond),
    Workers = spawn_n(W, Size, self(), []),
    timer:sleep(100),                            % the load settles
    Times = probe(Pong, erlang:monotonic_time(nanosecond) + Ms * 1000000, []),
    [P ! stop || P <- Workers],
    Ns = erlang:monotonic_time(nanosecond) - T0,
    {Reports, Lists} = collect(W, 0, 0),
    {G1, _, _} = erlang:statistics(garbage_collection),
    Pong ! stop,
    Sorted = lists:sort(Times),
    N = length(Sorted),
    io:format("check ~w~n", [Reports]),
    percentile(N * 50, "result p50 ~w us~n", Sorted),
    percentile(N * 99, "result p99 ~w us~n", Sorted),
    percentile(N * 100, "result max ~w us~n", Sorted),
    io:format("result build ~w elem/s~n", [Lists * Size * 1000000000 / Ns]),
    io:format("result gcs ~w gc/list~n", [(G1 - G0) / max(Lists, 1)]).

percentile(NTimesP, Format, Sorted) ->
    io:format(Format, [lists:nth(max(1, NTimesP div 100), Sorted) / 1000]).

spawn_n(0, _, _, Pids) -> Pids;
spawn_n(W, Size, Parent, Pids) ->
    spawn_n(W - 1, Size, Parent, [spawn(bench_gc_load, worker, [Size, Parent, 0]) | Pids]).

%% probe(Pong, Until, Times): a timed round trip, a millisecond's pause, until Until.
probe(Pong, Until, Times) ->
    T0 = erlang:monotonic_time(nanosecond),
    Pong ! {self(), ping},
    receive pong -> ok end,
    T1 = erlang:monotonic_time(nanosecond),
    case T1 < Until of
        true -> timer:sleep(1), probe(Pong, Until, [T1 - T0 | Times]);
        false -> [T1 - T0 | Times]
    end.

%% collect(Left, Reports, Lists): the workers' {done, Lists} reports.
collect(0, Reports, Lists) -> {Reports, Lists};
collect(Left, Reports, Lists) ->
    receive {done, L} -> collect(Left - 1, Reports + 1, Lists + L) end.

pong() ->
    receive
        {From, ping} -> From ! pong, pong();
        stop -> ok
    end.

%% worker(Size, Parent, Lists): build a list of Size integers and drop it, until told to stop.
worker(Size, Parent, Lists) ->
    L = build(Size, []),
    Size = length(L),
    receive
        stop -> Parent ! {done, Lists + 1}
    after 0 -> worker(Size, Parent, Lists + 1)
    end.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).
