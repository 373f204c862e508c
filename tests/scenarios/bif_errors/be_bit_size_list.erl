-module(be_bit_size_list).
-export([main/0]).
main() -> erlang:bit_size(id("ab")).
id(X) -> X.
