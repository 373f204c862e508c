-module(be_maps_merge_badmap).
-export([main/0]).
main() -> maps:merge(id(#{}), id(x)).
id(X) -> X.
