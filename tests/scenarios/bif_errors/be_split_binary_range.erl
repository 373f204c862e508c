-module(be_split_binary_range).
-export([main/0]).
main() -> erlang:split_binary(id(<<1, 2>>), id(3)).
id(X) -> X.
