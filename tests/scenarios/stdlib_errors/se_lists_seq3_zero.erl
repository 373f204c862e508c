-module(se_lists_seq3_zero).
-export([main/0]).
main() -> lists:seq(id(1), id(5), id(0)).
id(X) -> X.
