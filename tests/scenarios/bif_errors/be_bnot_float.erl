-module(be_bnot_float).
-export([main/0]).
main() -> erlang:'bnot'(id(1.5)).
id(X) -> X.
