-module(append_subtract).
-export([main/0]).
% ++ copies its left side; -- removes the first occurrence of each element
main() ->
    A = id([1, 2, 3]), B = id([3, 2, 1, 2]),
    {A ++ B, A ++ [], [] ++ x, B -- [2], B -- [2, 2, 9], length(A ++ B), [a] ++ b}.
id(X) -> X.
