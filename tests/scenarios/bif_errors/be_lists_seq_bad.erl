-module(be_lists_seq_bad).
-export([main/0]).
main() -> lists:seq(id(5), id(1)).
id(X) -> X.
