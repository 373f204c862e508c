-module(be_binary_to_list_range).
-export([main/0]).
main() -> erlang:binary_to_list(id(<<1, 2, 3>>), id(2), id(5)).
id(X) -> X.
