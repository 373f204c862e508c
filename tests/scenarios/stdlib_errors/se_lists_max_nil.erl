-module(se_lists_max_nil).
-export([main/0]).
main() -> lists:max(id([])).
id(X) -> X.
