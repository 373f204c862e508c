-module(be_list_to_binary_atom_tail).
-export([main/0]).
main() -> erlang:list_to_binary(id([1 | a])).
id(X) -> X.
