-module(se_maps_fold_notfun).
-export([main/0]).
main() -> maps:fold(id(notfun), id(0), id(#{})).
id(X) -> X.
