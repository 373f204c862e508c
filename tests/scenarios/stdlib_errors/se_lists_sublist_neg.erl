-module(se_lists_sublist_neg).
-export([main/0]).
main() -> lists:sublist(id([a]), id(-1)).
id(X) -> X.
