-module(be_bsr_atom).
-export([main/0]).
main() -> erlang:'bsr'(id(1), id(a)).
id(X) -> X.
