-module(be_binary_part_neg).
-export([main/0]).
main() -> erlang:binary_part(id(<<1, 2, 3>>), id({0, -1})).
id(X) -> X.
