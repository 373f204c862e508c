-module(be_list_to_integer_x).
-export([main/0]).
main() -> erlang:list_to_integer(id("x")).
id(X) -> X.
