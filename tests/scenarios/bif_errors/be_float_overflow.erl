-module(be_float_overflow).
-export([main/0]).
main() -> erlang:'*'(id(1.0e308), id(10.0)).
id(X) -> X.
