-module(be_element_not_tuple).
-export([main/0]).
main() -> erlang:element(id(1), id([a])).
id(X) -> X.
