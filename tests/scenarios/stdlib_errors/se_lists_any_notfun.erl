-module(se_lists_any_notfun).
-export([main/0]).
main() -> lists:any(id(notfun), id([])).
id(X) -> X.
