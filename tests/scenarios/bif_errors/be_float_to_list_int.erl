-module(be_float_to_list_int).
-export([main/0]).
main() -> erlang:float_to_list(id(1)).
id(X) -> X.
