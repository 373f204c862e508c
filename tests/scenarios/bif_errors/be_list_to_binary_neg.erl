-module(be_list_to_binary_neg).
-export([main/0]).
main() -> erlang:list_to_binary(id([-1])).
id(X) -> X.
