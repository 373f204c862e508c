-module(be_maps_keys_badmap).
-export([main/0]).
main() -> maps:keys(id([])).
id(X) -> X.
