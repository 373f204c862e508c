-module(be_map_get_badmap).
-export([main/0]).
main() -> erlang:map_get(id(k), id([])).
id(X) -> X.
