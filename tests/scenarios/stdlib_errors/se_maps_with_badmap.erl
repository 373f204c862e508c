-module(se_maps_with_badmap).
-export([main/0]).
main() -> maps:with(id([a]), id(notmap)).
id(X) -> X.
