-module(be_float_to_binary_opt).
-export([main/0]).
main() -> erlang:float_to_binary(id(1.0), id([bad])).
id(X) -> X.
