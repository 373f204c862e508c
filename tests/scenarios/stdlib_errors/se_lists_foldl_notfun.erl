-module(se_lists_foldl_notfun).
-export([main/0]).
main() -> lists:foldl(id(notfun), id(0), id([])).
id(X) -> X.
