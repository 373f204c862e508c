-module(be_list_to_integer_base).
-export([main/0]).
main() -> erlang:list_to_integer(id("12"), id(1)).
id(X) -> X.
