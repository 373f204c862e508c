%% Twin of bench/bench_spawn.bl: spawn N waiting processes, measure what they hold, then stop
%% them.
-module(bench_spawn).
-export([main/1, idle/0]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    settle(),
    M0 = erlang:memory(processes),
    T0 = erlang:monotonic_time(nanosecond),
    spawn_loop(N),
    Ns = erlang:monotonic_time(nanosecond) - T0,
    settle(),
    Bytes = erlang:memory(processes) - M0,
    io:format("check ~w~n", [stop_idle(erlang:processes(), 0)]),
    io:format("result spawn ~w us~n", [Ns / N / 1000]),
    io:format("result rate ~w spawn/s~n", [N * 1000000000 / Ns]),
    io:format("result memory ~w B/proc~n", [Bytes / N]).

spawn_loop(0) -> ok;
spawn_loop(K) -> spawn(bench_spawn, idle, []), spawn_loop(K - 1).

%% settle(): wait until every process has run (the run queues are empty).
settle() ->
    case erlang:statistics(run_queue) of
        0 -> ok;
        _ -> timer:sleep(1), settle()
    end.

%% stop_idle(Pids, K): stop the processes waiting in idle/0; returns how many.
stop_idle([P | Ps], K) ->
    case erlang:process_info(P, current_function) of
        {current_function, {bench_spawn, idle, 0}} -> P ! stop, stop_idle(Ps, K + 1);
        _ -> stop_idle(Ps, K)
    end;
stop_idle([], K) -> K.

idle() -> receive _ -> ok end.
