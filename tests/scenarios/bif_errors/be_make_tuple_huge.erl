-module(be_make_tuple_huge).
-export([main/0]).
main() -> erlang:make_tuple(id(100000000000), id(a)).
id(X) -> X.
