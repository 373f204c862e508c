-module(be_append_element_atom).
-export([main/0]).
main() -> erlang:append_element(id(a), id(b)).
id(X) -> X.
