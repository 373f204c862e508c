-module(be_atom_to_list_tuple).
-export([main/0]).
main() -> erlang:atom_to_list(id({a})).
id(X) -> X.
