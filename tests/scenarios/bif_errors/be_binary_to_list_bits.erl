-module(be_binary_to_list_bits).
-export([main/0]).
main() -> erlang:binary_to_list(id(<<1:7>>)).
id(X) -> X.
