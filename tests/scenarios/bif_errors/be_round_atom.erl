-module(be_round_atom).
-export([main/0]).
main() -> erlang:round(id(a)).
id(X) -> X.
