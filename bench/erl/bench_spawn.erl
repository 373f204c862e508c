%% Twin of bench/bench_spawn.bl: spawn N waiting processes, then stop them.
-module(bench_spawn).
-export([main/1, idle/0]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    T0 = erlang:monotonic_time(nanosecond),
    Pids = spawn_loop(N, []),
    T1 = erlang:monotonic_time(nanosecond),
    Ns = T1 - T0,
    io:format("check ~w~n", [stop_loop(Pids, 0)]),
    io:format("result spawn ~w us~n", [Ns / N / 1000]),
    io:format("result rate ~w spawn/s~n", [N * 1000000000 / Ns]).

spawn_loop(0, Pids) -> Pids;
spawn_loop(K, Pids) -> spawn_loop(K - 1, [spawn(bench_spawn, idle, []) | Pids]).

stop_loop([P | Ps], K) -> P ! stop, stop_loop(Ps, K + 1);
stop_loop([], K) -> K.

idle() -> receive _ -> ok end.
