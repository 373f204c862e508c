%% Twin of bench/bench_supervisor_restart.bl: a one_for_one supervisor with one permanent
%% gen_server worker; kill the worker, wait for its DOWN, then until which_children shows a new
%% pid, K times,
%% B cycles under each supervisor (so that the restart-intensity bookkeeping, a list of the
%% restarts of the last period, stays short; only the cycles are timed).
-module(bench_supervisor_restart).
-export([main/1, start_worker/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main([K, B]) ->
    run(list_to_integer(K), list_to_integer(B)).

run(K, B) ->
    Ns = batches(K, B, 0),
    io:format("check ~w~n", [K]),
    io:format("result cycle ~w us~n", [Ns / K / 1000]),
    io:format("result rate ~w cycle/s~n", [K * 1000000000 / Ns]).

batches(0, _, Ns) -> Ns;
batches(K, B, Ns) ->
    N = min(K, B),
    {ok, Sup} = supervisor:start_link(bench_supervisor_restart, sup),
    P0 = child(Sup),
    T0 = erlang:monotonic_time(nanosecond),
    cycle(Sup, P0, N),
    T1 = erlang:monotonic_time(nanosecond),
    ok = gen_server:stop(Sup),
    batches(K - N, B, Ns + (T1 - T0)).

%% cycle(Sup, Worker, N): kill the worker, wait for its DOWN, then poll which_children until
%% the supervisor shows its successor, N times. (Without the DOWN, the polling calls and the
%% supervisor's replies can keep a single scheduler busy while the killed worker waits for
%% its turn to exit.)
cycle(_, _, 0) -> ok;
cycle(Sup, P, N) ->
    Ref = monitor(process, P),
    exit(P, kill),
    receive {'DOWN', Ref, process, P, _} -> ok end,
    cycle(Sup, wait_new(Sup, P), N - 1).

wait_new(Sup, Old) ->
    case child(Sup) of
        P when is_pid(P), P =/= Old -> P;
        _ -> wait_new(Sup, Old)
    end.

child(Sup) ->
    [{worker, P, worker, _}] = supervisor:which_children(Sup),
    P.

start_worker() -> gen_server:start_link(bench_supervisor_restart, worker, []).

init(sup) ->
    {ok, {{one_for_one, 1000, 1},
          [{worker, {bench_supervisor_restart, start_worker, []}, permanent, brutal_kill, worker,
            [bench_supervisor_restart]}]}};
init(worker) -> {ok, nil}.

handle_call(_, _From, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.
