-module(try_in_loop).
-export([main/0]).
% 100,000 iterations that each enter a try and half of them raise: handlers never pile up
main() -> loop(100000, 0).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    V = try check(N) catch throw:odd -> 0 end,
    loop(N - 1, Acc + V).
check(N) when N rem 2 =:= 1 -> throw(odd);
check(_) -> 1.
