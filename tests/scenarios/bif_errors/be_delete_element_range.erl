-module(be_delete_element_range).
-export([main/0]).
main() -> erlang:delete_element(id(2), id({a})).
id(X) -> X.
