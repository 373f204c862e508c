-module(be_setelement_not_tuple).
-export([main/0]).
main() -> erlang:setelement(id(1), id([a]), id(x)).
id(X) -> X.
