-module(fan_in).
-export([main/0, worker/2]).
% 500 workers each send back the square of their number; the parent sums the replies
main() ->
    [spawn(fan_in, worker, [self(), N]) || N <- lists:seq(1, 500)],
    sum(500, 0).
worker(Parent, N) -> Parent ! {sq, N * N}.
sum(0, Acc) -> Acc;
sum(K, Acc) -> receive {sq, S} -> sum(K - 1, Acc + S) end.
