-module(pair_order).
-export([main/0, sender/2]).
% messages from one process to another arrive in the order they were sent
main() ->
    spawn(pair_order, sender, [self(), 1000]),
    collect([]).
sender(To, 0) -> To ! done;
sender(To, N) -> To ! {n, N}, sender(To, N - 1).
collect(Acc) ->
    receive
        {n, N} -> collect([N | Acc]);
        done -> Acc =:= lists:seq(1, 1000)
    end.
