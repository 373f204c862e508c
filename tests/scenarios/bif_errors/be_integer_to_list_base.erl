-module(be_integer_to_list_base).
-export([main/0]).
main() -> erlang:integer_to_list(id(10), id(37)).
id(X) -> X.
