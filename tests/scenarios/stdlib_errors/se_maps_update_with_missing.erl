-module(se_maps_update_with_missing).
-export([main/0]).
main() -> maps:update_with(id(k), id(fun erlang:abs/1), id(#{})).
id(X) -> X.
