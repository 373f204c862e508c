-module(be_binary_to_list_atom).
-export([main/0]).
main() -> erlang:binary_to_list(id(a)).
id(X) -> X.
