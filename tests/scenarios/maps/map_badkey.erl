-module(map_badkey).
-export([main/0]).
% M#{K := V} on a missing key
main() -> M = id(#{a => 1}), M#{a := 2, b := 3}.
id(X) -> X.
