-module(be_tuple_size_list).
-export([main/0]).
main() -> erlang:tuple_size(id([a])).
id(X) -> X.
