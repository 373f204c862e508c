-module(se_lists_map_notfun).
-export([main/0]).
main() -> lists:map(id(notfun), id([1])).
id(X) -> X.
