-module(be_list_to_atom_bad).
-export([main/0]).
main() -> erlang:list_to_atom(id([a])).
id(X) -> X.
