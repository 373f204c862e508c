-module(map_ops).
-export([main/0]).
main() ->
    M = (id(#{a => 1, b => 2}))#{c => 3},
    M2 = M#{b := 20},
    #{b := B} = M2,
    {M2, B, map_size(M2), error}.
id(X) -> X.
