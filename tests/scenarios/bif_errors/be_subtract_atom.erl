-module(be_subtract_atom).
-export([main/0]).
main() -> erlang:'--'(id([a]), id(b)).
id(X) -> X.
