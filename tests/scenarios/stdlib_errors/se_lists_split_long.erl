-module(se_lists_split_long).
-export([main/0]).
main() -> lists:split(id(5), id([a, b])).
id(X) -> X.
