-module(fun_fold).
-export([main/0]).
% a closure passed to lists:foldl and lists:filter, capturing a value
main() ->
    K = id(3),
    L = lists:seq(1, 10),
    {lists:foldl(fun(X, Acc) -> X * K + Acc end, 0, L),
     lists:filter(fun(X) -> X rem K =:= 0 end, L)}.
id(X) -> X.
