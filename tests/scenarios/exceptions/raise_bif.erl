-module(raise_bif).
-export([main/0]).
% erlang:raise/3 with a class that is not error, exit or throw returns badarg
main() -> erlang:raise(id(oops), reason, []).
id(X) -> X.
