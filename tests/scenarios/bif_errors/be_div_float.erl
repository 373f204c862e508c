-module(be_div_float).
-export([main/0]).
main() -> erlang:'div'(id(7.0), id(2)).
id(X) -> X.
