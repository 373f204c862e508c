-module(se_lists_duplicate_neg).
-export([main/0]).
main() -> lists:duplicate(id(-1), id(x)).
id(X) -> X.
