-module(be_iolist_size_improper).
-export([main/0]).
main() -> erlang:iolist_size(id([<<"a">> | b])).
id(X) -> X.
