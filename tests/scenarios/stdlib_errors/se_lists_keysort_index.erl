-module(se_lists_keysort_index).
-export([main/0]).
main() -> lists:keysort(id(0), id([{a}])).
id(X) -> X.
