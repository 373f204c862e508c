-module(be_list_to_tuple_improper).
-export([main/0]).
main() -> erlang:list_to_tuple(id([a | b])).
id(X) -> X.
