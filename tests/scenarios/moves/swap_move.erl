-module(swap_move).
-export([main/0]).
main() ->
    {X, Y} = {id(a), id(b)},
    {Y, X, [], X, Y}.
id(X) -> X.
