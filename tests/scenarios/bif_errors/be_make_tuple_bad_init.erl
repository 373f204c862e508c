-module(be_make_tuple_bad_init).
-export([main/0]).
main() -> erlang:make_tuple(id(2), id(x), id([{3, y}])).
id(X) -> X.
