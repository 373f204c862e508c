-module(se_lists_sum_improper).
-export([main/0]).
main() -> lists:sum(id([1 | 2])).
id(X) -> X.
