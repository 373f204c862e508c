-module(be_atom_to_list_int).
-export([main/0]).
main() -> erlang:atom_to_list(id(1)).
id(X) -> X.
