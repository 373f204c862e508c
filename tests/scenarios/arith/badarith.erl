-module(badarith).
-export([main/0]).
main() -> erlang:'div'(id(1), id(0)).
id(X) -> X.
