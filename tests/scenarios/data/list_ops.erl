-module(list_ops).
-export([main/0]).
main() ->
    L = lists:seq(1, 5),
    {L, lists:sum(L), lists:map(fun(X) -> X * 2 end, L)}.
