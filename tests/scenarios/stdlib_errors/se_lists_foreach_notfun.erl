-module(se_lists_foreach_notfun).
-export([main/0]).
main() -> lists:foreach(id(notfun), id([])).
id(X) -> X.
