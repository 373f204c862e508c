-module(se_lists_foldl_improper).
-export([main/0]).
main() -> lists:foldl(id(fun erlang:max/2), id(0), id([1 | 2])).
id(X) -> X.
