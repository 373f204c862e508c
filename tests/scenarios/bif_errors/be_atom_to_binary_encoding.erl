-module(be_atom_to_binary_encoding).
-export([main/0]).
main() -> erlang:atom_to_binary(id(ok), id(utf16)).
id(X) -> X.
