-module(be_lists_nth_range).
-export([main/0]).
main() -> lists:nth(id(3), id([a])).
id(X) -> X.
