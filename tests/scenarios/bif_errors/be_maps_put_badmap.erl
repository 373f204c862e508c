-module(be_maps_put_badmap).
-export([main/0]).
main() -> maps:put(id(k), id(1), id(a)).
id(X) -> X.
