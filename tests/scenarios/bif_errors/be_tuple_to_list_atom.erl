-module(be_tuple_to_list_atom).
-export([main/0]).
main() -> erlang:tuple_to_list(id(a)).
id(X) -> X.
