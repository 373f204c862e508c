-module(lists_higher_order).
-export([main/0]).
% folds, filtermap, any/all, partition, mapfoldl, takewhile/dropwhile
main() ->
    L = id([1, 2, 3, 4, 5, 6]),
    Even = fun(X) -> X rem 2 =:= 0 end,
    {lists:foldr(fun(X, Acc) -> [X * 10 | Acc] end, [], L),
     lists:filtermap(fun(X) when X > 3 -> {true, -X}; (X) -> X =:= 1 end, L),
     lists:any(Even, L), lists:all(Even, L), lists:partition(Even, L),
     lists:mapfoldl(fun(X, S) -> {X * X, S + X} end, 0, L),
     lists:takewhile(fun(X) -> X < 3 end, L), lists:dropwhile(fun(X) -> X < 3 end, L)}.
id(X) -> X.
