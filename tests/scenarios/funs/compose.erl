-module(compose).
-export([main/0]).
% composing funs: a fun that calls two captured funs, one in tail position
main() ->
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    C = compose(Inc, Dbl),
    {C(5), (compose(C, C))(1)}.
compose(F, G) -> fun(X) -> G(F(X)) end.
