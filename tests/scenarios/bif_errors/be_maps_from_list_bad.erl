-module(be_maps_from_list_bad).
-export([main/0]).
main() -> maps:from_list(id([a])).
id(X) -> X.
