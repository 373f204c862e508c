-module(be_iolist_to_binary_big).
-export([main/0]).
main() -> erlang:iolist_to_binary(id([1, 256])).
id(X) -> X.
