%% Twin of bench/bench_gen_server_call.bl: C clients each make N gen_server:call round trips
%% to one server.
-module(bench_gen_server_call).
-export([main/1, client/3, init/1, handle_call/3, handle_cast/2, handle_info/2]).

main([C, N]) ->
    run(list_to_integer(C), list_to_integer(N)).

run(C, N) ->
    {ok, S} = gen_server:start_link(bench_gen_server_call, 0, []),
    T0 = erlang:monotonic_time(nanosecond),
    spawn_clients(C, S, N, self()),
    wait(C),
    Ns = erlang:monotonic_time(nanosecond) - T0,
    Count = gen_server:call(S, count),
    ok = gen_server:stop(S),
    io:format("check ~w~n", [Count]),
    io:format("result call ~w us~n", [Ns / (C * N) / 1000]).

spawn_clients(0, _, _, _) -> ok;
spawn_clients(K, S, N, Parent) ->
    spawn(bench_gen_server_call, client, [S, N, Parent]),
    spawn_clients(K - 1, S, N, Parent).

client(_, 0, Parent) -> Parent ! done;
client(S, N, Parent) ->
    pong = gen_server:call(S, ping),
    client(S, N - 1, Parent).

wait(0) -> ok;
wait(K) -> receive done -> wait(K - 1) end.

init(N) -> {ok, N}.

handle_call(ping, _From, N) -> {reply, pong, N + 1};
handle_call(count, _From, N) -> {reply, N, N}.

handle_cast(_, N) -> {noreply, N}.

handle_info(_, N) -> {noreply, N}.
