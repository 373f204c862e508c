-module(be_append_improper).
-export([main/0]).
main() -> erlang:'++'(id([a | b]), id([c])).
id(X) -> X.
