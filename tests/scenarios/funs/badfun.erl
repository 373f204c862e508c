-module(badfun).
-export([main/0]).
main() -> F = id(42), F(1).
id(X) -> X.
