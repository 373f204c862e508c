-module(be_atom_to_binary_list).
-export([main/0]).
main() -> erlang:atom_to_binary(id("a")).
id(X) -> X.
