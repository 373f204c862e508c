-module(be_binary_to_integer_frac).
-export([main/0]).
main() -> erlang:binary_to_integer(id(<<"1.5">>)).
id(X) -> X.
