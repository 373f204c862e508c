-module(be_length_improper).
-export([main/0]).
main() -> erlang:length(id([a, b | c])).
id(X) -> X.
