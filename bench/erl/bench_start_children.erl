%% Twin of bench/bench_start_children.bl: start N gen_server children, one start_child each,
%% under one one_for_one supervisor.
-module(bench_start_children).
-export([main/1, start_worker/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    {ok, Sup} = supervisor:start_link(bench_start_children, sup),
    T0 = erlang:monotonic_time(nanosecond),
    start_n(Sup, N),
    Ns = erlang:monotonic_time(nanosecond) - T0,
    {active, Active} = lists:keyfind(active, 1, supervisor:count_children(Sup)),
    ok = gen_server:stop(Sup),
    io:format("check ~w~n", [Active]),
    io:format("result child ~w us~n", [Ns / N / 1000]),
    io:format("result time ~w ms~n", [Ns / 1000000]).

start_n(_, 0) -> ok;
start_n(Sup, K) ->
    {ok, _} = supervisor:start_child(Sup, {K, {bench_start_children, start_worker, []},
                                           permanent, brutal_kill, worker, [bench_start_children]}),
    start_n(Sup, K - 1).

start_worker() -> gen_server:start_link(bench_start_children, worker, []).

init(sup) -> {ok, {{one_for_one, 10, 10}, []}};
init(worker) -> {ok, nil}.

handle_call(_, _From, S) -> {reply, ok, S}.

handle_cast(_, S) -> {noreply, S}.

handle_info(_, S) -> {noreply, S}.
