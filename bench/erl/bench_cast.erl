%% Twin of bench/bench_cast.bl: one client sends N gen_server:cast messages, then a call
%% that returns once the server has handled them all.
-module(bench_cast).
-export([main/1, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main([N]) ->
    run(list_to_integer(N)).

run(N) ->
    {ok, S} = gen_server:start_link(bench_cast, 0, []),
    T0 = erlang:monotonic_time(nanosecond),
    cast_loop(S, N),
    Count = gen_server:call(S, count, infinity),
    Ns = erlang:monotonic_time(nanosecond) - T0,
    ok = gen_server:stop(S),
    io:format("check ~w~n", [Count]),
    io:format("result rate ~w cast/s~n", [N * 1000000000 / Ns]).

cast_loop(_, 0) -> ok;
cast_loop(S, K) ->
    ok = gen_server:cast(S, inc),
    cast_loop(S, K - 1).

init(N) -> {ok, N}.

handle_call(count, _From, N) -> {reply, N, N}.

handle_cast(inc, N) -> {noreply, N + 1}.

handle_info(_, N) -> {noreply, N}.
