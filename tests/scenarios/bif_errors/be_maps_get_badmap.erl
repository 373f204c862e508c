-module(be_maps_get_badmap).
-export([main/0]).
main() -> maps:get(id(k), id(notmap)).
id(X) -> X.
