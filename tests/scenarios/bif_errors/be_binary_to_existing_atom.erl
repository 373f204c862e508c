-module(be_binary_to_existing_atom).
-export([main/0]).
main() -> erlang:binary_to_existing_atom(id(<<"beamlite_no_such_atom_42">>)).
id(X) -> X.
