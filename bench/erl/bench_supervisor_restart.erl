%% Twin of bench/bench_supervisor_restart.bl: a one_for_one supervisor with one permanent
%% gen_server worker; K times, kill the worker and wait until which_children shows a new pid.
-module(bench_supervisor_restart).
-export([main/1, start_worker/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main([K]) ->
    run(list_to_integer(K)).

run(K) ->
    {ok, Sup} = supervisor:start_link(bench_supervisor_restart, sup),
    P0 = child(Sup),
    T0 = erlang:monotonic_time(nanosecond),
    cycle(Sup, P0, K, 0),
    Ns = erlang:monotonic_time(nanosecond) - T0,
    ok = gen_server:stop(Sup),
    io:format("check ~w~n", [K]),
    io:format("result cycle ~w us~n", [Ns / K / 1000]),
    io:format("result rate ~w cycle/s~n", [K * 1000000000 / Ns]).

%% cycle(Sup, Worker, K, Polls): kill the worker, wait for its successor, K times.
cycle(_, _, 0, Polls) -> Polls;
cycle(Sup, P, K, Polls) ->
    exit(P, kill),
    {P2, N} = wait_new(Sup, P, 1),
    cycle(Sup, P2, K - 1, Polls + N).

wait_new(Sup, Old, N) ->
    case child(Sup) of
        P when is_pid(P), P =/= Old -> {P, N};
        _ -> wait_new(Sup, Old, N + 1)
    end.

child(Sup) ->
    [{worker, P, worker, _}] = supervisor:which_children(Sup),
    P.

start_worker() -> gen_server:start_link(bench_supervisor_restart, worker, []).

init(sup) ->
    {ok, {{one_for_one, 1000000, 1},
          [{worker, {bench_supervisor_restart, start_worker, []}, permanent, brutal_kill, worker,
            [bench_supervisor_restart]}]}};
init(worker) -> {ok, nil}.

handle_call(_, _From, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.
