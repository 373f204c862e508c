-module(be_maps_update_missing).
-export([main/0]).
main() -> maps:update(id(k), id(1), id(#{a => 1})).
id(X) -> X.
