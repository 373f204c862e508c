-module(apply_dynamic).
-export([main/0, add3/3]).
% M:F(Args) with M and F computed at run time, including a BIF and a tail apply
main() ->
    M = id(erlang), F = id('+'),
    A = M:F(1, 2),
    B = erlang:apply(id(lists), id(reverse), [[1, 2, 3]]),
    {A, B, tail(id(apply_dynamic), id(add3))}.
tail(M, F) -> M:F(1, 2, 3).
add3(A, B, C) -> A + B + C.
id(X) -> X.
