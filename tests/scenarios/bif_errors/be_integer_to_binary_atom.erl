-module(be_integer_to_binary_atom).
-export([main/0]).
main() -> erlang:integer_to_binary(id(a)).
id(X) -> X.
