-module(be_map_get_missing).
-export([main/0]).
main() -> erlang:map_get(id(k), id(#{a => 1})).
id(X) -> X.
