-module(be_binary_to_integer_base).
-export([main/0]).
main() -> erlang:binary_to_integer(id(<<"19">>), id(8)).
id(X) -> X.
