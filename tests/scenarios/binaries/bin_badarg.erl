-module(bin_badarg).
-export([main/0]).
% an integer segment given an atom
main() -> X = id(a), <<1, X:8>>.
id(X) -> X.
