-module(be_rem_zero).
-export([main/0]).
main() -> erlang:'rem'(id(7), id(0)).
id(X) -> X.
