-module(be_binary_to_atom_atom).
-export([main/0]).
main() -> erlang:binary_to_atom(id(a), id(utf8)).
id(X) -> X.
