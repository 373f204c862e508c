-module(be_binary_to_float_x).
-export([main/0]).
main() -> erlang:binary_to_float(id(<<"x">>)).
id(X) -> X.
