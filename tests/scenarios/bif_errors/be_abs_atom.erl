-module(be_abs_atom).
-export([main/0]).
main() -> erlang:abs(id(a)).
id(X) -> X.
