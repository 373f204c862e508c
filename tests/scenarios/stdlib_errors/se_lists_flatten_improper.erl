-module(se_lists_flatten_improper).
-export([main/0]).
main() -> lists:flatten(id([a | b])).
id(X) -> X.
