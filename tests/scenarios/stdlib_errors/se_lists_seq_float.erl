-module(se_lists_seq_float).
-export([main/0]).
main() -> lists:seq(id(1), id(2.0)).
id(X) -> X.
