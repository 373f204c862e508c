-module(fun_many_args).
-export([main/0, five/5]).
% funs and applies with many arguments: a four-argument fun, apply/3 of a five-argument function
main() ->
    F = fun(A, B, C, D) -> [D, C, B, A] end,
    {F(1, 2, 3, 4), apply(fun_many_args, five, [a, b, c, d, e]), (fun fun_many_args:five/5)(1, 2, 3, 4, 5)}.
five(A, B, C, D, E) -> {E, D, C, B, A}.
