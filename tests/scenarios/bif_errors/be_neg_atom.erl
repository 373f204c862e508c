-module(be_neg_atom).
-export([main/0]).
main() -> erlang:'-'(id(a)).
id(X) -> X.
