-module(map_exact_badmap).
-export([main/0]).
% M#{K := V} on something that is not a map
main() -> M = id(7), M#{a := 1}.
id(X) -> X.
