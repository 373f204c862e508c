-module(be_binary_part_range).
-export([main/0]).
main() -> erlang:binary_part(id(<<1, 2, 3>>), id(2), id(5)).
id(X) -> X.
