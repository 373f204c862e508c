-module(be_maps_get_missing).
-export([main/0]).
main() -> maps:get(id(k), id(#{})).
id(X) -> X.
