-module(se_lists_nthtail_long).
-export([main/0]).
main() -> lists:nthtail(id(3), id([a])).
id(X) -> X.
