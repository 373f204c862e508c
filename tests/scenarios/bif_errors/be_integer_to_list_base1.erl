-module(be_integer_to_list_base1).
-export([main/0]).
main() -> erlang:integer_to_binary(id(5), id(1)).
id(X) -> X.
