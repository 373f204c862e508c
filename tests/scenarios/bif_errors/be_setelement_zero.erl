-module(be_setelement_zero).
-export([main/0]).
main() -> erlang:setelement(id(0), id({a}), id(x)).
id(X) -> X.
