-module(be_bsl_float).
-export([main/0]).
main() -> erlang:'bsl'(id(1.0), id(2)).
id(X) -> X.
