-module(be_lists_sum_atoms).
-export([main/0]).
main() -> lists:sum(id([1, a])).
id(X) -> X.
