-module(be_plus_atom).
-export([main/0]).
main() -> erlang:'+'(id(a), id(1)).
id(X) -> X.
