-module(apply_ext).
-export([main/0, args12/12, pair/2]).
% erlang:apply/3 as an ordinary external call: a body call with twelve arguments, a BIF,
% apply of apply, and a tail call
main() ->
    A = apply(id(apply_ext), id(args12), id(lists:seq(1, 12))),
    B = apply(id(erlang), id('+'), id([1, 2])),
    C = apply(erlang, apply, id([lists, reverse, [[a, b, c]]])),
    {A, B, C, last(id(apply_ext), id(pair), id([x, y]))}.
last(M, F, A) -> apply(M, F, A).
args12(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12) ->
    [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12].
pair(A, B) -> {A, B}.
id(X) -> X.
