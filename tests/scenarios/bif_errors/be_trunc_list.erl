-module(be_trunc_list).
-export([main/0]).
main() -> erlang:trunc(id("1")).
id(X) -> X.
