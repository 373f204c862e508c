%% Twin of bench/bench_messages.bl: one sender, one receiver, N messages of a kind.
-module(bench_messages).
-export([main/1, sender/3, receiver/2]).

main([N, Kind]) ->
    run(list_to_integer(N), payload(list_to_atom(Kind))).

run(N, Msg) ->
    T0 = erlang:monotonic_time(nanosecond),
    R = spawn(bench_messages, receiver, [N, self()]),
    spawn(bench_messages, sender, [R, N, Msg]),
    receive done -> ok end,
    T1 = erlang:monotonic_time(nanosecond),
    io:format("check ~w~n", [N]),
    io:format("result rate ~w msg/s~n", [N * 1000000000 / (T1 - T0)]).

payload(small) -> {msg, 42};
payload(tuple10) -> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
payload(bin1k) -> <<0:8192>>.

sender(_, 0, _) -> ok;
sender(To, K, Msg) -> To ! Msg, sender(To, K - 1, Msg).

receiver(0, Main) -> Main ! done;
receiver(K, Main) -> receive _ -> receiver(K - 1, Main) end.
