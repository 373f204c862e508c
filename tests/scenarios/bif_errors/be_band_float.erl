-module(be_band_float).
-export([main/0]).
main() -> erlang:'band'(id(3), id(1.0)).
id(X) -> X.
