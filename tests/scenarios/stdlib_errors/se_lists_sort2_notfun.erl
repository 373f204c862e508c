-module(se_lists_sort2_notfun).
-export([main/0]).
main() -> lists:sort(id(notfun), id([b, a])).
id(X) -> X.
