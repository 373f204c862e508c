-module(be_iolist_to_binary_bits).
-export([main/0]).
main() -> erlang:iolist_to_binary(id([<<1:3>>])).
id(X) -> X.
