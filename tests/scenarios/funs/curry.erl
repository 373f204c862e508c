-module(curry).
-export([main/0]).
% a fun that returns a fun capturing both its own and its parent's variables
main() ->
    Add = fun(A) -> fun(B) -> fun(C) -> A * 100 + B * 10 + C end end end,
    ((Add(id(1)))(2))(3).
id(X) -> X.
