-module(be_integer_to_list_float).
-export([main/0]).
main() -> erlang:integer_to_list(id(1.0)).
id(X) -> X.
