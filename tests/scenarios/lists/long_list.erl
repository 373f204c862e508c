-module(long_list).
-export([main/0]).
% a list of 100,000 elements built, mapped, reversed and summed
main() ->
    L = lists:seq(1, 100000),
    M = lists:map(fun(X) -> X * 2 end, L),
    {length(M), lists:sum(M), hd(lists:reverse(M))}.
