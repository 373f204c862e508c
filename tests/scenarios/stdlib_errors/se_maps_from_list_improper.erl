-module(se_maps_from_list_improper).
-export([main/0]).
main() -> maps:from_list(id([{a, 1} | b])).
id(X) -> X.
