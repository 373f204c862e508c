-module(badarity).
-export([main/0]).
main() -> F = id(fun(X) -> X end), F(1, 2).
id(X) -> X.
