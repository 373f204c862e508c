-module(se_lists_last_nil).
-export([main/0]).
main() -> lists:last(id([])).
id(X) -> X.
