-module(be_list_to_existing_atom).
-export([main/0]).
main() -> erlang:list_to_existing_atom(id("beamlite_no_such_atom_43")).
id(X) -> X.
