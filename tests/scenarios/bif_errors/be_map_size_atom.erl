-module(be_map_size_atom).
-export([main/0]).
main() -> erlang:map_size(id(a)).
id(X) -> X.
