-module(be_insert_element_range).
-export([main/0]).
main() -> erlang:insert_element(id(3), id({a}), id(x)).
id(X) -> X.
