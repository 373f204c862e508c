-module(be_float_to_list_decimals).
-export([main/0]).
main() -> erlang:float_to_list(id(1.0), id([{decimals, 300}])).
id(X) -> X.
