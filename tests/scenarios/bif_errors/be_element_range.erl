-module(be_element_range).
-export([main/0]).
main() -> erlang:element(id(4), id({a, b, c})).
id(X) -> X.
