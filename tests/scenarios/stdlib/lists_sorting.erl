-module(lists_sorting).
-export([main/0]).
% sort, sort with an ordering fun, usort, a stable keysort
main() ->
    L = id([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]),
    P = id([{b, 2}, {a, 3}, {b, 1}, {a, 1}]),
    {lists:sort(L), lists:sort(fun(A, B) -> A >= B end, L), lists:usort(L),
     lists:keysort(1, P), lists:keysort(2, P), lists:sort(P)}.
id(X) -> X.
