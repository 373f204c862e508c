-module(be_make_tuple_neg).
-export([main/0]).
main() -> erlang:make_tuple(id(-1), id(a)).
id(X) -> X.
