-module(be_float_atom).
-export([main/0]).
main() -> erlang:float(id(a)).
id(X) -> X.
